// Pages written vertically (縦書き) and pages fed sideways or upside down:
// real OCR (tesseract.js with the local jpn/eng/jpn_vert data) on generated
// pages, boxes checked against where the text was drawn.
import { describe, expect, it } from 'vitest';
import type { Page } from '../../core/document.ts';
import { scanDocument } from '../../pipeline/scan.ts';
import { ocrImage } from '../../ocr/ocr-document.ts';
import { nodePlatform } from '../../platform/node.ts';
import type { OcrResult } from '../../ocr/engine.ts';
import { lineDirection } from '../../ocr/line-direction.ts';
import { turn, unturnBox, type Quarter } from '../../pages/rotate.ts';
import { readingScore } from '../../ocr/recognize-any-orientation.ts';
import { drawnColumnSpan, drawnSpan, formLines, grayTiff, pngToGray, renderTestPage, renderVerticalPage, verticalFormColumns, type DrawnBox } from './fixtures.ts';

const PT_PER_PX = 72 / 300;
const nfkc = (s: string) => s.normalize('NFKC');

/** Union of the OCR word boxes covering page text [start, end), in points. */
function boxOf(page: Page, start: number, end: number) {
  const boxes = page.segments.filter((s) => s.start < end && s.end > start).flatMap((s) => (s.source.type === 'ocr-word' ? [s.source.box] : []));
  expect(boxes.length).toBeGreaterThan(0);
  return {
    x0: Math.min(...boxes.map((b) => b.x)),
    y0: Math.min(...boxes.map((b) => b.y)),
    x1: Math.max(...boxes.map((b) => b.x + b.width)),
    y1: Math.max(...boxes.map((b) => b.y + b.height)),
  };
}

/** The found box lies on the drawn one (pixels, top-left origin), within `slack` points. */
function expectOver(page: Page, found: { start: number; end: number }, drawn: DrawnBox, slack: number) {
  const b = boxOf(page, found.start, found.end);
  const h = page.size!.height;
  const d = { x0: drawn.x0 * PT_PER_PX, x1: drawn.x1 * PT_PER_PX, y0: h - drawn.y1 * PT_PER_PX, y1: h - drawn.y0 * PT_PER_PX };
  expect(b.x0).toBeGreaterThan(d.x0 - slack);
  expect(b.x1).toBeLessThan(d.x1 + slack);
  expect(b.y0).toBeGreaterThan(d.y0 - slack);
  expect(b.y1).toBeLessThan(d.y1 + slack);
  // and covers the ink of it: all along the text, and across it at least the
  // width of an upright digit in a column (about half the em cell drawn)
  const along = (d.x1 - d.x0 > d.y1 - d.y0 ? 'x' : 'y') as 'x' | 'y';
  const cover = (a: 'x' | 'y') => (a === 'x' ? Math.min(b.x1, d.x1) - Math.max(b.x0, d.x0) : Math.min(b.y1, d.y1) - Math.max(b.y0, d.y0));
  const size = (a: 'x' | 'y') => (a === 'x' ? d.x1 - d.x0 : d.y1 - d.y0);
  const across = along === 'x' ? 'y' : 'x';
  expect(cover(along)).toBeGreaterThan(0.85 * size(along));
  expect(cover(across)).toBeGreaterThan(0.4 * size(across));
}

describe('quarter turns', () => {
  const img = { width: 3, height: 2, data: new Uint8Array([1, 2, 3, 4, 5, 6]) };
  it('turns an image clockwise', () => {
    expect(turn(img, 1)).toEqual({ width: 2, height: 3, data: new Uint8Array([4, 1, 5, 2, 6, 3]) });
    expect(turn(img, 2).data).toEqual(new Uint8Array([6, 5, 4, 3, 2, 1]));
    expect(turn(turn(img, 1), 3)).toEqual(img);
  });
  it('maps a box on the turned image back onto the unturned one', () => {
    // pixel (2, 0) of the 3×2 image, as a 1×1 box, wherever the turn put it
    for (const q of [0, 1, 2, 3] as Quarter[]) {
      const t = turn({ width: 3, height: 2, data: new Uint8Array([0, 0, 9, 0, 0, 0]) }, q);
      const at = t.data.indexOf(9);
      const x = at % t.width;
      const y = Math.floor(at / t.width);
      expect(unturnBox({ x0: x, y0: y, x1: x + 1, y1: y + 1 }, q, 3, 2), `q=${q}`).toEqual({ x0: 2, y0: 0, x1: 3, y1: 1 });
    }
  });
});

describe('line direction', () => {
  it('tells lines from columns', async () => {
    const across = await pngToGray(renderTestPage(formLines()).png);
    const down = await pngToGray(renderVerticalPage(verticalFormColumns()).png);
    const ink = (g: typeof across) => ({ ...g, data: g.data.map((v) => (v < 128 ? 0 : 255)) });
    expect(lineDirection(ink(across))).toBe('horizontal');
    expect(lineDirection(ink(down))).toBe('vertical');
    expect(lineDirection(turn(ink(across), 1))).toBe('vertical');
    expect(lineDirection(turn(ink(across), 2))).toBe('horizontal');
  });
});

