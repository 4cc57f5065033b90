// Writes a page's lines onto a PageBuilder in reading order, with the tables
// that layout analysis found written the way every other reader writes them:
// one line per row, cells separated by tabs, and a Table in the page's model.
import type { PageBuilder } from '../core/document.ts';
import { TableDraft, tableOf, type Table } from '../core/tables.ts';
import { analyseLayout, type Block, type LayoutOptions, type TableRow } from './analyse.ts';
import { chunkText } from './chunks.ts';
import { columnHeaders as headersOf } from './headers.ts';
import type { Chunk, LayoutLine } from './types.ts';

export interface WriteOptions extends LayoutOptions {
  /** infer tables (false: every line as prose, e.g. vertical writing) */
  tables?: boolean;
}

/** Writes `lines` (top to bottom) and returns the tables written. */
export function writeLayout(b: PageBuilder, lines: readonly LayoutLine[], options: WriteOptions = {}): Table[] {
  const blocks: Block[] = options.tables === false ? lines.map((line) => ({ type: 'prose', line })) : analyseLayout(lines, options);
  const tables: Table[] = [];
  let previous: Block['type'] | undefined;
  for (const block of blocks) {
    if (block.type === 'prose') writeProse(b, block.line.pieces);
    else if (block.type === 'text-columns') for (const column of block.columns) for (const line of column) writeProse(b, line.pieces);
    else {
      b.newline();
      // two tables in a row: a blank line keeps their rows apart
      if (previous === 'table') b.separator('\n');
      tables.push(writeTable(b, block));
    }
    previous = block.type;
  }
  return tables;
}

function writeProse(b: PageBuilder, pieces: LayoutLine['pieces']): void {
  b.newline();
  pieces.forEach((p, i) => {
    if (i > 0 && p.spaceBefore) b.separator(' ');
    b.add(p.text, p.source);
  });
}

function writeChunk(b: PageBuilder, chunk: Chunk): void {
  chunk.pieces.forEach((p, i) => {
    if (i > 0 && p.spaceBefore) b.separator(' ');
    b.add(p.text, p.source);
  });
}

/** How close (in ems) to its cell's edge a line runs when it was filled. */
const FILLED = 0.6;
/** Two values of one shape (S10.09.09 / S13.01.31, 要介護4 / 要介護1, コンノ ショウゾウ / コンノ ユキ): as long, digits for digits, or two words each. */
function alike(a: string, b: string): boolean {
  const shape = (s: string) => s.replace(/\d/g, '0').replace(/[A-Za-z]/g, 'a');
  const twoWords = /^\S+[ 　]\S+$/u;
  return a.length === b.length || shape(a) === shape(b) || (twoWords.test(a) && twoWords.test(b));
}

const CJK = /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
/** A line of kana only, words set apart by spaces: a name's reading. */
const READING = /^[ァ-ヶーぁ-ゖ]+(?:[ 　][ァ-ヶーぁ-ゖ]+)*$/u;

/**
 * What joins the text of a cell's line to its next line: nothing inside
 * Japanese text (but a space before a name's reading set under it), or where one long token (an e-mail, URL or ID, with a digit
 * or a mark in it) was cut at the cell's edge; a space where words wrapped.
 */
