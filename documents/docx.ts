// DOCX reader: one page holding, in order, the headers, the body, footnotes,
// endnotes, footers and comments. Paragraphs are lines; tables are rows of
// tab-separated cells (paragraphs and breaks inside a cell become spaces).
// Tracked deletions (w:delText) and text formatted as hidden (w:vanish) are
// included, because they are in the file whoever receives it, and reported.
//
// Segment offsets: `offset` counts characters in the part's text stream, the
// concatenation in document order of every w:t and w:delText element's text.
//
// Each table (not one nested in a cell, nor one in a comment) is a table of the
// page: a cell is written in the grid column it stands in (after w:gridBefore,
// and after the columns a w:gridSpan cell before it covers), a vertical merge
// (w:vMerge) is one cell spanning its rows; rows repeated as header on each
// page (w:tblHeader) are its header rows when they read as such
// (documents/tables.ts), else its first row when it does.
import { DocumentError, PageBuilder, type SumiDocument } from '../core/document.ts';
import { TableDraft, type TableCell } from '../core/tables.ts';
import { addCellText, LineWriter } from './add-source-text.ts';
import { readerTable } from './tables.ts';
import { walkXml, xmlBool } from './xml.ts';
import { mainPart, readRels, relatedParts, ZipArchive } from './zip.ts';

interface Findings {
  deletions: string[];
  vanished: string[];
  comments: number;
  tables: DocxTable[];
}

/** A table being read: its draft, the rows marked as header, and the grid of its current row. */
interface DocxTable {
  draft: TableDraft;
  marked: Set<number>;
  width: number;
  /** the grid column of the row's next cell, and the tabs written on the row */
  cursor: number;
  tabs: number;
  /** per grid column: the cell a vertical merge started in, to span the rows it continues into */
  merges: Map<number, TableCell | undefined>;
  cell: { col: number; start: number; span: number; merge: 'restart' | 'continue' | null } | null;
}

export function readDocx(bytes: Uint8Array): SumiDocument {
  const zip = new ZipArchive(bytes, 'DOCX');
  const docPath = mainPart(zip) ?? (zip.has('word/document.xml') ? 'word/document.xml' : undefined);
  const docXml = docPath && zip.text(docPath);
  if (!docPath || !docXml) throw new DocumentError('not a valid DOCX file: it has no document body', 'corrupt');
  const rels = readRels(zip, docPath);
  const parts = (kind: string) => relatedParts(rels, kind).sort(byNumber);

  const b = new PageBuilder();
  const w = new LineWriter(b);
  const found: Findings = { deletions: [], vanished: [], comments: 0, tables: [] };
  const read = (part: string, xml = zip.text(part)) => {
    if (!xml) return;
    w.newline();
    readPart(w, part, xml, found);
  };
  for (const p of parts('header')) read(p);
  read(docPath, docXml);
  for (const p of [...parts('footnotes'), ...parts('endnotes'), ...parts('footer')]) read(p);

  const comments = parts('comments');
  if (comments.length) {
    w.newline();
    const start = w.offset;
    for (const p of comments) read(p);
    if (found.comments) {
      b.hidden.push({ kind: 'comments', detail: `${found.comments} comment${found.comments === 1 ? '' : 's'} in the margin, listed at the end`, start, end: w.offset });
    }
  }
  if (found.deletions.length) {
    const n = found.deletions.length;
    b.hidden.push({
      kind: 'tracked-deletions',
      detail: `${n} tracked deletion${n === 1 ? '' : 's'} (text deleted with Track Changes on, still in the file) included, e.g. "${sample(found.deletions)}"`,
    });
  }
  if (found.vanished.length) {
    b.hidden.push({ kind: 'hidden-element', detail: `text formatted as hidden in Word is included, e.g. "${sample(found.vanished)}"` });
  }
  const page = b.build(1);
  const tables = found.tables.flatMap((t) => readerTable(t.draft, page.text, { marked: (row) => t.marked.has(row), columns: t.width }) ?? []);
  if (tables.length) page.tables = tables;
  return { type: 'docx', pages: [page], ocrPages: [] };
}

