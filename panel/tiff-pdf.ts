// A TIFF scan (fax and scanner output, often several pages) as a PDF for the
// panel: one page per image, each the size its resolution gives, which is the
// size OCR places its words in (ocr/browser.ts reads TIFF pages the same way).
import { PDFDocument } from 'pdf-lib';
import { openTiff } from '../ocr/tiff.ts';
import { OCR_DPI } from '../ocr/raster.ts';
import type { GrayImage } from '../ocr/preprocess.ts';

async function grayToPng(gray: GrayImage): Promise<Uint8Array> {
  const rgba = new Uint8ClampedArray(gray.width * gray.height * 4);
  for (let i = 0; i < gray.data.length; i++) {
    rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = gray.data[i];
    rgba[i * 4 + 3] = 255;
  }
  const canvas = new OffscreenCanvas(gray.width, gray.height);
  canvas.getContext('2d')!.putImageData(new ImageData(rgba, gray.width, gray.height), 0, 0);
  return new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
}

export async function tiffToPdf(bytes: Uint8Array): Promise<Uint8Array> {
  const tiff = openTiff(bytes);
  const pdf = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < tiff.count; i++) {
    const { image, dpi = OCR_DPI } = tiff.page(i);
    const png = await pdf.embedPng(await grayToPng(image));
    const size = { width: (image.width * 72) / dpi, height: (image.height * 72) / dpi };
    pdf.addPage([size.width, size.height]).drawImage(png, { x: 0, y: 0, ...size });
  }
  return pdf.save();
}
