// Which way the text of a page runs, and quarter turns of a page image.
//
// A page's lines run across (horizontal writing, or a page fed the right way
// or upside down) or down (縦書き, or a page fed sideways). That is read off
// the ink: between horizontal lines whole pixel rows are blank, between
// vertical columns whole pixel columns are. Which of the two readings of a
// direction is right (vertical writing or a sideways page; upright or upside
// down) only recognition can tell (./recognize-any-orientation.ts tries them).
//
// Platform-neutral: plain grayscale arrays, no canvas.
import type { GrayImage, PixelBox } from '../pages/gray.ts';

/** Quarter turns clockwise: 0, 90°, 180°, 270°. */
export type Quarter = 0 | 1 | 2 | 3;

/**
 * 'vertical' when the ink stands in columns (blank pixel columns between
 * them) clearly more than in rows; 'horizontal' otherwise (also for a page
 * with too little ink to tell). `ink` is 0 for ink, 255 for paper.
 */
export function lineDirection(ink: GrayImage): 'horizontal' | 'vertical' {
  const { width, height, data } = ink;
  const rows = new Uint32Array(height);
  const cols = new Uint32Array(width);
  let total = 0;
  for (let y = 0; y < height; y++) {
    const o = y * width;
    for (let x = 0; x < width; x++) {
      if (data[o + x] === 0) {
        rows[y]++;
        cols[x]++;
        total++;
      }
    }
  }
  if (total < 200) return 'horizontal';
  const rowGaps = blankShare(rows);
  const colGaps = blankShare(cols);
  return colGaps > 0.15 && colGaps > 1.5 * rowGaps ? 'vertical' : 'horizontal';
}

/** Share of the entries between the first and last inked one that hold (almost) no ink. */
function blankShare(profile: Uint32Array): number {
  let first = -1;
  let last = -1;
  let max = 0;
  for (let i = 0; i < profile.length; i++) {
    if (profile[i] > 0) {
      if (first < 0) first = i;
      last = i;
    }
    max = Math.max(max, profile[i]);
  }
  if (first < 0 || last <= first) return 0;
  // a speck of dust or the tail of a stroke does not fill a gap
  const floor = Math.max(1, Math.round(max * 0.01));
  let blank = 0;
  for (let i = first; i <= last; i++) if (profile[i] <= floor) blank++;
  return blank / (last - first + 1);
}

/** The image turned `q` quarter turns clockwise. */
export function turn(img: GrayImage, q: Quarter): GrayImage {
  if (q === 0) return img;
  const { width: w, height: h, data } = img;
  const W = q === 2 ? w : h;
  const H = q === 2 ? h : w;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // where source pixel (x, y) lands
      const [X, Y] = q === 1 ? [h - 1 - y, x] : q === 2 ? [w - 1 - x, h - 1 - y] : [y, w - 1 - x];
      out[Y * W + X] = data[y * w + x];
    }
  }
  return { width: W, height: H, data: out };
}

/** A box in the image turned `q` quarters clockwise → the same box in the unturned image (`width`×`height`). */
export function unturnBox(b: PixelBox, q: Quarter, width: number, height: number): PixelBox {
  switch (q) {
    case 0:
      return b;
    case 1: // turned X = h - y, Y = x
      return { x0: b.y0, x1: b.y1, y0: height - b.x1, y1: height - b.x0 };
    case 2:
      return { x0: width - b.x1, x1: width - b.x0, y0: height - b.y1, y1: height - b.y0 };
    case 3: // turned X = y, Y = w - x
      return { x0: width - b.y1, x1: width - b.y0, y0: b.x0, y1: b.x1 };
  }
}
