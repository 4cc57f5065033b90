// XLSX reader: every sheet in workbook order becomes a page (hidden and very
// hidden sheets too: they are where the unredacted originals tend to be kept).
// Rows are lines, cells are tab-separated so detectors can find column headers;
// hidden rows and columns stay in the text and are reported; cell comments
// follow the rows as "comment A1: …" lines. Segments are cells (1-based row
// and col, offset inside the displayed value). The rows are the sheet's table
// (page.tables; documents/tables.ts), a merged cell spanning the columns and
// rows it covers; blank rows end it only where a header row starts another
// table after them, and then a blank line keeps the two apart.
import { DocumentError, PageBuilder, type HiddenNote, type Page, type SumiDocument } from '../core/document.ts';
import { TableDraft } from '../core/tables.ts';
import { isHeaderRow } from '../core/header-words.ts';
import { addCellText } from './add-source-text.ts';
import { readerTable } from './tables.ts';
import { unescapeOoxml, walkXml, xmlBool } from './xml.ts';
import { mainPart, readRels, relatedParts, ZipArchive } from './zip.ts';

/** Page text limit per sheet: a few far-apart cells would otherwise expand into millions of tabs. */
const MAX_SHEET_CHARS = 64 * 1024 * 1024;

interface SheetInfo {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  relId: string;
}

/** How a date/time number format shows a serial number. */
interface DateFormat {
  date: boolean;
  time: boolean;
  seconds: boolean;
  /** [h]:mm — hours beyond 24 */
  elapsed: boolean;
}

interface Cell {
  col: number;
  value: string;
}

interface Row {
  r: number;
  hidden: boolean;
  cells: Cell[];
}

