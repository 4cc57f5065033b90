// Pages as grey rasters, what OCR reads: a PDF page drawn by pdf.js (at
// OCR_RENDER_DPI, less for huge pages), or a frame of a scanned image (PNG and
// JPEG decoded by the platform, TIFF by ./tiff.ts), each with its resolution
// and its size in points. Platform-neutral.
import type { PageSource, RenderedPage } from './canvas.ts';
import { OCR_RENDER_DPI, SCAN_ASSUMED_DPI } from './dpi.ts';
import { rgbaToGray, type GrayImage } from './gray.ts';
import { imageDpi } from './image-info.ts';
import type { PagePlatform } from './platform.ts';
import { openTiff } from './tiff.ts';

export interface Raster {
  /** the page as grayscale pixels */
  gray: GrayImage;
  /** raster pixels per inch */
  dpi: number;
  /** page size in points */
  widthPt: number;
  heightPt: number;
  /** raster pixel → PDF user space (default: pixels / (dpi/72), y flipped) */
  rasterToPage?: (x: number, y: number) => [number, number];
}

/** The affine map raster pixel → PDF user space, inverted from a rendered page's user space → pixel map. */
export function rasterToPageOf(page: RenderedPage): (x: number, y: number) => [number, number] {
  const at = (x: number, y: number) => {
    const r = page.toPixels({ x, y, width: 0, height: 0 });
    return [r[0], r[1]];
  };
  const [tx, ty] = at(0, 0);
  const [ax, ay] = at(1, 0);
  const [bx, by] = at(0, 1);
  // pixel = M · user + t, M = [[a, b], [c, d]]
  const a = ax - tx;
  const c = ay - ty;
  const b = bx - tx;
  const d = by - ty;
  const det = a * d - b * c;
  return (px, py) => {
    const u = px - tx;
    const v = py - ty;
    return [(d * u - b * v) / det, (-c * u + a * v) / det];
  };
}

/** Largest side of a PDF page raster; larger pages are drawn at a lower resolution. */
const MAX_RASTER_SIDE = 7000;

/** Draws PDF page `n` for OCR at `dpi` (less for huge pages) and returns it as grey pixels. */
export async function pdfPageRaster(source: PageSource, n: number, dpi = OCR_RENDER_DPI): Promise<Raster> {
  let scale = dpi / 72;
  let rendered = await source.render(n, scale);
  const side = Math.max(rendered.canvas.width, rendered.canvas.height);
  if (side > MAX_RASTER_SIDE) {
    rendered.release();
    scale *= MAX_RASTER_SIDE / side;
    rendered = await source.render(n, scale);
  }
  try {
    const { width, height } = rendered.canvas;
    const gray = rgbaToGray(rendered.canvas.getContext('2d')!.getImageData(0, 0, width, height).data, width, height);
    return { gray, dpi: scale * 72, widthPt: rendered.widthPt, heightPt: rendered.heightPt, rasterToPage: rasterToPageOf(rendered) };
  } finally {
    rendered.release();
  }
}

/** The frames of an image file (a TIFF's pages, or one PNG or JPEG), each a raster when asked for. */
export interface ImageRasters {
  count: number;
  /** frame n (1-based) */
  raster(n: number): Promise<Raster>;
}

/**
 * An image file's frames as rasters. A page's size in points follows the
 * resolution the file declares (SCAN_ASSUMED_DPI when it states none):
 * points = pixels × 72 / dpi.
 */
export function imageRasters(bytes: Uint8Array, decodeImage: PagePlatform['decodeImage']): ImageRasters {
  const asRaster = (gray: GrayImage, dpi = SCAN_ASSUMED_DPI): Raster => ({ gray, dpi, widthPt: (gray.width * 72) / dpi, heightPt: (gray.height * 72) / dpi });
  const isTiff = (bytes[0] === 0x49 && bytes[1] === 0x49 && bytes[2] === 0x2a) || (bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[3] === 0x2a);
  const damaged = (err: unknown) => new Error(`the image cannot be decoded: it is damaged or not a supported image (${err instanceof Error ? err.message : String(err)})`);
  if (isTiff) {
    let tiff;
    try {
      tiff = openTiff(bytes);
    } catch (err) {
      throw damaged(err);
    }
    return {
      count: tiff.count,
      raster: async (n) => {
        try {
          const { image, dpi } = tiff.page(n - 1);
          return asRaster(image, dpi);
        } catch (err) {
          throw damaged(err);
        }
      },
    };
  }
  const dpi = imageDpi(bytes);
  const isPng = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  if (!isPng && !isJpeg) throw new Error('the image cannot be decoded: only PNG, JPEG and TIFF images are read');
  return {
    count: 1,
    async raster() {
      let gray: GrayImage;
      try {
        gray = await decodeImage(bytes);
      } catch (err) {
        throw damaged(err);
      }
      return asRaster(gray, dpi);
    },
  };
}
