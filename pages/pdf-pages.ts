// Renders the pages of a PDF with pdf.js, for the exporter and for OCR. pdf.js
// and the canvas come from the platform (OffscreenCanvas in extension pages,
// @napi-rs/canvas under Node). A PDF is opened once (`openPdf`) and that one
// parse serves reading its text, OCR of its scanned pages, display and export.
import type { PDFDocumentProxy, PDFWorker } from 'pdfjs-dist';
import { normalizeGlyphs, type PdfjsLoader, type PdfjsModule } from '../documents/pdf.ts';
import type { PageSource, RenderedPage, TextItem } from './canvas.ts';
import type { PagePlatform } from './platform.ts';
import { imagesOverText } from './painted-over.ts';
import type { Rect } from '../core/geometry.ts';

export interface PdfPageSource extends PageSource {
  close(): Promise<void>;
}

/** A PDF opened by pdf.js: its bytes, the parsed document and the pdf.js that parsed it. Whoever opens it destroys it. */
export interface OpenPdf {
  bytes: Uint8Array;
  document: PDFDocumentProxy;
  pdfjs: PdfjsModule;
}

/** Opens a PDF with the options drawing, reading and OCR all take (`worker`: a pdf.js worker to parse in, e.g. the panel's display worker). */
export async function openPdf(bytes: Uint8Array, loader: PdfjsLoader, worker?: PDFWorker): Promise<OpenPdf> {
  const pdfjs = await loader.loadPdfjs();
  // pdf.js transfers (detaches) the buffer it is given: hand it a copy
  const task = pdfjs.getDocument({ data: bytes.slice(), ...loader.assets, cMapPacked: true, isEvalSupported: false, verbosity: pdfjs.VerbosityLevel.ERRORS, ...(worker ? { worker } : {}) });
  return { bytes, document: await task.promise, pdfjs };
}

export async function openPdfPages(bytes: Uint8Array, platform: Pick<PagePlatform, 'pdfjs' | 'createCanvas'>): Promise<PdfPageSource> {
  const pdf = await openPdf(bytes, platform.pdfjs);
  return { ...pdfPages(pdf, platform), close: () => pdf.document.destroy() };
}

/** The pages of an open PDF, drawn and read (closing stays with whoever opened it). */
export function pdfPages({ document: doc, pdfjs }: OpenPdf, { createCanvas }: Pick<PagePlatform, 'createCanvas'>): PageSource {
  return {
    pageCount: doc.numPages,
    async render(n: number, scale: number): Promise<RenderedPage> {
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale });
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      // annotations and form widgets are not drawn: only the page's own content.
      // The print intent renders without requestAnimationFrame, which never fires
      // in a hidden frame (the upload guard's) or a background tab.
      await page.render({
        canvas: canvas as unknown as HTMLCanvasElement,
        canvasContext: ctx as unknown as CanvasRenderingContext2D,
        viewport,
        annotationMode: pdfjs.AnnotationMode.DISABLE,
        intent: 'print',
      }).promise;
      return {
        canvas,
        widthPt: base.width,
        heightPt: base.height,
        toPixels: (b) => viewport.convertToViewportRectangle([b.x, b.y, b.x + b.width, b.y + b.height]) as [number, number, number, number],
        release: () => {
          page.cleanup();
          canvas.width = 0;
          canvas.height = 0;
        },
      };
    },
    async text(n: number): Promise<TextItem[]> {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const [a, b, c, d, x, y] = item.transform as number[];
        // only upright horizontal text: vertical or rotated lines are left out of the layer rather than misplaced
        if (item.dir === 'ttb' || !(a > 0 && d > 0) || Math.abs(b) > 1e-3 * a || Math.abs(c) > 1e-3 * d) continue;
        items.push({ text: normalizeGlyphs(item.str), x, y, width: item.width, size: d || item.height });
      }
      return items;
    },
    async imagesOverText(n: number): Promise<Rect[]> {
      const page = await doc.getPage(n);
      // the list render() drew from (same intent and annotation mode): pdf.js keeps it, so it is not parsed again
      const ops = await page.getOperatorList({ intent: 'print', annotationMode: pdfjs.AnnotationMode.DISABLE });
      return imagesOverText(ops.fnArray, ops.argsArray, pdfjs.OPS);
    },
  };
}
