// Spreadsheets and word-processor files have no pages to show or to mask: their
// page text is printed here onto PDF-sized pages — a row's tab-separated cells
// in columns, other lines wrapped — with every run of text placed, so that a
// finding's offsets in the sheet's text give exact boxes on the printed page.
// Platform-neutral layout only: ./print-pdf.ts draws it.
import type { HiddenNote, Page } from '../core/document.ts';
import { charWeight, weights } from '../core/char-weight.ts';

/** A run of the printed page's text [start, end) drawn from (x, baseline y), each character in a slot of charWeight × size. */
export interface PrintedRun {
  start: number;
  end: number;
  x: number;
  y: number;
  size: number;
}

/** One printed page: a whole-line slice [offset, offset + text.length) of a source page's text. */
export interface PrintedPage {
  /** 1-based number of the source page (sheet) */
  of: number;
  offset: number;
  text: string;
  width: number;
  height: number;
  size: number;
  runs: PrintedRun[];
  /** the line above the text: the sheet's name, whether it is hidden, which part of it this is */
  caption: string;
  hidden: HiddenNote[];
}

const MARGIN = 36;
const A4 = { short: 595, long: 842 };
const SIZE = 9;
const MIN_SIZE = 6;
/** The widest a column grows before its cells wrap, in ems. */
const MAX_COLUMN_EM = 28;
const COLUMN_GAP_EM = 1.2;
const LINE_HEIGHT = 1.45;
/** PDF's largest page side. */
const MAX_SIDE = 14400;

interface Piece {
  start: number;
  end: number;
}

/** Cuts [start, end) of `text` into pieces no wider than `em`, at a space when there is one near the end. */
function wrap(text: string, start: number, end: number, em: number): Piece[] {
  const pieces: Piece[] = [];
  let from = start;
  while (from < end) {
    let w = 0;
    let at = from;
    let lastSpace = -1;
    while (at < end) {
      const cw = charWeight(text[at]);
      if (w + cw > em && at > from) break;
      if (text[at] === ' ') lastSpace = at;
      w += cw;
      at++;
    }
    if (at < end && lastSpace > from) at = lastSpace + 1;
    // never between the two halves of a character outside the BMP
    else if (at < end && at > from + 1 && /[\uDC00-\uDFFF]/.test(text[at])) at--;
    pieces.push({ start: from, end: at });
    from = at;
  }
  return pieces;
}

interface Line {
  start: number;
  end: number;
  cells: Piece[];
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    const end = start + raw.length;
    const cells: Piece[] = [];
    let c = start;
    for (const cell of raw.split('\t')) {
      cells.push({ start: c, end: c + cell.length });
      c += cell.length + 1;
    }
    lines.push({ start, end, cells });
    start = end + 1;
  }
  return lines;
}

/** Column widths in ems of each run of consecutive tabbed lines (a table), keyed by its first line. */
function columnWidths(text: string, lines: Line[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let i = 0; i < lines.length;) {
    if (lines[i].cells.length < 2) {
      i++;
      continue;
    }
    const widths: number[] = [];
    let j = i;
    for (; j < lines.length && lines[j].cells.length >= 2; j++) {
      lines[j].cells.forEach((c, k) => (widths[k] = Math.max(widths[k] ?? 1, Math.min(MAX_COLUMN_EM, weights(text.slice(c.start, c.end))))));
    }
    for (let k = i; k < j; k++) out.set(k, widths);
    i = j;
  }
  return out;
}

/** The page size and font size that fit the widest table: A4 portrait, A4 landscape, a smaller font, then a wider page. */
function pageFormat(widestEm: number): { width: number; height: number; size: number } {
  const fits = (width: number, size: number) => widestEm * size <= width - 2 * MARGIN;
  if (fits(A4.short, SIZE)) return { width: A4.short, height: A4.long, size: SIZE };
  if (fits(A4.long, SIZE)) return { width: A4.long, height: A4.short, size: SIZE };
  const size = Math.max(MIN_SIZE, (A4.long - 2 * MARGIN) / widestEm);
  return { width: Math.min(MAX_SIDE, Math.max(A4.long, widestEm * size + 2 * MARGIN)), height: A4.short, size };
}

const tableWidth = (widths: number[]) => widths.reduce((a, b) => a + b, 0) + COLUMN_GAP_EM * (widths.length - 1);

/** A source page (a sheet, a document's text) printed onto as many pages as its lines need. */
export function printPage(page: Page, captionOf: (part: number) => string): PrintedPage[] {
  const { text } = page;
  const lines = linesOf(text);
  const widths = columnWidths(text, lines);
  const widest = Math.max(40, ...[...widths.values()].map(tableWidth));
  const format = pageFormat(widest);
  const { size } = format;
  const lineHeight = size * LINE_HEIGHT;
  const usableEm = (format.width - 2 * MARGIN) / size;
  const top = format.height - MARGIN - 2 * lineHeight; // below the caption
  const printed: PrintedPage[] = [];
  let current: { first: number; runs: PrintedRun[]; y: number } | null = null;
  const close = (lastLine: number) => {
    if (!current) return;
    const offset = lines[current.first].start;
    const end = lines[lastLine].end;
    const hidden = page.hidden
      .filter((h) => h.start === undefined || (h.start < end && (h.end ?? h.start) >= offset))
      .map((h) => (h.start === undefined ? h : { ...h, start: Math.max(0, h.start - offset), end: Math.min(end, h.end ?? h.start) - offset }));
    const runs = current.runs.map((r) => ({ ...r, start: r.start - offset, end: r.end - offset }));
    printed.push({ of: page.number, offset, text: text.slice(offset, end), ...format, runs, caption: captionOf(printed.length + 1), hidden });
    current = null;
  };
  lines.forEach((line, i) => {
    const cols = widths.get(i);
    // each cell (or the whole line) as the pieces it wraps into, with its left edge in ems
    const placed: { x: number; pieces: Piece[] }[] = [];
    if (cols) {
      let x = 0;
      line.cells.forEach((cell, k) => {
        placed.push({ x, pieces: wrap(text, cell.start, cell.end, cols[k] ?? MAX_COLUMN_EM) });
        x += (cols[k] ?? MAX_COLUMN_EM) + COLUMN_GAP_EM;
      });
    } else {
      placed.push({ x: 0, pieces: wrap(text, line.start, line.end, usableEm) });
    }
    const height = Math.max(1, ...placed.map((p) => p.pieces.length)) * lineHeight;
    if (current && current.y - height < MARGIN) close(i - 1);
    current ??= { first: i, runs: [], y: top };
    for (const cell of placed) {
      cell.pieces.forEach((p, n) => {
        if (p.end > p.start) current!.runs.push({ start: p.start, end: p.end, x: MARGIN + cell.x * size, y: current!.y - n * lineHeight - size, size });
      });
    }
    current.y -= height;
  });
  close(lines.length - 1);
  return printed;
}

/** The box of a run, as the document model records a placed word (lower edge, full width). */
export function runBox(text: string, run: PrintedRun) {
  return { x: run.x, y: run.y - 0.25 * run.size, width: weights(text.slice(run.start, run.end)) * run.size, height: 1.2 * run.size };
}
