// The OCR engine: an image in, lines of words with boxes out, the boxes both in
// the pixels of the page raster and in PDF user space (points, origin bottom
// left), ready for ./page-text.ts to build a core Page.
//
// The implementation runs tesseract.js 7 with the LSTM engine on local
// language data only: `langPath` is a folder (Node) or extension URL (browser)
// holding jpn/eng(/jpn_vert).traineddata.gz; nothing is ever fetched from a
// CDN. No Node or browser APIs here: the platforms (platform/node.ts,
// platform/browser.ts) pass the paths and the tesseract.js module.
import { latinRuns, mergeLatin, stackRuns } from './latin-pass.ts';
import { measureLine } from './layout.ts';
import type { GrayImage, PixelBox } from '../pages/gray.ts';
import type { TesseractPage } from './tesseract-page.ts';
import type { Rules } from '../layout/types.ts';

export type { PixelBox } from '../pages/gray.ts';

/** A rectangle in PDF user space: x left, y LOWER edge, in points. */
export interface PageBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface OcrSymbol {
  text: string;
  /** box in page-raster pixels (top-left origin) */
  px: PixelBox;
  /** box in PDF user space */
  box: PageBox;
}

export interface OcrWord {
  text: string;
  /** 0–100 */
  confidence: number;
  /** box in page-raster pixels (top-left origin; in the recognised image's frame when it was the page turned) */
  px: PixelBox;
  /** box in PDF user space */
  box: PageBox;
  symbols: OcrSymbol[];
  /** blank space before the word on its line, in em, measured on the pixels (not for a line's first word) */
  gapBefore?: number;
  /** widest blank run inside the word, in em (how loosely its characters are set) */
  innerGap?: number;
}

export interface OcrLine {
  words: OcrWord[];
  confidence: number;
  /** box in page-raster pixels */
  px: PixelBox;
  /** index of the tesseract block the line came from */
  block: number;
}

export interface OcrResult {
  lines: OcrLine[];
  /** mean word confidence, 0–100 */
  confidence: number;
  /** page size in points */
  width: number;
  height: number;
  /** a box in raster pixels → PDF user space (as the words' boxes were made) */
  toPage(px: PixelBox): PageBox;
  /** the rules the page draws, in layout coordinates (./ocr-rasters.ts): a ruled table's borders */
  rules?: Rules;
}

/**
 * Where the recognised image sits on the page. The image OCR sees may have
 * been deskewed or upscaled from the page raster (`toRaster` undoes that); the
 * raster is the page drawn at `pxPerPt` pixels per point.
 */
export interface OcrGeometry {
  pageWidthPt: number;
  pageHeightPt: number;
  /** raster pixels per PDF point (300 dpi: 300/72) */
  pxPerPt: number;
  /** recognised-image pixels → raster pixels (default: identity) */
  toRaster?: (box: PixelBox) => PixelBox;
  /** a raster pixel → PDF user space point (default: x/pxPerPt, pageHeight - y/pxPerPt) */
  rasterToPage?: (x: number, y: number) => [number, number];
  /**
   * The recognised image as binary pixels (0 ink): when given, word boxes and
   * the gaps between words are measured on the ink (./layout.ts).
   */
  image?: GrayImage;
  /**
   * The recognised image is the page turned
   * (./recognize-any-orientation.ts): words are laid out (their `px`) in the
   * recognised image's own frame, where its lines run across, and only their
   * page boxes go through `toRaster`.
   */
  turned?: boolean;
}

export interface RecognizeOptions {
  /**
   * The image holds vertical Japanese (縦書き) turned a quarter counter-clockwise,
   * so its columns run across as rows of sideways characters: read with the
   * vertical model (jpn_vert), which is trained on exactly that.
   */
  vertical?: boolean;
}

export interface OcrEngine {
  /** Recognises one page image (PNG, JPEG, BMP, PGM/PBM bytes). */
  recognize(image: Uint8Array, geometry: OcrGeometry, options?: RecognizeOptions): Promise<OcrResult>;
  /** Ends the engine's worker; pending recognitions reject. */
  terminate(): Promise<void>;
}

// ---------------------------------------------------------------------------
// tesseract.js

