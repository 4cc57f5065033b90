import { readFileSync } from 'node:fs';
import { grayTiff } from '../ocr/fixtures.ts';
import { describe, expect, it, vi } from 'vitest';
import { DocumentError } from '../../core/document.ts';
import { MAX_TEXT_BYTES, readDocument } from '../../documents/read.ts';
import { nodePlatform } from '../../platform/node.ts';
import { buildDocx, buildXlsx, CORPUS, zip } from './helpers.ts';

// The PDF reader is another module's business (and needs pdf.js): here only the dispatch to it is checked.
vi.mock('../../documents/pdf.ts', () => ({
  readPdf: vi.fn(async () => ({ type: 'pdf', pages: [{ number: 1, text: 'pdf text', segments: [], hidden: [] }], ocrPages: [] })),
}));

const enc = (s: string) => new TextEncoder().encode(s);

async function failure(bytes: Uint8Array, name: string): Promise<DocumentError> {
  try {
    await readDocument(bytes, name, { pdf: nodePlatform.pdfjs });
  } catch (err) {
    expect(err).toBeInstanceOf(DocumentError);
    return err as DocumentError;
  }
  throw new Error(`${name} was read`);
}

describe('readDocument', () => {
  it('sniffs by content first: a renamed XLSX, DOCX, HTML or PDF is read as what it is', async () => {
    const xlsx = buildXlsx({ sheets: [{ name: 'S', body: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>氏名</t></is></c></row></sheetData>' }] });
    expect((await readDocument(xlsx, 'report.bin', { pdf: nodePlatform.pdfjs })).type).toBe('xlsx');
    const docx = buildDocx({ body: '<w:p><w:r><w:t>本文</w:t></w:r></w:p>' });
    expect((await readDocument(docx, 'upload', { pdf: nodePlatform.pdfjs })).type).toBe('docx');
    expect((await readDocument(enc('\uFEFF<!-- saved --><!DOCTYPE html><p>x</p>'), 'page.txt', { pdf: nodePlatform.pdfjs })).type).toBe('html');
    const pdf = await readDocument(enc('%PDF-1.7\n%…'), 'scan.dat', { pdf: nodePlatform.pdfjs });
    expect(pdf).toMatchObject({ type: 'pdf', pages: [{ text: 'pdf text' }] });
  });

  it('dispatches text formats by extension', async () => {
    expect(await readDocument(enc('氏名,電話\n山田,090'), 'a.CSV', { pdf: nodePlatform.pdfjs })).toMatchObject({ type: 'csv', pages: [{ text: '氏名\t電話\n山田\t090' }] });
    expect(await readDocument(enc('a,b\tc\n1,2\t3'), 'a.tsv', { pdf: nodePlatform.pdfjs })).toMatchObject({ type: 'csv', pages: [{ text: 'a,b\tc\n1,2\t3' }] });
    expect(await readDocument(enc('<p>本文</p>'), 'x.htm', { pdf: nodePlatform.pdfjs })).toMatchObject({ type: 'html', pages: [{ text: '本文\n' }] });
    for (const name of ['memo.txt', 'README.md', 'app.log', 'data.json', 'C:\\work\\notes.TXT', 'README']) {
      expect((await readDocument(enc('password: x'), name, { pdf: nodePlatform.pdfjs })).type, name).toBe('text');
    }
  });

  it('treats PNG, JPEG and TIFF as images needing OCR, one page per TIFF page', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(await readDocument(png, 'scan.png', { pdf: nodePlatform.pdfjs })).toEqual({ type: 'image', pages: [{ number: 1, text: '', segments: [], hidden: [] }], ocrPages: [1] });
    expect((await readDocument(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'a.jpg', { pdf: nodePlatform.pdfjs })).ocrPages).toEqual([1]);
    const page = (width: number, height: number) => ({ width, height, data: new Uint8Array(width * height).fill(255) });
    const multi = await readDocument(grayTiff([page(40, 20), page(20, 40), page(30, 30)], 200), 'fax.tif', { pdf: nodePlatform.pdfjs });
    expect(multi.pages.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(multi.ocrPages).toEqual([1, 2, 3]);
  });

  it('refuses text too long to check at once, saying to split it, before reading it', async () => {
    const big = new Uint8Array(MAX_TEXT_BYTES + 5 * 1048576).fill(0x61);
    for (const name of ['list.csv', 'page.html', 'notes.txt', 'README']) {
      const t0 = Date.now();
      expect(await failure(big, name), name).toMatchObject({ code: 'too-large', message: expect.stringMatching(/^too large to check: 53 MB of text \(the limit is 48 MB\); split it/) });
      expect(Date.now() - t0, 'refused before reading').toBeLessThan(2000);
    }
  });

  it('refuses an image too large to decode (a small file of a huge page) before decoding it', async () => {
    // a PNG header saying 20000 × 20000 pixels: 400 megapixels
    const png = new Uint8Array(33);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(png.buffer).setUint32(16, 20000);
    new DataView(png.buffer).setUint32(20, 20000);
    expect(await failure(png, 'bomb.png')).toMatchObject({ code: 'too-large', message: expect.stringMatching(/20000 × 20000 pixels \(400 megapixels/) });
    // a JPEG frame header (SOF0) of 16000 × 12000
    const jpg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0x2e, 0xe0, 0x3e, 0x80, 1, 1, 0x11, 0, 0xff, 0xd9]);
    expect(await failure(jpg, 'big.jpg')).toMatchObject({ code: 'too-large' });
    // the second page of a TIFF
    const small = { width: 10, height: 10, data: new Uint8Array(100) };
    const tiffBytes = grayTiff([small, small], 300);
    const view = new DataView(tiffBytes.buffer);
    // the second directory's width and height entries (tags 256, 257, LONG) set to 13000
    const second = view.getUint32(8 + 2 + 12 * 12, true);
    view.setUint32(second + 2 + 8, 13000, true);
    view.setUint32(second + 2 + 12 + 8, 13000, true);
    expect(await failure(tiffBytes, 'fax.tif')).toMatchObject({ code: 'too-large', message: expect.stringMatching(/^page 2 of the image/) });
    // a strip 65535 pixels long (131 megapixels, under the limit): longer than OCR can take
    new DataView(png.buffer).setUint32(16, 65535);
    new DataView(png.buffer).setUint32(20, 2000);
    expect(await failure(png, 'strip.png')).toMatchObject({ code: 'too-large', message: expect.stringMatching(/65535 × 2000 pixels \(the limit is 30,000 pixels a side\)/) });
    // a 10000 × 10000 scan is fine
    new DataView(png.buffer).setUint32(16, 10000);
    new DataView(png.buffer).setUint32(20, 10000);
    expect((await readDocument(png, 'ok.png', { pdf: nodePlatform.pdfjs })).ocrPages).toEqual([1]);
  });

  it('gives clear errors: empty, encrypted, legacy Office, other archives, binary, unknown types', async () => {
    expect(await failure(new Uint8Array(), 'a.pdf')).toMatchObject({ code: 'unreadable', message: 'the file is empty' });
    const ole = (stream: string) => {
      const b = new Uint8Array(1024);
      b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      [...stream].forEach((c, i) => (b[600 + 2 * i] = c.charCodeAt(0)));
      return b;
    };
    expect(await failure(ole('EncryptedPackage'), 'secret.xlsx')).toMatchObject({ code: 'encrypted', message: expect.stringMatching(/password-protected/) });
    expect(await failure(ole('WordDocument'), 'old.doc')).toMatchObject({ code: 'unsupported', message: expect.stringMatching(/Word 97-2003/) });
    expect(await failure(zip({ 'photos/a.txt': 'x' }), 'photos.zip')).toMatchObject({ code: 'unsupported', message: expect.stringMatching(/ZIP archive/) });
    expect(await failure(zip({ 'ppt/presentation.xml': '<p/>' }), 'deck.pptx')).toMatchObject({ message: expect.stringMatching(/PowerPoint/) });
    expect(await failure(zip({ 'docProps/app.xml': '<a/>' }), 'broken.xlsx')).toMatchObject({ code: 'corrupt' });
    expect(await failure(enc('not a zip'), 'fake.docx')).toMatchObject({ code: 'corrupt', message: expect.stringMatching(/not a valid DOCX/) });
    expect(await failure(enc('not a pdf'), 'fake.pdf')).toMatchObject({ code: 'corrupt' });
    expect(await failure(new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]), 'notes.txt')).toMatchObject({ code: 'unsupported', message: expect.stringMatching(/binary/) });
    expect(await failure(enc('x'), 'tool.exe')).toMatchObject({ code: 'unsupported', message: expect.stringMatching(/'\.exe'/) });
  });

  it('reads the four non-PDF corpus files', async () => {
    const read = (name: string) => readDocument(new Uint8Array(readFileSync(`${CORPUS}/${name}`)), name, { pdf: nodePlatform.pdfjs });
    const csv = await read('d03_staff-accounts.csv');
    expect(csv).toMatchObject({ type: 'csv', encoding: 'shift_jis' });
    expect(csv.pages[0].text).toContain('金子　文雄\tカネコ フミオ');
    const html = await read('d04_inquiry-admin.html');
    expect(html.type).toBe('html');
    expect(html.pages[0].text).toContain('https://hooks.slack.com/services/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');
    const docx = await read('d05_incident-report.docx');
    expect(docx.type).toBe('docx');
    expect(docx.pages[0].text).toContain('-----BEGIN RSA PRIVATE KEY-----\nMIICXgIBAAKBgQC692axOX12Ya966CTWNuTo5otj4+ddtTJrMeduY9R0NKBvt5V6\n');
    const xlsx = await read('d06_inpatients.xlsx');
    expect(xlsx).toMatchObject({ type: 'xlsx', ocrPages: [] });
    expect(xlsx.pages.map((p) => p.name)).toEqual(['入院患者一覧', '緊急連絡先']);
    expect(xlsx.pages[1].text).toContain('岡本 由美\t+81-70-5060-1452\tyumi.okamoto@yamabiko.ne.jp');
  });
});
