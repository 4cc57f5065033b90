// The browser platform (extension pages: the redaction panel and the upload
// guard's scanning frame), handed in by their entry points:
// - pdf.js: the modern build, its worker shipped with the extension, and the
//   CMaps/standard fonts copied to /pdfjs/ at build time (see wxt.config.ts);
// - OffscreenCanvas, and the browser's own PNG/JPEG decoders;
// - tesseract.js in web workers started from the extension's own files: the
//   worker script, the WebAssembly core and the language data are copied into
//   the extension at build time (/tesseract/), and an MV3 service worker cannot
//   start workers, which is why OCR runs in a page.
// Nothing is fetched from the network.
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import Tesseract from 'tesseract.js';
import type { PdfjsAssets, PdfjsModule } from '../documents/pdf.ts';
import { rgbaToGray, type GrayImage } from '../pages/gray.ts';
import { createTesseractEngine, type OcrEngine, type TesseractModule } from '../ocr/engine.ts';
import type { Platform } from './types.ts';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

/** Where the build puts tesseract.js's files inside the extension (see wxt.config.ts). */
export const TESSERACT_DIR = 'tesseract';

/** The browser platform, for an extension page. */
export function browserPlatform(): Platform {
  return {
    pdfjs: { loadPdfjs: loadPdfjsBrowser, assets: browserPdfjsAssets() },
    createCanvas: (width, height) => new OffscreenCanvas(width, height),
    decodeImage,
    startOcrEngine: createBrowserEngine,
    // each engine holds ~150 MB
    ocrWorkers: Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1)),
  };
}

function loadPdfjsBrowser(): Promise<PdfjsModule> {
  return Promise.resolve(pdfjs as unknown as PdfjsModule);
}

function browserPdfjsAssets(): PdfjsAssets {
  const base = new URL('/pdfjs/', location.href).href;
  return { cMapUrl: `${base}cmaps/`, standardFontDataUrl: `${base}standard_fonts/`, wasmUrl: `${base}wasm/` };
}

/** Starts one tesseract.js engine in a web worker, with the extension's own files only. */
function createBrowserEngine(languages: string[]): Promise<OcrEngine> {
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

/** A PNG or JPEG, decoded by the browser and drawn on white. */
async function decodeImage(bytes: Uint8Array): Promise<GrayImage> {
  const bitmap = await createImageBitmap(new Blob([bytes.slice()]));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  return rgbaToGray(ctx.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
}