/** The subset of the tesseract.js module used here (Node and browser builds alike). */
export interface TesseractModule {
  createWorker(langs: string | string[], oem?: number, options?: Record<string, unknown>, config?: Record<string, unknown> | string): Promise<TesseractWorker>;
  OEM: { LSTM_ONLY: number };
}

export interface TesseractWorker {
  recognize(image: unknown, options?: Record<string, unknown>, output?: Record<string, boolean>): Promise<{ data: TesseractPage }>;
  setParameters(params: Record<string, unknown>): Promise<unknown>;
  terminate(): Promise<unknown>;
  /** the underlying Worker (node:worker_threads Worker or web Worker) */
  worker?: unknown;
}

export interface TesseractEngineOptions {
  /** the tesseract.js module (import('tesseract.js')) */
  tesseract: TesseractModule;
  /** folder (Node) or URL (browser) with <lang>.traineddata.gz files */
  langPath: string;
  /** languages, in order of preference (default ['jpn', 'eng']) */
  languages?: string[];
  /** worker script (Node: a file path; browser: an extension URL) */
  workerPath?: string;
  /** tesseract.js-core folder URL (browser only; Node loads the core from node_modules) */
  corePath?: string;
  /** browser: load the worker from a Blob URL (must be false in extension pages) */
  workerBlobURL?: boolean;
  /** read Latin runs a second time with English alone (./latin-pass.ts; default true when English is a later language) */
  latinPass?: boolean;
  /** tesseract parameters set once after start */
  parameters?: Record<string, string | number>;
  /**
   * Called with the native Worker once it exists, and a function that fails the
   * engine: the Node adapter uses it to turn a crashed worker thread into a
   * rejected recognition instead of a hang.
   */
  watch?: (worker: unknown, fail: (err: Error) => void) => void;
}

const DEFAULT_PARAMETERS: Record<string, string | number> = {
  // the prepared image carries no resolution; it is made for about 300 dpi
  user_defined_dpi: '300',
};

/** The second reading's image is runs stacked one under another: one block of lines, no layout to find. */
const LATIN_PARAMETERS = { tessedit_pageseg_mode: '6' };

/** Starts a tesseract.js worker with local data and wraps it as an OcrEngine. */
export async function createTesseractEngine(options: TesseractEngineOptions): Promise<OcrEngine> {
  const { tesseract } = options;
  let failure: Error | undefined;
  let rejectPending: ((err: Error) => void) | undefined;
  const fail = (err: Error) => {
    failure ??= err;
    rejectPending?.(err);
  };
  const workerOptions: Record<string, unknown> = {
    langPath: options.langPath,
    gzip: true,
    // never read or write a cache (IndexedDB / working directory)
    cacheMethod: 'none',
    // errors reject the job's promise instead of being thrown in a message handler
    // (the job's own promise rejects with the error as well)
    errorHandler: () => {},
  };
  if (options.workerPath) workerOptions.workerPath = options.workerPath;
  if (options.corePath) workerOptions.corePath = options.corePath;
  if (options.workerBlobURL !== undefined) workerOptions.workerBlobURL = options.workerBlobURL;

  const start = async (languages: string[], parameters: Record<string, string> = {}) => {
    const w = await tesseract.createWorker(languages, tesseract.OEM.LSTM_ONLY, workerOptions);
    options.watch?.(w.worker, fail);
    await w.setParameters({ ...DEFAULT_PARAMETERS, ...options.parameters, ...parameters });
    return w;
  };
  const languages = options.languages ?? ['jpn', 'eng'];
  const worker = await start(languages);
  // the vertical model's worker, started the first time a vertical page comes
  let vertical: Promise<TesseractWorker> | undefined;
  const verticalWorker = () => (vertical ??= start(verticalLanguages(languages)));
  // the English worker of the second reading of Latin runs (./latin-pass.ts), started the first time a page has some
  let latin: Promise<TesseractWorker> | undefined;
  const latinWorker = options.latinPass !== false && languages[0] !== 'eng' && languages.includes('eng') ? () => (latin ??= start(['eng'], LATIN_PARAMETERS)) : undefined;

  let terminated = false;
  return {
    async recognize(image, geometry, how = {}) {
      if (terminated) throw new Error('OCR engine was terminated');
      if (failure) throw failure;
      const died = new Promise<never>((_, reject) => {
        rejectPending = reject;
      });
      try {
        const w = how.vertical ? await Promise.race([verticalWorker(), died]) : worker;
        const result = await Promise.race([w.recognize(image, {}, { blocks: true, text: false }), died]);
        // the second reading is for what the horizontal jpn+eng reading gives; a vertical page keeps jpn_vert's
        const latin = how.vertical ? undefined : latinWorker;
        const stack = latin && stackRuns(image, latinRuns(result.data));
        if (latin && stack) {
          const second = await Promise.race([(await Promise.race([latin(), died])).recognize(stack.bytes, {}, { blocks: true, text: false }), died]);
          mergeLatin(stack, second.data);
        }
        return toResult(result.data, geometry);
      } finally {
        rejectPending = undefined;
      }
    },
    async terminate() {
      if (terminated) return;
      terminated = true;
      rejectPending?.(new Error('OCR engine was terminated'));
      const others = [vertical, latin].map((w) => w?.catch(() => undefined));
      await worker.terminate();
      for (const other of others) await (await other)?.terminate();
    },
  };
}

