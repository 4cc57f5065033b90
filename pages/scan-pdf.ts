// Scans as PDFs, so the masked export treats scans and PDFs alike: a PNG or
// JPEG becomes a one-page PDF of the size its resolution gives, a TIFF (fax and
// scanner output, often several pages) a page per image. These are the sizes
// OCR places its words in. Platform-neutral: TIFF pages are written as grey
// samples directly, with no image encoder of the platform's.
import { PDFDocument, concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState } from 'pdf-lib';
import { zlibSync } from 'fflate';
import { DocumentError } from '../core/document.ts';
import { checkImageSize, sniffImage } from '../documents/image.ts';
import { imageDpi } from './image-info.ts';
import { openTiff } from './tiff.ts';
import { SCAN_ASSUMED_DPI } from './dpi.ts';
import type { GrayImage } from './gray.ts';

/**
 * A scan as a PDF, for the panel and the CLI alike: a TIFF a page per image, a
 * PNG or JPEG one page; every page of the size its resolution gives (300 dpi
 * when the file states none), the size OCR places its words in.
 */
export async function scanToPdf(bytes: Uint8Array): Promise<Uint8Array> {
  const format = sniffImage(bytes);
  // a decompression bomb is refused before anything decodes it
  if (format) checkImageSize(bytes, format);
  return format === 'tiff' ? tiffToPdf(bytes) : imageToPdf(bytes);
}

/** A PNG or JPEG as a one-page PDF of the size its resolution gives. */
export async function imageToPdf(bytes: Uint8Array): Promise<Uint8Array> {
  const format = sniffImage(bytes);
  if (format !== 'png' && format !== 'jpeg') throw new DocumentError('this image is neither PNG nor JPEG (TIFF scans go through tiffToPdf)', 'unsupported');
  const pdf = await PDFDocument.create({ updateMetadata: false });
  let image;
  try {
    image = format === 'png' ? await pdf.embedPng(bytes) : await pdf.embedJpg(bytes);
  } catch {
    throw new DocumentError('the image cannot be decoded: it is damaged or not a supported image', 'corrupt');
  }
  const dpi = imageDpi(bytes) ?? SCAN_ASSUMED_DPI;
  const size = { width: (image.width * 72) / dpi, height: (image.height * 72) / dpi };
  const page = pdf.addPage([size.width, size.height]);
  page.drawImage(image, { x: 0, y: 0, ...size });
  return pdf.save();
}

/** Every page of a TIFF as a PDF page of its own size (8-bit grey, as OCR reads it). */
export async function tiffToPdf(bytes: Uint8Array): Promise<Uint8Array> {
  let tiff;
  try {
    tiff = openTiff(bytes);
  } catch (err) {
    throw new DocumentError(`the TIFF image cannot be read: ${err instanceof Error ? err.message : String(err)}`, 'corrupt');
  }
  const pdf = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < tiff.count; i++) {
    const { image, dpi = SCAN_ASSUMED_DPI } = tiff.page(i);
    addGreyPage(pdf, image, (image.width * 72) / dpi, (image.height * 72) / dpi);
  }
  return pdf.save();
}

/** Adds a page of `width` × `height` points filled with 8-bit grey pixels. */
export function addGreyPage(pdf: PDFDocument, image: GrayImage, width: number, height: number): void {
  const stream = pdf.context.stream(zlibSync(image.data, { level: 4 }), {
    Type: 'XObject',
    Subtype: 'Image',
    Width: image.width,
    Height: image.height,
    ColorSpace: 'DeviceGray',
    BitsPerComponent: 8,
    Filter: 'FlateDecode',
  });
  const page = pdf.addPage([width, height]);
  const name = page.node.newXObject('Scan', pdf.context.register(stream));
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(width, 0, 0, height, 0, 0), drawObject(name), popGraphicsState());
}
