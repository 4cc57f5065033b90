// The table model every reader shares: a table is rows of cells over the page
// text, with zero or more header rows, and a header text for each column.
// Cells are ranges of the page text, so a finding in a cell is still placed
// through the page's segments like any other text.
//
// Readers that know their structure (spreadsheets, CSV, HTML, DOCX, pipe
// tables) write each row as one line of tab-separated cells; the PDF and OCR
// readers infer tables from layout (layout/) and write them the same way.
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
