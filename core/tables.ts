// The table model every reader shares: a table is rows of cells over the page
// text, with zero or more header rows, and a header text for each column.
// Cells are ranges of the page text, so a finding in a cell is still placed
// through the page's segments like any other text.
//
// Every reader writes each row as one line of tab-separated cells, a cell in
// the column it stands in (a cell spanning columns is followed by the empty
// ones it covers), and builds the Table from what it wrote (TableDraft):
// spreadsheets, CSV, HTML and DOCX from their own structure, the PDF and OCR
// readers from layout (layout/). (Pipe tables in plain text are read as
// tables by the engine itself: engine/pipe-tables.ts.)
// A table whose header rows are not on its page (a table continued from the
// previous page) borrows the header of the table it continues.

export interface TableCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** [start, end) in the page text */
  start: number;
  end: number;
}

export interface Table {
  /** [start, end) of the table's rows in the page text */
  start: number;
  end: number;
  /** where the first body row starts (= start when there are no header rows) */
  bodyStart: number;
  columns: number;
  rows: number;
  /** rows [0, headerRows) are header rows */
  headerRows: number;
  cells: TableCell[];
  /** what each column's header says: its header cells top to bottom, '' for none */
  columnHeaders: string[];
  /** left and right edge of each column on the page (tables inferred from layout), to match a continuation */
  columnEdges?: [number, number][];
}

/**
 * A table as a reader writes it, row by row onto its page: where each row's
 * line starts and the cells that hold text. Every reader (and the layout of
 * PDF and OCR pages) builds its Table from one with `tableOf`.
 */
export class TableDraft {
  /** where each row's line starts in the page text */
  readonly rowStarts: number[] = [];
  readonly cells: TableCell[] = [];
  /** where the last row ends */
  end = 0;

  get rows(): number {
    return this.rowStarts.length;
  }

  /** Starts the next row at `offset` (the start of its line). */
  row(offset: number): void {
    this.rowStarts.push(offset);
    this.end = offset;
  }

  /**
   * A cell of the current row at grid column `col`, [start, end) of the page
   * text; an empty one is left out (undefined). A reader that learns a span
   * later (a merge continued in the rows below) sets it on the cell returned.
   */
  cell(col: number, start: number, end: number, colSpan = 1, rowSpan = 1): TableCell | undefined {
    this.end = Math.max(this.end, end);
    if (end <= start) return undefined;
    const cell = { row: this.rowStarts.length - 1, col, rowSpan, colSpan, start, end };
    this.cells.push(cell);
    return cell;
  }
}

export interface TableOptions {
  /** rows before `first` are not the table's (a title above it); default 0 */
  first?: number;
  /** rows [first, first + headerRows) are header rows */
  headerRows: number;
  /** what each column's header says, when the caller knows (layout: from positions) */
  columnHeaders?: readonly string[];
  /** the page text, to read the column headers from the header cells otherwise */
  text?: string;
  /** columns, when there are more than the cells reach */
  columns?: number;
  columnEdges?: [number, number][];
}

/**
 * The Table of a draft's rows from `first` on. A column's header is its header
 * cells top to bottom (a cell spanning columns heads each of them: 職員 over
 * 氏名 and フリガナ gives "職員 氏名" and "職員 フリガナ"), '' for none.
 */
export function tableOf(draft: TableDraft, options: TableOptions): Table {
  const first = options.first ?? 0;
  const rows = draft.rows - first;
  const headerRows = Math.min(options.headerRows, rows);
  const cells = draft.cells.filter((c) => c.row >= first).map((c) => (first ? { ...c, row: c.row - first } : c));
  const columns = cells.reduce((n, c) => Math.max(n, c.col + c.colSpan), options.columns ?? 0);
  const start = draft.rowStarts[first];
  const end = Math.max(start, draft.end);
  const headerCells = cells.filter((c) => c.row < headerRows);
  const columnHeaders = Array.from({ length: columns }, (_, col) => {
    if (options.columnHeaders) return options.columnHeaders[col] ?? '';
    const above = headerCells.filter((c) => c.col <= col && col < c.col + c.colSpan);
    return above
      .map((c) => options.text!.slice(c.start, c.end).trim())
      .filter(Boolean)
      .join(' ');
  });
  return {
    start,
    end,
    bodyStart: headerRows < rows ? draft.rowStarts[first + headerRows] : end,
    columns,
    rows,
    headerRows,
    cells,
    columnHeaders,
    ...(options.columnEdges ? { columnEdges: options.columnEdges } : {}),
  };
}

