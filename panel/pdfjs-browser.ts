// pdf.js for extension pages: the modern build, its worker shipped with the
// extension, and the CMaps/standard fonts copied to /pdfjs/ at build time
// (see wxt.config.ts). Nothing is fetched from the network.
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PdfjsAssets, PdfjsModule } from '../documents/pdf.ts';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export function loadPdfjsBrowser(): Promise<PdfjsModule> {
  return Promise.resolve(pdfjs as unknown as PdfjsModule);
}

export function browserPdfjsAssets(): PdfjsAssets {
  const base = new URL('/pdfjs/', location.href).href;
  return { cMapUrl: `${base}cmaps/`, standardFontDataUrl: `${base}standard_fonts/`, wasmUrl: `${base}wasm/` };
}

let viewer: pdfjs.PDFWorker | null = null;

/**
 * The worker that parses documents for display, started once and kept: the
 * panel starts it when it opens, so the first page of a file is not kept
 * waiting for a worker to boot.
 */
export function viewerWorker(): pdfjs.PDFWorker {
  viewer ??= new pdfjs.PDFWorker();
  return viewer;
}
