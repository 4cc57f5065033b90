import { normalizeText } from './core/normalize.ts';
import { ScanContext } from './engine/context.ts';
import { DETECTORS } from './detectors/index.ts';
import { generateText } from './bench/generate.ts';
const pages = generateText(10.5 * 1024 * 1024);
const ids = process.argv.slice(2);
const ctxs = pages.map((p) => new ScanContext(normalizeText(p).text));
const ds = DETECTORS.filter((d) => ids.includes(d.id));
for (let r = 0; r < 4; r++) { const t0 = performance.now(); for (const c of ctxs) for (const d of ds) d.detect(c); console.log((performance.now() - t0).toFixed(0)); }
