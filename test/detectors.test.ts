// Runs every detector's own positive and negative examples through the whole engine.
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../detectors/index.ts';
import { scanText } from '../pipeline/scan.ts';

describe.each(DETECTORS.map((d) => [d.id, d] as const))('detector %s', (_id, detector) => {
  for (const ex of detector.examples.positive) {
    it(`finds ${JSON.stringify(ex.expect)} in ${JSON.stringify(ex.text.slice(0, 60))}`, () => {
      const found = scanText(ex.text, 1, { detectors: [detector] }).map((f) => f.text);
      expect(found).toContain(ex.expect);
      // and the whole engine keeps it as the same kind (no other detector outranks it wrongly)
      const all = scanText(ex.text).filter((f) => f.text === ex.expect);
      expect(all.length, `engine lost ${ex.expect}`).toBeGreaterThan(0);
    });
  }
  for (const negative of detector.examples.negative) {
    const { text, why } = typeof negative === 'string' ? { text: negative, why: '' } : negative;
    it(`finds nothing in ${JSON.stringify(text.slice(0, 60))}${why ? ` (${why})` : ''}`, () => {
      expect(scanText(text, 1, { detectors: [detector] }).map((f) => f.text)).toEqual([]);
    });
  }
});
