// The Node platform (the CLI, tests, benchmarks): pdf.js's legacy build with
// its data files from node_modules, @napi-rs/canvas, tesseract.js engines in
// worker threads with local language data, and image decoders in JavaScript.
// Handed to the readers, OCR and the exporter by cli/, bench/ and test/.
//
// pdf.js: under Node it never starts a real worker: PDFWorker sees `isNodeJS`
// and runs the worker code in the same thread ("fake worker"), importing the
// module named by GlobalWorkerOptions.workerSrc. We point that at the legacy
// worker file by absolute URL so it resolves wherever the caller lives. Fonts'
// CMaps and standard font data are read by pdf.js's Node factories with
// fs.readFile, so their "URLs" are plain directory paths (with the trailing
// slash pdf.js insists on). The minified legacy build is used: the same code as
// pdf.mjs, but without the multi-megabyte source maps. Under tsx (how the CLI
// runs) every module with a dynamic import() is rewritten with a source map,
// which for pdf.mjs + pdf.worker.mjs costs ~1 s and ~140 MB more than the
// .min files.
//
// OCR: nothing is fetched from the network: the data folder is built from the
// @tesseract.js-data packages in node_modules, and the worker threads run with
// their network functions disabled (./tesseract-worker.cjs).
import { availableParallelism, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readlinkSync, renameSync, symlinkSync, copyFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import type { Worker } from 'node:worker_threads';
import type { PdfjsAssets, PdfjsModule } from '../documents/pdf.ts';
import type { CanvasLike } from '../pages/canvas.ts';
import { rgbaToGray, type GrayImage } from '../pages/gray.ts';
import { openPdfPages } from '../pages/pdf-pages.ts';
import type { OcrEngine, TesseractModule } from '../ocr/engine.ts';
import type { Platform } from './types.ts';

/** The Node platform: what the CLI, the benchmarks and the tests hand in. */
export const nodePlatform: Platform = {
  pdfjs: {
    loadPdfjs: loadPdfjsNode,
    get assets() {
      return nodePdfjsAssets();
    },
  },
  createCanvas,
  decodeImage,
  startOcrEngine: createNodeEngine,
  ocrWorkers: Math.max(1, availableParallelism()),
};

// ---------------------------------------------------------------------------
// pdf.js

let pdfjsRoot: string | undefined;

function root(): string {
  pdfjsRoot ??= dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return pdfjsRoot;
}

let loading: Promise<PdfjsModule> | undefined;

/** Loads the legacy (Node-compatible) pdf.js build once and points it at its worker module. */
export function loadPdfjsNode(): Promise<PdfjsModule> {
  loading ??= (async () => {
    // (pdf.min.mjs ships without a .d.ts; it is pdf.mjs minified, typed as such)
    const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.min.mjs' as string)) as PdfjsModule;
    pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(join(root(), 'legacy', 'build', 'pdf.worker.min.mjs')).href;
    return pdfjs;
  })();
  loading.catch(() => (loading = undefined)); // let a later call try again
  return loading;
}

/** Directories of the pdf.js data files shipped in node_modules/pdfjs-dist. */
export function nodePdfjsAssets(): PdfjsAssets {
  const dir = (name: string) => join(root(), name) + sep;
  return {
    cMapUrl: dir('cmaps'),
    standardFontDataUrl: dir('standard_fonts'),
    wasmUrl: dir('wasm'),
    iccUrl: dir('iccs'),
  };
}

// ---------------------------------------------------------------------------
// Canvas

let napiCanvas: typeof import('@napi-rs/canvas') | undefined;

/**
 * A canvas of @napi-rs/canvas. Its native module is loaded on the first
 * canvas, so a scan of documents with text never pays for it.
 */
export function createCanvas(width: number, height: number): CanvasLike {
  napiCanvas ??= createRequire(import.meta.url)('@napi-rs/canvas') as typeof import('@napi-rs/canvas');
  return napiCanvas.createCanvas(width, height);
}

// ---------------------------------------------------------------------------
// Images

// Image files are decoded in JavaScript only: @napi-rs/canvas's native
// decoders crash the process (segmentation fault) on a truncated or damaged
// PNG or JPEG, and a scan tool must survive a damaged file. PNG: UPNG (the
// decoder pdf-lib ships). JPEG: embedded as-is in a one-page PDF with pdf-lib
// and drawn by pdf.js, whose JPEG decoder is JavaScript. (TIFF: pages/tiff.ts.)

/** A PNG or JPEG file → grey pixels. */
export function decodeImage(bytes: Uint8Array): Promise<GrayImage> {
  return bytes[0] === 0x89 ? decodePng(bytes) : decodeJpeg(bytes);
}

async function decodePng(bytes: Uint8Array): Promise<GrayImage> {
  const UPNG = (await import('@pdf-lib/upng')).default as unknown as {
    decode(b: ArrayBuffer): { width: number; height: number; depth: number; ctype: number; data: Uint8Array; frames?: unknown[] };
    toRGBA8(img: unknown): ArrayBuffer[];
  };
  const img = UPNG.decode(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  if (!img.width || !img.height) throw new Error('no image size');
  // 8-bit gray, gray+alpha, RGB and RGBA straight to gray: an RGBA copy of a large scan would take four bytes a pixel more
  const direct = img.depth === 8 && !img.frames?.length ? grayFromSamples(img.data, img.width, img.height, img.ctype) : undefined;
  if (direct) return direct;
  const rgba = new Uint8Array(UPNG.toRGBA8(img)[0]);
  if (rgba.length < img.width * img.height * 4) throw new Error('truncated image data');
  return rgbaToGray(rgba, img.width, img.height);
}

/** Gray from 8-bit PNG samples (colour types 0 gray, 2 RGB, 4 gray+alpha, 6 RGBA; transparent counts as white paper); undefined for others. */
function grayFromSamples(samples: Uint8Array, width: number, height: number, ctype: number): GrayImage | undefined {
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[ctype];
  const n = width * height;
  if (!channels || samples.length < n * channels) return undefined;
  const data = new Uint8Array(n);
  for (let i = 0, j = 0; i < n; i++, j += channels) {
    const y = channels >= 3 ? (samples[j] * 77 + samples[j + 1] * 150 + samples[j + 2] * 29) >> 8 : samples[j];
    const a = channels === 2 ? samples[j + 1] : channels === 4 ? samples[j + 3] : 255;
    data[i] = a === 255 ? y : 255 - (((255 - y) * a) >> 8);
  }
  return { width, height, data };
}

async function decodeJpeg(bytes: Uint8Array): Promise<GrayImage> {
  const { PDFDocument } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  const jpg = await pdf.embedJpg(bytes);
  const page = pdf.addPage([jpg.width, jpg.height]);
  page.drawImage(jpg, { x: 0, y: 0, width: jpg.width, height: jpg.height });
  const source = await openPdfPages(await pdf.save(), nodePlatform);
  try {
    const r = await source.render(1, 1);
    try {
      const { width, height } = r.canvas;
      return rgbaToGray(r.canvas.getContext('2d')!.getImageData(0, 0, width, height).data, width, height);
    } finally {
      r.release();
    }
  } finally {
    await source.close();
  }
}

// ---------------------------------------------------------------------------
// Engines

let tessdata: string | undefined;

/**
 * One folder holding <lang>.traineddata.gz for every language, linked (or
 * copied) from the @tesseract.js-data packages' 4.0.0_best_int data: under
 * node_modules/.cache/sumi-tessdata, or the temp folder when that is not
 * writable. Made once; checked on every call.
 */
export function tessdataDir(languages: string[] = ['jpn', 'eng', 'jpn_vert']): string {
  const require = createRequire(import.meta.url);
  const sources = languages.map((lang) => {
    let pkg: string;
    try {
      pkg = dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
    } catch {
      throw new Error(`OCR language data for '${lang}' is not installed (npm package @tesseract.js-data/${lang})`);
    }
    const file = join(pkg, '4.0.0_best_int', `${lang}.traineddata.gz`);
    if (!existsSync(file)) throw new Error(`OCR language data file is missing: ${file}`);
    return { lang, file };
  });
  const candidates = tessdata
    ? [tessdata]
    : [join(dirname(dirname(require.resolve('tesseract.js/package.json'))), '.cache', 'sumi-tessdata'), join(tmpdir(), `sumi-tessdata-${process.getuid?.() ?? 0}`)];
  let lastError: unknown;
  for (const dir of candidates) {
    try {
      mkdirSync(dir, { recursive: true });
      for (const { lang, file } of sources) link(file, join(dir, `${lang}.traineddata.gz`));
      tessdata = dir;
      return dir;
    } catch (err) {
      lastError = err;
    }
  }
  throw new Error(`cannot prepare the OCR language data folder: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
}

/** Makes `to` a link to (or copy of) `from`, atomically, unless it already is one. */
function link(from: string, to: string): void {
  try {
    if (readlinkSync(to) === from) return;
  } catch {
    // not a link: a copy of the right size is fine too
    try {
      if (statSync(to).size === statSync(from).size) return;
    } catch {
      // missing
    }
  }
  const tmp = `${to}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    symlinkSync(from, tmp);
  } catch {
    copyFileSync(from, tmp);
  }
  try {
    renameSync(tmp, to);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

let relaxedSimdChecked = false;

/**
 * tesseract.js ships a core built for WebAssembly relaxed SIMD (faster LSTM
 * dot products); Node 20's V8 has it behind a flag. Turned on once, before the
 * first worker compiles the core, when the running V8 does not already have it.
 */
function enableRelaxedSimd(): void {
  if (relaxedSimdChecked) return;
  relaxedSimdChecked = true;
  const probe = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 15, 1, 13, 0, 65, 1, 253, 15, 65, 2, 253, 15, 253, 128, 2, 11]);
  if (WebAssembly.validate(probe)) return;
  if (process.env.SUMI_OCR_NO_RELAXED_SIMD) return;
  try {
    setFlagsFromString('--experimental-wasm-relaxed-simd');
  } catch {
    // an engine without the flag: the plain SIMD core is used
  }
}

let tesseractModule: Promise<TesseractModule> | undefined;

function loadTesseract(): Promise<TesseractModule> {
  tesseractModule ??= import('tesseract.js').then((m) => ((m as { default?: TesseractModule }).default ?? m) as TesseractModule);
  return tesseractModule;
}

export const WORKER_SCRIPT = fileURLToPath(new URL('./tesseract-worker.cjs', import.meta.url));

/** Starts one tesseract.js engine in a worker thread with local data. */
export async function createNodeEngine(languages: string[]): Promise<OcrEngine> {
  enableRelaxedSimd();
  // loaded with the first engine: a scan of documents with text never loads the OCR code
  const { createTesseractEngine } = await import('../ocr/engine.ts');
  return createTesseractEngine({
    tesseract: await loadTesseract(),
    langPath: tessdataDir(),
    languages,
    workerPath: WORKER_SCRIPT,
    watch: (worker, fail) => {
      const w = worker as Worker | undefined;
      w?.on('error', (err) => fail(new Error(`the OCR worker crashed: ${err instanceof Error ? err.message : String(err)}`)));
      w?.on('exit', (code) => fail(new Error(`the OCR worker stopped (exit code ${code})`)));
    },
  });
}
