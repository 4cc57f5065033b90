import { existsSync, readFileSync } from 'node:fs';
import { encryptedPdf } from '../fixtures/encrypted-pdf.ts';
import { describe, expect, it } from 'vitest';
import { degrees, PDFDocument, PDFHexString, PDFName, PDFOperator, PDFOperatorNames, PDFString, StandardFonts } from 'pdf-lib';
import { scanDocument } from '../../pipeline/scan.ts';
import { DocumentError, type Page } from '../../core/document.ts';
import { buildPage, needsOcr, normalizeGlyphs, readPdf } from '../../documents/pdf.ts';
import { nodePlatform } from '../../platform/node.ts';
import { readDocument } from '../../documents/read.ts';

import { SHARED_CORPUS as CORPUS } from '../shared-dir.ts';

/** The raw pdf.js text items of every page, to check segments against. */
async function itemsOf(bytes: Uint8Array, password?: string): Promise<{ str: string }[][]> {
  const pdfjs = await nodePlatform.pdfjs.loadPdfjs();
  const task = pdfjs.getDocument({ data: bytes.slice(), ...nodePlatform.pdfjs.assets, password, verbosity: 0 });
  try {
    const doc = await task.promise;
    const pages: { str: string }[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(content.items.map((i) => ({ str: 'str' in i ? i.str : '' })));
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** Every segment's text is its item's text (from `offset`), and segments are ordered. */
function expectSegmentsMatch(page: Page, items: { str: string }[]): void {
  let last = 0;
  for (const seg of page.segments) {
    expect(seg.start).toBeGreaterThanOrEqual(last);
    last = seg.end;
    expect(seg.source.type).toBe('pdf-item');
    if (seg.source.type !== 'pdf-item') continue;
    const item = items[seg.source.item];
    expect(seg.source.length).toBe(item.str.length);
    const fromItem = item.str.slice(seg.source.offset, seg.source.offset + (seg.end - seg.start));
    expect(page.text.slice(seg.start, seg.end)).toBe(normalizeGlyphs(fromItem));
  }
}

async function twoPagePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const size = 12;
  const p1 = pdf.addPage([595, 842]);
  // drawn out of reading order on purpose: the reader must sort by position
  p1.drawText('Taro Yamada', { x: 250, y: 700, size, font });
  p1.drawText('Sumi test document', { x: 50, y: 760, size: 16, font });
  p1.drawText('Name:', { x: 50, y: 700, size, font });
  p1.drawText('Password: Osaka', { x: 50, y: 730, size, font });
  // touching the previous item: no space between them
  p1.drawText('#2023pw', { x: 50 + font.widthOfTextAtSize('Password: Osaka', size), y: 730, size, font });
  const p2 = pdf.addPage([595, 842]);
  p2.drawText('Second page', { x: 72, y: 770, size, font });
  p2.drawText('Contact: alice@example.com', { x: 72, y: 750, size, font });
  p2.drawText('Phone', { x: 72, y: 730, size, font });
  p2.drawText('03-1234-5678', { x: 300, y: 730, size, font });
  return pdf.save();
}

describe('readPdf', () => {
  it('reads a two-page PDF in reading order with segments back to the items', async () => {
    const bytes = await twoPagePdf();
    const length = bytes.length;
    const doc = await readPdf(bytes, nodePlatform.pdfjs);
    expect(bytes.length).toBe(length); // the caller's buffer is not detached
    expect(doc.type).toBe('pdf');
    expect(doc.pages.length).toBe(2);
    expect(doc.ocrPages).toEqual([]);
    expect(doc.pages.map((p) => p.number)).toEqual([1, 2]);
    expect(doc.pages[0].text).toBe('Sumi test document\nPassword: Osaka#2023pw\nName: Taro Yamada');
    expect(doc.pages[1].text).toBe('Second page\nContact: alice@example.com\nPhone 03-1234-5678');
    expect(doc.pages[0].size).toEqual({ width: 595, height: 842 });

    const items = await itemsOf(bytes);
    doc.pages.forEach((page, i) => expectSegmentsMatch(page, items[i]));

    const name = doc.pages[0].segments.find((s) => doc.pages[0].text.slice(s.start, s.end) === 'Taro Yamada');
    expect(name?.source).toMatchObject({ type: 'pdf-item', offset: 0, length: 11 });
    if (name?.source.type === 'pdf-item') {
      expect(name.source.box.x).toBeCloseTo(250, 1);
      expect(name.source.box.y).toBeCloseTo(700, 1);
      expect(name.source.box.height).toBeCloseTo(12, 1);
      expect(name.source.box.width).toBeGreaterThan(50);
    }
  });

  it('takes an explicit pdf.js loader and asset directories', async () => {
    const doc = await readPdf(await twoPagePdf(), { loadPdfjs: nodePlatform.pdfjs.loadPdfjs, assets: nodePlatform.pdfjs.assets });
    expect(doc.pages[1].text).toContain('alice@example.com');
  });

  it('puts pages without text, or with only a page number, into ocrPages', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    pdf.addPage([595, 842]);
    pdf.addPage([595, 842]).drawText('- 2 -', { x: 290, y: 30, size: 10, font });
    pdf.addPage([595, 842]).drawText('Real content on page three', { x: 72, y: 700, size: 12, font });
    const doc = await readPdf(await pdf.save(), nodePlatform.pdfjs);
    expect(doc.pages.length).toBe(3);
    expect(doc.pages[0].text).toBe('');
    expect(doc.ocrPages).toEqual([1, 2]);

    const blank = await PDFDocument.create();
    blank.addPage();
    expect((await readPdf(await blank.save(), nodePlatform.pdfjs)).ocrPages).toEqual([1]);
  });

  it('reads rotated text as lines along its own direction', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([595, 842]);
    page.drawText('Heading', { x: 50, y: 800, size: 12, font });
    page.drawText('line two', { x: 120, y: 100, size: 12, font, rotate: degrees(90) });
    page.drawText('upward', { x: 100, y: 100, size: 12, font, rotate: degrees(90) });
    page.drawText('text', { x: 100, y: 160, size: 12, font, rotate: degrees(90) });
    const rotatedPage = pdf.addPage([595, 842]);
    rotatedPage.setRotation(degrees(90));
    rotatedPage.drawText('On a rotated page', { x: 50, y: 700, size: 12, font });
    const doc = await readPdf(await pdf.save(), nodePlatform.pdfjs);
    expect(doc.pages[0].text).toBe('Heading\nupward text\nline two');
    expect(doc.pages[1].text).toBe('On a rotated page');
    expect(doc.pages[1].size).toEqual({ width: 842, height: 595 });
  });

  it('reads the values typed into form fields and the text of comments, with their labels, and calls them out', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595, 842]);
    const font = await doc.embedFont(StandardFonts.Helvetica);
    page.drawText('Application form', { x: 50, y: 780, size: 14, font });
    const field = doc.getForm().createTextField('MyNumber');
    field.setText('6282 7986 2774');
    field.addToPage(page, { x: 50, y: 700, width: 200, height: 20 });
    const note = doc.context.obj({ Type: 'Annot', Subtype: 'Text', Rect: [300, 600, 320, 620], Contents: PDFHexString.fromText('電話 090-4417-2290 に連絡済み'), T: PDFString.of('Sato') });
    page.node.set(PDFName.of('Annots'), doc.context.obj([...(page.node.Annots()?.asArray() ?? []), doc.context.register(note)]));
    const read = await readPdf(await doc.save(), nodePlatform.pdfjs);
    const [p] = read.pages;
    expect(p.text).toContain('MyNumber: 6282 7986 2774');
    expect(p.text).toContain('Sato: 電話 090-4417-2290 に連絡済み');
    expect(p.hidden.map((h) => h.kind).sort()).toEqual(['annotations', 'form-values']);
    expect(read.ocrPages).toEqual([]);
    const found = scanDocument(read);
    const myNumber = found.find((f) => f.kind === 'my-number');
    expect(myNumber?.text).toBe('6282 7986 2774');
    expect(found.some((f) => f.kind === 'phone' && f.text === '090-4417-2290')).toBe(true);
    // the mask covers the field's rectangle (its border included)
    const seg = p.segments.find((s) => s.source.type === 'pdf-annotation' && p.text.slice(s.start, s.end) === '6282 7986 2774')!;
    const box = (seg.source as { box: { x: number; y: number; width: number; height: number } }).box;
    expect(box.x).toBeLessThanOrEqual(50);
    expect(box.x + box.width).toBeGreaterThanOrEqual(250);
    expect(box.y).toBeLessThanOrEqual(700);
    expect(box.y + box.height).toBeGreaterThanOrEqual(720);
  });

  it('reads the files attached to a PDF as files of their own, after the last page, and names them; what it cannot read is named as not checked', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage([595, 842]).drawText('Summary for publication: 490 cases, no names', { x: 50, y: 780, size: 12, font });
    doc.addPage([595, 842]).drawText('Page 2 of the summary', { x: 50, y: 780, size: 12, font });
    // the original case list, attached by mistake (the Aichi incident), and a photo that would need OCR
    await doc.attach(new TextEncoder().encode('氏名,電話番号,入院先\n山田 太郎,090-2231-4409,北みなと市立病院\n'), 'case-list-original.csv', { mimeType: 'text/csv' });
    await doc.attach(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), 'photo.png', { mimeType: 'image/png' });
    const read = await readDocument(await doc.save(), 'summary.pdf', { pdf: nodePlatform.pdfjs });
    const [p1, p2] = read.pages;
    expect(p1.hidden).toEqual([]);
    const notes = p2.hidden.filter((h) => h.kind === 'attachment').map((h) => h.detail);
    expect(notes).toHaveLength(2);
    expect(notes.find((d) => d.includes('case-list-original.csv'))).toContain('(csv)');
    expect(notes.find((d) => d.includes('photo.png'))).toContain('not checked');
    const found = scanDocument(read);
    expect(found.some((f) => f.page === 2 && f.kind === 'phone' && f.text === '090-2231-4409')).toBe(true);
    expect(found.some((f) => f.page === 2 && f.kind === 'person-name' && f.text === '山田 太郎')).toBe(true);
  });

  it('reads the text of a layer that is switched off and calls it out', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([595, 842]);
    page.drawText('Notice of the public hearing', { x: 50, y: 780, size: 12, font });
    // an optional content group, off in the default view, holding a line of text
    const layer = doc.context.register(doc.context.obj({ Type: 'OCG', Name: PDFString.of('Draft notes') }));
    doc.catalog.set(PDFName.of('OCProperties'), doc.context.obj({ OCGs: [layer], D: { OFF: [layer], Order: [layer] } }));
    page.node.Resources()!.set(PDFName.of('Properties'), doc.context.obj({ oc1: layer }));
    const f = page.node.newFontDictionary(font.name, font.ref);
    page.pushOperators(
      PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('OC'), PDFName.of('oc1')]),
      PDFOperator.of(PDFOperatorNames.BeginText),
      PDFOperator.of(PDFOperatorNames.SetFontAndSize, [f, doc.context.obj(12)]),
      PDFOperator.of(PDFOperatorNames.MoveText, [doc.context.obj(50), doc.context.obj(700)]),
      PDFOperator.of(PDFOperatorNames.ShowText, [font.encodeText('Admin password: Kt9#wLp2vQ')]),
      PDFOperator.of(PDFOperatorNames.EndText),
      PDFOperator.of(PDFOperatorNames.EndMarkedContent),
    );
    const read = await readPdf(await doc.save(), nodePlatform.pdfjs);
    const [p] = read.pages;
    const note = p.hidden.find((h) => h.kind === 'hidden-layer')!;
    expect(note.detail).toContain("'Draft notes'");
    expect(p.text.slice(note.start, note.end)).toBe('Admin password: Kt9#wLp2vQ');
    expect(scanDocument(read).find((f) => f.kind === 'password')?.text).toBe('Kt9#wLp2vQ');
    expect(p.hidden).toHaveLength(1);
  });

  it('reads every page of a 5,000-page PDF and finds what one page holds', { timeout: 120_000 }, async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let i = 1; i <= 5000; i++) {
      const page = doc.addPage([595, 842]);
      page.drawText(`Page ${i} of the annual register`, { x: 50, y: 780, size: 12, font });
      page.drawText(i === 4321 ? 'Password: Kt9#wLp2vQ' : `Entry ${i}: routine maintenance done.`, { x: 50, y: 760, size: 12, font });
    }
    const read = await readPdf(await doc.save(), nodePlatform.pdfjs);
    expect(read.pages).toHaveLength(5000);
    expect(read.ocrPages).toEqual([]);
    const found = scanDocument(read);
    expect(found.map((f) => [f.page, f.kind, f.text])).toEqual([[4321, 'password', 'Kt9#wLp2vQ']]);
  });

  it('refuses a file that is not a PDF as corrupt', async () => {
    const garbage = new TextEncoder().encode('this is not a PDF at all\n'.repeat(50));
    await expect(readPdf(garbage, nodePlatform.pdfjs)).rejects.toMatchObject({ name: 'DocumentError', code: 'corrupt' });
    await expect(readPdf(new Uint8Array(0), nodePlatform.pdfjs)).rejects.toBeInstanceOf(DocumentError);
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    await expect(readPdf(random, nodePlatform.pdfjs)).rejects.toMatchObject({ code: 'corrupt' });
  });

  it('refuses a password-protected PDF as encrypted', async () => {
    const bytes = encryptedPdf('Secret text', 'user-pw', 'owner-pw');
    // the file is genuinely encrypted: with the password pdf.js reads it
    expect((await itemsOf(bytes, 'user-pw'))[0].map((i) => i.str).join('')).toBe('Secret text');
    const err = await readPdf(bytes, nodePlatform.pdfjs).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentError);
    expect(err).toMatchObject({ code: 'encrypted' });
    expect((err as Error).message).toMatch(/password-protected/);
  });
});

