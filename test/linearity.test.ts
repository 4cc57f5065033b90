// Every detector stays linear on adversarial input built from its own words:
// its trigger labels repeated with and without values, and its examples
// repeated on one long line and on many. 1 MB may cost at most 12 times what
// 100 KB costs (a quadratic detector costs 100 times): a page of repeated
// labels must never freeze the content script or stall the upload dialog.
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../detectors/index.ts';
import { scanText } from '../engine/engine.ts';

const KB = 1024;

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.max(1, Math.ceil(size / unit.length))).slice(0, size);
}

function families(d: (typeof DETECTORS)[number]): Record<string, string> {
  const triggers = (d.triggers ?? []).filter((t) => t.length > 1);
  const examples = d.examples.positive.map((e) => e.text.replace(/\n/g, ' '));
  // and long runs without a blank, which a careless regex rescans from every position (a base64 blob, a line of digits)
  const out: Record<string, string> = { 'a run of digits': '1', 'a run of letters': 'a', 'a run of symbols': '@.-_:/' };
  if (examples.length) {
    out['examples on one line'] = examples.join(' ');
    out['examples on lines'] = d.examples.positive.map((e) => e.text).join('\n') + '\n';
  }
  if (triggers.length) {
    out['labels with colons'] = triggers.map((t) => `${t}: `).join('');
    out['labels alone'] = triggers.join(' ') + ' ';
  }
  return out;
}

/** The best of three runs: a garbage collection in one run is not the detector's cost. */
function time(text: string, detector: (typeof DETECTORS)[number]): number {
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    scanText(text, 1, { detectors: [detector] });
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

describe('linear detectors on adversarial input', () => {
  for (const d of DETECTORS) {
    it(`${d.id}: 1 MB costs at most 12 times 100 KB`, () => {
      for (const [name, unit] of Object.entries(families(d))) {
        time(repeatTo(unit, 20 * KB), d); // warm the JIT
        const small = time(repeatTo(unit, 100 * KB), d);
        const big = time(repeatTo(unit, 1024 * KB), d);
        // a linear detector does 1 MB in well under 0.6 s here, and the small run's few milliseconds are mostly noise:
        // the ratio is judged where a quadratic one shows (100 KB in 20 ms becomes 2 s)
        if (big > 600) expect(big / Math.max(small, 20), `${d.id} on ${name}: 100 KB ${small.toFixed(0)} ms, 1 MB ${big.toFixed(0)} ms`).toBeLessThanOrEqual(12);
      }
    });
  }
});
