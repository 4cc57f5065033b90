// The officer's review of one document: a decision for every finding, masks
// drawn by hand, and the legal ground of each. Pure data with undo/redo; the
// panel renders it and saves it (decisions only, never the found text).
import type { Finding, Kind } from '../core/findings.ts';
import type { Box } from './boxes.ts';
import { defaultReason, type Mask, type Reason } from './plan.ts';

export type Decision = 'proposed' | 'accepted' | 'rejected' | 'disclose';

export interface ReviewFinding {
  id: string;
  finding: Finding;
  boxes: Box[];
  decision: Decision;
  reason: Reason;
}

export interface ManualMask {
  id: string;
  page: number;
  box: Box;
  reason: Reason;
}

export interface ReviewState {
  findings: ReviewFinding[];
  manual: ManualMask[];
}

/** What is saved per document: decisions by finding id and the manual masks. */
export interface SavedReview {
  decisions: Record<string, { decision: Decision; reason: Reason }>;
  manual: ManualMask[];
}

export type ReviewAction =
  | { type: 'decide'; ids: string[]; decision: Decision }
  | { type: 'reason'; ids: string[]; reason: Reason }
  | { type: 'add-manual'; mask: ManualMask }
  | { type: 'update-manual'; id: string; box?: Box; reason?: Reason }
  | { type: 'remove-manual'; id: string };

export function findingId(f: Finding): string {
  return `${f.page}:${f.start}:${f.end}:${f.kind}`;
}

export function initialReview(findings: { finding: Finding; boxes: Box[] }[], saved?: SavedReview): ReviewState {
  return {
    findings: findings.map(({ finding, boxes }) => {
      const id = findingId(finding);
      const prior = saved?.decisions[id];
      return { id, finding, boxes, decision: prior?.decision ?? 'proposed', reason: prior?.reason ?? defaultReason(finding.kind) };
    }),
    manual: saved?.manual ?? [],
  };
}

export function reduce(state: ReviewState, action: ReviewAction): ReviewState {
  switch (action.type) {
    case 'decide': {
      const ids = new Set(action.ids);
      return { ...state, findings: state.findings.map((f) => (ids.has(f.id) ? { ...f, decision: action.decision } : f)) };
    }
    case 'reason': {
      const ids = new Set(action.ids);
      return {
        findings: state.findings.map((f) => (ids.has(f.id) ? { ...f, reason: action.reason } : f)),
        manual: state.manual.map((m) => (ids.has(m.id) ? { ...m, reason: action.reason } : m)),
      };
    }
    case 'add-manual':
      return { ...state, manual: [...state.manual, action.mask] };
    case 'update-manual':
      return {
        ...state,
        manual: state.manual.map((m) => (m.id === action.id ? { ...m, box: action.box ?? m.box, reason: action.reason ?? m.reason } : m)),
      };
    case 'remove-manual':
      return { ...state, manual: state.manual.filter((m) => m.id !== action.id) };
  }
}

export function saveable(state: ReviewState): SavedReview {
  const decisions: SavedReview['decisions'] = {};
  for (const f of state.findings) decisions[f.id] = { decision: f.decision, reason: f.reason };
  return { decisions, manual: state.manual };
}

/** The masks to burn: accepted findings and every manual area. */
export function masksOf(state: ReviewState): Mask[] {
  const masks: Mask[] = [];
  for (const f of state.findings) {
    if (f.decision !== 'accepted') continue;
    for (const box of f.boxes) masks.push({ page: f.finding.page, box, kind: f.finding.kind as Kind, reason: f.reason, source: 'finding' });
  }
  for (const m of state.manual) masks.push({ page: m.page, box: m.box, kind: 'manual', reason: m.reason, source: 'manual' });
  return masks;
}

/** Undo/redo over any state. */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
}

export function historyOf<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

export function apply<T>(h: History<T>, next: T): History<T> {
  return next === h.present ? h : { past: [...h.past.slice(-199), h.present], present: next, future: [] };
}

export function undo<T>(h: History<T>): History<T> {
  if (!h.past.length) return h;
  return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1], future: [h.present, ...h.future] };
}

export function redo<T>(h: History<T>): History<T> {
  if (!h.future.length) return h;
  return { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1) };
}
