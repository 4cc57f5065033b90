// Scanned images (PNG, JPEG, TIFF): no text layer, so every page needs OCR.
// Only the container is looked at here: the format, the number of pages
// (multi-page TIFF is how fax and scanner output often arrives) and their
// sizes, so that a decompression bomb (a small file of a huge, blank image) is
// refused before anything decodes it.
import { DocumentError, type Page, type SumiDocument } from '../core/document.ts';

export type ImageFormat = 'png' | 'jpeg' | 'tiff';

export function sniffImage(bytes: Uint8Array): ImageFormat | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if ((bytes[0] === 0x49 && bytes[1] === 0x49 && bytes[2] === 0x2a && bytes[3] === 0) || (bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[2] === 0 && bytes[3] === 0x2a)) return 'tiff';
  return null;
}

/** Pixels one page may hold (A0 at 300 dpi is 140 million): a bigger page would take gigabytes to decode. */
export const MAX_PAGE_PIXELS = 150_000_000;
/** Pixels along one side (A0's long side at 600 dpi is 28,000): OCR cannot take a longer strip. */
export const MAX_SIDE_PIXELS = 30_000;

export function readImage(bytes: Uint8Array, format: ImageFormat): SumiDocument {
  const count = Math.max(1, checkImageSize(bytes, format).length);
  const pages: Page[] = [];
  for (let n = 1; n <= count; n++) pages.push({ number: n, text: '', segments: [], hidden: [] });
  return { type: 'image', pages, ocrPages: pages.map((p) => p.number) };
}

/** The pages' pixel sizes (./pixelSizes); throws 'too-large' when a page holds more than MAX_PAGE_PIXELS. */
export function checkImageSize(bytes: Uint8Array, format: ImageFormat): { width: number; height: number }[] {
  const sizes = pixelSizes(bytes, format);
  sizes.forEach(({ width, height }, i) => {
    const where = sizes.length > 1 ? `page ${i + 1} of the image` : 'the image';
    if (Math.max(width, height) > MAX_SIDE_PIXELS)
      throw new DocumentError(`${where} is too large to read: ${width} × ${height} pixels (the limit is ${MAX_SIDE_PIXELS.toLocaleString('en')} pixels a side)`, 'too-large');
    if (width * height > MAX_PAGE_PIXELS) {
      throw new DocumentError(
        `${where} is too large to read: ${width} × ${height} pixels (${Math.round((width * height) / 1e6)} megapixels; the limit is ${MAX_PAGE_PIXELS / 1e6} per page)`,
        'too-large',
      );
    }
  });
  return sizes;
}

/** Width and height of each page, read from the headers alone (PNG IHDR, JPEG SOF, TIFF directories); none when they cannot be read. */
export function pixelSizes(bytes: Uint8Array, format: ImageFormat): { width: number; height: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (format === 'png') return [{ width: view.getUint32(16), height: view.getUint32(20) }];
    if (format === 'jpeg') return jpegSize(view);
    return tiffDirectories(view);
  } catch {
    // a header cut short: the decoder will say what is wrong
    return [];
  }
}

/** The frame size of a JPEG (its first SOFn marker). */
function jpegSize(view: DataView): { width: number; height: number }[] {
  let at = 2;
  while (at + 9 < view.byteLength) {
    if (view.getUint8(at) !== 0xff) return [];
    const marker = view.getUint8(at + 1);
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return [{ height: view.getUint16(at + 5), width: view.getUint16(at + 7) }];
    }
    if (marker === 0xda) return []; // scan data before any frame header
    at += 2 + view.getUint16(at + 2);
  }
  return [];
}

/** The pages of a TIFF (its full-resolution image directories) with their sizes; the chain is followed as far as it is sound. */
function tiffDirectories(view: DataView): { width: number; height: number }[] {
  const le = view.getUint8(0) === 0x49;
  const seen = new Set<number>();
  const out: { width: number; height: number }[] = [];
  try {
    for (let ifd = view.getUint32(4, le); ifd !== 0 && !seen.has(ifd) && out.length < 10000;) {
      seen.add(ifd); // a loop in the chain must not hang the reader
      const entries = view.getUint16(ifd, le);
      let width = 0;
      let height = 0;
      let reduced = false;
      for (let k = 0; k < entries; k++) {
        const e = ifd + 2 + k * 12;
        const tag = view.getUint16(e, le);
        if (tag !== 254 && tag !== 256 && tag !== 257) continue;
        const value = view.getUint16(e + 2, le) === 3 ? view.getUint16(e + 8, le) : view.getUint32(e + 8, le);
        if (tag === 254) reduced = (value & 1) === 1;
        else if (tag === 256) width = value;
        else height = value;
      }
      // a thumbnail (reduced-resolution subfile) is not a page, as pages/tiff.ts reads them
      if (!reduced && width && height) out.push({ width, height });
      ifd = view.getUint32(ifd + 2 + entries * 12, le);
    }
  } catch {
    // a directory points past the end: keep what was read
  }
  return out;
}
