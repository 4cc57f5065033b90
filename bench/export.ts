// bench export: masked export of a generated 50-page A4 text PDF at 150 dpi.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { createCanvas } from '@napi-rs/canvas';
import { readPdf } from '../documents/pdf.ts';
import { loadPdfjsNode, nodePdfjsAssets } from '../documents/pdfjs-node.ts';
import { scanDocument } from '../core/engine.ts';
import { planFromFindings } from '../redaction/plan.ts';
import { exportMasked, type CanvasLike } from '../redaction/export.ts';
import { openPdfPages } from '../redaction/pdf-pages.ts';
import { random } from './generate.ts';

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
  const doc = await readPdf(bytes);
  const masks = planFromFindings(doc, scanDocument(doc));
  const pdfjs = await loadPdfjsNode();
  const pages = await openPdfPages(bytes, pdfjs, nodePdfjsAssets(), (w, h) => createCanvas(w, h) as unknown as CanvasLike);
  const t0 = performance.now();
  const out = await exportMasked(pages, masks, { dpi: 150 });
  const seconds = (performance.now() - t0) / 1000;
  await pages.close();
  console.error(`  ${pages.pageCount} pages, ${masks.length} masks, ${(out.length / 1024).toFixed(0)} KB in ${seconds.toFixed(1)} s`);
  return `pages_per_s=${(pages.pageCount / seconds).toFixed(2)} kb_per_page=${(out.length / 1024 / pages.pageCount).toFixed(1)}`;
}
