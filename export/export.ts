// The masked export: every page is rendered to pixels, the masks are burned in,
// and a fresh PDF is written holding nothing but those images — and, when
// asked, an invisible layer of the words that stay visible (./text-layer.ts,
// ./covers.ts, ./invisible-text.ts). No content stream, font, annotation, form,
// attachment, script, layer, bookmark or metadata of the original survives,
// because nothing of it is copied.
import { PDFDocument, pushGraphicsState, popGraphicsState, concatTransformationMatrix, drawObject } from 'pdf-lib';
import type { Mask } from '../review/plan.ts';
import { encodePixels, type ColourMode } from '../pages/page-image.ts';
import type { PageSource, RenderedPage, TextItem } from '../pages/canvas.ts';
import { EXPORT_DPI, EXPORT_DPI_MAX, EXPORT_DPI_MIN } from '../pages/dpi.ts';
import { visibleRuns } from './text-layer.ts';
import { coversOf } from './covers.ts';
import type { Box } from '../review/boxes.ts';
import { InvisibleText, type PlacedText } from './invisible-text.ts';
import { searchKey } from '../review/occurrences.ts';

export interface ExportOptions {
  /** 150–300 (pages/dpi.ts) */
  dpi?: number;
  /** print the legal ground on each box (e.g. "5条1号") */
  printReason?: boolean;
  /** 'grey' (default: 4-bit grey, smallest) or 'colour' (RGB, for stamps and colour forms) */
  colour?: ColourMode;
  /** add an invisible text layer of the words that stay visible, so the output stays searchable */
  searchableText?: boolean;
  /**
   * The texts masked somewhere in the document. A run of the text layer that
   * holds one is left out of the layer: a name masked on one line and missed
   * on another must not become searchable through the layer (the verifier
   * would rightly refuse the export; the pixels there are the officer's to review).
   */
  withheldTexts?: string[];
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
}

/** `masks` are burned as they are: widened already where a minimum width applies (pipeline/export-verified.ts), so the log lists what is burned. */
export async function exportMasked(source: PageSource, masks: Mask[], options: ExportOptions = {}): Promise<Uint8Array> {
  const dpi = Math.min(EXPORT_DPI_MAX, Math.max(EXPORT_DPI_MIN, options.dpi ?? EXPORT_DPI));
  const scale = dpi / 72;
  const out = await PDFDocument.create({ updateMetadata: false });
  const layer = options.searchableText && source.text ? new InvisibleText(out) : undefined;
  const withheld = [...new Set((options.withheldTexts ?? []).map(searchKey))].filter((k) => k.length > 0);
  for (let n = 1; n <= source.pageCount; n++) {
    if (options.signal?.aborted) throw new DOMException('export cancelled', 'AbortError');
    const rendered = await source.render(n, scale);
    try {
      const pageMasks = masks.filter((m) => m.page === n);
      const { width, height } = rendered.canvas;
      const ctx = rendered.canvas.getContext('2d')!;
      // the page is read once: the text layer looks at it before the masks, the masks are filled into it
      let rgba = ctx.getImageData(0, 0, width, height).data;
      const text = layer ? await textWithCovers(source, n, rendered, rgba) : undefined;
      if (options.printReason) {
        burnWithReasons(rendered, pageMasks);
        rgba = ctx.getImageData(0, 0, width, height).data;
      } else {
        for (const m of pageMasks) fillBlack(rgba, width, height, pixelRect(rendered, m));
      }
      const samples = encodePixels(rgba, width, height, options.colour);
      const image = out.context.stream(samples.data, {
        Type: 'XObject',
        Subtype: 'Image',
        Width: width,
        Height: height,
        ColorSpace: samples.colorSpace,
        BitsPerComponent: samples.bitsPerComponent,
        Filter: 'FlateDecode',
      });
      const ref = out.context.register(image);
      const page = out.addPage([rendered.widthPt, rendered.heightPt]);
      const name = page.node.newXObject('Im', ref);
      page.pushOperators(pushGraphicsState(), concatTransformationMatrix(rendered.widthPt, 0, 0, rendered.heightPt, 0, 0), drawObject(name), popGraphicsState());
      if (layer && text) {
        // only words no mask and no cover touches are written: a hidden character never enters the file
        const runs = withoutWithheld(visibleRuns(text.items, [...pageMasks.map((m) => m.box), ...text.covers]), withheld);
        layer.draw(
          page,
          runs.map((r) => onOutputPage(r, rendered)),
        );
      }
    } finally {
      rendered.release();
    }
    options.onProgress?.(n, source.pageCount);
  }
  // updateMetadata: false leaves the Info dictionary empty but for this neutral producer; no XMP
  out.setProducer('Sumi');
  return out.save({ useObjectStreams: true });
}

