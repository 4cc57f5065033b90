// Word geometry from the ink of the prepared image.
//
// tesseract's LSTM engine reads words in the right order and splits them in
// the right places, but the boxes it gives them drift: by up to a character
// or two in the middle of a long Japanese line, and a line's first word can
// reach to its end. Masks need the real places, so every line is cut into its
// words on the pixels:
//   1. the blank runs of columns across the line's band are found;
//   2. wide blank runs (a table column gap, more than an em) are matched to
//      the word boundaries tesseract puts nearest to them: they split the line
//      into stretches of text;
//   3. inside a stretch, each word's start is predicted from the characters
//      before it (full-width characters one em, digits and Latin letters
//      about half of one, scaled to fit the stretch) averaged with tesseract's
//      own edge, and the boundary is the blank run ending nearest to it;
//   4. a word runs from its boundary to the next (the first and last words to
//      the line's ink), widened to tesseract's box where that reaches further
//      (a mask must rather cover a character too many than leave one out);
//      its height is that of its ink.
// The blank run at a boundary is the gap a space would show in; the widest
// blank run inside a word says how loosely its characters are set (digits
// typed full-width stand half an em apart with no space between them).
// Everything is in the prepared image's pixels; gaps are given in ems.
import type { GrayImage, PixelBox } from '../pages/gray.ts';

export interface WordInk {
  /** the word's box on the ink (prepared-image pixels) */
  box: PixelBox;
  /** blank run before the word on its line, in em (undefined for the first word) */
  gapBefore?: number;
  /** widest blank run inside the word, in em */
  innerGap: number;
}

export interface LineInk {
  /** text size (about a full-width character's advance), in pixels */
  em: number;
  words: WordInk[];
}

export interface WordIn {
  text: string;
  box: PixelBox;
}

