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

/** The header texts of `table`'s columns, or none when it has no header row. */
export function hasHeader(table: Table): boolean {
  return table.columnHeaders.some((h) => h !== '');
}

/** Share of the narrower of two ranges that they have in common. */
function overlapShare(a: [number, number], b: [number, number]): number {
  const common = Math.min(a[1], b[1]) - Math.max(a[0], b[0]);
  const narrower = Math.min(a[1] - a[0], b[1] - b[0]);
  return narrower > 0 ? Math.max(0, common) / narrower : 0;
}

/**
 * The column headers `table` inherits from `previous` (the last table of the
 * page before) when it continues it: no header of its own, and each of its
 * columns sits under one column of the previous table. Null otherwise.
 */
export function continuedHeaders(previous: Table, table: Table): string[] | null {
  if (hasHeader(table) || !hasHeader(previous) || !previous.columnEdges || !table.columnEdges) return null;
  const mapped: string[] = [];
  const used = new Set<number>();
  for (const edge of table.columnEdges) {
    let best = -1;
    let bestShare = 0.5;
    previous.columnEdges.forEach((p, i) => {
      const share = overlapShare(edge, p);
      if (share > bestShare) [best, bestShare] = [i, share];
    });
    if (best === -1 || used.has(best)) return null;
    used.add(best);
    mapped.push(previous.columnHeaders[best]);
  }
  return mapped.length >= 2 ? mapped : null;
}