/**
 * The runs that hold none of the withheld texts, compared as the verifier
 * compares them: over the page's runs joined, since a name can be split
 * across two text items ("鈴木" and "美穂…"). Every run an occurrence touches is left out.
 */
function withoutWithheld(runs: TextItem[], withheld: string[]): TextItem[] {
  if (!withheld.length) return runs;
  const keys = runs.map((r) => searchKey(r.text));
  const starts: number[] = [];
  let joined = '';
  for (const key of keys) {
    starts.push(joined.length);
    joined += key;
  }
  const dropped = new Set<number>();
  for (const w of withheld) {
    for (let at = joined.indexOf(w); at !== -1; at = joined.indexOf(w, at + 1)) {
      for (let i = 0; i < runs.length; i++) {
        if (starts[i] < at + w.length && at < starts[i] + keys[i].length) dropped.add(i);
      }
    }
  }
  return runs.filter((_, i) => !dropped.has(i));
}

async function textWithCovers(source: PageSource, n: number, page: RenderedPage, rgba: Uint8ClampedArray | Uint8Array): Promise<{ items: TextItem[]; covers: Box[] }> {
  const items = await source.text!(n);
  const { width, height } = page.canvas;
  const toPixels = (x: number, y: number): [number, number] => {
    const [px, py] = page.toPixels({ x, y, width: 0, height: 0 });
    return [px, py];
  };
  const over = (await source.imagesOverText?.(n)) ?? [];
  return { items, covers: [...coversOf(items, { rgba, width, height, toPixels }), ...over] };
}

/** A run of the source page's user space, placed on the new page (which spans the rendered image, rotation included). */
function onOutputPage(run: TextItem, page: RenderedPage): PlacedText {
  const { width, height } = page.canvas;
  const at = (x: number, y: number): [number, number] => {
    const [px, py] = page.toPixels({ x, y, width: 0, height: 0 });
    return [(px * page.widthPt) / width, page.heightPt - (py * page.heightPt) / height];
  };
  const [x, y] = at(run.x, run.y);
  const [ex, ey] = at(run.x + run.width, run.y);
  const [ux, uy] = at(run.x, run.y + run.size);
  const length = Math.hypot(ex - x, ey - y);
  return { text: run.text, x, y, dx: (ex - x) / (length || 1), dy: (ey - y) / (length || 1), length, size: Math.hypot(ux - x, uy - y) };
}

/** A mask's rectangle in canvas pixels, grown outwards to whole pixels: x, y, width, height. */
function pixelRect(page: RenderedPage, m: Mask): [number, number, number, number] {
  const [x0, y0, x1, y1] = page.toPixels(m.box);
  return [Math.floor(Math.min(x0, x1)), Math.floor(Math.min(y0, y1)), Math.ceil(Math.abs(x1 - x0)) + 1, Math.ceil(Math.abs(y1 - y0)) + 1];
}

/** Opaque black over a rectangle of RGBA pixels, clipped to the page. */
function fillBlack(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number, [x, y, w, h]: [number, number, number, number]): void {
  const left = Math.max(0, x);
  const right = Math.min(width, x + w);
  for (let row = Math.max(0, y); row < Math.min(height, y + h); row++) {
    const start = (row * width + left) * 4;
    const end = (row * width + right) * 4;
    for (let j = start; j < end; j += 4) {
      rgba[j] = 0;
      rgba[j + 1] = 0;
      rgba[j + 2] = 0;
      rgba[j + 3] = 255;
    }
  }
}

/** Paints the masks opaque black on the canvas with the legal ground printed on each box. */
function burnWithReasons(page: RenderedPage, masks: Mask[]): void {
  const ctx = page.canvas.getContext('2d')!;
  for (const m of masks) {
    const [x, y, w, h] = pixelRect(page, m);
    ctx.fillStyle = '#000';
    ctx.fillRect(x, y, w, h);
    if (h >= 10) {
      ctx.fillStyle = '#fff';
      ctx.font = `${Math.max(8, Math.floor(h * 0.6))}px sans-serif`;
      ctx.textBaseline = 'middle';
      ctx.fillText(m.reason, x + 2, y + h / 2);
    }
  }
}
