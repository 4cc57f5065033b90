// CSV / TSV reader: RFC 4180 quoting (doubled quotes, delimiters and line
// breaks inside quotes, CR LF), delimiter detected among comma, tab and
// semicolon. The page is the table re-joined with tabs and newlines so the
// detectors can find each cell's column header; row and col in segments are
// 1-based, offset is inside the cell's unquoted value. Each run of records
// between blank ones is a table of the page (documents/tables.ts: its first
// row is a header when it reads as one).
import { PageBuilder, type SumiDocument } from '../core/document.ts';
import { TableDraft } from '../core/tables.ts';
import { decodeText } from './encoding.ts';
import { addCellText } from './add-source-text.ts';
import { readerTable } from './tables.ts';

export type CsvDelimiter = ',' | '\t' | ';';

export interface CsvOptions {
  /** forces the delimiter (a .tsv file); detected otherwise */
  delimiter?: CsvDelimiter;
}

export function readCsv(bytes: Uint8Array, options: CsvOptions = {}): SumiDocument {
  const { text, encoding } = decodeText(bytes);
  const rows = parseCsv(text, options.delimiter ?? detectDelimiter(text));
  // trailing blank records (empty lines at the end of the file) carry nothing
  while (rows.length && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === '') rows.pop();

  const b = new PageBuilder();
  // a blank record ends a table: the rows after it are another
  const drafts: TableDraft[] = [];
  let draft: TableDraft | null = null;
  rows.forEach((cells, r) => {
    if (r > 0) b.separator('\n');
    if (cells.every((c) => !c.trim())) draft = null;
    else if (!draft) drafts.push((draft = new TableDraft()));
    draft?.row(b.offset);
    cells.forEach((value, c) => {
      if (c > 0) b.separator('\t'); // kept for empty cells too, so columns stay aligned
      const start = b.offset;
      addCellText(b, value, (offset) => ({ type: 'cell', sheet: '', row: r + 1, col: c + 1, offset }));
      draft?.cell(c, start, b.offset);
    });
  });
  const page = b.build(1);
  const tables = drafts.flatMap((d) => readerTable(d, page.text) ?? []);
  if (tables.length) page.tables = tables;
  return { type: 'csv', pages: [page], ocrPages: [], encoding };
}

/** Splits CSV text into records of unquoted field values. Lenient: an unclosed quote runs to the end. */
export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  if (!text) return rows;
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let value: string;
    if (text.charCodeAt(i) === 0x22) {
      // quoted field: "" is a quote; anything after the closing quote up to
      // the delimiter is kept as written rather than dropped
      let parts = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) {
          parts += text.slice(j);
          i = n;
          break;
        }
        if (text.charCodeAt(q + 1) === 0x22) {
          parts += text.slice(j, q + 1);
          j = q + 2;
          continue;
        }
        parts += text.slice(j, q);
        i = q + 1;
        break;
      }
      const k = fieldEnd(text, i, d);
      value = parts + text.slice(i, k);
      i = k;
    } else {
      const k = fieldEnd(text, i, d);
      value = text.slice(i, k);
      i = k;
    }
    row.push(value);
    if (i >= n) break;
    if (text.charCodeAt(i) === d) {
      i++;
      continue;
    }
    // a line break ends the record (CR LF, LF or CR)
    i += text.charCodeAt(i) === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) return rows;
  }
  rows.push(row);
  return rows;
}

function fieldEnd(text: string, from: number, d: number): number {
  let k = from;
  for (; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === d || c === 0x0a || c === 0x0d) break;
  }
  return k;
}

/**
 * The delimiter that splits the first records into the same number (≥ 2) of
 * fields most consistently; comma when none does.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let sample = text.slice(0, 65536);
  if (sample.length < text.length) sample = sample.slice(0, Math.max(sample.lastIndexOf('\n'), 1));
  let best: CsvDelimiter = ',';
  let bestScore = 0;
  for (const d of [',', '\t', ';'] as const) {
    const counts = parseCsv(sample, d)
      .slice(0, 20)
      .filter((r) => r.length > 1 || r[0] !== '')
      .map((r) => r.length);
    if (!counts.length || counts[0] < 2) continue;
    const score = counts.filter((c) => c === counts[0]).length * 1000 + counts[0];
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}
