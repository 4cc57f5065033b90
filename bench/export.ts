// bench export: masked export of a generated 50-page A4 text PDF at 150 dpi, and
// how soon the panel can show the first page of a generated 100-page PDF.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { createCanvas } from '@napi-rs/canvas';
import { readPdf } from '../documents/pdf.ts';
import { scanDocument } from '../pipeline/scan.ts';
import { planFromFindings } from '../review/plan.ts';
import { exportMasked } from '../export/export.ts';
import { openPdfPages } from '../pages/pdf-pages.ts';
import { random } from './generate.ts';
import { nodePlatform } from '../platform/node.ts';

/** The panel's default zoom (components/redact/RedactApp.tsx), at a device pixel ratio of 1. */
const SCREEN_SCALE = 1.25;

const WORDS = ['review', 'budget', 'committee', 'schedule', 'approved', 'office', 'resident', 'report', 'system', 'meeting', 'policy', 'notice'];

/** A 50-page A4 PDF of English prose with contacts and credentials in it (standard font: no CJK font file needed). */
export async function generatePdf(pages = 50): Promise<Uint8Array> {
  const r = random(7);
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595.28, 841.89]);
    for (let line = 0; line < 48; line++) {
      let text = Array.from({ length: 12 }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ');
      if (line % 6 === 0) text = `Contact: staff${line}@city-office.jp  Phone 090-${1000 + line * 7}-${2000 + p}`;
      if (line % 16 === 3) text = `Password: Pw#${p}x${line}Q  Login ID: user${p}${line}`;
      page.drawText(text, { x: 50, y: 800 - line * 15.5, size: 10, font });
    }
  }
  return doc.save();
}

export async function run(): Promise<string> {
  const bytes = await generatePdf();
  const doc = await readPdf(bytes, nodePlatform.pdfjs);
  const masks = planFromFindings(doc, scanDocument(doc));
  const pages = await openPdfPages(bytes, nodePlatform);
  const t0 = performance.now();
  const out = await exportMasked(pages, masks, { dpi: 150 });
  const seconds = (performance.now() - t0) / 1000;
  console.error(`  ${pages.pageCount} pages, ${masks.length} masks, ${(out.length / 1024).toFixed(0)} KB in ${seconds.toFixed(1)} s`);
  // colour and the text layer, on the first 10 pages: detail only
  const first10 = { ...pages, pageCount: 10 };
  for (const [label, options] of [
    ['colour', { colour: 'colour' }],
    ['grey with text layer', { searchableText: true }],
  ] as const) {
    const t = performance.now();
    const bytes = await exportMasked(first10, masks, { dpi: 150, ...options });
    const s = (performance.now() - t) / 1000;
    console.error(`  ${label}: ${(bytes.length / 1024 / 10).toFixed(0)} KB/page, ${(10 / s).toFixed(2)} pages/s (10 pages)`);
  }
  await pages.close();
  const firstPage = await firstPageMs(await generatePdf(100));
  console.error(`  first page of a 100-page PDF: ${firstPage.toFixed(0)} ms (pdf.js open + render at scale ${SCREEN_SCALE})`);
  return `pages_per_s=${(pages.pageCount / seconds).toFixed(2)} kb_per_page=${(out.length / 1024 / pages.pageCount).toFixed(1)} first_page_ms=${firstPage.toFixed(0)}`;
}

/** From the bytes of a PDF to its first page drawn on a canvas, as the panel shows it (PageView.tsx). */
async function firstPageMs(bytes: Uint8Array): Promise<number> {
  const pdfjs = await nodePlatform.pdfjs.loadPdfjs();
  const t0 = performance.now();
  const task = pdfjs.getDocument({ data: bytes.slice(), ...nodePlatform.pdfjs.assets, isEvalSupported: false });
  const doc = await task.promise;
  const page = await doc.getPage(1);
  const viewport = page.getViewport({ scale: SCREEN_SCALE });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: canvas.getContext('2d') as unknown as CanvasRenderingContext2D, viewport }).promise;
  const ms = performance.now() - t0;
  await task.destroy();
  return ms;
}