/** A merged range of cells (1-based, inclusive): its value is its top-left cell's. */
interface Merge {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

interface Workbook {
  strings: string[];
  /** per cellXfs index: the date format, or null for non-date styles */
  dateStyles: (DateFormat | null)[];
  date1904: boolean;
}

export function readXlsx(bytes: Uint8Array): SumiDocument {
  const zip = new ZipArchive(bytes, 'XLSX');
  const workbookPath = mainPart(zip) ?? (zip.has('xl/workbook.xml') ? 'xl/workbook.xml' : undefined);
  const workbookXml = workbookPath && zip.text(workbookPath);
  if (!workbookPath || !workbookXml) throw new DocumentError('not a valid XLSX file: it has no workbook', 'corrupt');
  const rels = readRels(zip, workbookPath);
  const { sheets, date1904 } = parseWorkbook(workbookXml);
  const stringsXml = relatedParts(rels, 'sharedStrings').map((p) => zip.text(p))[0];
  const stylesXml = relatedParts(rels, 'styles').map((p) => zip.text(p))[0];
  const book: Workbook = {
    strings: stringsXml ? parseSharedStrings(stringsXml) : [],
    dateStyles: stylesXml ? parseDateStyles(stylesXml) : [],
    date1904,
  };

  // every worksheet part is read, listed in the workbook or not: a workbook whose sheet list was
  // emptied or cut short still holds its sheets, and Excel never shows an unlisted one (nor would the officer)
  const listed = new Set(sheets.flatMap((s) => rels.get(s.relId)?.target ?? []));
  const parts = new Map(sheets.map((s) => [s, rels.get(s.relId)?.external ? undefined : rels.get(s.relId)?.target]));
  const worksheetParts = [...new Set([...relatedParts(rels, 'worksheet'), ...zip.names.filter((n) => /^xl\/worksheets\/[^/]+\.xml$/i.test(n))])];
  for (const part of worksheetParts) {
    if (listed.has(part)) continue;
    const unlisted: SheetInfo = { name: part.slice(part.lastIndexOf('/') + 1).replace(/\.xml$/i, ''), state: 'veryHidden', relId: '' };
    sheets.push(unlisted);
    parts.set(unlisted, part);
  }
  if (!sheets.length) throw new DocumentError('not a valid XLSX file: it holds no sheets', 'corrupt');

  const pages = sheets.map((sheet, i): Page => {
    const part = parts.get(sheet);
    const xml = part ? zip.text(part) : undefined;
    // a listed sheet whose part is gone cannot be accounted for: not an empty sheet
    if (part && xml === undefined) throw new DocumentError(`sheet '${sheet.name}' cannot be read: its part is missing or damaged`, 'corrupt');
    const b = new PageBuilder();
    let drafts: TableDraft[] = [];
    if (xml) {
      const comments = relatedParts(readRels(zip, part!), 'comments').flatMap((p) => parseComments(zip.text(p) ?? ''));
      drafts = buildSheet(b, sheet, parseSheet(xml, book), comments);
    } else if (sheet.state !== 'visible') {
      noteHiddenSheet(b, sheet, 0);
    }
    const page = b.build(i + 1, { name: sheet.name });
    const tables = drafts.flatMap((d) => readerTable(d, page.text) ?? []);
    if (tables.length) page.tables = tables;
    return page;
  });
  return { type: 'xlsx', pages, ocrPages: [] };
}

function parseWorkbook(xml: string): { sheets: SheetInfo[]; date1904: boolean } {
  const sheets: SheetInfo[] = [];
  let date1904 = false;
  walkXml(xml, {
    open(name, a) {
      if (name === 'sheet') {
        const state = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
        sheets.push({ name: a.name ?? `Sheet${sheets.length + 1}`, state, relId: a.id ?? '' });
      } else if (name === 'workbookPr') date1904 = xmlBool(a.date1904);
    },
  });
  return { sheets, date1904 };
}

/** Shared strings: plain or rich text (runs joined); phonetic guides (rPh, furigana) are not shown in cells and left out. */
function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let parts: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  walkXml(xml, {
    open(name) {
      if (name === 'si') parts = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't') inText = parts !== null && phonetic === 0;
    },
    close(name) {
      if (name === 'si') {
        out.push(unescapeOoxml(parts!.join('')));
        parts = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(t) {
      if (inText) parts!.push(t);
    },
  });
  return out;
}

// Built-in number formats that show dates or times (ECMA-376 18.8.30; 27–36 and 50–58 are the Japanese-locale ones).
const D: DateFormat = { date: true, time: false, seconds: false, elapsed: false };
const T: DateFormat = { date: false, time: true, seconds: false, elapsed: false };
const TS: DateFormat = { ...T, seconds: true };
const BUILTIN_DATE_FORMATS: Record<number, DateFormat> = {
  14: D,
  15: D,
  16: D,
  17: D,
  18: T,
  19: TS,
  20: T,
  21: TS,
  22: { date: true, time: true, seconds: false, elapsed: false },
  27: D,
  28: D,
  29: D,
  30: D,
  31: D,
  32: T,
  33: TS,
  34: D,
  35: D,
  36: D,
  45: TS,
  46: { ...TS, elapsed: true },
  47: TS,
  50: D,
  51: D,
  52: D,
  53: D,
  54: D,
  55: D,
  56: D,
  57: D,
  58: D,
};

function parseDateStyles(xml: string): (DateFormat | null)[] {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  walkXml(xml, {
    open(name, a) {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfs.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return xfs.map((id) => (custom.has(id) ? classifyFormat(custom.get(id)!) : (BUILTIN_DATE_FORMATS[id] ?? null)));
}

/** Whether a custom format code (its first section) shows a date and/or a time. */
export function classifyFormat(code: string): DateFormat | null {
  let s = code
    .replace(/"[^"]*"/g, '') // literal text: "年", "月"
    .replace(/\\./g, '') // escaped characters
    .replace(/[_*]./g, ''); // padding and fill
  s = s.split(';')[0];
  const elapsed = /\[(?:h+|m+|s+)\]/i.test(s);
  s = s
    .replace(/\[(h+|m+|s+)\]/gi, '$1')
    .replace(/\[[^\]]*\]/g, '') // colours, conditions, locale ([$-411])
    .replace(/General/gi, '')
    .replace(/AM\/PM|A\/P/gi, '')
    .replace(/E[+-]/gi, ''); // scientific notation, not the era year 'e'
  const time = /[hs]/i.test(s);
  const date = /[ydgeb]/i.test(s) || (!time && /m/i.test(s));
  if (!date && !time) return null;
  return { date, time, seconds: /s/i.test(s), elapsed };
}

/** A date serial as Excel shows it, in the fixed form YYYY/MM/DD [HH:MM[:SS]]; null when out of range. */
export function formatSerial(serial: number, f: DateFormat, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2958466) return null;
  const total = Math.round(serial * 86400);
  const days = Math.floor(total / 86400);
  const secs = total - days * 86400;
  const hours = f.elapsed && !f.date ? Math.floor(total / 3600) : Math.floor(secs / 3600);
  const time = `${pad(hours)}:${pad(Math.floor(secs / 60) % 60)}${f.seconds ? `:${pad(secs % 60)}` : ''}`;
  if (!f.date) return time;
  let ymd: string;
  if (date1904) ymd = ymdOf(Date.UTC(1904, 0, 1) + days * 86400000);
  // Excel's 1900 system counts the non-existent 1900-02-29 (serial 60) for Lotus compatibility.
  else if (days === 60) ymd = '1900/02/29';
  else if (days === 0) ymd = '1900/01/00';
  else ymd = ymdOf(Date.UTC(1899, 11, days < 60 ? 31 : 30) + days * 86400000);
  return f.time ? `${ymd} ${time}` : ymd;
}

function ymdOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A number as Excel's General format shows it: integers whole, floats without binary noise (15 digits). */
function formatNumber(v: string): string {
  if (/^-?\d+$/.test(v)) return v;
  const n = Number(v);
  if (!Number.isFinite(n) || v.trim() === '') return v;
  return String(Number(n.toPrecision(15)));
}

function parseSheet(xml: string, book: Workbook): { rows: Row[]; hiddenCols: [number, number][]; merges: Merge[] } {
  const rows: Row[] = [];
  const hiddenCols: [number, number][] = [];
  const merges: Merge[] = [];
  let row: Row | null = null;
  let cell: { col: number; type: string; style: number } | null = null;
  let parts: string[] = [];
  let collecting = false;
  let inInline = false;
  let phonetic = 0;
  let lastCol = 0;

  const cellValue = (raw: string, type: string, style: number): string => {
    switch (type) {
      case 's':
        return raw === '' ? '' : (book.strings[Number(raw)] ?? '');
      case 'inlineStr':
        return unescapeOoxml(raw);
      case 'str':
      case 'e':
        return unescapeOoxml(raw);
      case 'b':
        return raw === '1' || raw === 'true' ? 'TRUE' : raw === '' ? '' : 'FALSE';
      case 'd':
        return raw.slice(0, 10).replace(/-/g, '/') + (raw.length > 10 && !raw.endsWith('T00:00:00') ? ' ' + raw.slice(11, 16) : '');
      default: {
        if (raw === '') return '';
        const f = book.dateStyles[style];
        return (f && formatSerial(Number(raw), f, book.date1904)) || formatNumber(raw);
      }
    }
  };

  walkXml(xml, {
    open(name, a) {
      switch (name) {
        case 'row': {
          const r = a.r ? Number(a.r) : (rows[rows.length - 1]?.r ?? 0) + 1;
          row = { r, hidden: xmlBool(a.hidden), cells: [] };
          lastCol = 0;
          break;
        }
        case 'c': {
          const col = (a.r && refCol(a.r)) || lastCol + 1;
          lastCol = col;
          cell = { col, type: a.t ?? 'n', style: Number(a.s ?? 0) };
          parts = [];
          break;
        }
        case 'v':
          collecting = cell !== null;
          break;
        case 'is':
          inInline = true;
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          collecting = inInline && phonetic === 0;
          break;
        case 'col':
          if (xmlBool(a.hidden)) hiddenCols.push([Number(a.min), Number(a.max ?? a.min)]);
          break;
        case 'mergeCell': {
          const [from, to = from] = (a.ref ?? '').split(':');
          const merge = { r0: refRow(from), c0: refCol(from), r1: refRow(to), c1: refCol(to) };
          if (merge.r0 && merge.c0 && merge.r1 >= merge.r0 && merge.c1 >= merge.c0) merges.push(merge);
          break;
        }
      }
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          collecting = false;
          break;
        case 'is':
          inInline = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c':
          if (cell && row) {
            const value = cellValue(parts.join(''), cell.type, cell.style);
            if (value !== '') row.cells.push({ col: cell.col, value });
          }
          cell = null;
          break;
        case 'row':
          if (row) rows.push(row);
          row = null;
          break;
      }
    },
    text(t) {
      if (collecting) parts.push(t);
    },
  });
  return { rows, hiddenCols, merges };
}

/** Column number (1-based) of an A1 reference, 0 when there is none. */
function refCol(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~0x20; // upper case
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (ref[i] !== '$') break;
  }
  return col;
}

