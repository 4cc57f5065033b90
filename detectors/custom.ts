import type { Candidate, ScanContext } from '../engine/context.ts';
import type { Detector } from '../engine/detector.ts';

// Terms from the office's own dictionary (project code names, internal system
// names, a list of names to always mask): literal terms matched
// case-insensitively, NFKC-normalised, or regular expressions; each with the
// severity the office gave it.
function detect(ctx: ScanContext): Candidate[] {
  const out: Candidate[] = [];
  for (const entry of ctx.customTerms) {
    const { term: raw, pattern, severity } = typeof entry === 'string' ? { term: entry } : entry;
    const why = `dictionary term "${raw}"`;
    if (pattern) {
      for (const m of patternMatches(ctx.text, raw)) out.push({ ...m, score: 1, why, ...(severity ? { severity } : {}) });
      continue;
    }
    const term = raw.normalize('NFKC').toLowerCase().trim();
    if (!term) continue;
    for (let at = ctx.lower.indexOf(term); at !== -1; at = ctx.lower.indexOf(term, at + term.length)) {
      out.push({ start: at, end: at + term.length, score: 1, why, ...(severity ? { severity } : {}) });
    }
  }
  return out;
}

/** Where a pattern matches, never an empty match; a pattern that does not compile matches nothing. */
function patternMatches(text: string, pattern: string): { start: number; end: number }[] {
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'giu');
  } catch {
    return [];
  }
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(re)) if (m[0].length) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

export const custom: Detector = {
  id: 'custom',
  kind: 'custom',
  severity: 'medium',
  detect,
  examples: { positive: [], negative: ['no terms configured, nothing found'] },
};
