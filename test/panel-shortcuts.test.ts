// The panel's arrow keys on a manual area and areas added by hand: the parts of
// the panel's hooks that need no browser (the rest is in test/e2e/panel.test.ts).
import { describe, expect, it } from 'vitest';
import { nudged } from '../components/redact/use-shortcuts.ts';
import { manualAreas } from '../components/redact/manual-areas.ts';
import { reduce, type ReviewAction, type ReviewState } from '../review/review.ts';

const box = { x: 100, y: 700, width: 50, height: 20 };
const key = (k: string, mods: { shiftKey?: boolean; altKey?: boolean } = {}) => ({ key: k, shiftKey: false, altKey: false, ...mods });

describe('nudged', () => {
  it('moves by 1 pt, by 10 with Shift; up is +y (PDF space)', () => {
    expect(nudged(box, key('ArrowLeft'))).toEqual({ ...box, x: 99 });
    expect(nudged(box, key('ArrowRight', { shiftKey: true }))).toEqual({ ...box, x: 110 });
    expect(nudged(box, key('ArrowUp'))).toEqual({ ...box, y: 701 });
    expect(nudged(box, key('ArrowDown', { shiftKey: true }))).toEqual({ ...box, y: 690 });
  });
  it('resizes with Alt, keeping the top edge, never below 2 pt', () => {
    expect(nudged(box, key('ArrowRight', { altKey: true }))).toEqual({ ...box, width: 51 });
    expect(nudged(box, key('ArrowDown', { altKey: true, shiftKey: true }))).toEqual({ ...box, y: 690, height: 30 });
    expect(nudged({ ...box, width: 2 }, key('ArrowLeft', { altKey: true }))).toMatchObject({ width: 2 });
  });
  it('leaves other keys alone', () => {
    expect(nudged(box, key('a'))).toBeUndefined();
  });
});

describe('manualAreas', () => {
  it('adds every box on the page with the reason as one step and selects the last', () => {
    const steps: ReviewAction[][] = [];
    const selected: string[] = [];
    const areas = manualAreas({ page: 2, reason: '5条6号', textPage: undefined, dispatch: (...a) => steps.push(a), select: (id) => selected.push(id) });
    areas.add([box, { ...box, x: 200 }]);
    expect(steps).toHaveLength(1);
    const review = steps[0].reduce((s: ReviewState, a) => reduce(s, a), { findings: [], manual: [] });
    expect(review.manual.map((m) => [m.page, m.reason, m.box.x])).toEqual([
      [2, '5条6号', 100],
      [2, '5条6号', 200],
    ]);
    expect(selected).toEqual([review.manual[1].id]);
    areas.add([]);
    expect(steps).toHaveLength(1);
  });
});
