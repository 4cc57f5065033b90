// The text the detectors read for a page with tables: the page text, with each
// table's header rows replaced by one line that gives every column its whole
// header (two header rows joined: 職員 氏名), and a table continued from the
// previous page given the header it inherits, and a table known to have no
// header an empty header line. A column header so stands on the first line of
// its table, where the detectors look for it, the first row of a table
// without a header is read as a row, and a header row is never itself a finding. Offsets map back to the page text; nothing
// found in an added header line is reported.
import type { Table } from '../core/tables.ts';

/**
 * A column header as detectors read it: spaces between Japanese characters
 * closed up (氏　名 spread out to fill its cell, 生年月 日 as OCR read it).
 */
function headerText(cell: string): string {
  return cell.replace(/[\t\n]/g, ' ').replace(SPACE_IN_JAPANESE, '');
}

const SPACE_IN_JAPANESE = /(?<=[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff])[ \u3000]+(?=[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff])/gu;

interface Piece {
  /** where a run of page text starts in the view, and in the page */
  view: number;
  page: number;
  length: number;
}

export interface ScanView {
  text: string;
  /** the page range of view range [start, end), or null when it is (partly) added text */
  toPage(start: number, end: number): [number, number] | null;
}

/** `headers(table)`: the header a table without its own takes from the page before, or null. */
export function tableView(text: string, tables: readonly Table[], inherited: (table: Table) => string[] | null): ScanView {
  const parts: string[] = [];
  const pieces: Piece[] = [];
  let viewLength = 0;
  let at = 0;
  let changed = false;
  const keep = (from: number, to: number) => {
    if (to <= from) return;
    pieces.push({ view: viewLength, page: from, length: to - from });
    parts.push(text.slice(from, to));
    viewLength += to - from;
  };
  const addLine = (cells: readonly string[]) => {
    const line = `${cells.map(headerText).join('\t')}\n`;
    parts.push(line);
    viewLength += line.length;
  };
  for (const table of [...tables].sort((a, b) => a.start - b.start)) {
    if (table.start < at) continue;
    const own = table.headerRows > 0 ? table.columnHeaders : null;
    // no header at all: an empty header line, so the first row is read as a row, not as headers
    const header = own ?? inherited(table) ?? table.columnHeaders.map(() => '');
    keep(at, table.start);
    addLine(header);
    changed = true;
    // the header rows themselves are left out: the added line stands for them
    at = own ? table.bodyStart : table.start;
  }
  if (!changed) return { text, toPage: (s, e) => [s, e] };
  keep(at, text.length);
  return {
    text: parts.join(''),
    toPage(start, end) {
      // the piece holding `start`: binary search over the view offsets
      let lo = 0;
      let hi = pieces.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (pieces[mid].view <= start) lo = mid;
        else hi = mid - 1;
      }
      const p = pieces[lo];
      if (!p || start < p.view || end > p.view + p.length) return null;
      return [p.page + start - p.view, p.page + end - p.view];
    },
  };
}
