// The pdf.js worker that parses documents for display, started once and kept:
// the panel starts it when it opens, so the first page of a file is not kept
// waiting for a worker to boot.
import type { PDFWorker } from 'pdfjs-dist';
import type { PdfjsModule } from '../documents/pdf.ts';

let viewer: PDFWorker | null = null;

export function viewerWorker(pdfjs: PdfjsModule): PDFWorker {
  viewer ??= new pdfjs.PDFWorker();
  return viewer;
}
