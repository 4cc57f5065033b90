// Renders the pages of a PDF with pdf.js, for the exporter and for OCR. pdf.js
// and the canvas come from the platform (OffscreenCanvas in extension pages,
// @napi-rs/canvas under Node).
import { normalizeGlyphs } from '../documents/pdf.ts';
import type { PageSource, RenderedPage, TextItem } from './canvas.ts';
import type { PagePlatform } from './platform.ts';

export interface PdfPageSource extends PageSource {
  close(): Promise<void>;
}

export async function openPdfPages(bytes: Uint8Array, platform: Pick<PagePlatform, 'pdfjs' | 'createCanvas'>): Promise<PdfPageSource> {
  const { createCanvas } = platform;
  const { assets } = platform.pdfjs;
  const pdfjs = await platform.pdfjs.loadPdfjs();
  const task = pdfjs.getDocument({ data: bytes.slice(), ...assets, cMapPacked: true, isEvalSupported: false, verbosity: pdfjs.VerbosityLevel.ERRORS });
  const doc = await task.promise;
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
      await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: ctx as unknown as CanvasRenderingContext2D, viewport, annotationMode: pdfjs.AnnotationMode.DISABLE, intent: 'print' }).promise;
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
    close: () => task.destroy(),
  };
}
