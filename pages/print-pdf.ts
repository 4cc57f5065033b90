// Printed pages (./print-layout.ts) drawn onto canvases and written as a PDF
// of grey page images: the PDF the panel shows a spreadsheet or document as,
// masks and exports like a scan. Every character is drawn at the slot the
// layout gave it, so the boxes of the page model are where the ink is.
import { PDFDocument } from 'pdf-lib';
import type { CanvasFactory } from './canvas.ts';
import { rgbaToGray } from './gray.ts';
import { addGreyPage } from './scan-pdf.ts';
import type { PrintedPage } from './print-layout.ts';
import { charWeight } from '../core/char-weight.ts';

/** Pixels per point of the printed images (144 dpi: sharp on screen, small in grey). */
const PRINT_SCALE = 2;
/** Fonts with Japanese glyphs on Windows, macOS and Linux, in that order of preference. */
const FONT_FAMILY = '"Noto Sans JP", "Noto Sans CJK JP", "Yu Gothic", Meiryo, "Hiragino Sans", sans-serif';

/** One printed page as a canvas. */
function drawPage(page: PrintedPage, createCanvas: CanvasFactory) {
  const canvas = createCanvas(Math.ceil(page.width * PRINT_SCALE), Math.ceil(page.height * PRINT_SCALE));
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.textBaseline = 'alphabetic';
  const px = (x: number) => x * PRINT_SCALE;
  const py = (y: number) => (page.height - y) * PRINT_SCALE;
  // the caption is drawn only: it is no part of the document's text
  ctx.fillStyle = '#555';
  ctx.font = `${px(page.size)}px ${FONT_FAMILY}`;
  ctx.fillText(page.caption, px(page.runs[0]?.x ?? 36), py(page.height - 36 - page.size));
  ctx.fillStyle = '#000';
  for (const run of page.runs) {
    ctx.font = `${px(run.size)}px ${FONT_FAMILY}`;
    let x = run.x;
    for (const ch of page.text.slice(run.start, run.end)) {
      if (ch !== ' ') ctx.fillText(ch, px(x), py(run.y));
      x += charWeight(ch) * run.size;
    }
  }
  return canvas;
}

/** The printed pages as a PDF of grey page images, one PDF page each. */
export async function printedPdf(pages: PrintedPage[], createCanvas: CanvasFactory, signal?: AbortSignal): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  for (const page of pages) {
    signal?.throwIfAborted();
    const canvas = drawPage(page, createCanvas);
    const rgba = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    addGreyPage(pdf, rgbaToGray(rgba, canvas.width, canvas.height), page.width, page.height);
  }
  return pdf.save();
}
