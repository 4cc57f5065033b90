// OCR under Node (the CLI, tests, benchmarks): pages of a scanned PDF are drawn
// with pdf.js onto @napi-rs/canvas at 300 dpi, images are decoded (PNG/JPEG by
// @napi-rs/canvas, TIFF by UTIF), every page is prepared (./preprocess.ts) and
// read by tesseract.js workers in worker threads, one per core, with local
// language data only. Nothing is fetched from the network: the data folder is
// built from the @tesseract.js-data packages in node_modules, and the worker
// threads run with their network functions disabled (./tesseract-worker.cjs).
import { availableParallelism, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readlinkSync, renameSync, symlinkSync, copyFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import type { Worker } from 'node:worker_threads';
import { createCanvas } from '@napi-rs/canvas';
import type { Page, SumiDocument } from '../core/document.ts';
import { loadPdfjsNode, nodePdfjsAssets } from '../documents/pdfjs-node.ts';
import { openPdfPages } from '../redaction/pdf-pages.ts';
import type { CanvasLike } from '../redaction/export.ts';
import { createTesseractEngine, type OcrEngine, type TesseractModule } from './engine.ts';
import { imageDpi } from './image-info.ts';
import { rgbaToGray, type GrayImage, type PrepareOptions } from './preprocess.ts';
import { ocrRasters, pdfPageRaster, type Raster } from './raster.ts';

export type { OcrResult } from './engine.ts';
export { recognizeRaster, type Raster } from './raster.ts';
import { openTiff } from './tiff.ts';

export interface OcrOptions {
  /** after each page: pages done, pages to do */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** parallel workers (default: one per core) */
  workers?: number;
  /** pages per worker before it is replaced (default 20) */
  recycleAfter?: number;
  /** resolution PDF pages are drawn at (default 300) */
  dpi?: number;
  /** OCR languages (default ['jpn', 'eng']) */
  languages?: string[];
  /** preprocessing switches (all on by default) */
  prepare?: PrepareOptions;
}

const DEFAULT_LANGUAGES = ['jpn', 'eng'];
const DEFAULT_DPI = 300;

// ---------------------------------------------------------------------------
// Documents

/**
 * Runs OCR on the pages of `doc` listed in doc.ocrPages and returns the
 * document with those pages replaced by their OCR text (same page numbers,
 * size in points, word segments with boxes). PDF pages are drawn from `bytes`;
 * for an image document `bytes` is the image file and every frame is read.
 */
export async function ocrDocument(doc: SumiDocument, bytes: Uint8Array, options: OcrOptions = {}): Promise<SumiDocument> {
  if (doc.type === 'image') return ocrImage(bytes, options);
  if (doc.type !== 'pdf' || doc.ocrPages.length === 0) return doc;
  const pages = await ocrPdfPages(bytes, doc.ocrPages, options);
  const byNumber = new Map(pages.map((p) => [p.number, p]));
  return { ...doc, pages: doc.pages.map((p) => byNumber.get(p.number) ?? p) };
}

/** OCR of PDF pages `numbers` (1-based): one Page per number, in that order. */
export async function ocrPdfPages(bytes: Uint8Array, numbers: number[], options: OcrOptions = {}): Promise<Page[]> {
  if (!numbers.length) return [];
  const pdfjs = await loadPdfjsNode();
  const source = await openPdfPages(bytes, pdfjs, nodePdfjsAssets(), (w, h) => createCanvas(w, h) as unknown as CanvasLike);
  try {
    return await runOcr(numbers, options, (n) => pdfPageRaster(source, n, options.dpi ?? DEFAULT_DPI));
  } finally {
    await source.close();
  }
}

/**
 * OCR of an image file (PNG, JPEG, TIFF with all its pages): a document of
 * type 'image' with one page per frame, every page OCR'd. A page's size in
 * points follows the resolution the file declares (300 dpi when it states
 * none): points = pixels × 72 / dpi.
 */
export async function ocrImage(bytes: Uint8Array, options: OcrOptions = {}): Promise<SumiDocument> {
  const frames = await openImage(bytes);
  const numbers = Array.from({ length: frames.count }, (_, i) => i + 1);
  const pages = await runOcr(numbers, options, async (n) => {
    const { image, dpi } = await frames.frame(n - 1);
    const d = dpi ?? DEFAULT_DPI;
    return { gray: image, dpi: d, widthPt: (image.width * 72) / d, heightPt: (image.height * 72) / d };
  });
  return { type: 'image', pages, ocrPages: numbers };
}

/** Prepares and recognises pages on a pool of engines. */
function runOcr(numbers: number[], options: OcrOptions, raster: (n: number) => Promise<Raster>): Promise<Page[]> {
  const languages = options.languages ?? DEFAULT_LANGUAGES;
  return ocrRasters(numbers, raster, { ...options, workers: options.workers ?? defaultWorkers(), createEngine: () => createNodeEngine({ languages }) });
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

// ---------------------------------------------------------------------------
// Images

interface ImageFrames {
  count: number;
  frame(i: number): Promise<{ image: GrayImage; dpi?: number }>;
}

// Image files are decoded in JavaScript only: @napi-rs/canvas's native
// decoders crash the process (segmentation fault) on a truncated or damaged
// PNG or JPEG, and a scan tool must survive a damaged file. PNG: UPNG (the
// decoder pdf-lib ships). JPEG: embedded as-is in a one-page PDF with pdf-lib
// and drawn by pdf.js, whose JPEG decoder is JavaScript. TIFF: UTIF.
async function openImage(bytes: Uint8Array): Promise<ImageFrames> {
  const isTiff = (bytes[0] === 0x49 && bytes[1] === 0x49 && bytes[2] === 0x2a) || (bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[3] === 0x2a);
  const damaged = (err: unknown) => new Error(`the image cannot be decoded: it is damaged or not a supported image (${err instanceof Error ? err.message : String(err)})`);
  if (isTiff) {
    let tiff;
    try {
      tiff = openTiff(bytes);
    } catch (err) {
      throw damaged(err);
    }
    return {
      count: tiff.count,
      frame: async (i) => {
        try {
          return tiff.page(i);
        } catch (err) {
          throw damaged(err);
        }
      },
    };
  }
  const dpi = imageDpi(bytes);
  const isPng = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  if (!isPng && !isJpeg) throw new Error('the image cannot be decoded: only PNG, JPEG and TIFF images are read');
  return {
    count: 1,
    async frame() {
      try {
        return { image: isPng ? await decodePng(bytes) : await decodeJpeg(bytes), dpi };
      } catch (err) {
        throw damaged(err);
      }
    },
  };
}

async function decodePng(bytes: Uint8Array): Promise<GrayImage> {
  const UPNG = (await import('@pdf-lib/upng')).default as unknown as {
    decode(b: ArrayBuffer): { width: number; height: number };
    toRGBA8(img: unknown): ArrayBuffer[];
  };
  const img = UPNG.decode(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  if (!img.width || !img.height) throw new Error('no image size');
  const rgba = new Uint8Array(UPNG.toRGBA8(img)[0]);
  if (rgba.length < img.width * img.height * 4) throw new Error('truncated image data');
  return rgbaToGray(rgba, img.width, img.height);
}

async function decodeJpeg(bytes: Uint8Array): Promise<GrayImage> {
  const { PDFDocument } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  const jpg = await pdf.embedJpg(bytes);
  const page = pdf.addPage([jpg.width, jpg.height]);
  page.drawImage(jpg, { x: 0, y: 0, width: jpg.width, height: jpg.height });
  const source = await openPdfPages(await pdf.save(), await loadPdfjsNode(), nodePdfjsAssets(), (w, h) => createCanvas(w, h) as unknown as CanvasLike);
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
  const candidates = tessdata ? [tessdata] : [join(dirname(dirname(require.resolve('tesseract.js/package.json'))), '.cache', 'sumi-tessdata'), join(tmpdir(), `sumi-tessdata-${process.getuid?.() ?? 0}`)];
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
export async function createNodeEngine(options: { languages?: string[] } = {}): Promise<OcrEngine> {
  enableRelaxedSimd();
  const languages = options.languages ?? DEFAULT_LANGUAGES;
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
