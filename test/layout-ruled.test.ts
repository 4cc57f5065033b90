// Ruled tables (lattice mode): the rules a PDF page draws are read from its
// drawing operations (documents/pdf-rules.ts), and where they cross a table
// they border its rows and columns (layout/rules.ts): a word processor's table
// with little padding sets a wrapped cell's lines as close as the next row's,
// and two cells' text may stand closer than any gutter.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../documents/pdf.ts';
import { pageRules } from '../documents/pdf-rules.ts';
import { mergeRules } from '../layout/rules.ts';
import { loadPdfjsNode, nodePdfjsAssets, nodePlatform } from '../platform/node.ts';
import type { Page } from '../core/document.ts';
import type { Table } from '../core/tables.ts';
import { scanDocument } from '../pipeline/scan.ts';
import { buildTablePdf, type TableSpec } from './fixtures/table-pdf.ts';

function grid(page: Page, table: Table): string[][] {
  const rows: string[][] = Array.from({ length: table.rows }, () => Array.from({ length: table.columns }, () => ''));
  for (const c of table.cells) rows[c.row][c.col] = page.text.slice(c.start, c.end);
  return rows;
}

// rows one line apart, as close as a wrapped cell's lines
const SUPPORT_LIST: TableSpec = {
  columns: [40, 70, 150, 290, 380],
  header: [['No', 'Name', 'Address', 'Phone', 'Remarks']],
  rows: [
    ['1', 'Yamada\nTaro', '1-2-3 Chuo,\nKita-ku, Sapporo', '011-222-3333', 'wheelchair\nuser'],
    ['2', 'Suzuki Hanako', '4-5-6 Minami,\nHakata-ku,\nFukuoka', '092-111-2222', 'diabetes'],
    ['3', 'Ito\nKenichi', '7-8 Nishi,\nAoba-ku, Sendai', '022-333-4444', 'dementia,\nlives alone'],
    ['4', 'Kato Yumi', '9-1 Higashi, Naka-ku', '052-444-5555', 'hearing\nloss'],
  ],
  padding: 1,
};

describe('rules drawn on a PDF page', () => {
  it('are read from the drawing operations, each border once, in layout coordinates', async () => {
    const pdfjs = await loadPdfjsNode();
    const bytes = await buildTablePdf({ pages: [[{ table: { ...SUPPORT_LIST, ruled: true } }]] });
    const doc = await pdfjs.getDocument({ data: bytes, ...nodePdfjsAssets() }).promise;
    const rules = mergeRules(await pageRules(await doc.getPage(1), pdfjs));
    // the fixture draws a vertical rule 4 points left of each column and one at the right margin
    expect(rules.vertical.map((r) => Math.round(r.x))).toEqual([36, 66, 146, 286, 376, 555]);
    // a rule above the header, one under it and one under each row
    expect(rules.horizontal).toHaveLength(2 + SUPPORT_LIST.rows.length);
    for (const r of rules.horizontal) expect([Math.round(r.x0), Math.round(r.x1)]).toEqual([36, 555]);
    // y grows down the page, as lines' top and bottom do
    const ys = rules.horizontal.map((r) => r.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    await doc.destroy();
  });

  it('take nothing from a page of text, and leave out a curve and a glyph-sized stroke', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([400, 400]);
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    page.drawText('Plain prose with no table at all.', { x: 40, y: 300, size: 11, font });
    page.drawCircle({ x: 200, y: 200, size: 40, borderWidth: 1 });
    page.drawLine({ start: { x: 40, y: 100 }, end: { x: 44, y: 100 }, thickness: 0.5 });
    const pdfjs = await loadPdfjsNode();
    const doc = await pdfjs.getDocument({ data: await pdf.save(), ...nodePdfjsAssets() }).promise;
    const rules = await pageRules(await doc.getPage(1), pdfjs);
    expect(rules).toEqual({ horizontal: [], vertical: [] });
    await doc.destroy();
  });
});

