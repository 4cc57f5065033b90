// Image preparation for OCR, on plain grayscale pixel arrays (no canvas, no
// Node or browser APIs, so the panel can run the same code).
//
// A scanned page is turned into what tesseract reads best:
//   1. grayscale (8-bit);
//   2. deskewed: the skew of the text lines is measured on a reduced binary
//      image (projection profiles) and undone with a bilinear rotation;
//   3. upscaled when the text is small in pixels (a low-resolution scan or a
//      screenshot): tesseract wants a text height of about 30 px;
//   4. the ink is found with Otsu's global threshold (light shading of table
//      cells and paper tone fall above it);
//   5. table rules (long horizontal and vertical runs of ink, dashed ones too)
//      are whitened: tesseract's layout analysis otherwise takes ruled form
//      rows for images and reads nothing in them.
// The result is encoded as a gray PGM (binary on request), which leptonica
// (inside tesseract) reads without any decoding cost. `toSource` maps a box found in the prepared
// image back to the pixels of the image that came in.

import { encodePgm, type GrayImage } from '../pages/gray.ts';
import { resize } from '../pages/resize.ts';
import { rotate } from '../pages/rotate.ts';
import { inkMask, otsuThreshold } from '../pages/threshold.ts';

/** An axis-aligned box in pixels: left, top, right, bottom. */
export interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

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
  /** upscaling factor that was applied */
  scale: number;
  /** median text line height in the prepared image (pixels), if it could be measured */
  textHeight?: number;
  /** a box in prepared-image pixels → the box it covers in the source image */
  toSource(box: PixelBox): PixelBox;
}

/** Text line height (pixels) below which an image is upscaled. */
const MIN_TEXT_HEIGHT = 22;
/** Target text line height after upscaling. */
const TARGET_TEXT_HEIGHT = 34;
const MAX_UPSCALE = 4;
/** Largest prepared image side (tesseract.js memory grows with the image). */
const MAX_SIDE = 9000;
/** Skews smaller than this are left alone (about 0.2°: rules still form long runs). */
const MIN_SKEW = 0.0035;
/** Largest skew searched for (about 6°). */
const MAX_SKEW = 0.105;

/**
 * The skew of the text lines in radians (positive: lines descend to the right
 * in image coordinates), from projection profiles of a reduced ink mask.
 * Returns 0 when there is too little ink to tell.
 */
export function estimateSkew(ink: Uint8Array, width: number, height: number): number {
  // reduce 4×: a cell is ink when it holds a few ink pixels
  const R = 4;
  const w = Math.floor(width / R);
  const h = Math.floor(height / R);
  if (w < 50 || h < 50) return 0;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let by = 0; by < h; by++) {
    for (let bx = 0; bx < w; bx++) {
      let count = 0;
      for (let dy = 0; dy < R; dy++) {
        const row = (by * R + dy) * width + bx * R;
        for (let dx = 0; dx < R; dx++) count += ink[row + dx];
      }
      if (count >= 3) {
        xs.push(bx - w / 2);
        ys.push(by);
      }
    }
  }
  if (xs.length < 200 || xs.length > 0.5 * w * h) return 0;
  const bins = new Float64Array(h + 2 * Math.ceil(w * Math.tan(MAX_SKEW)) + 4);
  const offset = Math.ceil(w * Math.tan(MAX_SKEW)) + 2;
  const score = (angle: number): number => {
    bins.fill(0);
    const t = Math.tan(angle);
    for (let i = 0; i < xs.length; i++) bins[Math.round(ys[i] - xs[i] * t) + offset]++;
    let s = 0;
    for (let i = 1; i < bins.length; i++) {
      const d = bins[i] - bins[i - 1];
      s += d * d;
    }
    return s;
  };
  let best = 0;
  let bestScore = score(0);
  const zeroScore = bestScore;
  const coarse = 0.0035; // 0.2°
  for (let a = -MAX_SKEW; a <= MAX_SKEW + 1e-9; a += coarse) {
    const s = score(a);
    if (s > bestScore) {
      bestScore = s;
      best = a;
    }
  }
  const center = best;
  for (let a = center - coarse; a <= center + coarse + 1e-9; a += coarse / 8) {
    const s = score(a);
    if (s > bestScore) {
      bestScore = s;
      best = a;
    }
  }
  // no clear winner over "not skewed": leave the page as it is
  if (bestScore < zeroScore * 1.03) return 0;
  return best;
}

