// The mask plan: which areas of which page are masked, why, and on what legal
// ground. Built from findings through the page's segments (never by searching
// the text again), plus areas the officer drew by hand.
import type { Page, SumiDocument } from '../core/document.ts';
import type { Finding, Kind } from '../core/findings.ts';
import { textBoxes, type Box } from './boxes.ts';

/** Non-disclosure grounds of the Information Disclosure Act, Article 5. */
export const REASONS = ['5条1号', '5条1号の2', '5条2号', '5条3号', '5条4号', '5条5号', '5条6号'] as const;
export type Reason = (typeof REASONS)[number] | string;

/** Personal data defaults to 1号; credentials and internal systems to 6号 (administrative operations). */
export function defaultReason(kind: Kind): Reason {
  switch (kind) {
    case 'password':
    case 'login-id':
    case 'api-key':
    case 'private-key':
    case 'url':
    case 'ip-address':
      return '5条6号';
    case 'custom':
      return '5条6号';
    default:
      return '5条1号';
  }
}

export interface Mask {
  page: number;
  /** in PDF user space: x, y of the lower-left corner, width, height */
  box: Box;
  kind: Kind | 'manual';
  reason: Reason;
  /** where the mask came from; never the masked text */
  source: 'finding' | 'manual';
}

/** The masks of the findings, as found: a minimum width is applied once, at export (pipeline/export-verified.ts). */
export function planFromFindings(doc: SumiDocument, findings: Finding[]): Mask[] {
  const pages = new Map(doc.pages.map((p) => [p.number, p]));
  const masks: Mask[] = [];
  for (const f of findings) {
    const page = pages.get(f.page);
    if (!page) continue;
    for (const box of textBoxes(page, f.start, f.end)) {
      masks.push({ page: f.page, box, kind: f.kind, reason: defaultReason(f.kind), source: 'finding' });
    }
  }
  return masks;
}

/** The box, widened about its centre to at least `minWidth` points. */
export function widen(box: Box, minWidth: number): Box {
  if (box.width >= minWidth) return box;
  const extra = minWidth - box.width;
  return { ...box, x: box.x - extra / 2, width: minWidth };
}

/** Every mask widened to at least `minWidth` points, so a short name cannot be told from a long one. */
export function widenMasks(masks: Mask[], minWidth: number): Mask[] {
  return minWidth > 0 ? masks.map((m) => ({ ...m, box: widen(m.box, minWidth) })) : masks;
}

/** Pages a plan touches, for progress and for the log. */
export function pagesOf(masks: Mask[]): number[] {
  return [...new Set(masks.map((m) => m.page))].sort((a, b) => a - b);
}

export type { Page };
