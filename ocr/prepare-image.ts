// Image preparation for OCR, on plain grayscale pixel arrays (no canvas, no
// Node or browser APIs, so the panel can run the same code).
//
// A scanned page is turned into what tesseract reads best:
//   1. grayscale (8-bit);
//   2. deskewed: the skew of the text lines is measured on a reduced binary
//      image (projection profiles) and undone with a bilinear rotation
//      (./deskew.ts);
//   3. upscaled when the text is small in pixels (a low-resolution scan or a
//      screenshot): tesseract wants a text height of about 30 px
//      (./text-height.ts);
//   4. the ink is found with Otsu's global threshold (light shading of table
//      cells and paper tone fall above it: pages/threshold.ts);
//   5. table rules (long horizontal and vertical runs of ink, dashed ones too)
//      are whitened: tesseract's layout analysis otherwise takes ruled form
//      rows for images and reads nothing in them (./table-rules.ts).
// The result is encoded as a gray PGM (binary on request), which leptonica
// (inside tesseract) reads without any decoding cost. `toSource` maps a box found in the prepared
// image back to the pixels of the image that came in.

import { encodePgm, type GrayImage, type PixelBox } from '../pages/gray.ts';
import { resize } from '../pages/resize.ts';
import { inkMask, otsuThreshold } from '../pages/threshold.ts';
import { deskew } from './deskew.ts';
import { removeRules, ruleSegments, type PixelRules } from './table-rules.ts';
import { medianTextHeight } from './text-height.ts';

export interface PrepareOptions {
  /** Resolution of the incoming image in dots per inch (default 300). */
  dpi?: number;
  /** Undo skew (default true). */
  deskew?: boolean;
  /** Remove table rules (default true). */
  removeRules?: boolean;
  /** Upscale small text (default true). */
  upscale?: boolean;
  /** Binarise (default false: gray levels are kept, rules whitened; tesseract thresholds itself and reads anti-aliased text better). */
  binarize?: boolean;
}

export interface PreparedImage {
  /** the image to hand to OCR (PGM, "P5") */
  bytes: Uint8Array;
  /** the ink found (0) on paper (255), rules removed: what word boxes are measured on */
  image: GrayImage;
  width: number;
  height: number;
  /** skew that was removed, in radians (positive: lines ran down to the right) */
  skew: number;
  /** prepared pixels per source pixel: above 1 where small text was enlarged, below 1 where a huge page was read smaller */
  scale: number;
  /** median text line height in the prepared image (pixels), if it could be measured */
  textHeight?: number;
  /** a box in prepared-image pixels → the box it covers in the source image */
  toSource(box: PixelBox): PixelBox;
  /** the rules cleared from the page (prepared-image pixels): a ruled table's borders, for layout */
  rules?: PixelRules;
}

/** Text line height (pixels) below which an image is upscaled. */
const MIN_TEXT_HEIGHT = 22;
/** Target text line height after upscaling. */
const TARGET_TEXT_HEIGHT = 34;
const MAX_UPSCALE = 4;
/** Largest prepared image side (tesseract.js memory grows with the image). */
const MAX_SIDE = 9000;

/** Pixels OCR reads at most (A2 at 300 dpi is 35 million): a larger page is read smaller, else tesseract's memory runs to gigabytes. */
const MAX_OCR_PIXELS = 36_000_000;

/** Prepares a grayscale page image for OCR (see the top of this file). */
export function prepareForOcr(source: GrayImage, options: PrepareOptions = {}): PreparedImage {
  // 0. a page too large to read at its size is read smaller (its text is large in pixels anyway)
  const down = Math.min(1, Math.sqrt(MAX_OCR_PIXELS / (source.width * source.height)));
  const dpi = (options.dpi ?? 300) * down;
  let img = down < 1 ? resize(source, down) : source;

  // 1. skew, measured on the ink of the incoming image
  let skew = 0;
  if (options.deskew !== false) ({ image: img, skew } = deskew(img));

  // 2. rules, then the text size: small text is upscaled (and its rules found again)
  const findRules = options.removeRules !== false;
  // the ink with the rules cleared, and where the rules were (fringes included)
  const inkAndRules = (image: GrayImage, atDpi: number) => {
    const ink = inkMask(image, otsuThreshold(image));
    const rules = new Uint8Array(findRules ? ink.length : 0);
    // a rule is at least half an inch long
    if (findRules) removeRules(ink, image.width, image.height, Math.max(40, Math.round(0.5 * atDpi)), rules);
    return { ink, rules };
  };
  let { ink, rules } = inkAndRules(img, dpi);
  let up = 1;
  let textHeight: number | undefined;
  if (options.upscale !== false && down === 1) {
    textHeight = medianTextHeight(ink, img.width, img.height);
    if (textHeight !== undefined && textHeight < MIN_TEXT_HEIGHT && textHeight >= 4) {
      up = Math.min(MAX_UPSCALE, TARGET_TEXT_HEIGHT / textHeight, MAX_SIDE / Math.max(img.width, img.height));
      if (up > 1.1) {
        img = resize(img, up);
        ({ ink, rules } = inkAndRules(img, dpi * up));
        textHeight = Math.round(textHeight * up);
      } else up = 1;
    }
  }
  // prepared pixels per source pixel
  const scale = down * up;

  // 4. the image OCR sees (gray, rules whitened with their fringes; or binary),
  // and the ink the word boxes are measured on
  const out = new Uint8Array(img.width * img.height);
  const inkImage = new Uint8Array(img.width * img.height);
  for (let i = 0; i < out.length; i++) inkImage[i] = ink[i] ? 0 : 255;
  if (options.binarize !== true) {
    const d = img.data;
    for (let i = 0; i < out.length; i++) out[i] = findRules && rules[i] ? 255 : d[i];
  } else out.set(inkImage);

  const width = img.width;
  const height = img.height;
  const cos = Math.cos(skew);
  const sin = Math.sin(skew);
  const cx = source.width / 2;
  const cy = source.height / 2;
  const toSource = (b: PixelBox): PixelBox => {
    const x0 = b.x0 / scale;
    const x1 = b.x1 / scale;
    const y0 = b.y0 / scale;
    const y1 = b.y1 / scale;
    if (skew === 0) return { x0, y0, x1, y1 };
    const pts = [
      [x0, y0],
      [x1, y0],
      [x0, y1],
      [x1, y1],
    ].map(([x, y]) => [cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos]);
    return {
      x0: Math.min(...pts.map((p) => p[0])),
      y0: Math.min(...pts.map((p) => p[1])),
      x1: Math.max(...pts.map((p) => p[0])),
      y1: Math.max(...pts.map((p) => p[1])),
    };
  };
  const bytes = encodePgm({ width, height, data: out });
  const image = { width, height, data: inkImage };
  // (a table's shortest borders, a cell's dividers, are about a third of an inch)
  const ruleLines = findRules ? ruleSegments(rules, width, height, Math.round((dpi * up) / 3)) : undefined;
  return { bytes, image, width, height, skew, scale, textHeight, toSource, ...(ruleLines ? { rules: ruleLines } : {}) };
}