describe('buildPage', () => {
  const item = (str: string, x: number, y: number, extra: Record<string, unknown> = {}) => ({
    str,
    dir: 'ltr',
    transform: [10, 0, 0, 10, x, y],
    width: str.length * 5,
    height: 10,
    hasEOL: false,
    ...extra,
  });

  it('keeps a superscript on its line and uses pdf.js space items and line ends', () => {
    const page = buildPage(1, [
      item('Footnote', 10, 100),
      item('1', 50, 104, { transform: [6, 0, 0, 6, 50, 104], width: 3, height: 6 }),
      item('next', 10, 86),
      item(' ', 30, 86, { width: 2, height: 0 }),
      item('word', 33, 86, { hasEOL: true }),
      item('', 53, 86, { width: 0, hasEOL: true }),
      item('same', 53, 86),
    ]);
    expect(page.text).toBe('Footnote1\nnext word same');
  });

  it('trims an item and records where its text starts', () => {
    const page = buildPage(1, [item('  padded  ', 10, 100)]);
    expect(page.text).toBe('padded');
    expect(page.segments[0].source).toMatchObject({ type: 'pdf-item', item: 0, offset: 2, length: 10 });
  });

  it('reads vertical text in columns right to left', () => {
    const v = (str: string, x: number, y: number) => item(str, x, y, { dir: 'ttb', width: 0, height: str.length * 10 });
    const page = buildPage(1, [v('左の列', 100, 700), v('右の', 130, 700), v('列', 130, 680)]);
    expect(page.text).toBe('右の列\n左の列');
  });

  it('maps Kangxi and supplement radicals to the ideographs they stand for', () => {
    expect(normalizeGlyphs('⽇時 座⻑ ⽂雄')).toBe('日時 座長 文雄');
  });

  it('recognises page numbers and unusable text layers', () => {
    for (const t of ['', '  \n ', '- 1 -', '12', 'Page 3 of 10', '3/10', 'ページ 2']) expect(needsOcr(t), t).toBe(true);
    for (const t of ['パスワード', 'Total 12', 'Name: Taro']) expect(needsOcr(t), t).toBe(false);
    expect(needsOcr('\uE001\uE002\uE003 \uE004a')).toBe(true);
  });
});

