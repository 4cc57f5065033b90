import { describe, expect, it } from 'vitest';
import { estimateSkew } from '../../ocr/deskew.ts';
import { prepareForOcr } from '../../ocr/prepare-image.ts';
import { removeRules } from '../../ocr/table-rules.ts';
import { mergeRules } from '../../layout/rules.ts';
import { medianTextHeight } from '../../ocr/text-height.ts';
import type { GrayImage } from '../../pages/gray.ts';
import { rotate } from '../../pages/rotate.ts';
import { inkMask, otsuThreshold } from '../../pages/threshold.ts';
import { imageDpi } from '../../pages/image-info.ts';

/** A white page with dark text-like blocks in lines (and optionally table rules), skewed by `angle`. */
function page(angle = 0, rules = false): GrayImage {
  const width = 1200;
  const height = 900;
  const data = new Uint8Array(width * height).fill(240);
  const cx = width / 2;
  const cy = height / 2;
  const put = (x: number, y: number) => {
    const dx = x - cx;
    const dy = y - cy;
    const sx = Math.round(cx + dx * Math.cos(angle) - dy * Math.sin(angle));
    const sy = Math.round(cy + dx * Math.sin(angle) + dy * Math.cos(angle));
    if (sx >= 0 && sy >= 0 && sx < width && sy < height) data[sy * width + sx] = 20;
  };
  for (let line = 0; line < 12; line++) {
    const top = 100 + line * 60;
    for (let ch = 0; ch < 30; ch++) {
      const left = 100 + ch * 32;
      for (let y = top; y < top + 26; y++) for (let x = left; x < left + 24; x++) if ((x + y) % 3 !== 0) put(x, y);
    }
    if (rules) for (let x = 80; x < 1120; x++) for (let y = top + 34; y < top + 37; y++) put(x, y);
  }
  return { width, height, data };
}

