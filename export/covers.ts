// Text the source page has but does not show: under a black box drawn over it
// (the classic failed redaction), under a white-out rectangle, in white on
// white. The picture the export keeps does not show it, so the searchable layer
// must not bring it back. Along each text item the rendered page is read
// column by column across the line's ink band: glyphs make neighbouring
// columns differ, while a box or an empty background makes them identical. A
// stretch of identical columns longer than any glyph (and than the gap between
// two words) where the text says there are characters is taken as a cover, and
// returned as a box to be treated like a mask.
import type { Box } from '../review/boxes.ts';
import { INK_ABOVE, INK_BELOW } from './text-layer.ts';
import type { TextItem } from '../pages/canvas.ts';

export interface PagePixels {
  rgba: Uint8ClampedArray | Uint8Array;
  width: number;
  height: number;
  /** a point of PDF user space → canvas pixels */
  toPixels(x: number, y: number): [number, number];
}

/**
 * Shortest cover, in text heights. The widest single glyphs ("ー", "―", "—")
 * are about an em of identical columns; a word hidden by a box is rarely less
 * than two ems wide (one-letter words are the gap this leaves).
 */
const MIN_COVER = 1.2;
/** Two columns are "identical" when no sample differs by more than this (0–255 luminance). */
const SAME = 24;
/** The ink band of a line: the extent text-layer.ts tests against the masks. */
const BAND_BELOW = INK_BELOW;
const BAND_ABOVE = INK_ABOVE;

export function coversOf(items: TextItem[], page: PagePixels): Box[] {
  const covers: Box[] = [];
  for (const item of items) covers.push(...itemCovers(item, page));
  return covers;
}

function itemCovers(item: TextItem, page: PagePixels): Box[] {
  const [ox, oy] = page.toPixels(item.x, item.y);
  const [ax, ay] = page.toPixels(item.x + 1, item.y);
  const [bx, by] = page.toPixels(item.x, item.y + 1);
  // pixels per point along the baseline and across it
  const along = Math.hypot(ax - ox, ay - oy);
  const across = Math.hypot(bx - ox, by - oy);
  if (!(along > 0 && across > 0)) return [];
  const steps = Math.ceil(item.width * along);
  const samples = Math.max(2, Math.ceil((BAND_ABOVE + BAND_BELOW) * item.size * across));
  const column = (i: number, out: Int16Array): boolean => {
    const u = i / along;
    for (let k = 0; k < samples; k++) {
      const v = -BAND_BELOW * item.size + (k / (samples - 1)) * (BAND_ABOVE + BAND_BELOW) * item.size;
      const px = Math.floor(ox + u * (ax - ox) + v * (bx - ox));
      const py = Math.floor(oy + u * (ay - oy) + v * (by - oy));
      if (px < 0 || py < 0 || px >= page.width || py >= page.height) return false;
      const j = (py * page.width + px) * 4;
      out[k] = (77 * page.rgba[j] + 150 * page.rgba[j + 1] + 29 * page.rgba[j + 2]) >> 8;
    }
    return true;
  };
  const covers: Box[] = [];
  const minRun = MIN_COVER * item.size * along;
  let prev = new Int16Array(samples);
  let cur = new Int16Array(samples);
  let runStart = 0;
  const close = (end: number) => {
    if (end - runStart >= minRun) {
      covers.push({ x: item.x + runStart / along, y: item.y - BAND_BELOW * item.size, width: (end - runStart) / along, height: (BAND_ABOVE + BAND_BELOW) * item.size });
    }
  };
  // text drawn off the page is not shown either: the whole item is a cover
  if (!column(0, prev) || !column(steps - 1, cur)) return [{ x: item.x, y: item.y - BAND_BELOW * item.size, width: item.width, height: (BAND_ABOVE + BAND_BELOW) * item.size }];
  for (let i = 1; i < steps; i++) {
    if (!column(i, cur)) {
      close(i);
      runStart = i;
      continue;
    }
    if (!same(prev, cur)) {
      close(i);
      runStart = i;
    }
    [prev, cur] = [cur, prev];
  }
  close(steps);
  return covers;
}

function same(a: Int16Array, b: Int16Array): boolean {
  for (let k = 0; k < a.length; k++) if (Math.abs(a[k] - b[k]) > SAME) return false;
  return true;
}
