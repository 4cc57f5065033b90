// Real OCR (tesseract.js with the local jpn+eng data), no stubs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_CORPUS } from '../shared-dir.ts';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../documents/pdf.ts';
import { ocrDocument, ocrImage } from '../../ocr/ocr-document.ts';
import { nodePlatform } from '../../platform/node.ts';
import { expectWordWhereDrawn } from './drawn-box.ts';
import { formLines, grayTiff, pngToGray, renderTestPage } from './fixtures.ts';

const nfkc = (s: string) => s.normalize('NFKC');
const D02 = join(SHARED_CORPUS, 'd02_application-form_scan.pdf');
const PT_PER_PX = 72 / 300;

describe('OCR of a rendered page', () => {
  const rendered = renderTestPage(formLines());
  let doc: Awaited<ReturnType<typeof ocrImage>>;

  it('reads the Japanese and English lines', async () => {
    doc = await ocrImage(rendered.png, nodePlatform, { workers: 1 });
    expect(doc.type).toBe('image');
    expect(doc.ocrPages).toEqual([1]);
    const text = nfkc(doc.pages[0].text);
    for (const s of ['氏名：山田 太郎', '電話 090-1234-5678', 'パスワード：Tokyo#2024pw', 'E-mail: taro@example-city.jp', '東京都千代田区丸の内1丁目2番3号']) {
      expect(text).toContain(nfkc(s));
    }
    // one line of page text per drawn line
    expect(doc.pages[0].text.split('\n').length).toBe(formLines().length);
  }, 120_000);

  it('gives the page its size in points (300 dpi when the PNG states none)', () => {
    expect(doc.pages[0].size!.width).toBeCloseTo(rendered.width * PT_PER_PX, 1);
    expect(doc.pages[0].size!.height).toBeCloseTo(rendered.height * PT_PER_PX, 1);
  });

  it('puts every word where it was drawn', () => {
    const page = doc.pages[0];
    const em = 12; // points
    for (const [word, drawnText] of [
      ['090-1234-5678', '090-1234-5678'],
      ['Tokyo#2024pw', 'Tokyo#2024pw'],
      ['taro@example-city.jp', 'taro@example-city.jp'],
      ['山田', '山田'],
      ['太郎', '太郎'],
      ['E-mail:', 'E-mail:'],
      ['パスワード', 'パスワード'],
      ['千代田区', '千代田区'],
    ]) {
      expectWordWhereDrawn(
        page,
        word,
        formLines().find((l) => l.text.includes(drawnText))!,
        drawnText,
        em,
      );
    }
    // segments are sorted, inside the text, and point at OCR words
    let end = 0;
    for (const s of page.segments) {
      expect(s.start).toBeGreaterThanOrEqual(end);
      expect(s.source.type).toBe('ocr-word');
      end = s.end;
    }
    expect(end).toBeLessThanOrEqual(page.text.length);
  });
});

describe('OCR of the scanned application form (d02)', () => {
  it('replaces the page without text by its OCR text', async () => {
    const bytes = new Uint8Array(readFileSync(D02));
    const doc = await readPdf(bytes, nodePlatform.pdfjs);
    expect(doc.ocrPages).toEqual([1]);
    const progress: string[] = [];
    const out = await ocrDocument(doc, bytes, nodePlatform, { workers: 1, onProgress: (d, t) => progress.push(`${d}/${t}`) });
    expect(progress).toEqual(['1/1']);
    expect(out.ocrPages).toEqual([1]);
    expect(out.pages).toHaveLength(1);
    const page = out.pages[0];
    expect(page.number).toBe(1);
    expect(page.size!.width).toBeCloseTo(595.28, 0);
    expect(page.size!.height).toBeCloseTo(841.89, 0);
    const text = nfkc(page.text);
    expect(text).toMatch(/いのうえ|井上/);
    expect(text).toContain('080-4886-3920');
    expect(text).toContain('022-353-2273');
    expect(text).toContain('6282 7986 2774');
    expect(text).toContain('2736202');
    expect(text).toContain('臨時特別給付金');
    expect(text).toContain('健康保険証');
    // the words of the scan sit inside the page
    for (const s of page.segments) {
      if (s.source.type !== 'ocr-word') continue;
      expect(s.source.box.x).toBeGreaterThanOrEqual(0);
      expect(s.source.box.x + s.source.box.width).toBeLessThanOrEqual(596);
      expect(s.source.box.y).toBeGreaterThanOrEqual(0);
    }
  }, 120_000);
});

describe('OCR of image files', () => {
  it('reads every page of a multi-page TIFF at its resolution', async () => {
    const dpi = 200;
    const pt = dpi / 72;
    const size = Math.round(12 * pt);
    const one = renderTestPage([{ text: '第1頁 電話 03-1111-2222', x: 60, baseline: 120, size }], { width: 900, height: 300 });
    const two = renderTestPage([{ text: 'Page two: ID sato_k2024', x: 60, baseline: 120, size }], { width: 900, height: 300 });
    const tiff = grayTiff([await pngToGray(one.png), await pngToGray(two.png)], dpi);
    const doc = await ocrImage(tiff, nodePlatform, { workers: 2 });
    expect(doc.pages.map((p) => p.number)).toEqual([1, 2]);
    expect(doc.ocrPages).toEqual([1, 2]);
    expect(nfkc(doc.pages[0].text)).toContain('03-1111-2222');
    expect(doc.pages[1].text).toContain('sato_k2024');
    expect(doc.pages[0].size!.width).toBeCloseTo((900 * 72) / dpi, 1);
    expect(doc.pages[0].size!.height).toBeCloseTo((300 * 72) / dpi, 1);
  }, 120_000);

  it('upscales a low-resolution image before reading it', async () => {
    // 9 pt text at 96 dpi: 12 px high
    const page = renderTestPage([{ text: 'E-mail: hanako@example.jp 電話 090-8765-4321', x: 20, baseline: 40, size: 12 }], { width: 420, height: 60 });
    const doc = await ocrImage(page.png, nodePlatform, { workers: 1 });
    const text = nfkc(doc.pages[0].text);
    expect(text).toContain('hanako@example.jp');
    expect(text).toContain('090-8765-4321');
  }, 120_000);

  it('stops when cancelled', async () => {
    const page = renderTestPage(formLines());
    const controller = new AbortController();
    const run = ocrImage(page.png, nodePlatform, { workers: 1, signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    const t0 = Date.now();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - t0).toBeLessThan(5000);
  }, 60_000);

  it('returns a page that runs out of its time as unread, at once, instead of waiting for it', async () => {
    const page = renderTestPage(formLines());
    const t0 = Date.now();
    const doc = await ocrImage(page.png, nodePlatform, { workers: 1, pageTimeoutMs: 200 });
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(doc.pages[0].unread).toMatch(/OCR ran out of its time/);
    expect(doc.pages[0].text).toBe('');
  }, 60_000);

  it('says clearly when an image cannot be decoded', async () => {
    const broken = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    await expect(ocrImage(broken, nodePlatform, { workers: 1 })).rejects.toThrow(/cannot be decoded/);
  }, 60_000);
});
