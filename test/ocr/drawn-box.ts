// Checks that OCR put a word's box where the test page drew it.
import { expect } from 'vitest';
import type { Page } from '../../core/document.ts';
import { drawnSpan, type DrawnLine } from './fixtures.ts';

/** Union of the boxes of the segments covering page text [start, end). */
export function boxOf(page: Page, start: number, end: number) {
  const segs = page.segments.filter((s) => s.start < end && s.end > start);
  const boxes = segs.map((s) => (s.source.type === 'ocr-word' ? s.source.box : null)).filter((b) => b !== null);
  expect(boxes.length).toBeGreaterThan(0);
  const x0 = Math.min(...boxes.map((b) => b.x));
  const y0 = Math.min(...boxes.map((b) => b.y));
  const x1 = Math.max(...boxes.map((b) => b.x + b.width));
  const y1 = Math.max(...boxes.map((b) => b.y + b.height));
  return { x0, y0, x1, y1 };
}

/**
 * `word` (in the page's NFKC text) has a box covering where `drawnText` was
 * drawn on `line` of a 300-dpi test page, and not much more; `em` is the
 * font size in points.
 */
export function expectWordWhereDrawn(page: Page, word: string, line: DrawnLine, drawnText: string, em: number): void {
  const ptPerPx = 72 / 300;
  const drawn = drawnSpan(line, drawnText);
  const dx0 = drawn.x0 * ptPerPx;
  const dx1 = drawn.x1 * ptPerPx;
  const dyTop = page.size!.height - drawn.y0 * ptPerPx;
  const dyBottom = page.size!.height - drawn.y1 * ptPerPx;
  const at = page.text.normalize('NFKC').indexOf(word);
  expect(at, word).toBeGreaterThanOrEqual(0);
  const b = boxOf(page, at, at + word.length);
  expect(b.x0, word).toBeLessThan(dx0 + 0.3 * em);
  expect(b.x1, word).toBeGreaterThan(dx1 - 0.3 * em);
  expect(b.x0, word).toBeGreaterThan(dx0 - 1.2 * em);
  expect(b.x1, word).toBeLessThan(dx1 + 1.2 * em);
  expect(b.y0, word).toBeGreaterThan(dyBottom - 0.4 * em);
  expect(b.y1, word).toBeLessThan(dyTop + 0.4 * em);
  expect((b.y0 + b.y1) / 2, word).toBeGreaterThan(dyBottom);
  expect((b.y0 + b.y1) / 2, word).toBeLessThan(dyTop);
}