describe('reading score', () => {
  const px = { x0: 0, y0: 0, x1: 1, y1: 1 };
  const box = { x: 0, y: 0, width: 1, height: 1 };
  const result = (lines: [string, number][][]): OcrResult => ({
    lines: lines.map((words) => ({ words: words.map(([text, confidence]) => ({ text, confidence, px, box, symbols: [] })), confidence: 90, px, block: 0 })),
    confidence: 0,
    width: 1,
    height: 1,
    toPage: () => box,
  });
  it('weighs word confidence by characters', () => {
    expect(
      readingScore(
        result([
          [
            ['電話番号', 90],
            ['x', 10],
          ],
        ]),
      ),
    ).toBeCloseTo((4 * 90 + 10) / 5, 5);
    expect(readingScore(result([]))).toBe(0);
  });
  it('marks down lines of a character each (a line read across the wrong way)', () => {
    expect(readingScore(result([[['2', 95]], [['2', 95]], [['5', 95]]]))).toBeLessThan(40);
  });
});

describe('OCR of a page in vertical writing', () => {
  it('reads the columns right to left and finds the phone number and the name where they were drawn', async () => {
    const columns = verticalFormColumns();
    const doc = await ocrImage(renderVerticalPage(columns).png, nodePlatform, { workers: 1 });
    const page = doc.pages[0];
    const text = nfkc(page.text);
    expect(text).toContain('090-1234-5678');
    expect(text).toContain('東京都千代田区丸の内1丁目2番3号');
    // columns in reading order: the right-most first
    expect(text.indexOf('申請書')).toBeLessThan(text.indexOf('090-1234-5678'));
    expect(text.indexOf('090-1234-5678')).toBeLessThan(text.indexOf('東京都'));

    const findings = scanDocument({ ...doc, pages: [page] });
    const phone = findings.find((f) => f.kind === 'phone' && nfkc(f.text).includes('090-1234-5678'));
    expect(phone, JSON.stringify(findings.map((f) => [f.kind, f.text]))).toBeDefined();
    expectOver(page, phone!, drawnColumnSpan(columns[2], '090-1234-5678'), 6);

    const name = page.text.indexOf('山田');
    expect(name).toBeGreaterThan(0);
    expectOver(page, { start: name, end: name + 2 }, drawnColumnSpan(columns[1], '山田'), 6);
  }, 180_000);
});

describe('OCR of a page in vertical writing fed upside down', () => {
  it('reads it with the vertical model and boxes the phone number where it is on that page', async () => {
    const columns = verticalFormColumns();
    const rendered = renderVerticalPage(columns);
    const doc = await ocrImage(grayTiff([turn(await pngToGray(rendered.png), 2)], 300), nodePlatform, { workers: 1 });
    const page = doc.pages[0];
    const text = nfkc(page.text);
    expect(text).toContain('090-1234-5678');
    expect(text).toContain('東京都千代田区丸の内1丁目2番3号');
    const phone = scanDocument({ ...doc, pages: [page] }).find((f) => f.kind === 'phone' && nfkc(f.text).includes('090-1234-5678'));
    expect(phone).toBeDefined();
    const span = drawnColumnSpan(columns[2], '090-1234-5678');
    const { width: w, height: h } = rendered;
    expectOver(page, phone!, { text: span.text, x0: w - span.x1, x1: w - span.x0, y0: h - span.y1, y1: h - span.y0 }, 6);
  }, 240_000);
});

describe('OCR of a page fed sideways or upside down', () => {
  const lines = formLines();
  const phoneLine = lines.find((l) => l.text.includes('090-1234-5678'))!;

  for (const q of [2, 1] as Quarter[]) {
    it(`finds the phone number on the page turned ${q * 90}°, boxed where it is on that page`, async () => {
      const rendered = renderTestPage(lines);
      const turned = turn(await pngToGray(rendered.png), q);
      const doc = await ocrImage(grayTiff([turned], 300), nodePlatform, { workers: 1 });
      const page = doc.pages[0];
      expect(page.size!.width).toBeCloseTo(turned.width * PT_PER_PX, 0);
      const text = nfkc(page.text);
      expect(text).toContain('090-1234-5678');
      expect(text).toContain('taro@example-city.jp');
      // lines in reading order
      expect(text.indexOf('山田')).toBeLessThan(text.indexOf('090-1234-5678'));
      expect(text.indexOf('090-1234-5678')).toBeLessThan(text.indexOf('taro@example-city.jp'));
      const phone = scanDocument({ ...doc, pages: [page] }).find((f) => f.kind === 'phone' && nfkc(f.text).includes('090-1234-5678'));
      expect(phone).toBeDefined();
      // where the drawn span went when the page was turned
      const span = drawnSpan(phoneLine, '090-1234-5678');
      const w = rendered.width;
      const h = rendered.height;
      const on: DrawnBox =
        q === 2 ? { text: span.text, x0: w - span.x1, x1: w - span.x0, y0: h - span.y1, y1: h - span.y0 } : { text: span.text, x0: h - span.y1, x1: h - span.y0, y0: span.x0, y1: span.x1 };
      expectOver(page, phone!, on, 6);
    }, 180_000);
  }
});
