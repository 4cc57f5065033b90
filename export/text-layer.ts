// Which text of a page may go into the export's invisible text layer: only what
// stays visible. An item of the page's text layer is cut into words (a run of
// non-space characters; each full-width character, as Japanese has no spaces, a
// word of its own), every word is placed on the page the way boxes.ts places
// characters for the masks, and a word whose box touches any mask is dropped
// whole. What is left is written back as runs: the longest stretches of an item
// that lost nothing.
//
// Only the item's ends are known exactly; inside it, positions come from
// average character widths. Ideographs are an em each in practice, kana in
// proportional Japanese fonts nearly so, but proportional Latin letters are not
// (an "i" is a fifth of a "W"), so a word is tested with a margin that grows
// with the text between it and the nearer end of the item, Latin text counting
// most: a manual mask drawn over the real glyphs must never miss the word it
// hides because the estimate put that word elsewhere.
import { charWeight, type Box } from '../review/boxes.ts';
import type { TextItem } from '../pages/canvas.ts';

/**
 * A word's box grows by this fraction of the text height at both ends before
 * it is tested against the masks: the masks' own margins come from the same
 * estimate, so this only absorbs rounding and unusual glyph widths.
 */
const SAFETY = 0.15;
/** How far off a position can be, as a fraction of the text (in estimated width) between it and an item end. */
const NARROW_DRIFT = 0.4;
const WIDE_DRIFT = 0.1;
/** The ink of a line, in text heights from the baseline: descenders below, ascenders and ideographs above. */
export const INK_BELOW = 0.2;
export const INK_ABOVE = 0.9;

export function visibleRuns(items: TextItem[], masks: Box[]): TextItem[] {
  const runs: TextItem[] = [];
  for (const item of items) runs.push(...visiblePartsOf(item, masks));
  return runs;
}

interface Word {
  /** code-unit offsets into item.text */
  start: number;
  end: number;
  /** offsets along the item in character weights */
  from: number;
  to: number;
  /** the possible drift accumulated before the word and up to its end, in character weights */
  driftFrom: number;
  driftTo: number;
}

function visiblePartsOf(item: TextItem, masks: Box[]): TextItem[] {
  const words = wordsOf(item.text);
  const total = words.total || 1;
  const scale = item.width / total;
  const pad = SAFETY * item.size;
  // vertically only the ink counts: a mask on the next line reaches into the leading between the lines
  const bottom = item.y - INK_BELOW * item.size;
  const top = item.y + INK_ABOVE * item.size;
  const hidden = (w: Word) => {
    const drift = scale * Math.min(w.driftFrom, words.drift - w.driftTo);
    const left = item.x + w.from * scale - pad - drift;
    const right = item.x + w.to * scale + pad + drift;
    return masks.some((m) => left < m.x + m.width && m.x < right && bottom < m.y + m.height && m.y < top);
  };
  const runs: TextItem[] = [];
  let first: Word | undefined;
  let last: Word | undefined;
  const flush = () => {
    if (first && last) {
      runs.push({ text: item.text.slice(first.start, last.end), x: item.x + first.from * scale, y: item.y, width: (last.to - first.from) * scale, size: item.size });
    }
    first = last = undefined;
  };
  for (const w of words.list) {
    if (hidden(w)) {
      flush();
      continue;
    }
    first ??= w;
    last = w;
  }
  flush();
  return runs;
}

function wordsOf(text: string): { list: Word[]; total: number; drift: number } {
  const list: Word[] = [];
  let at = 0;
  let weight = 0;
  let drift = 0;
  let current: Word | undefined;
  for (const ch of text) {
    const w = charWeight(ch);
    const space = /\s/.test(ch);
    const wide = w === 1;
    if (space || wide || !current) {
      if (current) list.push(current);
      current = space ? undefined : { start: at, end: at, from: weight, to: weight, driftFrom: drift, driftTo: drift };
    }
    drift += w * (wide ? WIDE_DRIFT : NARROW_DRIFT);
    if (current) {
      current.end = at + ch.length;
      current.to = weight + w;
      current.driftTo = drift;
      if (wide) {
        list.push(current);
        current = undefined;
      }
    }
    at += ch.length;
    weight += w;
  }
  if (current) list.push(current);
  return { list, total: weight, drift };
}
