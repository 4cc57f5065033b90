// Images painted over text, read from pdf.js's operator list of PDFs built here:
// an image pasted over a line shown before it covers it; text shown after an
// image (a scan's OCR layer, a form printed over its background) does not.
import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { createCanvas } from '@napi-rs/canvas';
import { nodePlatform } from '../../platform/node.ts';
import { openPdfPages } from '../../pages/pdf-pages.ts';

async function pageWith(order: 'text-then-image' | 'image-then-text'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([400, 300]);
  const canvas = createCanvas(8, 8);
  canvas.getContext('2d').fillRect(0, 0, 4, 4);
  const image = await doc.embedPng(canvas.toBuffer('image/png'));
  const text = () => page.drawText('Nakamura Haruki', { x: 100, y: 200, size: 12, font });
  const picture = () => page.drawImage(image, { x: 90, y: 190, width: 150, height: 30 });
  if (order === 'text-then-image') {
    text();
    picture();
  } else {
    picture();
    text();
  }
  page.drawText('A caption under nothing', { x: 100, y: 100, size: 12, font });
  return doc.save();
}

describe('images painted over text', () => {
  it('finds an image pasted over a line shown before it, where it was painted', async () => {
    const pages = await openPdfPages(await pageWith('text-then-image'), nodePlatform);
    try {
      const covers = await pages.imagesOverText!(1);
      expect(covers).toHaveLength(1);
      expect(covers[0].x).toBeCloseTo(90);
      expect(covers[0].y).toBeCloseTo(190);
      expect(covers[0].width).toBeCloseTo(150);
      expect(covers[0].height).toBeCloseTo(30);
    } finally {
      await pages.close();
    }
  });

  it('leaves text shown over an image painted before it', async () => {
    const pages = await openPdfPages(await pageWith('image-then-text'), nodePlatform);
    try {
      expect(await pages.imagesOverText!(1)).toEqual([]);
    } finally {
      await pages.close();
    }
  });
});
