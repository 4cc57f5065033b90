// The pdf.js worker that parses documents for display, started once and kept:
// the panel starts it when it opens, so the first page of a file is not kept
// waiting for a worker to boot. The PDF it opens for display is the one parse
// the panel reads, OCRs and exports from as well.
import type { PDFWorker } from 'pdfjs-dist';
import type { PdfjsLoader, PdfjsModule } from '../documents/pdf.ts';
import { openPdf, type OpenPdf } from '../pages/pdf-pages.ts';

let viewer: PDFWorker | null = null;

export function viewerWorker(pdfjs: PdfjsModule): PDFWorker {
  viewer ??= new pdfjs.PDFWorker();
  return viewer;
}

/** Opens the PDF to show in the display worker; whoever opens it destroys it (`document.destroy()`). */
export async function openForDisplay(bytes: Uint8Array, loader: PdfjsLoader): Promise<OpenPdf> {
  return openPdf(bytes, loader, viewerWorker(await loader.loadPdfjs()));
}