function lineJoin(lineText: string, after: string, emsToEdge: number): string {
  const a = lineText[lineText.length - 1] ?? ' ';
  const z = after[0] ?? ' ';
  const filledToEdge = emsToEdge <= FILLED;
  // a line of kana alone under a name in kanji is its reading, a value of its own (佐伯 真理子 / サエキ マリコ)
  if (/[\p{Script=Han}々]/u.test(lineText) && READING.test(after) && /[ 　]/.test(lineText + after)) return ' ';
  // (Japanese wraps at any character, so a wrapped line runs to the cell's edge: one that stops well short of it was
  // ended on purpose, see stackedLines)
  if (CJK.test(a) && CJK.test(z)) return '';
  // a token broken after its hyphen or dot (+81-80-7738- / 8204, name@host- / sys.co.jp), or before its hyphen
  // (090-6634 / -2587: a number wrapped in a note that filled its line)
  if (/[-./@_]/.test(a) && /[\w]/.test(z) && !/\s/.test(lineText)) return '';
  if (/\d/.test(a) && /^-\d/.test(after) && filledToEdge) return '';
  const token = /[\w@.\-/:%#]/;
  // (a plain word that fills its line is a word that wrapped: wheelchair / user; a cut token shows a digit or a mark)
  const tokenLike = /[\d@.\-/:%#_]/.test(lineText + after.split(/\s/)[0]);
  return filledToEdge && !/\s/.test(lineText) && token.test(a) && token.test(z) && tokenLike ? '' : ' ';
}

function writeTable(b: PageBuilder, block: Extract<Block, { type: 'table' }>): Table {
  const { columns, rows, headerRows } = block;
  const draft = new TableDraft();
  rows.forEach((row, r) => {
    b.newline();
    draft.row(b.offset);
    const byColumn = cellChunks(row, columns.length);
    const stacked = stackedLines(byColumn, columns);
    // a row of one cell (a label set across the middle of the rows it names) still reads as a row: a tab after it
    const last = Math.max(
      1,
      byColumn.findLastIndex((c) => c.length > 0),
    );
    for (let col = 0; col <= last; col++) {
      if (col > 0) b.separator('\t');
      const cellStart = b.offset;
      // the cell's text on its current line, to judge how the next line joins it
      let lineText = '';
      byColumn[col].forEach(({ chunk, line, em }, k) => {
        const t = chunkText(chunk);
        if (k > 0) {
          const prev = byColumn[col][k - 1];
          const sameLine = prev.line === line;
          const emsToEdge = (columns[col][1] - prev.chunk.x1) / em;
          // (in a row of stacked records a line filled to the edge may still have wrapped, unless it is alike the next: 男 / 女)
          const parted = stacked.has(line) && (emsToEdge > FILLED || alike(lineText, t));
          const join = sameLine || parted ? ' ' : lineJoin(lineText, t, emsToEdge);
          b.separator(join);
          lineText = sameLine ? lineText + join : '';
        }
        writeChunk(b, chunk);
        lineText += t;
      });
      if (b.offset > cellStart) {
        const span = row.lines.flatMap((l) => l.chunks.filter((c) => c.col === col)).reduce((n, c) => Math.max(n, c.span.length), 1);
        draft.cell(col, cellStart, b.offset, r < headerRows ? span : 1);
      }
    }
  });
  const columnHeaders = headerRows ? headersOf(rows.slice(0, headerRows), columns) : [];
  return tableOf(draft, { headerRows, columnHeaders, columns: columns.length, columnEdges: columns });
}

/**
 * The lines of a row that begin another record set under the first (a household's second member: 今野 昭三 / 今野 ユキ,
 * Ann Lee / Bo Lee), seen where a cell's line stops short of its edge by more than the next line's first word would
 * have taken (a Japanese line may break at any character but two: a closing mark is never set first). In every cell
 * of the row the break before such a line parts two values (男 / 女, S10.09.09 / S13.01.31), even where each value
 * fills its cell.
 */
function stackedLines(byColumn: { chunk: Chunk; line: LayoutLine; em: number }[][], columns: [number, number][]): Set<LayoutLine> {
  const out = new Set<LayoutLine>();
  byColumn.forEach((cell, col) => {
    for (let k = 1; k < cell.length; k++) {
      const prev = cell[k - 1];
      const next = cell[k];
      if (prev.line === next.line) continue;
      const text = chunkText(next.chunk);
      if (!text) continue;
      const charWidth = (next.chunk.x1 - next.chunk.x0) / text.length;
      const firstWord = CJK.test(text[0]) ? 2 : (/^\S+/.exec(text)?.[0].length ?? 1);
      // (and half an em more: a space before the word, and room for how the widths were guessed)
      if (columns[col][1] - prev.chunk.x1 > firstWord * charWidth + 0.5 * prev.em) out.add(next.line);
    }
  });
  return out;
}

/** The chunks of each column of a row, top to bottom and left to right. */
function cellChunks(row: TableRow, columns: number): { chunk: Chunk; line: LayoutLine; em: number }[][] {
  const out: { chunk: Chunk; line: LayoutLine; em: number }[][] = Array.from({ length: columns }, () => []);
  for (const { line, chunks } of row.lines) {
    for (const c of [...chunks].sort((p, q) => p.chunk.x0 - q.chunk.x0)) out[c.col].push({ chunk: c.chunk, line, em: line.size });
  }
  return out;
}
