// OCR of a document's scanned pages, on any platform: PDF pages are drawn with
// pdf.js (pages/pdf-pages.ts), image frames decoded (pages/raster.ts), and
// every page is prepared and read by a pool of engines (./ocr-rasters.ts). What
// differs between Node and the browser (pdf.js, the canvas, the image decoder,
// how an engine starts) comes from the platform the caller hands in.
import { withHiddenOf } from '../core/document.ts';
import type { Page, SumiDocument } from '../core/document.ts';
import { OCR_RENDER_DPI } from '../pages/dpi.ts';
import { openPdfPages, pdfPages, type OpenPdf } from '../pages/pdf-pages.ts';
import type { PagePlatform } from '../pages/platform.ts';
import type { PageSource } from '../pages/canvas.ts';
import { imageRasters, pdfPageRaster, type Raster } from '../pages/raster.ts';
import type { OcrEngine } from './engine.ts';
import type { PrepareOptions } from './prepare-image.ts';
import { ocrRasters } from './ocr-rasters.ts';

/** The platform's services OCR uses: the page services and its OCR engines (platform/node.ts, platform/browser.ts). */
export interface OcrPlatform extends PagePlatform {
  /** starts one tesseract.js engine with local language data */
  startOcrEngine(languages: string[]): Promise<OcrEngine>;
  /** engines to run at once unless told otherwise */
  ocrWorkers: number;
}

export interface OcrOptions {
  /** after each page: pages done, pages to do */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** parallel workers (default: the platform's ocrWorkers) */
  workers?: number;
  /** pages per worker before it is replaced (default 20) */
  recycleAfter?: number;
  /** resolution PDF pages are drawn at (default OCR_RENDER_DPI) */
  dpi?: number;
  /** OCR languages (default ['jpn', 'eng']) */
  languages?: string[];
  /** preprocessing switches (all on by default) */
  prepare?: PrepareOptions;
  /** the PDF already open (pages/pdf-pages.ts): its pages are drawn from that parse instead of a new one */
  pdf?: OpenPdf;
  /** time one page may take (ms, default ./ocr-rasters.ts PAGE_TIMEOUT_MS); a page that runs out comes back with `unread` */
  pageTimeoutMs?: number;
}

const DEFAULT_LANGUAGES = ['jpn', 'eng'];

/**
 * Runs OCR on the pages of `doc` listed in doc.ocrPages and returns the
 * document with those pages replaced by their OCR text (same page numbers,
 * size in points, word segments with boxes). PDF pages are drawn from `bytes`;
 * for an image document `bytes` is the image file and every frame is read.
 */
export async function ocrDocument(doc: SumiDocument, bytes: Uint8Array, platform: OcrPlatform, options: OcrOptions = {}): Promise<SumiDocument> {
  if (doc.type === 'image') return ocrImage(bytes, platform, options);
  if (doc.type !== 'pdf' || doc.ocrPages.length === 0) return doc;
  const pages = await ocrPdfPages(bytes, doc.ocrPages, platform, options);
  const byNumber = new Map(pages.map((p) => [p.number, p]));
  // (what the page carries besides its picture — form values, notes, attached files — stays)
  return {
    ...doc,
    pages: doc.pages.map((p) => {
      const read = byNumber.get(p.number);
      return read ? withHiddenOf(read, p) : p;
    }),
  };
}

/** OCR of PDF pages `numbers` (1-based): one Page per number, in that order. */
export async function ocrPdfPages(bytes: Uint8Array, numbers: number[], platform: OcrPlatform, options: OcrOptions = {}): Promise<Page[]> {
  if (!numbers.length) return [];
  const read = (source: PageSource) => runOcr(numbers, platform, options, (n) => pdfPageRaster(source, n, options.dpi ?? OCR_RENDER_DPI));
  if (options.pdf) return read(pdfPages(options.pdf, platform));
  const source = await openPdfPages(bytes, platform);
  try {
    return await read(source);
  } finally {
    await source.close();
  }
}

/**
 * OCR of an image file (PNG, JPEG, TIFF with all its pages): a document of
 * type 'image' with one page per frame, every page OCR'd, each of the size in
 * points its resolution gives (pages/raster.ts).
 */
export async function ocrImage(bytes: Uint8Array, platform: OcrPlatform, options: OcrOptions = {}): Promise<SumiDocument> {
  const frames = imageRasters(bytes, platform.decodeImage);
  const numbers = Array.from({ length: frames.count }, (_, i) => i + 1);
  const pages = await runOcr(numbers, platform, options, frames.raster);
  return { type: 'image', pages, ocrPages: numbers };
}

/** Prepares and recognises pages on a pool of engines. */
function runOcr(numbers: number[], platform: OcrPlatform, options: OcrOptions, raster: (n: number) => Promise<Raster>): Promise<Page[]> {
  const languages = options.languages ?? DEFAULT_LANGUAGES;
  return ocrRasters(numbers, raster, { ...options, workers: options.workers ?? platform.ocrWorkers, createEngine: () => platform.startOcrEngine(languages) });
}
