// bench ocr: tesseract.js (our engine, one worker) against the native
// `tesseract` command (OMP_THREAD_LIMIT=1, one process per page, as CONTRACT
// §4 says) on the same generated 300-dpi A4 pages of mixed Japanese/English,
// recognition time per page; then pages per minute through the whole pipeline
// (render, prepare, recognise, page text) with one worker per core.
//
// Like with like: both read the same prepared page image (PGM), jpn+eng, LSTM,
// told 300 dpi, and the native command reads the very models tesseract.js
// reads (4.0.0_best_int, unpacked); its start-up (process, model loading),
// which the warm tesseract.js worker does not pay per page, is measured on a
// blank image and taken off. The native command with the system's own models
// (Debian ships tessdata_fast: a smaller network) is printed for reference.
// On stderr: per-page wall and CPU times and character accuracy of each.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { buildOcrPage } from '../ocr/page-text.ts';
import { ocrPdfPages } from '../ocr/ocr-document.ts';
import { createNodeEngine, nodePlatform, tessdataDir } from '../platform/node.ts';
import { prepareForOcr } from '../ocr/prepare-image.ts';
import { a4, benchLines, pngToGray, renderTestPage } from '../test/ocr/fixtures.ts';

const PAGES = 4;
const LANGUAGES = ['jpn', 'eng'];
/** what Debian's tesseract-ocr-jpn/-eng ship */
const SYSTEM_MODELS = 'tessdata_fast';

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

/** The language data tesseract.js reads (jpn, eng), unpacked into `dir` for the native command. */
function unpackOurData(dir: string): string {
  const out = join(dir, 'tessdata');
  mkdirSync(out);
  for (const lang of LANGUAGES) writeFileSync(join(out, `${lang}.traineddata`), gunzipSync(readFileSync(join(tessdataDir(), `${lang}.traineddata.gz`))));
  return out;
}

interface NativeRun {
  wall: number;
  /** CPU seconds of the process (user + system), when /usr/bin/time is there to tell */
  cpu?: number;
  text: string;
}

const hasTimeCommand = existsSync('/usr/bin/time');

/**
 * One native `tesseract` process on one image: single-threaded, jpn+eng, LSTM,
 * 300 dpi (what tesseract.js is told too), the given data folder (the system's when none).
 */
function runNative(image: string, out: string, tessdata?: string): NativeRun {
  const args = [image, out, '-l', LANGUAGES.join('+'), '--oem', '1', '--dpi', '300', ...(tessdata ? ['--tessdata-dir', tessdata] : [])];
  const cpuFile = `${out}.cpu`;
  const [cmd, argv] = hasTimeCommand ? ['/usr/bin/time', ['-f', '%U %S', '-o', cpuFile, 'tesseract', ...args]] : ['tesseract', args];
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, encoding: 'utf8' });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`native tesseract failed: ${r.stderr}`);
  const cpu = hasTimeCommand
    ? readFileSync(cpuFile, 'utf8')
        .trim()
        .split(/\s+/)
        .map(Number)
        .reduce((a, b) => a + b, 0)
    : undefined;
  return { wall, cpu, text: existsSync(`${out}.txt`) ? readFileSync(`${out}.txt`, 'utf8') : '' };
}

/**
 * What one native process costs before it reads a page (start, loading the
 * models): measured on a blank 64×64 image, the lowest of three, and taken
 * off every page so both engines are timed on recognition alone.
 */
function nativeStartup(dir: string, tessdata: string | undefined, tag: string): { wall: number; cpu: number } {
  const blank = join(dir, 'blank.pgm');
  writeFileSync(blank, Buffer.concat([Buffer.from('P5\n64 64\n255\n'), Buffer.alloc(64 * 64, 255)]));
  const runs = [0, 1, 2].map((k) => runNative(blank, join(dir, `blank-${tag}-${k}`), tessdata));
  return { wall: Math.min(...runs.map((r) => r.wall)), cpu: Math.min(...runs.map((r) => r.cpu ?? 0)) };
}

