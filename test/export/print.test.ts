// Spreadsheets and documents printed onto pages for the panel
// (pipeline/print-document.ts): every finding lands on the printed page that
// shows it, its box covers ink drawn there, long sheets go over several
// pages, hidden sheets are printed too, and the panel's export of such a file
// masks what was accepted.
import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, nodePlatform } from '../../platform/node.ts';
import { readAndScan } from '../../pipeline/read-and-scan.ts';
import { printDocument } from '../../pipeline/print-document.ts';
import { openPdfPages } from '../../pages/pdf-pages.ts';
import { textBoxes } from '../../review/boxes.ts';
import { openDocument } from '../../panel/load.ts';
import { hiddenCallouts } from '../../components/redact/use-open-document.ts';
import { exportReview } from '../../panel/export.ts';
import { reduce } from '../../review/review.ts';
import type { Rect } from '../../core/geometry.ts';
import type { RenderedPage } from '../../pages/canvas.ts';
import { buildXlsx, buildDocx, CORPUS } from '../documents/helpers.ts';

const SCALE = 2;

/** The share of dark pixels inside a box of a rendered page. */
function ink(rendered: RenderedPage, box: Rect): number {
  const [ax, ay, bx, by] = rendered.toPixels(box);
  // inside the box by a pixel: its edges are anti-aliased
  const [x0, y0, x1, y1] = [Math.min(ax, bx) + 1, Math.min(ay, by) + 1, Math.max(ax, bx) - 1, Math.max(ay, by) - 1].map(Math.round);
  const { data } = rendered.canvas.getContext('2d')!.getImageData(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
  let dark = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] < 128) dark++;
  return dark / (data.length / 4);
}

async function printFile(name: string, bytes: Uint8Array) {
  const { doc, findings } = await readAndScan(nodePlatform, name, bytes);
  return { doc, findings, printed: await printDocument(doc, findings, createCanvas) };
}

function inlineRow(r: number, cells: string[]): string {
  return `<row r="${r}">${cells.map((v, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`;
}

describe('printing a spreadsheet onto pages', () => {
  it('every finding of the workbook is on the printed page of its sheet, with the same text, over ink', async () => {
    const bytes = new Uint8Array(readFileSync(join(CORPUS, 'd06_inpatients.xlsx')));
    const { doc, findings, printed } = await printFile('d06_inpatients.xlsx', bytes);
    expect(findings.length).toBeGreaterThan(50);
    expect(printed.findings.length).toBe(findings.length);
    const pages = await openPdfPages(printed.pdf, nodePlatform);
    try {
      expect(pages.pageCount).toBe(printed.doc.pages.length);
      for (const [i, f] of printed.findings.entries()) {
        const page = printed.doc.pages[f.page - 1];
        const sheet = doc.pages[printed.sheetOf[f.page - 1] - 1];
        expect(page.text.slice(f.start, f.end)).toBe(findings[i].text);
        expect(sheet.text).toContain(page.text);
        const boxes = textBoxes(page, f.start, f.end);
        expect(boxes.length).toBeGreaterThan(0);
        const rendered = await pages.render(f.page, SCALE);
        try {
          // the box is where the value was drawn: a good share of it is ink
          for (const box of boxes) expect(ink(rendered, box), `${f.text} ${JSON.stringify(box)} p${f.page}`).toBeGreaterThan(0.04);
        } finally {
          rendered.release();
        }
      }
    } finally {
      await pages.close();
    }
  }, 120_000);

  it('a long sheet goes over several pages, none of its lines lost, and a hidden sheet is printed and called out', async () => {
    const rows = [inlineRow(1, ['No.', '氏名', '電話番号'])];
    for (let r = 2; r <= 201; r++) rows.push(inlineRow(r, [String(r - 1), `山田 太郎${r}`, `090-${String(1000 + r).padStart(4, '0')}-5678`]));
    const bytes = buildXlsx({
      sheets: [
        { name: '公開用', body: `<sheetData>${inlineRow(1, ['件数', '200'])}${inlineRow(2, ['担当者携帯', '080-3141-5926'])}</sheetData>` },
        { name: '原本', state: 'hidden', body: `<sheetData>${rows.join('')}</sheetData>` },
      ],
    });
    const { doc, findings, printed } = await printFile('cases.xlsx', bytes);
    const sheetPages = printed.doc.pages.filter((_, i) => printed.sheetOf[i] === 2);
    expect(sheetPages.length).toBeGreaterThan(2);
    // the printed pages of the sheet are its text, line for line
    expect(sheetPages.map((p) => p.text).join('\n')).toBe(doc.pages[1].text);
    const phones = (list: typeof findings) => list.filter((f) => f.kind === 'phone').map((f) => f.text);
    expect(phones(printed.findings)).toEqual(phones(findings));
    expect(phones(findings)).toHaveLength(201);

    const opened = await openDocument(nodePlatform, 'cases.xlsx', bytes, { onProgress: () => {} });
    try {
      const callouts = hiddenCallouts(opened);
      expect(callouts).toHaveLength(1);
      expect(callouts[0]).toMatch(/原本/);
      expect(callouts[0]).toMatch(/200/);
      // exported with the hidden sheet, or without it by choice
      const review = reduce(opened.review, { type: 'decide', ids: opened.review.findings.map((f) => f.id), decision: 'accepted' });
      const all = await exportReview(nodePlatform, opened, review, {});
      const shownOnly = await exportReview(nodePlatform, opened, review, { hiddenSheets: false });
      const pageCount = async (pdf: Uint8Array) => (await PDFDocument.load(pdf)).getPageCount();
      expect(await pageCount(all.pdf)).toBe(printed.doc.pages.length);
      expect(await pageCount(shownOnly.pdf)).toBe(1);
      expect(all.log.length).toBeGreaterThanOrEqual(400);
      // the one finding of the sheet shown stays masked, on page 1 of the smaller PDF
      expect(shownOnly.log.map((m) => [m.page, m.kind])).toEqual([[1, 'phone']]);
      expect(shownOnly.verification.recoverable).toEqual([]);
    } finally {
      await opened.source.pdf?.document.destroy();
    }
  }, 120_000);
});

