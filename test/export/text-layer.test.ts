// Which words of a page may enter the invisible text layer: a pure function of
// the page's text items and the mask boxes.
import { describe, expect, it } from 'vitest';
import { visibleRuns } from '../../export/text-layer.ts';
import type { TextItem } from '../../pages/canvas.ts';

const texts = (items: TextItem[]) => items.map((i) => i.text);

describe('visibleRuns', () => {
  // a line of 10-point Japanese, one em a character: 担当者 at x 100–130, 山田太郎 130–170, です 170–190
  const japanese: TextItem = { text: '担当者山田太郎です', x: 100, y: 500, width: 90, size: 10 };

  it('keeps an item no mask touches as one run', () => {
    expect(visibleRuns([japanese], [{ x: 100, y: 520, width: 90, height: 10 }])).toEqual([japanese]);
  });

  it('drops the full-width characters under a mask, one by one, and keeps the rest in place', () => {
    // the mask as plan.ts builds it for 山田太郎: the characters plus 0.35 em at each end
    const runs = visibleRuns([japanese], [{ x: 126.5, y: 495, width: 47, height: 17 }]);
    expect(texts(runs)).toEqual(['担当', 'す']);
    expect(runs[0].x).toBe(100);
    expect(runs[0].width).toBeCloseTo(20);
    expect(runs[1].x).toBeCloseTo(180);
    expect(runs[1].width).toBeCloseTo(10);
  });

  it('drops a Latin word whole when a mask covers any part of it', () => {
    // 'Call 090-1234-5678 now': weights 0.55 a character, 0.3 a space
    const item: TextItem = { text: 'Call 090-1234-5678 now', x: 0, y: 100, width: 100, size: 10 };
    const total = 19 * 0.55 + 2 * 0.3;
    const digits = (4 * 0.55 + 0.3) * (100 / total);
    const runs = visibleRuns([item], [{ x: digits + 20, y: 97, width: 5, height: 12 }]);
    expect(texts(runs)).toEqual(['Call', 'now']);
  });

  it('ignores a mask on the line above that only reaches into the leading', () => {
    // the line above at baseline 516.5: its masks go down to 516.5 − 0.45 em
    expect(visibleRuns([japanese], [{ x: 100, y: 511.7, width: 90, height: 17 }])).toEqual([japanese]);
    expect(visibleRuns([japanese], [{ x: 100, y: 507, width: 90, height: 17 }])).toEqual([]);
  });
});
