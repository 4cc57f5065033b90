// The masked export: every page is rendered to pixels, the masks are burned in,
// and a fresh PDF is written holding nothing but those images. No content
// stream, font, annotation, form, attachment, script, layer, bookmark or
// metadata of the original survives, because nothing of it is copied.
import { PDFDocument, pushGraphicsState, popGraphicsState, concatTransformationMatrix, drawObject } from 'pdf-lib';
import { zlibSync } from 'fflate';
import type { Mask } from './plan.ts';

/** A 2D canvas as both the browser and @napi-rs/canvas provide it. */
export interface CanvasLike {
  width: number;
  height: number;
  getContext(type: '2d'): Canvas2D | null;
}
export interface Canvas2D {
  fillStyle: unknown;
  font: string;
  textBaseline: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray | Uint8Array };
}

/** One page rendered at the export resolution, with its box → pixel mapping. */
export interface RenderedPage {
  canvas: CanvasLike;
  /** page size in points, as the new page will have it */
  widthPt: number;
  heightPt: number;
  /** a rectangle in PDF user space → [x0, y0, x1, y1] in canvas pixels */
  toPixels(box: Mask['box']): [number, number, number, number];
  release(): void;
}

export interface PageSource {
  pageCount: number;
  render(page: number, scale: number): Promise<RenderedPage>;
}

export interface ExportOptions {
  /** 150–300 */
  dpi?: number;
  /** print the legal ground on each box (e.g. "5条1号") */
  printReason?: boolean;
  /** 'grey' (default: 4-bit grey, smallest) or 'colour' (RGB, for stamps and colour forms) */
  colour?: 'grey' | 'colour';
  /** masks narrower than this many points are widened, so a short name cannot be told from a long one */
  minMaskWidth?: number;
  /** add an invisible text layer of the words that stay visible, so the output stays searchable */
  searchableText?: boolean;
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
}

export const DEFAULT_DPI = 150;

export async function exportMasked(source: PageSource, masks: Mask[], options: ExportOptions = {}): Promise<Uint8Array> {
  const dpi = Math.min(300, Math.max(150, options.dpi ?? DEFAULT_DPI));
  const scale = dpi / 72;
  const out = await PDFDocument.create({ updateMetadata: false });
  for (let n = 1; n <= source.pageCount; n++) {
    if (options.signal?.aborted) throw new DOMException('export cancelled', 'AbortError');
    const rendered = await source.render(n, scale);
    try {
      burn(rendered, masks.filter((m) => m.page === n), options.printReason ?? false);
      const { width, height } = rendered.canvas;
      const gray = toGray4(rendered.canvas.getContext('2d')!.getImageData(0, 0, width, height).data, width, height);
      const image = out.context.stream(zlibSync(gray, { level: 6 }), {
        Type: 'XObject', Subtype: 'Image', Width: width, Height: height, ColorSpace: 'DeviceGray', BitsPerComponent: 4, Filter: 'FlateDecode',
      });
      const ref = out.context.register(image);
      const page = out.addPage([rendered.widthPt, rendered.heightPt]);
      const name = page.node.newXObject('Im', ref);
      page.pushOperators(
        pushGraphicsState(),
        concatTransformationMatrix(rendered.widthPt, 0, 0, rendered.heightPt, 0, 0),
        drawObject(name),
        popGraphicsState(),
      );
    } finally {
      rendered.release();
    }
    options.onProgress?.(n, source.pageCount);
  }
  // updateMetadata: false leaves the Info dictionary empty but for this neutral producer; no XMP
  out.setProducer('Sumi');
  return out.save({ useObjectStreams: true });
}

/** Paints the masks opaque black over the rendered page (and the reason, if asked). */
function burn(page: RenderedPage, masks: Mask[], printReason: boolean): void {
  const ctx = page.canvas.getContext('2d')!;
  for (const m of masks) {
    const [x0, y0, x1, y1] = page.toPixels(m.box);
    const [x, y, w, h] = [Math.floor(Math.min(x0, x1)), Math.floor(Math.min(y0, y1)), Math.ceil(Math.abs(x1 - x0)) + 1, Math.ceil(Math.abs(y1 - y0)) + 1];
    ctx.fillStyle = '#000';
    ctx.fillRect(x, y, w, h);
    if (printReason && h >= 10) {
      ctx.fillStyle = '#fff';
      ctx.font = `${Math.max(8, Math.floor(h * 0.6))}px sans-serif`;
      ctx.textBaseline = 'middle';
      ctx.fillText(m.reason, x + 2, y + h / 2);
    }
  }
}

/**
 * RGBA → 4-bit luminance (ITU-R BT.601 weights, composited on white), two
 * pixels a byte, rows padded to a byte. Sixteen grey levels keep anti-aliased
 * text readable at half the size of 8-bit grey, and compress far better.
 */
function toGray4(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): Uint8Array {
  const rowBytes = (width + 1) >> 1;
  const out = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const j = (y * width + x) * 4;
      const a = rgba[j + 3] / 255;
      const lum = (0.299 * rgba[j] + 0.587 * rgba[j + 1] + 0.114 * rgba[j + 2]) * a + 255 * (1 - a);
      const level = Math.round(lum / 17); // 0..15
      out[y * rowBytes + (x >> 1)] |= x & 1 ? level : level << 4;
    }
  }
  return out;
}
