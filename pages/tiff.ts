// TIFF pages (multi-page fax and scanner output) → grayscale images, with
// UTIF (pure JavaScript: uncompressed, PackBits, LZW, Deflate, CCITT G3/G4,
// JPEG). Platform-neutral.
// a CommonJS module: its default import is module.exports under Node's own ESM
// loader and under bundlers alike (a namespace import is empty under Node)
import UTIF from 'utif2';
import { exifDpi, sane } from './image-info.ts';
import { rgbaToGray, type GrayImage } from './gray.ts';

export interface TiffPages {
  count: number;
  /** decodes page i (0-based) */
  page(i: number): { image: GrayImage; dpi?: number };
}

type Ifd = UTIF.IFD & { t254?: number[]; t256?: number[]; t257?: number[]; t282?: (number | number[])[]; t296?: number[] };

export function openTiff(bytes: Uint8Array): TiffPages {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const ifds = (UTIF.decode(buffer) as Ifd[]).filter((ifd) => ifd.t256 && ifd.t257 && !((ifd.t254?.[0] ?? 0) & 1));
  if (!ifds.length) throw new Error('the TIFF file holds no image');
  return {
    count: ifds.length,
    page(i) {
      const ifd = ifds[i];
      UTIF.decodeImage(buffer, ifd);
      const rgba = UTIF.toRGBA8(ifd);
      const image = rgbaToGray(rgba, ifd.width, ifd.height);
      // free the decoded pixels held by the directory
      (ifd as { data?: Uint8Array }).data = new Uint8Array(0);
      return { image, dpi: tiffDpi(ifd) ?? (i === 0 ? sane(exifDpi(bytes)) : undefined) };
    },
  };
}

function tiffDpi(ifd: Ifd): number | undefined {
  // UTIF gives a RATIONAL as [numerator, denominator]
  const value: number | number[] | undefined = ifd.t282?.[0];
  const x = Array.isArray(value) ? (value[1] ? value[0] / value[1] : undefined) : value;
  if (x === undefined) return undefined;
  const unit = ifd.t296?.[0] ?? 2;
  return sane(unit === 3 ? x * 2.54 : unit === 2 ? x : undefined);
}