describe.skipIf(!existsSync(`${CORPUS}/d01_meeting-minutes.pdf`))('corpus', () => {
  it('extracts the Japanese meeting minutes', async () => {
    const bytes = new Uint8Array(readFileSync(`${CORPUS}/d01_meeting-minutes.pdf`));
    const doc = await readPdf(bytes, nodePlatform.pdfjs);
    expect(doc.pages.length).toBe(2);
    expect(doc.ocrPages).toEqual([]);
    const [p1, p2] = doc.pages;
    expect(p1.text.split('\n')[0]).toBe('第3回 北みなと市 地域医療連携システム検討会 議事録');
    // the label column and the value column of the header block are a table: a tab between them
    expect(p1.text).toContain('日時\t令和6年2月14日（水）14時00分');
    expect(p1.tables?.[0]?.cells.some((c) => p1.text.slice(c.start, c.end) === '場所')).toBe(true);
    expect(p1.text).toContain('及びパスワード（Minato#2023dv）を資料2に記載した。');
    expect(p1.text).toContain('https://renkei-test.kitaminato.lg.jp/login');
    expect(p1.text).toContain('宮城県北みなと市緑が丘386番地在住の山本 静香さん');
    expect(p1.text).toContain('+81 80 2486 8983');
    expect(p1.text).toContain('橋本 文雄（座長・市医師会）');
    expect(p2.text).toContain('dr.suzuki70@kawasemi.or.jp');
    expect(p2.text).toContain('Kt9#wLp2vQ');
    // lines come top to bottom
    expect(p1.text.indexOf('1. 試行環境')).toBeLessThan(p1.text.indexOf('2. 個別事例'));
    const items = await itemsOf(bytes);
    doc.pages.forEach((page, i) => expectSegmentsMatch(page, items[i]));
  });

  it('sends the scanned application form to OCR', async () => {
    const doc = await readPdf(new Uint8Array(readFileSync(`${CORPUS}/d02_application-form_scan.pdf`)), nodePlatform.pdfjs);
    expect(doc.pages.length).toBe(1);
    expect(doc.ocrPages).toEqual([1]);
  });
});