/**
 * Clears table rules from an ink mask, in place: horizontal runs of ink at
 * least `minLength` long, vertical runs as long, and shorter vertical runs (a
 * third of that) that end on a horizontal rule (the dividers of a ruled form's
 * cells). Runs may have gaps of up to 2 px and drift by a pixel (scanned lines
 * are ragged and never quite straight); a rule's edges go with it. Returns
 * the number of pixels cleared.
 */
export function removeRules(ink: Uint8Array, width: number, height: number, minLength: number, cleared?: Uint8Array): number {
  const GAP = 2;
  // a rule's ragged edges (scanned, anti-aliased) are cleared with it
  const FRINGE = 2;
  const horizontal = new Uint8Array(ink.length);
  // (the caller may want the rules' whole area, fringes included)
  const clear = cleared ?? new Uint8Array(ink.length);
  const markRow = (y: number, x0: number, x1: number) => {
    for (let yy = Math.max(0, y - FRINGE); yy <= Math.min(height - 1, y + FRINGE); yy++) {
      horizontal.fill(1, yy * width + x0, yy * width + x1 + 1);
      clear.fill(1, yy * width + x0, yy * width + x1 + 1);
    }
  };
  const markColumn = (x: number, y0: number, y1: number) => {
    const xa = Math.max(0, x - FRINGE);
    const xb = Math.min(width - 1, x + FRINGE);
    for (let k = y0; k <= y1; k++) clear.fill(1, k * width + xa, k * width + xb + 1);
  };

  // horizontal: a pixel counts when it or the one below is ink (1 px drift)
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const below = y + 1 < height ? width : 0;
    let start = -1;
    let last = -1;
    for (let x = 0; x < width; x++) {
      if (!(ink[row + x] | ink[row + below + x])) continue;
      if (start >= 0 && x - last > GAP + 1) {
        if (last - start + 1 >= minLength) markRow(y, start, last);
        start = -1;
      }
      if (start < 0) start = x;
      last = x;
    }
    if (start >= 0 && last - start + 1 >= minLength) markRow(y, start, last);
  }

  // dashed and dotted rules: runs with gaps of up to DASH_GAP that are thin
  // (blank THIN px above and below, or left and right): text never is
  const DASH_GAP = 12;
  const THIN = 4;
  const blankRows = (y: number, xa: number, xb: number) => {
    let count = 0;
    for (const yy of [y - THIN, y + THIN]) {
      if (yy < 0 || yy >= height) continue;
      const row = yy * width;
      for (let x = xa; x <= xb; x++) count += ink[row + x];
    }
    return count < 0.03 * (xb - xa + 1);
  };
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let start = -1;
    let last = -1;
    for (let x = 0; x <= width; x++) {
      const on = x < width && ink[row + x] === 1;
      if (on && start >= 0 && x - last <= DASH_GAP) {
        last = x;
        continue;
      }
      if (start >= 0 && last - start + 1 >= minLength && blankRows(y, start, last)) markRow(y, start, last);
      if (on) {
        start = x;
        last = x;
      } else if (x === width || x - last > DASH_GAP) start = -1;
    }
  }
  const blankColumns = (x: number, ya: number, yb: number) => {
    let count = 0;
    for (const xx of [x - THIN, x + THIN]) {
      if (xx < 0 || xx >= width) continue;
      for (let y = ya; y <= yb; y++) count += ink[y * width + xx];
    }
    return count < 0.03 * (yb - ya + 1);
  };
  for (let x = 0; x < width; x++) {
    let start = -1;
    let last = -1;
    for (let y = 0; y <= height; y++) {
      const on = y < height && ink[y * width + x] === 1;
      if (on && start >= 0 && y - last <= DASH_GAP) {
        last = y;
        continue;
      }
      if (start >= 0 && last - start + 1 >= minLength && blankColumns(x, start, last)) markColumn(x, start, last);
      if (on) {
        start = y;
        last = y;
      } else if (y === height || y - last > DASH_GAP) start = -1;
    }
  }

  // vertical: the same with the pixel to the right; short runs count when an end sits on a horizontal rule
  const shortLength = Math.max(20, Math.round(minLength / 3));
  const END = FRINGE + 3;
  const onRule = (x: number, y0: number, y1: number) => {
    for (let k = y0; k <= y1; k++) if (horizontal[k * width + x]) return true;
    return false;
  };
  const closeColumn = (x: number, y0: number, y1: number) => {
    const length = y1 - y0 + 1;
    if (length >= minLength || (length >= shortLength && (onRule(x, y0, Math.min(y1, y0 + END)) || onRule(x, Math.max(y0, y1 - END), y1)))) markColumn(x, y0, y1);
  };
  for (let x = 0; x < width; x++) {
    const right = x + 1 < width ? 1 : 0;
    let start = -1;
    let last = -1;
    for (let y = 0, i = x; y < height; y++, i += width) {
      if (!(ink[i] | ink[i + right])) continue;
      if (start >= 0 && y - last > GAP + 1) {
        closeColumn(x, start, last);
        start = -1;
      }
      if (start < 0) start = y;
      last = y;
    }
    if (start >= 0) closeColumn(x, start, last);
  }

  let count = 0;
  for (let i = 0; i < ink.length; i++) {
    if (clear[i] && ink[i]) {
      ink[i] = 0;
      count++;
    }
  }
  return count;
}