describe('image preparation for OCR', () => {
  it('finds the skew of the text lines and undoes it', () => {
    for (const deg of [0, 1.5, -2.5]) {
      const img = page((deg * Math.PI) / 180);
      const skew = estimateSkew(inkMask(img, otsuThreshold(img)), img.width, img.height);
      expect(Math.abs((skew * 180) / Math.PI - deg)).toBeLessThan(0.25);
      const straight = rotate(img, skew);
      const again = estimateSkew(inkMask(straight, otsuThreshold(straight)), img.width, img.height);
      expect(Math.abs((again * 180) / Math.PI)).toBeLessThan(0.25);
    }
  });

  it('maps boxes of the deskewed image back to the source', () => {
    const angle = (2 * Math.PI) / 180;
    const prepared = prepareForOcr(page(angle), { upscale: false });
    expect(Math.abs(prepared.skew - angle)).toBeLessThan(0.005);
    // the first character block of the first line, in the deskewed image, maps to where it was drawn skewed
    const b = prepared.toSource({ x0: 100, y0: 100, x1: 124, y1: 126 });
    const cx = 600;
    const cy = 450;
    const ex = cx + (112 - cx) * Math.cos(angle) - (113 - cy) * Math.sin(angle);
    const ey = cy + (112 - cx) * Math.sin(angle) + (113 - cy) * Math.cos(angle);
    expect(Math.abs((b.x0 + b.x1) / 2 - ex)).toBeLessThan(4);
    expect(Math.abs((b.y0 + b.y1) / 2 - ey)).toBeLessThan(4);
  });

  it('removes table rules and keeps the text', () => {
    const img = page(0, true);
    const ink = inkMask(img, otsuThreshold(img));
    const before = ink.reduce((s, v) => s + v, 0);
    removeRules(ink, img.width, img.height, 150);
    const after = ink.reduce((s, v) => s + v, 0);
    // rules: 12 × 1040 × 3 px (+ fringe); text blocks: 12 × 30 × 24 × 26 × 2/3
    expect(before - after).toBeGreaterThan(12 * 1040 * 3 * 0.95);
    expect(after).toBeGreaterThan(12 * 30 * 24 * 26 * 0.6);
    // no ink left on the rule rows
    for (let x = 90; x < 1110; x++) expect(ink[(100 + 35) * img.width + x]).toBe(0);
    expect(medianTextHeight(ink, img.width, img.height)).toBe(26);
  });

  it('hands on the rules it cleared, for layout: one per rule once merged, where they were drawn', () => {
    for (const deg of [0, 0.6]) {
      const prepared = prepareForOcr(page((deg * Math.PI) / 180, true), { upscale: false, deskew: deg !== 0 });
      const rules = mergeRules({ horizontal: prepared.rules!.horizontal, vertical: prepared.rules!.vertical });
      // 12 rules of 1040 px, 60 px apart (each found once per pixel row of its thickness and fringe, merged)
      expect(rules.horizontal).toHaveLength(12);
      for (const r of rules.horizontal) expect(r.x1 - r.x0).toBeGreaterThan(1000);
      const gaps = rules.horizontal.slice(1).map((r, k) => r.y - rules.horizontal[k].y);
      for (const g of gaps) expect(Math.abs(g - 60)).toBeLessThan(3);
      // text is no rule
      expect(rules.vertical).toHaveLength(0);
    }
  });

  it('upscales small text and maps boxes back', () => {
    const small: GrayImage = { width: 600, height: 450, data: new Uint8Array(600 * 450).fill(255) };
    for (let line = 0; line < 8; line++) for (let ch = 0; ch < 30; ch++) for (let y = 0; y < 10; y++) for (let x = 0; x < 8; x++) small.data[(40 + line * 20 + y) * 600 + 40 + ch * 12 + x] = 0;
    const prepared = prepareForOcr(small, { deskew: false });
    expect(prepared.scale).toBeGreaterThan(2.5);
    expect(prepared.width).toBe(Math.round(600 * prepared.scale));
    const b = prepared.toSource({ x0: 0, y0: 0, x1: prepared.width, y1: prepared.height });
    expect(b.x1).toBeCloseTo(600, 0);
    // a PGM the OCR engine can read
    expect(new TextDecoder().decode(prepared.bytes.subarray(0, 2))).toBe('P5');
  });

  it('reads a page too large for OCR at its size smaller, and maps boxes back to its pixels', () => {
    const huge: GrayImage = { width: 8000, height: 6000, data: new Uint8Array(8000 * 6000).fill(255) };
    // a line of character-sized blocks whose place must come back
    for (let ch = 0; ch < 10; ch++) for (let y = 3000; y < 3040; y++) huge.data.fill(0, y * 8000 + 4000 + ch * 48, y * 8000 + 4036 + ch * 48);
    const prepared = prepareForOcr(huge, { deskew: false });
    expect(prepared.width * prepared.height).toBeLessThanOrEqual(36_000_000);
    expect(prepared.scale).toBeLessThan(1);
    const b = prepared.toSource({ x0: 0, y0: 0, x1: prepared.width, y1: prepared.height });
    expect(b.x1).toBeCloseTo(8000, -1);
    expect(b.y1).toBeCloseTo(6000, -1);
    const at = (x: number, y: number) => prepared.image.data[Math.round(y * prepared.scale) * prepared.width + Math.round(x * prepared.scale)];
    expect(at(4018, 3020)).toBe(0);
    expect(at(3000, 2000)).toBe(255);
  });

  it('reads the resolution a PNG or JPEG declares', () => {
    // PNG with a pHYs chunk of 11811 px/m (300 dpi)
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9, 0x70, 0x48, 0x59, 0x73, 0, 0, 0x2e, 0x23, 0,
      0, 0x2e, 0x23, 1, 0, 0, 0, 0,
    ]);
    expect(imageDpi(png)).toBeCloseTo(300, 0);
    // JPEG with a JFIF header of 200 dpi
    const jpg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 1, 0, 200, 0, 200, 0, 0, 0xff, 0xd9]);
    expect(imageDpi(jpg)).toBe(200);
    expect(imageDpi(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]))).toBeUndefined();
  });
});