describe('printing a word-processor document onto pages', () => {
  it('long paragraphs wrap inside the page, and every run stays on it', async () => {
    const para = (s: string) => `<w:p><w:r><w:t>${s}</w:t></w:r></w:p>`;
    const long = '本件は、申請者の生活状況について聞き取りを行い、その結果を記録したものである。'.repeat(6);
    const bytes = buildDocx({ body: para('面談記録') + para(long) + para('相談者：佐藤 花子（090-2345-6789）') + para(long) });
    const { printed } = await printFile('memo.docx', bytes);
    for (const page of printed.doc.pages) {
      for (const seg of page.segments) {
        const box = (seg.source as { box: Rect }).box;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(page.size!.width);
      }
    }
    const lines = printed.doc.pages[0].segments.length;
    expect(lines).toBeGreaterThan(4); // the long paragraphs took several lines each
    expect(printed.findings.some((f) => f.kind === 'phone' && f.text === '090-2345-6789')).toBe(true);
  });
});

describe('the panel exports a printed spreadsheet', () => {
  it('accepting every finding gives a masked PDF the verifier passes, with ink gone from every box', async () => {
    const bytes = new Uint8Array(readFileSync(join(CORPUS, 'd06_inpatients.xlsx')));
    const opened = await openDocument(nodePlatform, 'd06_inpatients.xlsx', bytes, { onProgress: () => {} });
    try {
      const review = reduce(opened.review, { type: 'decide', ids: opened.review.findings.map((f) => f.id), decision: 'accepted' });
      const out = await exportReview(nodePlatform, opened, review, {});
      expect(out.verification.recoverable).toEqual([]);
      expect(out.log.length).toBeGreaterThan(50);
      const pages = await openPdfPages(out.pdf, nodePlatform);
      try {
        const rendered = await pages.render(1, SCALE);
        for (const m of out.masks.filter((mask) => mask.page === 1)) expect(ink(rendered, m.box)).toBeGreaterThan(0.97);
        rendered.release();
      } finally {
        await pages.close();
      }
    } finally {
      await opened.source.pdf?.document.destroy();
    }
  }, 120_000);
});