describe('rules merged', () => {
  it('into one rule where a scan found it in pieces, a little skewed and once per pixel row, and keep two rows apart', () => {
    const pieces = [
      { y: 42, x0: 497, x1: 550 },
      { y: 44, x0: 318, x1: 362 },
      { y: 44.4, x0: 441, x1: 499 },
      { y: 46, x0: 141, x1: 186 },
      { y: 47, x0: 186, x1: 312 },
      { y: 49, x0: 90, x1: 141 },
      { y: 45.5, x0: 360, x1: 442 },
      { y: 78, x0: 90, x1: 550 },
    ];
    const { horizontal } = mergeRules({ horizontal: pieces, vertical: [] });
    expect(horizontal.map((r) => [Math.round(r.x0), Math.round(r.x1)])).toEqual([
      [90, 550],
      [90, 550],
    ]);
    expect(horizontal[0].y).toBeGreaterThan(42);
    expect(horizontal[0].y).toBeLessThan(49);
  });
});

describe('a ruled table', () => {
  it('takes its rows from its rules: each row is every line between two rules, however close they stand', async () => {
    const doc = await readPdf(await buildTablePdf({ pages: [[{ prose: ['Support list'] }, { table: { ...SUPPORT_LIST, ruled: true } }]] }), nodePlatform.pdfjs);
    const [page] = doc.pages;
    expect(page.tables).toHaveLength(1);
    const table = page.tables![0];
    expect(table.columnHeaders).toEqual(['No', 'Name', 'Address', 'Phone', 'Remarks']);
    expect(grid(page, table).slice(1)).toEqual([
      ['1', 'Yamada Taro', '1-2-3 Chuo, Kita-ku, Sapporo', '011-222-3333', 'wheelchair user'],
      ['2', 'Suzuki Hanako', '4-5-6 Minami, Hakata-ku, Fukuoka', '092-111-2222', 'diabetes'],
      ['3', 'Ito Kenichi', '7-8 Nishi, Aoba-ku, Sendai', '022-333-4444', 'dementia, lives alone'],
      ['4', 'Kato Yumi', '9-1 Higashi, Naka-ku', '052-444-5555', 'hearing loss'],
    ]);
    const names = scanDocument(doc)
      .filter((f) => f.kind === 'person-name')
      .map((f) => f.text);
    expect(names).toEqual(['Yamada Taro', 'Suzuki Hanako', 'Ito Kenichi', 'Kato Yumi']);
  });

  it('is cut at a rule where its cells hold text too close for a gutter, its header row too', async () => {
    // each column's text ends half a point before the rule: the gap to the next cell is under half an em
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const size = 12;
    const rows = [
      ['Account', 'Password', 'Owner'],
      ['svc-backup01', 'Bk7#mQ2xLp', 'Naomi Fields'],
      ['svc-report02', 'Rp4$wZ8nTe', 'Oscar Lund'],
      ['svc-archive3', 'Ar9!kV3sWq', 'Priya Nair'],
    ];
    const width = (col: number) => Math.max(...rows.map((r) => font.widthOfTextAtSize(r[col], size)));
    const xs = [60];
    for (let c = 0; c < 2; c++) xs.push(xs[c] + width(c) + 4.5);
    const page = pdf.addPage([595, 842]);
    const right = xs[2] + width(2) + 10;
    rows.forEach((r, k) => r.forEach((text, c) => page.drawText(text, { x: xs[c], y: 700 - k * 20, size, font })));
    for (let k = 0; k <= rows.length; k++) page.drawLine({ start: { x: xs[0] - 4, y: 716 - k * 20 }, end: { x: right, y: 716 - k * 20 }, thickness: 0.5 });
    for (const x of [...xs.map((x) => x - 4), right]) page.drawLine({ start: { x, y: 716 }, end: { x, y: 716 - rows.length * 20 }, thickness: 0.5 });
    const doc = await readPdf(await pdf.save(), nodePlatform.pdfjs);
    const [p] = doc.pages;
    expect(p.tables).toHaveLength(1);
    expect(grid(p, p.tables![0])).toEqual(rows);
    const passwords = scanDocument(doc)
      .filter((f) => f.kind === 'password')
      .map((f) => f.text);
    expect(passwords).toEqual(['Bk7#mQ2xLp', 'Rp4$wZ8nTe', 'Ar9!kV3sWq']);
  });
});