/**
 * Median height (pixels) of the bands of rows holding ink: about the text line
 * height on a deskewed page without rules. undefined when nothing is found.
 */
export function medianTextHeight(ink: Uint8Array, width: number, height: number): number | undefined {
  const counts = new Int32Array(height);
  for (let y = 0; y < height; y++) {
    let c = 0;
    const row = y * width;
    for (let x = 0; x < width; x++) c += ink[row + x];
    counts[y] = c;
  }
  const minInk = Math.max(2, Math.round(width * 0.0015));
  const bands: number[] = [];
  let start = -1;
  let gap = 0;
  for (let y = 0; y <= height; y++) {
    const on = y < height && counts[y] >= minInk;
    if (on) {
      if (start < 0) start = y;
      gap = 0;
    } else if (start >= 0) {
      gap++;
      if (gap > 1 || y === height) {
        const h = y - gap + 1 - start;
        if (h >= 4) bands.push(h);
        start = -1;
        gap = 0;
      }
    }
  }
  if (bands.length === 0) return undefined;
  bands.sort((a, b) => a - b);
  return bands[Math.floor(bands.length / 2)];
}

/** Prepares a grayscale page image for OCR (see the top of this file). */
export function prepareForOcr(source: GrayImage, options: PrepareOptions = {}): PreparedImage {
  const dpi = options.dpi ?? 300;
  let img = source;

  // 1. skew, measured on the ink of the incoming image
  let skew = 0;
  if (options.deskew !== false) {
    const t = otsuThreshold(img);
    skew = estimateSkew(inkMask(img, t), img.width, img.height);
    if (Math.abs(skew) >= MIN_SKEW) img = rotate(img, skew);
    else skew = 0;
  }

  // 2. rules, then the text size: small text is upscaled (and its rules found again)
  let threshold = otsuThreshold(img);
  let ink = inkMask(img, threshold);
  const ruleLength = (scaleDpi: number) => Math.max(40, Math.round(0.5 * scaleDpi));
  const findRules = options.removeRules !== false;
  let rules = new Uint8Array(findRules ? ink.length : 0);
  if (findRules) removeRules(ink, img.width, img.height, ruleLength(dpi), rules);
  let scale = 1;
  let textHeight: number | undefined;
  if (options.upscale !== false) {
    textHeight = medianTextHeight(ink, img.width, img.height);
    if (textHeight !== undefined && textHeight < MIN_TEXT_HEIGHT && textHeight >= 4) {
      scale = Math.min(MAX_UPSCALE, TARGET_TEXT_HEIGHT / textHeight, MAX_SIDE / Math.max(img.width, img.height));
      if (scale > 1.1) {
        img = resize(img, scale);
        threshold = otsuThreshold(img);
        ink = inkMask(img, threshold);
        rules = new Uint8Array(findRules ? ink.length : 0);
        if (findRules) removeRules(ink, img.width, img.height, ruleLength(dpi * scale), rules);
        textHeight = Math.round(textHeight * scale);
      } else scale = 1;
    }
  }

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
  return { bytes, image, width, height, skew, scale, textHeight, toSource };
}