/** Lines and characters of running header or footer (a title, a page number, a confidentiality mark) a page may hold beyond a table that runs on. */
const RUNNING_LINES = 3;
const RUNNING_CHARS = 200;

function onlyRunningText(text: string): boolean {
  const t = text.trim();
  return t.length <= RUNNING_CHARS && (t ? t.split('\n').length : 0) <= RUNNING_LINES;
}

/** Whether `table` ends its page: nothing follows it but a footer. Only then may the next page continue it. */
export function tableEndsPage(page: { text: string }, table: Table): boolean {
  return onlyRunningText(page.text.slice(table.end));
}

/** Whether `table` starts its page: nothing stands above it but a running header or a title. Only then may it continue the page before. */
export function tableStartsPage(page: { text: string }, table: Table): boolean {
  return onlyRunningText(page.text.slice(0, table.start));
}

/** The column extents of the last table laid out on `page` when it ends the page: a table at the top of the next page may continue it. */
export function lastColumns(page: { text: string; tables?: readonly Table[] }): [number, number][] | undefined {
  const last = page.tables?.at(-1);
  return last && tableEndsPage(page, last) ? last.columnEdges : undefined;
}

/**
 * Whether a row of a table `width` columns wide is a section's label: one
 * filled cell in a table of three columns or more (総務課, Finance Division
 * over the rows that follow), neither a header row nor a value of its column.
 */
export function isSectionLabel(cells: readonly string[], width: number): boolean {
  return width >= 3 && cells.filter((c) => c.trim()).length === 1;
}

/** The header texts of `table`'s columns, or none when it has no header row. */
export function hasHeader(table: Table): boolean {
  return table.columnHeaders.some((h) => h !== '');
}

/** Length two ranges have in common, never negative. */
function common(a: [number, number], b: [number, number]): number {
  return Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
}

/** Share of the columns of the table before that a table continuing it shows at least. */
const MIN_CONTINUED_SHARE = 0.5;

/** How far a page's columns may stand from those of the page before (a scanner feeds each sheet a little off). */
const MAX_SHIFT = 24;

/**
 * The column headers `table` inherits from `previous` (the last table of the
 * page before) when it continues it: no header of its own, and most of its
 * columns stand under columns of the previous table, once the page's offset
 * is allowed for. A column that covers several previous columns (two cells
 * read as one) takes all their headers; one under none (a speck read as a
 * column) takes none. Null when it does not continue it.
 */
export function continuedHeaders(previous: Table, table: Table): string[] | null {
  if (hasHeader(table) || !hasHeader(previous) || !previous.columnEdges || !table.columnEdges) return null;
  const before = previous.columnEdges;
  const edges = table.columnEdges;
  // a block of two columns (a title and its page number) does not continue a table of ten
  if (edges.length < MIN_CONTINUED_SHARE * before.length) return null;
  // the offset that lays the columns best over those above
  const fit = (d: number) => edges.reduce((sum, [l, r]) => sum + Math.max(...before.map((p) => common([l + d, r + d], p))), 0);
  const shifts = [0, ...edges.flatMap(([l]) => before.map(([p]) => p - l)).filter((d) => Math.abs(d) <= MAX_SHIFT)];
  const shift = shifts.reduce((best, d) => (fit(d) > fit(best) ? d : best), 0);
  const mapped = edges.map(([l, r]) => {
    const edge: [number, number] = [l + shift, r + shift];
    const width = edge[1] - edge[0];
    // the previous columns it covers most of, else the one it lies mostly within
    let under = before.flatMap((p, i) => (common(edge, p) >= 0.5 * (p[1] - p[0]) && p[1] > p[0] ? [i] : []));
    if (!under.length) under = before.flatMap((p, i) => (width > 0 && common(edge, p) > 0.5 * width ? [i] : []));
    return [...new Set(under.map((i) => previous.columnHeaders[i]).filter(Boolean))].join(' ');
  });
  const matched = mapped.filter(Boolean).length;
  return matched >= Math.max(2, 0.6 * edges.length) ? mapped : null;
}
