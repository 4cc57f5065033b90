// A ruled table's grid (the lattice mode of Tabula and Camelot): where a page
// draws rules, the vertical rules that cross a table's lines are its column
// borders and the horizontal rules across it its row borders, whatever the
// gaps between the text show. A word processor's table with little padding
// sets a wrapped cell's lines as close as the next row's; only the rule
// between them tells a row from the wrapped part of a cell.
import type { HorizontalRule, LayoutLine, Rules, VerticalRule } from './types.ts';

/** Rules closer than this (points) are one (a double border, a cell's own edge beside its neighbour's). */
const SAME_RULE = 2;
/** Pieces of one rule may stand this far apart across it (points): a scan's slight skew. */
const SLANT = 4;
/** …and leave this much of it out along it (points). */
const BREAK = 6;
/** Share of a table's lines a vertical rule must cross to border its columns. */
const CROSSES = 0.7;
/** Share of a table's width a horizontal rule must run across to border its rows. */
const ACROSS = 0.9;

/** Collinear pieces of rules that touch, merged into one (a table's border is often drawn cell by cell). */
export function mergeRules(rules: Rules): Rules {
  const horizontal = mergeCollinear(rules.horizontal.map((r) => ({ at: r.y, from: r.x0, to: r.x1 }))).map(({ at, from, to }): HorizontalRule => ({ y: at, x0: from, x1: to }));
  const vertical = mergeCollinear(rules.vertical.map((r) => ({ at: r.x, from: r.y0, to: r.y1 }))).map(({ at, from, to }): VerticalRule => ({ x: at, y0: from, y1: to }));
  return { horizontal, vertical };
}

interface Segment {
  at: number;
  from: number;
  to: number;
}

/**
 * Segments along one line, merged: those within SLANT of each other across
 * the line (a scanned rule, a little skewed, is found in pieces at slightly
 * different heights, and once per pixel row of its thickness) whose extents
 * touch or nearly (BREAK: a rule broken where text or a speck crossed it).
 */
function mergeCollinear(segments: Segment[]): Segment[] {
  const sorted = [...segments].sort((a, b) => a.at - b.at);
  const out: Segment[] = [];
  // bands of segments whose positions across the line follow on closely
  for (let i = 0; i < sorted.length;) {
    let j = i + 1;
    while (j < sorted.length && sorted[j].at - sorted[j - 1].at <= SLANT) j++;
    const band = sorted.slice(i, j).sort((a, b) => a.from - b.from);
    let current: (Segment & { sum: number; n: number }) | undefined;
    for (const s of band) {
      if (current && s.from <= current.to + BREAK && Math.abs(s.at - current.sum / current.n) <= SLANT) {
        current.to = Math.max(current.to, s.to);
        current.sum += s.at;
        current.n++;
        continue;
      }
      if (current) out.push({ at: current.sum / current.n, from: current.from, to: current.to });
      current = { ...s, sum: s.at, n: 1 };
    }
    if (current) out.push({ at: current.sum / current.n, from: current.from, to: current.to });
    i = j;
  }
  return out.sort((a, b) => a.at - b.at || a.from - b.from);
}

function mid(line: LayoutLine): number {
  return (line.top + line.bottom) / 2;
}

/**
 * The column borders of a table whose lines are `lines`, its text spanning
 * [left, right]: the x of each vertical rule that crosses most of the lines,
 * left to right, rules standing closer than SAME_RULE taken once. Empty when
 * fewer than three (two columns) cross.
 */
export function columnBorders(lines: readonly LayoutLine[], left: number, right: number, rules: Rules | undefined): number[] {
  if (!rules?.vertical.length || !lines.length) return [];
  const mids = lines.map(mid);
  const xs = rules.vertical
    .filter((r) => mids.filter((y) => y >= r.y0 && y <= r.y1).length >= CROSSES * mids.length)
    .map((r) => r.x)
    .sort((a, b) => a - b);
  const crossing = distinct(xs);
  // from the border nearest the text's left edge (at or before it) to the nearest at or after its right edge:
  // a table beside this one, or a frame around the page, is not part of its grid
  const first = crossing.findLastIndex((x) => x <= left + SAME_RULE);
  const last = crossing.findIndex((x) => x >= right - SAME_RULE);
  const borders = crossing.slice(Math.max(0, first), last === -1 ? crossing.length : last + 1);
  return borders.length >= 3 ? borders : [];
}

/** The y of each horizontal rule that runs across most of [left, right] between `top` and `bottom`, top to bottom. */
export function rowBorders(top: number, bottom: number, left: number, right: number, rules: Rules | undefined): number[] {
  if (!rules?.horizontal.length) return [];
  const width = Math.max(1, right - left);
  const ys = rules.horizontal
    .filter((r) => r.y > top && r.y < bottom && Math.min(r.x1, right) - Math.max(r.x0, left) >= ACROSS * width)
    .map((r) => r.y)
    .sort((a, b) => a - b);
  return distinct(ys);
}

/** Sorted positions with those closer than SAME_RULE to the one kept before them left out: each rule once. */
function distinct(sorted: readonly number[]): number[] {
  const out: number[] = [];
  for (const v of sorted) if (!out.length || v - out[out.length - 1] > SAME_RULE) out.push(v);
  return out;
}

/** Whether a row border lies between two lines (between their middles). */
export function borderBetween(a: LayoutLine, b: LayoutLine, borders: readonly number[]): boolean {
  const [y0, y1] = [Math.min(mid(a), mid(b)), Math.max(mid(a), mid(b))];
  return borders.some((y) => y > y0 && y < y1);
}
