// The skew of a scanned page's text lines, measured on a reduced ink mask
// (projection profiles), and undone by rotating the page. Platform-neutral.
import type { GrayImage } from '../pages/gray.ts';
import { rotate } from '../pages/rotate.ts';
import { inkMask, otsuThreshold } from '../pages/threshold.ts';

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

/** The page with its skew undone, and that skew (0, the page untouched, when it is too small to matter). */
export function deskew(img: GrayImage): { image: GrayImage; skew: number } {
  const skew = estimateSkew(inkMask(img, otsuThreshold(img)), img.width, img.height);
  if (Math.abs(skew) >= MIN_SKEW) return { image: rotate(img, skew), skew };
  return { image: img, skew: 0 };
}