function refRow(ref: string): number {
  const m = /\d+/.exec(ref);
  return m ? Number(m[0]) : 0;
}

export function columnName(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

interface Comment {
  ref: string;
  text: string;
}

function parseComments(xml: string): Comment[] {
  const out: Comment[] = [];
  let current: { ref: string; parts: string[] } | null = null;
  let inText = false;
  let phonetic = 0;
  walkXml(xml, {
    open(name, a) {
      if (name === 'comment') current = { ref: a.ref ?? '', parts: [] };
      else if (name === 'rPh') phonetic++;
      else if (name === 't') inText = current !== null && phonetic === 0;
    },
    close(name) {
      if (name === 'comment' && current) {
        out.push({ ref: current.ref, text: unescapeOoxml(current.parts.join('')) });
        current = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(t) {
      if (inText) current!.parts.push(t);
    },
  });
  return out;
}

/** Writes the sheet's rows, comments and hidden notes; returns its tables' drafts. */
function buildSheet(b: PageBuilder, sheet: SheetInfo, { rows, hiddenCols, merges }: ReturnType<typeof parseSheet>, comments: Comment[]): TableDraft[] {
  const content = rows.filter((r) => r.cells.length).sort((x, y) => x.r - y.r);
  let firstCol = Infinity; // tables that start in column C should not begin every line with two tabs
  for (const r of content) for (const c of r.cells) firstCol = Math.min(firstCol, c.col);
  for (const row of content) row.cells.sort((x, y) => x.col - y.col);
  const usedCols = new Set<number>();
  const merged = new Map(merges.map((m) => [`${m.r0}:${m.c0}`, m]));
  const starts = tableStarts(content, merges);
  let draft = new TableDraft();
  const drafts = [draft];
  content.forEach((row, i) => {
    if (i > 0 && starts.has(i)) {
      // a blank line keeps two tables apart
      b.separator('\n');
      drafts.push((draft = new TableDraft()));
    }
    if (i > 0) b.separator('\n');
    draft.row(b.offset);
    let at = firstCol;
    for (const cell of row.cells) {
      // one tab per column step, so empty cells keep their place
      if (cell.col > at) b.separator('\t'.repeat(cell.col - at));
      at = cell.col;
      usedCols.add(cell.col);
      const start = b.offset;
      addCellText(b, cell.value, (offset) => ({ type: 'cell', sheet: sheet.name, row: row.r, col: cell.col, offset }));
      const m = merged.get(`${row.r}:${cell.col}`);
      // a merged cell spans the rows of its table that it covers
      let rowSpan = 1;
      if (m) while (i + rowSpan < content.length && !starts.has(i + rowSpan) && content[i + rowSpan].r <= m.r1) rowSpan++;
      draft.cell(cell.col - firstCol, start, b.offset, m ? m.c1 - m.c0 + 1 : 1, rowSpan);
    }
    if (b.offset > MAX_SHEET_CHARS) throw new DocumentError(`sheet '${sheet.name}' is too large to scan (more than ${MAX_SHEET_CHARS / 1048576} M characters of text)`, 'too-large');
  });

  const hiddenRows = content.filter((r) => r.hidden).map((r) => r.r);
  if (hiddenRows.length) {
    b.hidden.push({ kind: 'hidden-rows', detail: `sheet '${sheet.name}': hidden rows ${ranges(hiddenRows, String)} are included` });
  }
  const hiddenColumns = [...usedCols].filter((c) => hiddenCols.some(([lo, hi]) => c >= lo && c <= hi)).sort((x, y) => x - y);
  if (hiddenColumns.length) {
    b.hidden.push({ kind: 'hidden-columns', detail: `sheet '${sheet.name}': hidden columns ${ranges(hiddenColumns, columnName)} are included` });
  }

  if (comments.length) {
    b.newline();
    const start = b.offset;
    comments.forEach((c, i) => {
      if (i > 0) b.separator('\n');
      b.separator(`comment ${c.ref}: `);
      const row = refRow(c.ref);
      const col = refCol(c.ref);
      addCellText(b, c.text, (offset) => ({ type: 'cell', sheet: sheet.name, row, col, offset, part: 'comment' }));
    });
    b.hidden.push({ kind: 'comments', detail: `sheet '${sheet.name}' has ${comments.length} cell comment${comments.length === 1 ? '' : 's'} (listed after the rows)`, start, end: b.offset });
  }
  if (sheet.state !== 'visible') noteHiddenSheet(b, sheet, content.length);
  return drafts;
}

/**
 * The rows (indexes into `content`) that start a table: the first, and one
 * after blank rows (not rows a merged cell covers) when a header row starts
 * what follows (within its first three rows: a title may stand above it).
 * Otherwise the rows after a blank row continue the table above (a blank row
 * between groups of one list).
 */
function tableStarts(content: readonly Row[], merges: readonly Merge[]): Set<number> {
  const starts = new Set<number>([0]);
  for (let i = 1; i < content.length; i++) {
    const above = content[i - 1].r;
    const r = content[i].r;
    if (r === above + 1 || merges.some((m) => m.r0 <= above && m.r1 >= r - 1)) continue;
    for (let k = i; k < Math.min(i + 3, content.length) && (k === i || content[k].r === content[k - 1].r + 1); k++) {
      const values = content[k].cells.map((c) => c.value);
      if (values.length < 2) continue;
      if (isHeaderRow(values, true)) starts.add(i);
      break;
    }
  }
  return starts;
}

function noteHiddenSheet(b: PageBuilder, sheet: SheetInfo, rows: number): void {
  const note: HiddenNote =
    sheet.state === 'veryHidden'
      ? { kind: 'very-hidden-sheet', detail: `sheet '${sheet.name}' is very hidden (cannot be unhidden from Excel's menus) and holds ${rows} row${rows === 1 ? '' : 's'} of data` }
      : { kind: 'hidden-sheet', detail: `sheet '${sheet.name}' is hidden and holds ${rows} row${rows === 1 ? '' : 's'} of data` };
  b.hidden.unshift({ ...note, start: 0, end: b.offset });
}

/** "3, 5–7, 10" from sorted numbers; long lists are cut. */
function ranges(sorted: number[], label: (n: number) => string): string {
  const out: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(i === j ? label(sorted[i]) : `${label(sorted[i])}–${label(sorted[j])}`);
    i = j + 1;
  }
  return out.length > 20 ? `${out.slice(0, 20).join(', ')}, …` : out.join(', ');
}
