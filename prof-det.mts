import { normalizeText } from './core/normalize.ts';
import { ScanContext } from './engine/context.ts';
import { DETECTORS } from './detectors/index.ts';
import { generateText } from './bench/generate.ts';
import { scanText } from './pipeline/scan.ts';
import { TriggerIndex } from './engine/triggers.ts';
const ti = new TriggerIndex(DETECTORS);
const pages = generateText(10.5 * 1024 * 1024);
const t: Record<string, number> = {};
for (let r = 0; r < 2; r++) {
  for (const k of Object.keys(t)) t[k] = 0;
  let tn = 0, tc = 0;
  for (const p of pages) {
    let t0 = performance.now();
    const n = normalizeText(p); tn += performance.now() - t0;
    t0 = performance.now();
    const ctx = new ScanContext(n.text); const present = ti.present(ctx.lower); tc += performance.now() - t0;
    for (const d of DETECTORS) { if (d.costly) continue; if (d.triggers && !d.triggers.some((t) => present.has(t))) continue; const t1 = performance.now(); for (const _ of d.detect(ctx)); t[d.id] = (t[d.id] ?? 0) + performance.now() - t1; }
  }
  if (r === 1) { console.log('normalize', tn.toFixed(0), 'ctx', tc.toFixed(0)); for (const [k, v] of Object.entries(t).sort((a, b) => b[1] - a[1])) console.log(k, v.toFixed(0)); }
}
let t0 = performance.now(); for (let i = 0; i < pages.length; i++) scanText(pages[i], i + 1, { fast: true }); console.log('scanText total', (performance.now() - t0).toFixed(0));
