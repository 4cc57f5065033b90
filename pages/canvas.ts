// A page as pixels on a canvas: the canvas both the browser (OffscreenCanvas)
// and Node (@napi-rs/canvas) provide, a page rendered onto one with its map
// from PDF user space to pixels, and a source of such pages (a PDF drawn by
// pdf.js: ./pdf-pages.ts), which the masked export and OCR read.
import type { Rect } from '../core/geometry.ts';

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

/** One page rendered at some scale, with its box → pixel mapping. */
export interface RenderedPage {
  canvas: CanvasLike;
  /** page size in points (what the exported page, or OCR's words, are placed in) */
  widthPt: number;
  heightPt: number;
  /** a rectangle in PDF user space → [x0, y0, x1, y1] in canvas pixels */
  toPixels(box: Rect): [number, number, number, number];
  release(): void;
}

export interface PageSource {
  pageCount: number;
  render(page: number, scale: number): Promise<RenderedPage>;
  /** the page's own text with its positions, for the searchable layer (sources without text leave it out) */
  text?(page: number): Promise<TextItem[]>;
  /** where images are painted over text shown before them (./painted-over.ts), in PDF user space */
  imagesOverText?(page: number): Promise<Rect[]>;
}

/** Makes a blank canvas (platform/node.ts, platform/browser.ts). */
export type CanvasFactory = (width: number, height: number) => CanvasLike;

/** A horizontal, upright piece of page text in PDF user space. */
export interface TextItem {
  text: string;
  /** left end of the baseline */
  x: number;
  y: number;
  /** advance along the baseline */
  width: number;
  /** font size (text height) */
  size: number;
}
