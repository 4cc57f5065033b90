// Scans as PDFs (pages/scan-pdf.ts): the page the panel shows and both
// exports mask is the size the scan's resolution gives, as OCR measures it.
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { scanToPdf } from '../../pages/scan-pdf.ts';
import { grayTiff } from '../ocr/fixtures.ts';

function drawn(format: 'png' | 'jpeg'): Uint8Array {
  const canvas = createCanvas(600, 300);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 600, 300);
  ctx.fillStyle = '#000';
  ctx.fillRect(50, 50, 200, 40);
  return new Uint8Array(format === 'png' ? canvas.toBuffer('image/png') : canvas.toBuffer('image/jpeg'));
}

/** A JPEG whose JFIF header says `dpi` dots per inch. */
function jpegAt(dpi: number): Uint8Array {
  const jpg = drawn('jpeg');
  expect(new TextDecoder().decode(jpg.subarray(6, 10))).toBe('JFIF');
  jpg[13] = 1; // units: dots per inch
  jpg.set([dpi >> 8, dpi & 255, dpi >> 8, dpi & 255], 14);
  return jpg;
}

async function pageSizes(pdf: Uint8Array): Promise<[number, number][]> {
  const doc = await PDFDocument.load(pdf);
  return doc.getPages().map((p) => [p.getWidth(), p.getHeight()]);
}

describe('scanToPdf', () => {
  it('makes a PNG without a stated resolution a page at 300 dpi', async () => {
    expect(await pageSizes(await scanToPdf(drawn('png')))).toEqual([[144, 72]]);
  });

  it('follows the resolution a JPEG states', async () => {
    expect(await pageSizes(await scanToPdf(jpegAt(150)))).toEqual([[288, 144]]);
  });

  it('makes every page of a TIFF a page of its own size', async () => {
    const white = (w: number, h: number) => ({ width: w, height: h, data: new Uint8Array(w * h).fill(255) });
    const sizes = await pageSizes(await scanToPdf(grayTiff([white(400, 200), white(200, 400)], 200)));
    expect(sizes).toEqual([
      [144, 72],
      [72, 144],
    ]);
  });

  it('refuses a page too large to decode before decoding it', async () => {
    const png = drawn('png');
    new DataView(png.buffer, png.byteOffset).setUint32(16, 30000);
    new DataView(png.buffer, png.byteOffset).setUint32(20, 30000);
    await expect(scanToPdf(png)).rejects.toMatchObject({ name: 'DocumentError', code: 'too-large' });
  });

  it('says a damaged image is damaged', async () => {
    const png = drawn('png').subarray(0, 60);
    await expect(scanToPdf(png)).rejects.toMatchObject({ name: 'DocumentError', code: 'corrupt' });
  });
});