/** The languages for vertical pages: jpn_vert in place of jpn (Latin set sideways in a column reads upright once the page is turned). */
export function verticalLanguages(languages: string[]): string[] {
  return ['jpn_vert', ...languages.filter((l) => l !== 'jpn' && l !== 'jpn_vert')];
}

/** Maps tesseract's page (blocks → paragraphs → lines → words) to an OcrResult. Exported for tests. */
export function toResult(page: TesseractPage, geometry: OcrGeometry): OcrResult {
  const { pxPerPt, pageHeightPt } = geometry;
  const toRaster = geometry.toRaster ?? ((b: PixelBox) => b);
  const toPage = geometry.rasterToPage ?? ((x: number, y: number): [number, number] => [x / pxPerPt, pageHeightPt - y / pxPerPt]);
  const pageBox = (b: PixelBox): PageBox => {
    const corners = [toPage(b.x0, b.y0), toPage(b.x1, b.y0), toPage(b.x0, b.y1), toPage(b.x1, b.y1)];
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    return { x: round2(x), y: round2(y), width: round2(Math.max(...xs) - x), height: round2(Math.max(...ys) - y) };
  };
  // pixels words are laid out in → PDF user space
  const layout = geometry.turned ? (b: PixelBox) => b : toRaster;
  const pxToPage = geometry.turned ? (b: PixelBox) => pageBox(toRaster(b)) : pageBox;
  const lines: OcrLine[] = [];
  let confSum = 0;
  let confCount = 0;
  (page.blocks ?? []).forEach((block, blockIndex) => {
    for (const para of block.paragraphs ?? []) {
      for (const line of para.lines ?? []) {
        const found = (line.words ?? []).filter((w) => (w.text ?? '').trim());
        const ink =
          geometry.image && found.length
            ? measureLine(
                geometry.image,
                line.bbox,
                found.map((w) => ({ text: w.text.trim(), box: w.bbox })),
              )
            : undefined;
        const words: OcrWord[] = found.map((w, i) => {
          const px = layout(ink ? ink.words[i].box : w.bbox);
          confSum += w.confidence;
          confCount++;
          return {
            text: w.text.trim(),
            confidence: w.confidence,
            px,
            box: pxToPage(px),
            symbols: (w.symbols ?? []).map((s) => {
              const spx = layout(s.bbox);
              return { text: s.text, px: spx, box: pxToPage(spx) };
            }),
            ...(ink ? { gapBefore: ink.words[i].gapBefore, innerGap: ink.words[i].innerGap } : {}),
          };
        });
        if (words.length) lines.push({ words, confidence: line.confidence, px: layout(line.bbox), block: blockIndex });
      }
    }
  });
  return { lines, confidence: confCount ? confSum / confCount : 0, width: geometry.pageWidthPt, height: geometry.pageHeightPt, toPage: pxToPage };
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
