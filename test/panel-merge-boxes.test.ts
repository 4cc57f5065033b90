import { describe, expect, it } from 'vitest';
import { mergeLineBoxes } from '../panel/merge-boxes.ts';

describe('mergeLineBoxes', () => {
  it('joins touching character boxes on one line into one box', () => {
    const chars = [0, 1, 2, 3].map((i) => ({ x: 100 + i * 10.5, y: 700, width: 12, height: 14 }));
    expect(mergeLineBoxes(chars)).toEqual([{ x: 100, y: 700, width: 43.5, height: 14 }]);
  });
  it('keeps lines apart and words far apart on one line apart', () => {
    const merged = mergeLineBoxes([
      { x: 100, y: 700, width: 20, height: 14 },
      { x: 100, y: 680, width: 20, height: 14 }, // next line
      { x: 300, y: 700, width: 20, height: 14 }, // same line, far right
      { x: 118, y: 701, width: 20, height: 13 }, // joins the first
    ]);
    expect(merged).toHaveLength(3);
    expect(merged).toContainEqual({ x: 100, y: 700, width: 38, height: 14 });
    expect(merged).toContainEqual({ x: 100, y: 680, width: 20, height: 14 });
    expect(merged).toContainEqual({ x: 300, y: 700, width: 20, height: 14 });
  });
});
