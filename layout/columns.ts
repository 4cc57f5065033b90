// Columns of a block of lines: the gutters are the stretches along the line
// that no chunk of any row covers (the whitespace that holds across rows, as
// in Tabula's and pdfplumber's stream mode); the columns lie between them.
// Header lines are left out of the measure: a header that spans two columns
// (職員 over 氏名 and フリガナ) would close the gutter between them.
import type { Chunk } from './types.ts';

/** Narrowest gutter (in ems) that separates two columns. */
const MIN_GUTTER = 0.5;

/** Column extents [left, right], left to right, from the chunks of the rows that measure them. */
export function findColumns(rows: readonly Chunk[][], em: number): [number, number][] {
  const spans = rows.flat().map((c): [number, number] => [c.x0, c.x1]);
  if (!spans.length) return [];
  spans.sort((a, b) => a[0] - b[0]);
  const columns: [number, number][] = [];
  let [left, right] = spans[0];
  for (const [x0, x1] of spans) {
    if (x0 - right >= MIN_GUTTER * em) {
      columns.push([left, right]);
      left = x0;
    }
    right = Math.max(right, x1);
  }
  columns.push([left, right]);
  return columns;
}

/** Overlap of [a0, a1] and [b0, b1], never negative. */
export function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/** The column a chunk belongs to: the one it overlaps most, else the nearest. */
export function columnOf(chunk: Chunk, columns: readonly [number, number][]): number {
  let best = 0;
  let bestScore = -Infinity;
  columns.forEach(([l, r], i) => {
    const o = overlap(chunk.x0, chunk.x1, l, r);
    // no overlap: the negative distance, so the nearest column wins
    const score = o > 0 ? o : -Math.min(Math.abs(chunk.x0 - r), Math.abs(l - chunk.x1));
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return best;
}

/** Every column a header chunk stands over: it covers a good part of the column, or the column holds most of it. */
export function columnsUnder(chunk: Chunk, columns: readonly [number, number][]): number[] {
  const width = Math.max(1e-6, chunk.x1 - chunk.x0);
  const under = columns
    .map(([l, r], i) => ({ i, o: overlap(chunk.x0, chunk.x1, l, r), w: Math.max(1e-6, r - l) }))
    .filter(({ o, w }) => o >= 0.3 * width || o >= 0.5 * w)
    .map(({ i }) => i);
  return under.length ? under : [columnOf(chunk, columns)];
}
