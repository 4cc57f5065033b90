import { normalizeText } from './core/normalize.ts';
import { ScanContext } from './engine/context.ts';
import { DETECTORS } from './detectors/index.ts';
import { generateText } from './bench/generate.ts';
import { TriggerIndex } from './engine/triggers.ts';
const pages = generateText(10.5 * 1024 * 1024);
const ctxs = pages.map((p) => new ScanContext(normalizeText(p).text));
const ti = new TriggerIndex(DETECTORS);
const ds = DETECTORS.filter((d) => !d.costly);
for (let r = 0; r < 4; r++) {
  let t0 = performance.now(); let n = 0;
  for (const c of ctxs) n += ti.present(c.lower).size;
  const a = performance.now() - t0;
  t0 = performance.now(); let k = 0;
  for (const c of ctxs) for (const d of ds) if (!d.triggers || d.triggers.some((t) => c.lower.includes(t))) k++;
  const b = performance.now() - t0;
  t0 = performance.now(); let hits = 0;
  console.log('present', a.toFixed(0), n, 'includes', b.toFixed(0), k);
}
const c = ctxs[5]; console.log([...ti.present(c.lower)].join(','));
console.log(ds.filter((d) => !d.triggers || d.triggers.some((t) => c.lower.includes(t))).map((d) => d.id).join(','));
