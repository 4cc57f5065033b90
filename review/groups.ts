// The findings of a review grouped the way an officer decides them: by kind,
// then by value. 坂本 光太郎 found four times is one row ("×4, p1 p3") and one
// decision for all four; a case list of 500 rows is a few hundred rows, not
// thousands of controls. Pure data: the panel renders it.
import type { Kind } from '../core/findings.ts';
import type { Reason } from './plan.ts';
import type { Decision, ReviewFinding } from './review.ts';

export interface ValueGroup {
  /** kind and normalised value */
  key: string;
  kind: Kind;
  /** the value as first found */
  text: string;
  /** the occurrences' finding ids, in document order */
  ids: string[];
  /** the pages it is on, ascending, each once */
  pages: number[];
  /** the decision all occurrences share, or 'mixed' */
  decision: Decision | 'mixed';
  /** the reason all occurrences share, or the first occurrence's when they differ */
  reason: Reason;
}

export interface KindGroup {
  kind: Kind;
  /** occurrences of the kind */
  count: number;
  values: ValueGroup[];
}

/** A value as the officer reads it: width variants, spacing and case set aside (坂本　光太郎 = 坂本 光太郎). */
export function valueKey(kind: Kind, text: string): string {
  return `${kind}\u0000${text.normalize('NFKC').replace(/\s+/gu, '').toLowerCase()}`;
}

/** Groups findings by kind (in order of first appearance), then by value; `keep` picks the findings shown. */
export function groupFindings(findings: readonly ReviewFinding[], keep: (f: ReviewFinding) => boolean = () => true): KindGroup[] {
  const byKind = new Map<Kind, Map<string, ReviewFinding[]>>();
  for (const f of findings) {
    if (!keep(f)) continue;
    const values = byKind.get(f.finding.kind) ?? new Map<string, ReviewFinding[]>();
    byKind.set(f.finding.kind, values);
    const key = valueKey(f.finding.kind, f.finding.text);
    values.set(key, [...(values.get(key) ?? []), f]);
  }
  return [...byKind].map(([kind, values]) => {
    const groups = [...values].map(([key, items]): ValueGroup => {
      const decisions = new Set(items.map((f) => f.decision));
      return {
        key,
        kind,
        text: items[0].finding.text,
        ids: items.map((f) => f.id),
        pages: [...new Set(items.map((f) => f.finding.page))].sort((a, b) => a - b),
        decision: decisions.size === 1 ? items[0].decision : 'mixed',
        reason: items[0].reason,
      };
    });
    return { kind, count: groups.reduce((n, g) => n + g.ids.length, 0), values: groups };
  });
}

/** The group the finding `id` belongs to. */
export function groupOf(groups: readonly KindGroup[], id: string): ValueGroup | undefined {
  for (const k of groups) for (const v of k.values) if (v.ids.includes(id)) return v;
  return undefined;
}

/** Pages as a short list: p1 p3 p4… (the first few, then how many more). */
export function pageList(pages: readonly number[], most = 4): string {
  const shown = pages.slice(0, most).map((p) => `p${p}`);
  return pages.length > most ? `${shown.join(' ')} +${pages.length - most}` : shown.join(' ');
}