const seconds = (v: number) => v.toFixed(2);
const percent = (v: number) => `${(v * 100).toFixed(2)}%`;

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

    // one tesseract.js engine, started (and its code warmed on a small prepared page
    // with English on it, so the second reading's worker starts too) before timing
    const engine = await createNodeEngine(LANGUAGES);
    const warm = prepareForOcr(await pngToGray(renderTestPage(benchLines(9).slice(0, 3), { width: 1200, height: 400 }).png), { dpi: 300 });
    await engine.recognize(warm.bytes, { ...geometry, pageWidthPt: 288, pageHeightPt: 96 });
    const native = nativeAvailable();
    if (!native) console.error('  native tesseract with jpn+eng is not installed: native_page_s=0');
    // like with like: the native command reads the very models tesseract.js reads
    const ours = native ? unpackOurData(dir) : undefined;
    const startup = native ? nativeStartup(dir, ours, 'ours') : { wall: 0, cpu: 0 };
    const systemStartup = native ? nativeStartup(dir, undefined, 'system') : { wall: 0, cpu: 0 };
    if (native)
      console.error(`  native start-up (taken off each page): ${seconds(startup.wall)} s wall, ${seconds(startup.cpu)} s CPU with our models; ${seconds(systemStartup.wall)} s wall with the system's`);

    const sum = { js: 0, jsCpu: 0, jsAcc: 0, nat: 0, natCpu: 0, natAcc: 0, sys: 0, sysCpu: 0, sysAcc: 0 };
    try {
      for (const [i, p] of pages.entries()) {
        // interleaved, so all meet the same machine load
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        const result = await engine.recognize(p.prepared.bytes, { ...geometry, toRaster: p.prepared.toSource, image: p.prepared.image });
        const js = (performance.now() - t0) / 1000;
        const c = process.cpuUsage(c0);
        const jsCpu = (c.user + c.system) / 1e6;
        const jsAcc = charAccuracy(p.truth, buildOcrPage(i + 1, result).text);
        sum.js += js;
        sum.jsCpu += jsCpu;
        sum.jsAcc += jsAcc;
        let line = `  page ${i + 1}: tesseract.js ${seconds(js)} s (CPU ${seconds(jsCpu)} s, accuracy ${percent(jsAcc)})`;
        if (native) {
          const nat = runNative(p.file, join(dir, `native${i + 1}`), ours);
          const natAcc = charAccuracy(p.truth, nat.text);
          sum.nat += Math.max(0, nat.wall - startup.wall);
          sum.natCpu += Math.max(0, (nat.cpu ?? 0) - startup.cpu);
          sum.natAcc += natAcc;
          const sys = runNative(p.file, join(dir, `system${i + 1}`));
          const sysAcc = charAccuracy(p.truth, sys.text);
          sum.sys += Math.max(0, sys.wall - systemStartup.wall);
          sum.sysCpu += Math.max(0, (sys.cpu ?? 0) - systemStartup.cpu);
          sum.sysAcc += sysAcc;
          line += `, native ${seconds(nat.wall - startup.wall)} s (CPU ${seconds((nat.cpu ?? 0) - startup.cpu)} s, accuracy ${percent(natAcc)})`;
          line += `, native with the system's models ${seconds(sys.wall - systemStartup.wall)} s (accuracy ${percent(sysAcc)})`;
        }
        console.error(line);
      }
    } finally {
      await engine.terminate();
    }
    const pageS = sum.js / PAGES;
    const nativePageS = native ? sum.nat / PAGES : 0;
    console.error(
      `  per page: tesseract.js ${seconds(pageS)} s wall, ${seconds(sum.jsCpu / PAGES)} s CPU; native (same models) ${seconds(nativePageS)} s wall, ${hasTimeCommand ? seconds(sum.natCpu / PAGES) : '-'} s CPU`,
    );
    if (native) console.error(`  per page, native with the system's models (${SYSTEM_MODELS}): ${seconds(sum.sys / PAGES)} s wall, ${hasTimeCommand ? seconds(sum.sysCpu / PAGES) : '-'} s CPU`);
    if (native && hasTimeCommand && sum.natCpu) console.error(`  CPU ratio (less sensitive to machine load): ${(sum.jsCpu / sum.natCpu).toFixed(2)}`);
    console.error(
      `  character accuracy: tesseract.js ${percent(sum.jsAcc / PAGES)}, native ${native ? percent(sum.natAcc / PAGES) : '-'} (same models), native ${native ? percent(sum.sysAcc / PAGES) : '-'} (system's models)`,
    );

    // the whole pipeline on a scanned PDF of the pages (twice over), all workers
    const pdf = await PDFDocument.create();
    const images = await Promise.all(pages.map((p) => pdf.embedPng(p.png)));
    for (let k = 0; k < 2 * PAGES; k++) {
      const page = pdf.addPage([595.28, 841.89]);
      page.drawImage(images[k % PAGES], { x: 0, y: 0, width: 595.28, height: 841.89 });
    }
    const bytes = await pdf.save();
    const workers = nodePlatform.ocrWorkers;
    const t2 = performance.now();
    await ocrPdfPages(
      bytes,
      Array.from({ length: 2 * PAGES }, (_, k) => k + 1),
      nodePlatform,
      { workers },
    );
    const minutes = (performance.now() - t2) / 60000;
    const perMin = (2 * PAGES) / minutes;
    console.error(`  pipeline: ${2 * PAGES} scanned pages with ${workers} workers in ${(minutes * 60).toFixed(1)} s (worker start included)`);

    const ratio = nativePageS ? pageS / nativePageS : 0;
    return `page_s=${pageS.toFixed(2)} native_page_s=${nativePageS.toFixed(2)} ratio=${ratio.toFixed(2)} pages_per_min=${perMin.toFixed(1)}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
