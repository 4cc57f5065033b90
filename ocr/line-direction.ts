// Which way the text of a page runs: across or down.
//
// A page's lines run across (horizontal writing, or a page fed the right way
// or upside down) or down (縦書き, or a page fed sideways). That is read off
// the ink: between horizontal lines whole pixel rows are blank, between
// vertical columns whole pixel columns are. Which of the two readings of a
// direction is right (vertical writing or a sideways page; upright or upside
// down) only recognition can tell (./recognize-any-orientation.ts tries them).
//
// Platform-neutral: plain grayscale arrays, no canvas.
import type { GrayImage } from '../pages/gray.ts';

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
