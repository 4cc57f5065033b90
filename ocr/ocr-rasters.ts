// From page rasters to OCR'd pages, for any platform: a raster (grey pixels,
// its resolution and the page size in points: pages/raster.ts) is prepared
// (./prepare-image.ts), recognised by an engine, and built into a core Page
// (./page-text.ts); a pool of engines (./worker-pool.ts) does many pages.
import type { Page } from '../core/document.ts';
import { lastColumns } from '../core/tables.ts';
import type { Raster } from '../pages/raster.ts';
import type { OcrEngine, OcrGeometry, OcrResult } from './engine.ts';
import { recognizeOriented } from './recognize-any-orientation.ts';
import { buildOcrPage } from './page-text.ts';
import { prepareForOcr, type PrepareOptions } from './prepare-image.ts';
import type { PixelRules } from './table-rules.ts';
import type { PixelBox } from '../pages/gray.ts';
import type { Rules } from '../layout/types.ts';
import { DEFAULT_RECYCLE_AFTER, runPool } from './worker-pool.ts';

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
  /** time one page may take (ms, default PAGE_TIMEOUT_MS): a page that runs out is returned unread, never waited for without end */
  pageTimeoutMs?: number;
}

/** A page's time budget: a dense A3 page takes well under a minute here; a damaged scan can hold tesseract for many. */
export const PAGE_TIMEOUT_MS = 150_000;

/** Prepares one page raster and recognises it, whichever way it is written or was fed (./recognize-any-orientation.ts): words with boxes in raster pixels and in PDF user space. */
export async function recognizeRaster(engine: OcrEngine, r: Raster, prepare: PrepareOptions = {}): Promise<OcrResult> {
  const prepared = prepareForOcr(r.gray, { dpi: r.dpi, ...prepare });
  const geometry: OcrGeometry = {
    pageWidthPt: r.widthPt,
    pageHeightPt: r.heightPt,
    pxPerPt: r.dpi / 72,
    toRaster: prepared.toSource,
    rasterToPage: r.rasterToPage,
  };
  const result = await recognizeOriented(engine, prepared, geometry);
  return prepared.rules ? { ...result, rules: layoutRules(prepared.rules, prepared.toSource, r) } : result;
}

/** Rules in prepared-image pixels → layout coordinates (page points across, points down from the top). */
function layoutRules(rules: PixelRules, toSource: (box: PixelBox) => PixelBox, r: Raster): Rules {
  const toPage = r.rasterToPage ?? ((x: number, y: number): [number, number] => [(x * 72) / r.dpi, r.heightPt - (y * 72) / r.dpi]);
  const corners = (b: PixelBox) => {
    const s = toSource(b);
    const [ax, ay] = toPage(s.x0, s.y0);
    const [bx, by] = toPage(s.x1, s.y1);
    return { x0: Math.min(ax, bx), x1: Math.max(ax, bx), y0: r.heightPt - Math.max(ay, by), y1: r.heightPt - Math.min(ay, by) };
  };
  return {
    horizontal: rules.horizontal.map((h) => {
      const b = corners({ x0: h.x0, x1: h.x1, y0: h.y, y1: h.y + 1 });
      return { y: (b.y0 + b.y1) / 2, x0: b.x0, x1: b.x1 };
    }),
    vertical: rules.vertical.map((v) => {
      const b = corners({ x0: v.x, x1: v.x + 1, y0: v.y0, y1: v.y1 });
      return { x: (b.x0 + b.x1) / 2, y0: b.y0, y1: b.y1 };
    }),
  };
}

/**
 * OCR of pages `numbers` on a pool of engines: one Page per number, in that
 * order. Pages are recognised side by side but laid out in page order: a
 * table at the top of a page may continue the one the page before ended
 * with, and takes its columns from it (layout/columns.ts continueColumns).
 */
export function ocrRasters(numbers: number[], raster: (n: number) => Promise<Raster>, options: RasterOcrOptions): Promise<Page[]> {
  const laidOut = numbers.map(() => settled<[number, number][] | undefined>());
  const priorOf = (index: number) => (index > 0 && numbers[index - 1] === numbers[index] - 1 ? laidOut[index - 1].promise : undefined);
  return runPool(
    numbers,
    async (engine: OcrEngine, n: number, index: number) => {
      const r = await raster(n);
      options.signal?.throwIfAborted();
      const result = await recognizeRaster(engine, r, options.prepare);
      const page = buildOcrPage(n, result, { priorColumns: await priorOf(index) });
      laidOut[index].resolve(lastColumns(page));
      return page;
    },
    {
      concurrency: options.workers,
      createWorker: options.createEngine,
      terminateWorker: (e) => e.terminate(),
      recycleAfter: options.recycleAfter ?? DEFAULT_RECYCLE_AFTER,
      onProgress: options.onProgress,
      signal: options.signal,
      jobTimeoutMs: options.pageTimeoutMs ?? PAGE_TIMEOUT_MS,
      onTimeout: (index: number): Page => {
        laidOut[index].resolve(undefined);
        return {
          number: numbers[index],
          text: '',
          segments: [],
          hidden: [],
          unread: `OCR ran out of its time (${Math.round((options.pageTimeoutMs ?? PAGE_TIMEOUT_MS) / 1000)} s)`,
        };
      },
    },
  );
}

/** A promise and the function that settles it. */
function settled<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