function sample(texts: string[]): string {
  const s = texts.join(' ').replace(/\s+/g, ' ').trim();
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

/** header2.xml after header1.xml, header10.xml after header9.xml */
function byNumber(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

function readPart(w: LineWriter, part: string, xml: string, found: Findings): void {
  let stream = 0; // offset in the part's text stream
  let collecting = false;
  let parts: string[] = [];
  let skip = 0; // inside mc:Fallback: a duplicate of the mc:Choice content
  let tableDepth = 0;
  let table: DocxTable | null = null;
  let deleted = 0;
  let inPPr = false;
  let inRunPr = false;
  let inTabs = false;
  let runHidden = false;
  let lastDeleted = false;
  let comment = false;

  // Inside a table cell or a comment everything stays on one line.
  const oneLine = () => tableDepth > 0 || comment;

  const emit = (text: string, offset: number, isDeleted: boolean) => {
    // a deleted run next to the text that replaced it ("山田" → "田中") gets a space between
    if (isDeleted !== lastDeleted) w.space();
    lastDeleted = isDeleted;
    const source = (o: number) => ({ type: 'docx' as const, part, offset: offset + o });
    if (oneLine()) addCellText(w, text, source);
    else w.add(text, source(0));
  };

  const lineBreak = (ch: '\t' | '\n') => {
    if (skip) return;
    if (oneLine()) w.space();
    else if (ch === '\t') w.separator('\t');
    else w.newline();
  };

  walkXml(xml, {
    open(name, a) {
      if (name === 'Fallback') skip++;
      if (name === 't' || name === 'delText') {
        collecting = true;
        parts = [];
      }
      if (skip) return;
      switch (name) {
        case 'p':
          if (oneLine()) w.space();
          else w.newline();
          lastDeleted = false;
          break;
        case 'tbl':
          if (++tableDepth === 1 && !comment) {
            w.newline();
            table = { draft: new TableDraft(), marked: new Set(), width: 0, cursor: 0, tabs: 0, merges: new Map(), cell: null };
            found.tables.push(table);
          }
          break;
        case 'tr':
          if (tableDepth === 1 && table) {
            w.newline();
            table.draft.row(w.offset);
            table.cursor = 0;
            table.tabs = 0;
          }
          break;
        case 'tblHeader':
          if (tableDepth === 1 && table && xmlBool(a.val, true)) table.marked.add(table.draft.rows - 1);
          break;
        case 'gridBefore':
          if (tableDepth === 1 && table) table.cursor = Math.max(0, Number(a.val) || 0);
          break;
        case 'tc':
          // only the outer table's cells get tabs; a nested table's cells are spaces
          if (tableDepth === 1 && table) {
            const col = table.cursor;
            if (col > table.tabs) w.separator('\t'.repeat(col - table.tabs));
            else w.space();
            table.tabs = col;
            table.cell = { col, start: w.offset, span: 1, merge: null };
            table.cursor = col + 1;
          } else w.space();
          break;
        case 'gridSpan':
          if (tableDepth === 1 && table?.cell) {
            table.cell.span = Math.min(Math.max(1, Number(a.val) || 1), 1000);
            table.cursor = table.cell.col + table.cell.span;
          }
          break;
        case 'vMerge':
          if (tableDepth === 1 && table?.cell) table.cell.merge = a.val === 'restart' ? 'restart' : 'continue';
          break;
        case 'pPr':
          inPPr = true;
          break;
        case 'rPr':
          inRunPr = !inPPr;
          break;
        case 'r':
          runHidden = false;
          break;
        case 'vanish':
          if (inRunPr && xmlBool(a.val, true)) runHidden = true;
          break;
        case 'del':
          deleted++;
          break;
        case 'tabs':
          inTabs = true; // tab stop definitions, not tab characters
          break;
        case 'tab':
        case 'ptab':
          if (!inTabs) lineBreak('\t');
          break;
        case 'br':
        case 'cr':
          lineBreak('\n');
          break;
        case 'noBreakHyphen':
          w.separator('-');
          break;
        case 'rt':
          w.space(); // ruby (furigana) shown above its base text: "山田 やまだ", not "山田やまだ"
          break;
        case 'comment':
          w.newline();
          w.separator(`comment ${++found.comments}: `);
          comment = true;
          break;
      }
    },
    close(name) {
      if (name === 't' || name === 'delText') {
        const text = parts.join('');
        if (!skip && text) {
          emit(text, stream, name === 'delText' || deleted > 0);
          if (name === 'delText') found.deletions.push(text);
          else if (runHidden) found.vanished.push(text);
        }
        stream += text.length;
        collecting = false;
      }
      if (name === 'Fallback') {
        skip--;
        return;
      }
      if (skip) return;
      switch (name) {
        case 'p':
          if (!oneLine()) w.newline();
          break;
        case 'tc':
          if (tableDepth === 1 && table?.cell) {
            const { col, start, span, merge } = table.cell;
            table.cell = null;
            table.width = Math.max(table.width, col + span);
            const above = table.merges.get(col);
            // a cell that continues a vertical merge is part of the cell it started in
            if (merge === 'continue' && above) above.rowSpan++;
            else if (merge !== 'continue' || w.offset > start) {
              const cell = table.draft.cell(col, start, w.offset, span);
              table.merges.set(col, merge === 'restart' ? cell : undefined);
            }
          }
          break;
        case 'tr':
          if (tableDepth === 1 && table) w.newline();
          break;
        case 'tbl':
          if (--tableDepth === 0 && !comment) {
            w.newline();
            table = null;
          }
          break;
        case 'pPr':
          inPPr = false;
          break;
        case 'rPr':
          inRunPr = false;
          break;
        case 'del':
          deleted--;
          break;
        case 'tabs':
          inTabs = false;
          break;
        case 'rt':
          w.space();
          break;
        case 'comment':
          comment = false;
          w.newline();
          break;
      }
    },
    text(t) {
      if (collecting) parts.push(t);
    },
  });
}
