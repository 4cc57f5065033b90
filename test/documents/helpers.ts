// Builders for real XLSX / DOCX files (zipped XML written in the test) and
// checks shared by the reader tests.
import { strToU8, zipSync } from 'fflate';
import { expect } from 'vitest';
import type { Page, SourceRef } from '../../core/document.ts';
import type { Table } from '../../core/tables.ts';

export { SHARED_CORPUS as CORPUS } from '../shared-dir.ts';

export function zip(files: Record<string, string | Uint8Array>): Uint8Array {
  const data: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(files)) data[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(data, { level: 6 });
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_MAIN_X = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function rels(items: { id: string; type: string; target: string }[]): string {
  return `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items
    .map((r) => `<Relationship Id="${r.id}" Type="${REL}/${r.type}" Target="${r.target}"/>`)
    .join('')}</Relationships>`;
}

export interface SheetSpec {
  name: string;
  state?: 'hidden' | 'veryHidden';
  /** inner XML of <worksheet> (sheetData, cols …) */
  body: string;
  /** inner XML of <commentList> */
  comments?: string;
}

export function buildXlsx(spec: { sheets: SheetSpec[]; sharedStrings?: string; styles?: string; workbookPr?: string }): Uint8Array {
  const files: Record<string, string> = {
    '[Content_Types].xml': `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    '_rels/.rels': rels([{ id: 'rId1', type: 'officeDocument', target: 'xl/workbook.xml' }]),
  };
  const wbRels = spec.sheets.map((_, i) => ({ id: `rId${i + 1}`, type: 'worksheet', target: `worksheets/sheet${i + 1}.xml` }));
  if (spec.sharedStrings) wbRels.push({ id: 'rIdS', type: 'sharedStrings', target: 'sharedStrings.xml' });
  if (spec.styles) wbRels.push({ id: 'rIdT', type: 'styles', target: '/xl/styles.xml' }); // absolute target on purpose
  files['xl/_rels/workbook.xml.rels'] = rels(wbRels);
  files['xl/workbook.xml'] =
    `${XML}<workbook xmlns="${NS_MAIN_X}" xmlns:r="${REL}">${spec.workbookPr ?? ''}<sheets>` +
    spec.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('') +
    '</sheets></workbook>';
  if (spec.sharedStrings) files['xl/sharedStrings.xml'] = `${XML}<sst xmlns="${NS_MAIN_X}">${spec.sharedStrings}</sst>`;
  if (spec.styles) files['xl/styles.xml'] = `${XML}<styleSheet xmlns="${NS_MAIN_X}">${spec.styles}</styleSheet>`;
  spec.sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = `${XML}<worksheet xmlns="${NS_MAIN_X}" xmlns:r="${REL}">${s.body}</worksheet>`;
    if (s.comments) {
      files[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] = rels([{ id: 'rId1', type: 'comments', target: `../comments${i + 1}.xml` }]);
      files[`xl/comments${i + 1}.xml`] = `${XML}<comments xmlns="${NS_MAIN_X}"><authors><author>職員A</author></authors><commentList>${s.comments}</commentList></comments>`;
    }
  });
  return zip(files);
}

/** A DOCX from body XML (inside <w:body>) and optional extra parts (inner XML of their root element). */
export function buildDocx(spec: { body: string; header?: string; footer?: string; footnotes?: string; comments?: string }): Uint8Array {
  const w = `xmlns:w="${NS_W}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`;
  const files: Record<string, string> = {
    '[Content_Types].xml': `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    '_rels/.rels': rels([{ id: 'rId1', type: 'officeDocument', target: 'word/document.xml' }]),
    'word/document.xml': `${XML}<w:document ${w}><w:body>${spec.body}</w:body></w:document>`,
  };
  const docRels: { id: string; type: string; target: string }[] = [];
  if (spec.header !== undefined) {
    docRels.push({ id: 'rIdH', type: 'header', target: 'header1.xml' });
    files['word/header1.xml'] = `${XML}<w:hdr ${w}>${spec.header}</w:hdr>`;
  }
  if (spec.footer !== undefined) {
    docRels.push({ id: 'rIdF', type: 'footer', target: 'footer1.xml' });
    files['word/footer1.xml'] = `${XML}<w:ftr ${w}>${spec.footer}</w:ftr>`;
  }
  if (spec.footnotes !== undefined) {
    docRels.push({ id: 'rIdN', type: 'footnotes', target: 'footnotes.xml' });
    files['word/footnotes.xml'] = `${XML}<w:footnotes ${w}>${spec.footnotes}</w:footnotes>`;
  }
  if (spec.comments !== undefined) {
    docRels.push({ id: 'rIdC', type: 'comments', target: 'comments.xml' });
    files['word/comments.xml'] = `${XML}<w:comments ${w}>${spec.comments}</w:comments>`;
  }
  files['word/_rels/document.xml.rels'] = rels(docRels);
  return zip(files);
}

/** Segments are sorted, non-overlapping, non-empty and inside the text. */
export function expectWellFormed(page: Page): void {
  let last = 0;
  for (const s of page.segments) {
    expect(s.start).toBeGreaterThanOrEqual(last);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(page.text.length);
    last = s.end;
  }
  for (const h of page.hidden) {
    if (h.start !== undefined) expect(h.end!).toBeGreaterThanOrEqual(h.start);
  }
}

/** Every segment's text is the source text at its offset, as `sourceText` finds it. */
export function expectSegmentsMatch(page: Page, sourceText: (source: SourceRef) => string | undefined): void {
  expectWellFormed(page);
  for (const s of page.segments) {
    const text = sourceText(s.source);
    expect(text, `source of ${JSON.stringify(s.source)}`).toBeDefined();
    const offset = s.source.offset;
    expect(text!.slice(offset, offset + (s.end - s.start)), JSON.stringify(s.source)).toBe(page.text.slice(s.start, s.end));
  }
}

/** Decodes the five XML entities and numeric references, for reading test XML independently of the reader. */
export function xmlUnescape(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * The page's tables as grids of cell texts ('' where no cell), each checked
 * against the page text: a cell is an exact range of it inside its table, on
 * one line, never overlapping another; header rows come first; the body
 * starts on a line of its own.
 */
export function tableGrids(page: Page): string[][][] {
  return (page.tables ?? []).map((table) => {
    expectWellFormedTable(page.text, table);
    const grid: string[][] = Array.from({ length: table.rows }, () => Array<string>(table.columns).fill(''));
    for (const c of table.cells) grid[c.row][c.col] = page.text.slice(c.start, c.end);
    return grid;
  });
}

function expectWellFormedTable(text: string, table: Table): void {
  expect(table.start).toBeLessThanOrEqual(table.bodyStart);
  expect(table.bodyStart).toBeLessThanOrEqual(table.end);
  expect(table.end).toBeLessThanOrEqual(text.length);
  expect(table.start === 0 || text[table.start - 1] === '\n', 'a table starts a line').toBe(true);
  expect(table.bodyStart === table.start || table.bodyStart === table.end || text[table.bodyStart - 1] === '\n', 'the body starts a line').toBe(true);
  expect(table.headerRows).toBeLessThanOrEqual(table.rows);
  expect(table.columnHeaders).toHaveLength(table.columns);
  let last = table.start;
  for (const c of [...table.cells].sort((a, b) => a.start - b.start)) {
    expect(c.start).toBeGreaterThanOrEqual(last);
    expect(c.end).toBeGreaterThan(c.start);
    expect(c.end).toBeLessThanOrEqual(table.end);
    expect(c.row + c.rowSpan).toBeLessThanOrEqual(table.rows);
    expect(c.col + c.colSpan).toBeLessThanOrEqual(table.columns);
    expect(text.slice(c.start, c.end)).not.toMatch(/[\t\n]/);
    // header cells before the body, body cells after its start
    expect(c.row < table.headerRows ? c.end <= table.bodyStart : c.start >= table.bodyStart).toBe(true);
    last = c.end;
  }
}

/**
 * The two header rows the reader tests write in each format: 職員 spanning the
 * columns of 氏名 and フリガナ, 所属 spanning both rows; and what each column's
 * header then says.
 */
export const STAFF_HEADER = {
  rows: [
    ['職員', '', '所属', '連絡先'],
    ['氏名', 'フリガナ', '', '電話'],
  ],
  columnHeaders: ['職員 氏名', '職員 フリガナ', '所属', '連絡先 電話'],
};

/** Where the cells of a table that span rows or columns stand, and how far. */
export function spans(table: Table): { row: number; col: number; rowSpan: number; colSpan: number }[] {
  return table.cells.filter((c) => c.colSpan > 1 || c.rowSpan > 1).map(({ row, col, rowSpan, colSpan }) => ({ row, col, rowSpan, colSpan }));
}
