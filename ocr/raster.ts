// From page rasters to OCR'd pages, for any platform: a raster (grey pixels,
// its resolution and the page size in points) is prepared (./preprocess.ts),
// recognised by an engine, and built into a core Page (./page-text.ts); a pool
// of engines (./scheduler.ts) does many pages. The Node adapter (./node.ts)
// and the browser adapter (./browser.ts) only say how pages are drawn and how
// engines start.
import type { Page } from '../core/document.ts';
import type { RenderedPage } from '../redaction/export.ts';
import type { PdfPageSource } from '../redaction/pdf-pages.ts';
import type { OcrEngine, OcrGeometry, OcrResult } from './engine.ts';
import { recognizeOriented } from './oriented.ts';
import { buildOcrPage } from './page-text.ts';
import { prepareForOcr, rgbaToGray, type GrayImage, type PrepareOptions } from './preprocess.ts';
import { DEFAULT_RECYCLE_AFTER, runPool } from './scheduler.ts';

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

export interface RasterOcrOptions {
  /** after each page: pages done, pages to do */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** engines running at once */
  workers: number;
  /** pages per engine before it is replaced (default 20) */
  recycleAfter?: number;
  /** preprocessing switches (all on by default) */
  prepare?: PrepareOptions;
  createEngine: () => Promise<OcrEngine>;
}

/** Prepares one page raster and recognises it, whichever way it is written or was fed (./oriented.ts): words with boxes in raster pixels and in PDF user space. */
export async function recognizeRaster(engine: OcrEngine, r: Raster, prepare: PrepareOptions = {}): Promise<OcrResult> {
  const prepared = prepareForOcr(r.gray, { dpi: r.dpi, ...prepare });
  const geometry: OcrGeometry = {
    pageWidthPt: r.widthPt,
    pageHeightPt: r.heightPt,
    pxPerPt: r.dpi / 72,
    toRaster: prepared.toSource,
    rasterToPage: r.rasterToPage,
  };
  return recognizeOriented(engine, prepared, geometry);
}

/** OCR of pages `numbers` on a pool of engines: one Page per number, in that order. */
export function ocrRasters(numbers: number[], raster: (n: number) => Promise<Raster>, options: RasterOcrOptions): Promise<Page[]> {
  return runPool(
    numbers,
    async (engine: OcrEngine, n: number) => {
      const r = await raster(n);
      options.signal?.throwIfAborted();
      return buildOcrPage(n, await recognizeRaster(engine, r, options.prepare));
    },
    {
      concurrency: options.workers,
      createWorker: options.createEngine,
      terminateWorker: (e) => e.terminate(),
      recycleAfter: options.recycleAfter ?? DEFAULT_RECYCLE_AFTER,
      onProgress: options.onProgress,
      signal: options.signal,
    },
  );
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

/** Resolution PDF pages are drawn at for OCR. */
export const OCR_DPI = 300;
/** Largest side of a PDF page raster; larger pages are drawn at a lower resolution. */
const MAX_RASTER_SIDE = 7000;

/** Draws PDF page `n` for OCR at `dpi` (less for huge pages) and returns it as grey pixels. */
export async function pdfPageRaster(source: PdfPageSource, n: number, dpi = OCR_DPI): Promise<Raster> {
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
