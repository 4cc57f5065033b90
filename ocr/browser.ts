// OCR in extension pages (the redaction panel and the upload guard's scanning
// frame): tesseract.js in web workers started from the extension's own files.
// The worker script, the WebAssembly core and the language data are copied
// into the extension at build time (wxt.config.ts, /tesseract/), so nothing is
// fetched from the network; an MV3 service worker cannot start workers, which
// is why this runs in a page.
import Tesseract from 'tesseract.js';
import type { Page, SumiDocument } from '../core/document.ts';
import type { PdfjsAssets, PdfjsModule } from '../documents/pdf.ts';
import type { CanvasLike } from '../redaction/export.ts';
import { openPdfPages } from '../redaction/pdf-pages.ts';
import { createTesseractEngine, type OcrEngine, type TesseractModule } from './engine.ts';
import { imageDpi } from './image-info.ts';
import { rgbaToGray, type GrayImage } from './preprocess.ts';
import { ocrRasters, pdfPageRaster, OCR_DPI, type Raster } from './raster.ts';
import { openTiff } from './tiff.ts';

/** Where the build puts tesseract.js's files inside the extension (see wxt.config.ts). */
export const TESSERACT_DIR = 'tesseract';

export interface BrowserOcrOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** engines at once (default: up to 2; each holds ~150 MB) */
  workers?: number;
  languages?: string[];
  /** how pdf.js is loaded in this page (needed for PDF documents) */
  pdf?: { loadPdfjs: () => Promise<PdfjsModule>; assets: PdfjsAssets };
}

const DEFAULT_LANGUAGES = ['jpn', 'eng'];

/** Starts one tesseract.js engine in a web worker, with the extension's own files only. */
export function createBrowserEngine(languages = DEFAULT_LANGUAGES): Promise<OcrEngine> {
  const base = new URL(`/${TESSERACT_DIR}/`, location.href).href;
  return createTesseractEngine({
    tesseract: Tesseract as unknown as TesseractModule,
    langPath: `${base}lang`,
    workerPath: `${base}worker.min.js`,
    corePath: `${base}core`,
    // a Blob worker would run under the page's origin rules; the extension's own URL is allowed
    workerBlobURL: false,
    languages,
    watch: (worker, fail) => {
      (worker as Worker | undefined)?.addEventListener('error', (e) => fail(new Error(`the OCR worker failed: ${e.message}`)));
    },
  });
}

/**
 * Runs OCR on the pages of `doc` listed in doc.ocrPages (PDF pages drawn from
 * `bytes`; every frame of an image) and returns the document with those pages
 * replaced by their OCR text, with word boxes in PDF points.
 */
export async function ocrDocumentInBrowser(doc: SumiDocument, bytes: Uint8Array, options: BrowserOcrOptions = {}): Promise<SumiDocument> {
  if (doc.ocrPages.length === 0) return doc;
  let pages: Page[];
  if (doc.type === 'image') pages = await ocr(doc.ocrPages, await imageRasters(bytes), options);
  else if (doc.type === 'pdf') pages = await ocrPdf(bytes, doc.ocrPages, options);
  else return doc;
  const byNumber = new Map(pages.map((p) => [p.number, p]));
  return { ...doc, pages: doc.pages.map((p) => byNumber.get(p.number) ?? p) };
}

async function ocrPdf(bytes: Uint8Array, numbers: number[], options: BrowserOcrOptions): Promise<Page[]> {
  if (!options.pdf) throw new Error('pdf.js is not available for OCR here');
  const source = await openPdfPages(bytes, await options.pdf.loadPdfjs(), options.pdf.assets, offscreenCanvas);
  try {
    return await ocr(numbers, (n) => pdfPageRaster(source, n), options);
  } finally {
    await source.close();
  }
}

function ocr(numbers: number[], raster: (n: number) => Promise<Raster>, options: BrowserOcrOptions): Promise<Page[]> {
  const languages = options.languages ?? DEFAULT_LANGUAGES;
  return ocrRasters(numbers, raster, {
    workers: options.workers ?? Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1)),
    createEngine: () => createBrowserEngine(languages),
    onProgress: options.onProgress,
    signal: options.signal,
  });
}

const offscreenCanvas = (w: number, h: number) => new OffscreenCanvas(w, h) as unknown as CanvasLike;

/** Page n (1-based) of an image file as a raster; the browser's own decoders read PNG and JPEG, UTIF reads TIFF. */
async function imageRasters(bytes: Uint8Array): Promise<(n: number) => Promise<Raster>> {
  const isTiff = (bytes[0] === 0x49 && bytes[1] === 0x49) || (bytes[0] === 0x4d && bytes[1] === 0x4d);
  const asRaster = (gray: GrayImage, dpi = OCR_DPI): Raster => ({ gray, dpi, widthPt: (gray.width * 72) / dpi, heightPt: (gray.height * 72) / dpi });
  if (isTiff) {
    const tiff = openTiff(bytes);
    return async (n) => {
      const { image, dpi } = tiff.page(n - 1);
      return asRaster(image, dpi);
    };
  }
  const dpi = imageDpi(bytes);
  return async () => {
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(new Blob([bytes.slice()]));
    } catch {
      throw new Error('the image cannot be decoded: it is damaged or not a supported image');
    }
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(bitmap, 0, 0);
    bitmap.close();
    const gray = rgbaToGray(ctx.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
    return asRaster(gray, dpi);
  };
}
