// Columns of a block of lines: the gutters are the stretches along the line
// that no chunk of any row covers (the whitespace that holds across rows, as
// in Tabula's and pdfplumber's stream mode); the columns lie between them.
// Header lines are left out of the measure: a header that spans two columns
// (職員 over 氏名 and フリガナ) would close the gutter between them.
import { CELL_GAP, mayBreakBetween } from './chunks.ts';
import type { Chunk } from './types.ts';

/** Narrowest gutter (in ems) that separates two columns. */
const MIN_GUTTER = 0.5;
/** Share of the rows whose text may run across a gutter (a long cell that touches its neighbour). */
const MAY_CROSS = 0.15;
/** Length (ems) of the text before a text edge, in the middle row, that makes the cells before it long ones. */
const LONG_CELL = 4;
/** Share of a text edge's rows that must leave a gutter-wide blank before it. */
const OPEN_ROWS = 0.2;

/**
 * Column extents [left, right], left to right, from the chunks of the rows
 * that measure them. A gutter is a stretch that rows leave blank between two
 * of their chunks (at least two rows show it) and that at most a few rows run
 * across: a cell whose text nearly touches the next one is read as one chunk
 * and would otherwise close the gutter for the whole table.
 */
export function findColumns(rows: readonly Chunk[][], em: number): [number, number][] {
  const measured = rows.filter((r) => r.length > 0);
  if (!measured.length) return [];
  const edges = [...new Set(measured.flat().flatMap((c) => [c.x0, c.x1]))].sort((a, b) => a - b);
  // lines of one chunk (a wrapped cell's part) show no gutter: the allowance counts rows of several
  const mayCross = Math.floor(MAY_CROSS * measured.filter((r) => r.length >= 2).length);
  // each elementary stretch between two edges: is it in a gutter?
  const open: boolean[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const x = (edges[i] + edges[i + 1]) / 2;
    let crossing = 0;
    let between = 0;
    for (const row of measured) {
      if (row.some((c) => c.x0 <= x && x <= c.x1)) crossing++;
      else if (row[0].x1 < x && x < row[row.length - 1].x0) between++;
    }
    open.push(crossing <= mayCross && between >= 2 && between > crossing);
  }
  const gutters: [number, number][] = [];
  for (let i = 0; i < open.length;) {
    if (!open[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < open.length && open[j + 1]) j++;
    if (edges[j + 1] - edges[i] >= MIN_GUTTER * em) gutters.push([edges[i], edges[j + 1]]);
    i = j + 1;
  }
  const left = Math.min(...measured.map((r) => r[0].x0));
  const right = Math.max(...measured.map((r) => r[r.length - 1].x1));
  for (const x of alignedStarts(measured, em, mayCross)) {
    if (x - left < 2 * em || gutters.some(([g0, g1]) => x > g0 - 2 * em && x < g1 + 2 * em)) continue;
    gutters.push([x - 0.6 * em, x + 0.8 * em]);
  }
  return columnsBetween(left, gutters, right);
}

/** The columns from `left` to `right` that the gutters cut apart (in any order). */
function columnsBetween(left: number, gutters: readonly [number, number][], right: number): [number, number][] {
  const bounds = [left, ...[...gutters].sort((a, b) => a[0] - b[0]).flat(), right];
  const columns: [number, number][] = [];
  for (let k = 0; k < bounds.length; k += 2) columns.push([bounds[k], bounds[k + 1]]);
  return columns;
}

/**
 * Left edges of columns that leave no blank to see: where the rows' words
 * start at one x (within a third of an em) while the text before them ends
 * raggedly, as a left-aligned column after a column of long cells does (an
 * address filling its cell up to the phone number). Camelot and Tabula call
 * these text edges. Words of one cell that line up make none: a given name
 * after a surname of two characters follows a short run of text, and the
 * 丁目 of addresses that begin alike never has a gutter-wide blank before it
 * (a real column does, in the rows whose cells are short). Returns each
 * edge's x (the leftmost start of its words).
 */
function alignedStarts(rows: readonly Chunk[][], em: number, mayCross: number): number[] {
  const multi = rows.filter((r) => r.length >= 2);
  const starts: { x: number; end: number; run: number; row: number }[] = [];
  multi.forEach((row, r) =>
    row.forEach((chunk, c) =>
      chunk.pieces.forEach((p, i) => {
        const before = i > 0 ? chunk.pieces[i - 1] : c > 0 ? row[c - 1].pieces[row[c - 1].pieces.length - 1] : undefined;
        // the text before it on the line, from where its chunk starts
        const run = before ? before.x1 - (i > 0 ? chunk.x0 : row[c - 1].x0) : 0;
        if (before && mayBreakBetween(before, p)) starts.push({ x: p.x0, end: before.x1, run, row: r });
      }),
    ),
  );
  starts.sort((a, b) => a.x - b.x);
  const need = Math.max(4, 0.3 * multi.length);
  // windows of starts within `width` of each other (a scan's words of one column start up to most of an em apart), fullest first
  const width = em * 0.75;
  const windows = starts.map((s, i) => {
    let j = i;
    while (j + 1 < starts.length && starts[j + 1].x - s.x <= width) j++;
    const group = starts.slice(i, j + 1);
    return { from: s.x, to: starts[j].x, group, rows: new Set(group.map((g) => g.row)).size };
  });
  windows.sort((a, b) => b.rows - a.rows);
  const out: number[] = [];
  const taken: [number, number][] = [];
  for (const { from, to, group, rows } of windows) {
    if (rows < need) break;
    if (taken.some(([l, r]) => from <= r + em && to >= l - em)) continue;
    // the blank before each start: ragged after long cells, even between a surname and its given name
    const blanks = group.map((g) => g.x - g.end);
    if (Math.max(...blanks) - Math.min(...blanks) < 1.5 * em) continue;
    // and in some rows (short cells) a blank as wide as a gutter: text lined up inside cells (丁目 after 東浜町2) shows none
    if (blanks.filter((b) => b >= CELL_GAP * em).length < OPEN_ROWS * group.length) continue;
    // long cells run up to the next column; a short one (a surname) stands before its given name
    const runs = group.map((g) => g.run).sort((a, b) => a - b);
    if (runs[runs.length >> 1] < LONG_CELL * em) continue;
    const crossing = multi.filter((row) => row.some((c) => c.pieces.some((p) => p.x0 < from - em / 3 && p.x1 > to + em / 3))).length;
    if (crossing > mayCross) continue;
    taken.push([from, to]);
    out.push(from);
  }
  return out;
}

/**
 * A chunk cut where it runs across a gutter at a gap between its pieces: the
 * text of two cells that nearly touch, split back into its cells.
 */
export function splitAtGutters(chunk: Chunk, columns: readonly [number, number][]): Chunk[] {
  if (columns.length < 2) return [chunk];
  const out: Chunk[] = [];
  let current: Chunk = { pieces: [chunk.pieces[0]], x0: chunk.pieces[0].x0, x1: chunk.pieces[0].x1 };
  for (const piece of chunk.pieces.slice(1)) {
    const gapFrom = current.x1;
    const gapTo = piece.x0;
    // the gap between the two pieces lies in the blank between two columns, and the text after it reaches into the next one
    // (a word that lies in the blank itself is the end of a long cell: fukushi.kitaminat|o.lg.jp)
    const cut =
      gapTo > gapFrom &&
      mayBreakBetween(current.pieces[current.pieces.length - 1], piece, { atGutter: true }) &&
      columns.some(([, r], k) => k + 1 < columns.length && gapFrom < columns[k + 1][0] && gapTo > r && chunk.x1 > columns[k + 1][0]);
    if (cut) {
      out.push(current);
      current = { pieces: [piece], x0: piece.x0, x1: piece.x1 };
    } else {
      current.pieces.push(piece);
      current.x1 = Math.max(current.x1, piece.x1);
    }
  }
  out.push(current);
  return out;
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

/** How far a page's columns may stand from those of the page before (a scanner feeds each sheet a little off), in points. */
const MAX_SHIFT = 24;

/** The blanks between consecutive columns. */
function guttersOf(columns: readonly [number, number][]): [number, number][] {
  return columns.slice(1).map(([l], k) => [columns[k][1], l]);
}

/**
 * The columns of a table that continues the table the page before ended
 * with (`prior`'s columns): most of its own gutters stand where the prior
 * table's did, once the page's offset is allowed for, and a prior gutter it
 * did not find itself is taken over where no row's text runs across it. On a
 * page of a few rows the cells of a column may all fill it up to the next
 * one (an address up to the phone number), so the page alone shows no
 * blank there; the page before, with its header and more rows, did.
 */
export function continueColumns(columns: [number, number][], prior: readonly [number, number][], rows: readonly Chunk[][], em: number): [number, number][] {
  const own = guttersOf(columns);
  const before = guttersOf(prior);
  if (!before.length) return columns;
  // the same table: most of its columns start where columns of the prior one did, once the page's offset is allowed for
  const matched = (d: number) => columns.filter(([l]) => prior.some(([p]) => Math.abs(p + d - l) <= em)).length;
  const shifts = [0, ...columns.flatMap(([l]) => prior.map(([p]) => l - p)).filter((d) => Math.abs(d) <= MAX_SHIFT)];
  const rough = shifts.reduce((best, d) => (matched(d) > matched(best) ? d : best), 0);
  if (matched(rough) < Math.max(2, 0.6 * columns.length)) return columns;
  // then the median offset of the columns it pairs (a sheet fed askew shifts each column a little differently)
  const offsets = columns.flatMap(([l]) => prior.map(([p]) => l - p).filter((d) => Math.abs(d - rough) <= em)).sort((x, y) => x - y);
  const shift = offsets[offsets.length >> 1];
  const multi = rows.filter((r) => r.length >= 2);
  const mayCross = Math.floor(MAY_CROSS * multi.length);
  const pieces = multi.map((row) => row.flatMap((c) => c.pieces));
  const crossing = (x: number) => pieces.filter((row) => row.some((p) => p.x0 < x - em / 4 && p.x1 > x + em / 4)).length;
  // rows whose text breaks right at the line: a cell ends just before it or starts just after it
  const breaking = (x: number) => pieces.filter((row) => row.some((p) => (p.x1 > x - em / 2 && p.x1 <= x + em / 4) || (p.x0 >= x - em / 4 && p.x0 < x + em / 2))).length;
  const added = before.flatMap(([a, b]): [number, number][] => {
    const middle = (a + b) / 2 + shift;
    if (own.some(([g0, g1]) => middle >= g0 - em && middle <= g1 + em)) return [];
    // the blank's middle, else just before where the next column's text starts (cells that fill their
    // column run up to it), else just after where the column's own text ends (numbers set flush right)
    const lines = [middle, b - em / 4 + shift, a + em / 4 + shift];
    const line = lines.find((x) => crossing(x) <= mayCross && breaking(x) >= pieces.length / 2);
    return line === undefined ? [] : [[line - em / 4, line + em / 4]];
  });
  if (!added.length) return columns;
  const left = columns[0][0];
  const right = columns[columns.length - 1][1];
  return columnsBetween(
    left,
    [...own, ...added].filter(([a, b]) => a > left && b < right),
    right,
  );
}
