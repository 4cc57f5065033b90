import type { Candidate, ScanContext } from '../engine/context.ts';
import type { Detector } from '../engine/detector.ts';

// Terms from the office's own dictionary (project code names, internal system
// names, a list of names to always mask). Matched case-insensitively, NFKC-normalised.
function detect(ctx: ScanContext): Candidate[] {
  const out: Candidate[] = [];
  for (const raw of ctx.customTerms) {
    const term = raw.normalize('NFKC').toLowerCase().trim();
    if (!term) continue;
    for (let at = ctx.lower.indexOf(term); at !== -1; at = ctx.lower.indexOf(term, at + term.length)) {
      out.push({ start: at, end: at + term.length, score: 1, why: `dictionary term "${raw}"` });
    }
  }
  return out;
}

export const custom: Detector = {
  id: 'custom',
  kind: 'custom',
  severity: 'medium',
  detect,
  examples: { positive: [], negative: ['no terms configured, nothing found'] },
};