/** Advance of a character in em, roughly, for a sans or mincho Japanese font's Latin. */
export function advance(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if (c >= 0x2e80 && !(c >= 0xff61 && c <= 0xff9f)) return 1;
  if (c >= 0xff61 && c <= 0xff9f) return 0.5;
  if (/[0-9]/.test(ch)) return 0.55;
  if (/[iljtfrI|!.,:;'`]/.test(ch)) return 0.3;
  if (/[mwMW@]/.test(ch)) return 0.85;
  if (/[A-Z#%&]/.test(ch)) return 0.65;
  if (/[-()[\]/\\"]/.test(ch)) return 0.38;
  return 0.52;
}

function textAdvance(s: string): number {
  let a = 0;
  for (const ch of s) a += advance(ch);
  return a;
}

/**
 * Measures the words of one line on a binary image (below 128 = ink).
 * `words` are tesseract's words in reading order; `line` the line's box.
 */
export function measureLine(image: GrayImage, line: PixelBox, words: WordIn[]): LineInk {
  const { width, height, data } = image;
  const y0 = clamp(Math.floor(line.y0), 0, height - 1);
  const y1 = clamp(Math.ceil(line.y1), y0 + 1, height);
  const x0 = clamp(Math.floor(Math.min(line.x0, ...words.map((w) => w.box.x0))) - 2, 0, width - 1);
  const x1 = clamp(Math.ceil(Math.max(line.x1, ...words.map((w) => w.box.x1))) + 2, x0 + 1, width);
  // ink per column and per row across the line's band
  const cols = new Int32Array(x1 - x0);
  const rows = new Int32Array(y1 - y0);
  for (let y = y0; y < y1; y++) {
    const row = y * width;
    let count = 0;
    for (let x = x0; x < x1; x++) {
      if (data[row + x] < 128) {
        cols[x - x0]++;
        count++;
      }
    }
    rows[y - y0] = count;
  }
  const ink = (x: number) => x >= x0 && x < x1 && cols[x - x0] > 0;
  let maxRow = 0;
  for (const r of rows) maxRow = Math.max(maxRow, r);
  const minRow = Math.max(1, 0.02 * maxRow);
  let top = 0;
  while (top < rows.length - 1 && rows[top] < minRow) top++;
  let bottom = rows.length - 1;
  while (bottom > top && rows[bottom] < minRow) bottom--;
  // a line whose band holds a cell wrapped onto a second line is twice as tall as its type: then the words' own height tells the size
  const bandEm = (bottom - top + 1) / 0.92;
  const wordEm = median(words.map((w) => w.box.y1 - w.box.y0)) / 0.92;
  const em = Math.max(8, bandEm > 2.5 * wordEm ? wordEm : bandEm);

  let first = x0;
  while (first < x1 - 1 && !ink(first)) first++;
  let last = x1 - 1;
  while (last > first && !ink(last)) last--;

  // blank runs of columns between the first and the last ink: [start, end)
  const runs: [number, number][] = [];
  for (let x = first; x <= last;) {
    if (ink(x)) {
      x++;
      continue;
    }
    const s = x;
    while (x <= last && !ink(x)) x++;
    runs.push([s, x]);
  }

  const n = words.length;
  // tesseract's idea of where word k starts (its right edge of k-1 is believed only when it does not run into k)
  const tess = words.map((w, k) => {
    if (k === 0) return first;
    const a = words[k - 1].box;
    return a.x1 <= w.box.x0 + 0.5 * em ? (Math.min(a.x1, w.box.x0) + w.box.x0) / 2 : w.box.x0;
  });

  // 2. wide runs → boundaries
  const cutAt: ([number, number] | undefined)[] = new Array(n).fill(undefined); // cutAt[k]: run before word k
  let from = 1;
  for (const r of runs) {
    if (r[1] - r[0] < em) continue;
    const centre = (r[0] + r[1]) / 2;
    let best = -1;
    for (let k = from; k < n; k++) {
      const d = Math.abs(tess[k] - centre);
      if (d <= Math.max(2 * em, 0.5 * (r[1] - r[0])) && (best < 0 || d < Math.abs(tess[best] - centre))) best = k;
    }
    if (best >= 0) {
      cutAt[best] = r;
      from = best + 1;
    }
  }

  // 3. the other boundaries, stretch by stretch
  const cuts: { start: number; end: number }[] = new Array(n);
  let k = 0;
  while (k < n) {
    // the stretch: words k..j-1, from `start` to `end` (pixels)
    let j = k + 1;
    while (j < n && !cutAt[j]) j++;
    const start = k === 0 ? first : cutAt[k]![1];
    const end = j < n ? cutAt[j]![0] : last + 1;
    const adv = words.slice(k, j).map((w) => textAdvance(w.text));
    const total = adv.reduce((s, a) => s + a, 0) || 1;
    const scale = (end - start) / total;
    let cum = 0;
    let floor = start;
    for (let m = k + 1; m < j; m++) {
      cum += adv[m - k - 1];
      const model = start + cum * scale;
      const p = Math.abs(model - tess[m]) < 1.5 * em ? (model + tess[m]) / 2 : model;
      let best: [number, number] | undefined;
      let bestScore = Infinity;
      for (const r of runs) {
        if (r[0] < floor || r[1] > end) continue;
        const d = Math.abs(r[1] - p);
        if (d > 0.55 * em) continue;
        const score = d - 0.5 * (r[1] - r[0]);
        if (score < bestScore) {
          bestScore = score;
          best = r;
        }
      }
      if (best) {
        cuts[m] = { start: best[0], end: best[1] };
        floor = best[1];
      } else {
        const at = clamp(Math.round(p), floor, end);
        cuts[m] = { start: at, end: at };
        floor = at;
      }
    }
    if (j < n) cuts[j] = { start: cutAt[j]![0], end: cutAt[j]![1] };
    k = j;
  }

  // 4. boxes: the word's stretch of ink, widened to tesseract's own box where
  // that reaches further (clipped at the next word's start), so that a box
  // misplaced by either never leaves part of the word outside
  const out: WordInk[] = words.map((w, i) => {
    const left = i === 0 ? first : cuts[i].end;
    const right = i === n - 1 ? last + 1 : Math.max(left + 1, cuts[i + 1].start);
    const rawRight = i === n - 1 ? w.box.x1 : Math.min(w.box.x1, Math.max(words[i + 1].box.x0, w.box.x0 + 1));
    const bx0 = clamp(Math.round(Math.min(left, w.box.x0)), x0, x1 - 1);
    const bx1 = clamp(Math.round(Math.max(right, rawRight)), bx0 + 1, x1);
    let t = -1;
    let b = -1;
    for (let y = y0; y < y1; y++) {
      const row = y * width;
      for (let x = bx0; x < bx1; x++) {
        if (data[row + x] < 128) {
          if (t < 0) t = y;
          b = y;
          break;
        }
      }
    }
    let inner = 0;
    for (const r of runs) if (r[0] > left && r[1] < right && r[1] - r[0] > inner) inner = r[1] - r[0];
    return {
      box: t < 0 ? { ...w.box } : { x0: bx0, y0: t, x1: bx1, y1: b + 1 },
      gapBefore: i === 0 ? undefined : (cuts[i].end - cuts[i].start) / em,
      innerGap: inner / em,
    };
  });
  return { em, words: out };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1] ?? 0;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}
