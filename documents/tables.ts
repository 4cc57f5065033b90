// The tables of the structured readers (CSV, XLSX, HTML, DOCX): which rows a
// table they wrote is made of, and which of them are its header rows.
//
// Rows of one filled cell above a table (a title, a caption, a date line) are
// not its rows. A header row must read as one (core/header-words.ts: short
// cells, no values, words that name columns), even where the format marks it
// (HTML <th> rows and <thead>, DOCX rows repeated on each page): the engine
// never reports anything in a header row, so a row of names taken for a
// header would be hidden from the scan. The first row may also be a header in
// words the list does not know when most of its cells stand over columns of
// values (digits, addresses, e-mail). A row under the first is a header row
// too when the format marks it, or when a header cell above spans columns or
// rows (職員 merged over 氏名 and フリガナ).
import { tableOf, type Table, type TableDraft } from '../core/tables.ts';
import { headsValueColumns, isHeaderRow } from '../core/header-words.ts';

/** Header rows a table may have. */
const MAX_HEADER_ROWS = 3;
/** Body rows looked at to see whether a column holds values. */
const SAMPLE_ROWS = 20;

/** The cell texts of rows [from, to) by column, '' where a row has none. */
function cellGrid(draft: TableDraft, text: string, from: number, to: number): string[][] {
  const grid: string[][] = Array.from({ length: Math.max(0, Math.min(to, draft.rows) - from) }, () => []);
  for (const c of draft.cells) if (c.row >= from && c.row < from + grid.length) grid[c.row - from][c.col] = text.slice(c.start, c.end);
  return grid.map((row) => Array.from(row, (t) => t ?? ''));
}

/** The first row of two or more filled cells (the rows above are a title, not the table's), or -1. */
function firstTableRow(draft: TableDraft, text: string): number {
  // cells come in row order
  let row = -1;
  let filled = 0;
  for (const c of draft.cells) {
    if (c.row !== row) [row, filled] = [c.row, 0];
    if (text.slice(c.start, c.end).trim() && ++filled === 2) return row;
  }
  return -1;
}

/**
 * How many rows from the first of `grid` head the table: `marked(k)` when the
 * format marks its row k as a header row, `spans(k)` when a cell of row k
 * spans columns or rows.
 */
function headerRowsOf(grid: readonly (readonly string[])[], marked: (k: number) => boolean, spans: (k: number) => boolean): number {
  let n = 0;
  while (n < grid.length && n < MAX_HEADER_ROWS) {
    const heads = n === 0 ? isHeaderRow(grid[0], true) || headsValueColumns(grid.slice(0, 1 + SAMPLE_ROWS)) : (marked(n) || spans(n - 1)) && isHeaderRow(grid[n], false);
    if (!heads) break;
    n++;
  }
  return n;
}

/**
 * The Table of a draft written on `text` (the page text): its rows from the
 * first of two or more filled cells, its header rows as above (`marked`: the
 * rows the format marks as header rows). Null when no row has two cells (a
 * list, not a table).
 */
export function readerTable(draft: TableDraft, text: string, options: { marked?: (row: number) => boolean; columns?: number } = {}): Table | null {
  const first = firstTableRow(draft, text);
  if (first === -1) return null;
  const grid = cellGrid(draft, text, first, first + MAX_HEADER_ROWS + SAMPLE_ROWS);
  const spanning = new Set(draft.cells.filter((c) => c.colSpan > 1 || c.rowSpan > 1).map((c) => c.row));
  const headerRows = headerRowsOf(
    grid,
    (k) => options.marked?.(first + k) ?? false,
    (k) => spanning.has(first + k),
  );
  return tableOf(draft, { first, headerRows, text, columns: options.columns });
}
