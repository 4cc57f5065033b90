// An image (PNG or JPEG scan) as a one-page PDF of the size its resolution gives,
// so the masked export treats scans and PDFs alike.
import { PDFDocument } from 'pdf-lib';
import { DocumentError } from '../core/document.ts';

export async function imageToPdf(bytes: Uint8Array, size: { width: number; height: number }): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const isPng = bytes[0] === 0x89 && bytes[1] === 0x50;
  const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  if (!isPng && !isJpeg) throw new DocumentError('redact reads PNG and JPEG images; convert TIFF scans to PDF or PNG first', 'unsupported');
  const image = isPng ? await pdf.embedPng(bytes) : await pdf.embedJpg(bytes);
  const page = pdf.addPage([size.width, size.height]);
  page.drawImage(image, { x: 0, y: 0, width: size.width, height: size.height });
  return pdf.save();
}
