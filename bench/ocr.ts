// bench ocr: tesseract.js (our engine, one worker) against the native
// `tesseract` command (OMP_THREAD_LIMIT=1, one process per page, as CONTRACT
// §4 says) on the same generated 300-dpi A4 pages of mixed Japanese/English,
// recognition time per page; then pages per minute through the whole pipeline
// (render, prepare, recognise, page text) with one worker per core.
// Recognition quality (character accuracy against the drawn text) on stderr.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { buildOcrPage } from '../ocr/page-text.ts';
import { createNodeEngine, defaultWorkers, ocrPdfPages } from '../ocr/node.ts';
import { prepareForOcr } from '../ocr/preprocess.ts';
import { a4, benchLines, pngToGray, renderTestPage } from '../test/ocr/fixtures.ts';

const PAGES = 4;

/** Character accuracy: 1 - edit distance / length, on NFKC text without whitespace. */
export function charAccuracy(truth: string, read: string): number {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  const a = Array.from(norm(truth));
  const b = Array.from(norm(read));
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    [prev, cur] = [cur, prev];
  }
  return a.length ? Math.max(0, 1 - prev[b.length] / a.length) : 1;
}

function nativeAvailable(): boolean {
  const r = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  return r.status === 0 && /\bjpn\b/.test(r.stdout) && /\beng\b/.test(r.stdout);
}

export async function run(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'sumi-bench-ocr-'));
  try {
    // the images both engines read: the pages as our pipeline prepares them for OCR (PGM)
    const pages = [];
    for (let n = 0; n < PAGES; n++) {
      const lines = benchLines(n);
      const rendered = renderTestPage(lines);
      const prepared = prepareForOcr(await pngToGray(rendered.png), { dpi: 300 });
      const file = join(dir, `page${n + 1}.pgm`);
      writeFileSync(file, prepared.bytes);
      pages.push({ file, png: rendered.png, prepared, truth: lines.map((l) => l.text).join('\n') });
    }
    const { width, height } = a4(300);
    const geometry = { pageWidthPt: (width * 72) / 300, pageHeightPt: (height * 72) / 300, pxPerPt: 300 / 72 };

    // one tesseract.js worker, started (and its code warmed on a small page) before timing
    const engine = await createNodeEngine();
    const warm = renderTestPage(benchLines(9).slice(0, 3), { width: 1200, height: 400 });
    await engine.recognize(warm.png, { ...geometry, pageWidthPt: 288, pageHeightPt: 96 });
    const native = nativeAvailable();
    if (!native) console.error('  native tesseract with jpn+eng is not installed: native_page_s=0');

    let jsSeconds = 0;
    let nativeSeconds = 0;
    let jsAcc = 0;
    let nativeAcc = 0;
    try {
      for (const [i, p] of pages.entries()) {
        // interleaved, so both meet the same machine load
        const t0 = performance.now();
        const result = await engine.recognize(p.prepared.bytes, { ...geometry, toRaster: p.prepared.toSource, image: p.prepared.image });
        const js = (performance.now() - t0) / 1000;
        jsSeconds += js;
        const jsText = buildOcrPage(i + 1, result).text;
        jsAcc += charAccuracy(p.truth, jsText);

        let nat = 0;
        if (native) {
          const out = join(dir, `native${i + 1}`);
          const t1 = performance.now();
          const r = spawnSync('tesseract', [p.file, out, '-l', 'jpn+eng'], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, encoding: 'utf8' });
          nat = (performance.now() - t1) / 1000;
          if (r.status !== 0) throw new Error(`native tesseract failed: ${r.stderr}`);
          nativeSeconds += nat;
          nativeAcc += charAccuracy(p.truth, readFileSync(`${out}.txt`, 'utf8'));
        }
        console.error(`  page ${i + 1}: tesseract.js ${js.toFixed(2)} s, native ${nat.toFixed(2)} s`);
      }
    } finally {
      await engine.terminate();
    }
    const pageS = jsSeconds / PAGES;
    const nativePageS = native ? nativeSeconds / PAGES : 0;
    console.error(`  character accuracy: tesseract.js ${((jsAcc / PAGES) * 100).toFixed(2)}%, native ${native ? ((nativeAcc / PAGES) * 100).toFixed(2) : '-'}%`);

    // the whole pipeline on a scanned PDF of the pages (twice over), all workers
    const pdf = await PDFDocument.create();
    const images = await Promise.all(pages.map((p) => pdf.embedPng(p.png)));
    for (let k = 0; k < 2 * PAGES; k++) {
      const page = pdf.addPage([595.28, 841.89]);
      page.drawImage(images[k % PAGES], { x: 0, y: 0, width: 595.28, height: 841.89 });
    }
    const bytes = await pdf.save();
    const workers = defaultWorkers();
    const t2 = performance.now();
    await ocrPdfPages(bytes, Array.from({ length: 2 * PAGES }, (_, k) => k + 1), { workers });
    const minutes = (performance.now() - t2) / 60000;
    const perMin = (2 * PAGES) / minutes;
    console.error(`  pipeline: ${2 * PAGES} scanned pages with ${workers} workers in ${(minutes * 60).toFixed(1)} s (worker start included)`);

    const ratio = nativePageS ? pageS / nativePageS : 0;
    return `page_s=${pageS.toFixed(2)} native_page_s=${nativePageS.toFixed(2)} ratio=${ratio.toFixed(2)} pages_per_min=${perMin.toFixed(1)}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
