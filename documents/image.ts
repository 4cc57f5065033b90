// Scanned images (PNG, JPEG, TIFF): no text layer, so every page needs OCR.
// Only the container is looked at here: the format, and for TIFF the number
// of pages (multi-page TIFF is how fax and scanner output often arrives).
import type { Page, SumiDocument } from '../core/document.ts';

export type ImageFormat = 'png' | 'jpeg' | 'tiff';

export function sniffImage(bytes: Uint8Array): ImageFormat | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if ((bytes[0] === 0x49 && bytes[1] === 0x49 && bytes[2] === 0x2a && bytes[3] === 0) || (bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[2] === 0 && bytes[3] === 0x2a)) return 'tiff';
  return null;
}

export function readImage(bytes: Uint8Array, format: ImageFormat): SumiDocument {
  const count = format === 'tiff' ? tiffPageCount(bytes) : 1;
  const pages: Page[] = [];
  for (let n = 1; n <= count; n++) pages.push({ number: n, text: '', segments: [], hidden: [] });
  return { type: 'image', pages, ocrPages: pages.map((p) => p.number) };
}

/** Number of image directories (pages) in a TIFF; 1 when the chain cannot be followed. */
export function tiffPageCount(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = bytes[0] === 0x49;
  const seen = new Set<number>();
  let count = 0;
  try {
    for (let ifd = view.getUint32(4, le); ifd !== 0 && !seen.has(ifd) && count < 10000; count++) {
      seen.add(ifd); // a loop in the chain must not hang the reader
      const entries = view.getUint16(ifd, le);
      ifd = view.getUint32(ifd + 2 + entries * 12, le);
    }
  } catch {
    // a directory points past the end: count what was read
  }
  return Math.max(count, 1);
}
