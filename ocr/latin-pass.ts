// A second reading of the Latin text on a page, with the English model first.
//
// A page is read with jpn+eng: tesseract reads each line with the Japanese
// model and only turns to English when the Japanese reading is poor. Latin
// text the Japanese model reads passably keeps its Japanese reading, with the
// errors of a model that has seen little English: case (ApriL, Support),
// O/0 (0saka), ; as :. Those are the characters credentials are made of.
//
// So after the page is read, the runs of Latin words on each line are cut
// out, stacked into one small image and read once more with English alone; a
// run's English reading replaces its first reading. Runs are cut between
// words of other scripts, so English never reads kana or kanji.
import type { TBox, TesseractPage, TLine, TSymbol, TWord } from './tesseract-page.ts';
import { decodePgm, encodePgm } from '../pages/gray.ts';

/** Latin letters a run needs before it is read again (a lone digit group is read the same by both models). */
const MIN_LETTERS = 2;
/** White margin around each cut-out run, in line heights. */
const MARGIN = 0.5;
/** Share of a run's characters its second reading must keep to replace the first. */
const MIN_KEPT = 0.7;
/** How far a cut reaches past its words' boxes, in line heights. */
const BLEED = 0.15;

/** A run of Latin words on one line of the first reading. */
export interface LatinRun {
  line: TLine;
  /** index of the run's first word in line.words */
  first: number;
  /** number of words */
  count: number;
  /** the run's box in the page image */
  box: TBox;
}

/** Where each run sits in the stacked image: its band (rows) and how far it was moved. */
interface Placement {
  run: LatinRun;
  top: number;
  bottom: number;
  dx: number;
  dy: number;
}

export interface LatinStack {
  /** the runs cut out and stacked, as a PGM */
  bytes: Uint8Array;
  placements: Placement[];
}

/** A dash on its own, as the Japanese model reads one (一, ー) or as it is. */
const DASH_WORD = /^[一ー‐-―]+$/;

/**
 * A word of Latin script only (after width folding): letters, digits, ASCII
 * punctuation; dashes too, and the kanji 一 and the long-vowel mark ー the
 * Japanese model reads a dash as, when a Latin letter or digit is in the word
 * (notes一 is "notes —").
 */
export function isLatinWord(text: string): boolean {
  const t = text.normalize('NFKC');
  return /^[\x21-\x7e]+$/.test(t) || (/^[\x21-\x7e一ー‐-―]+$/.test(t) && /[A-Za-z0-9]/.test(t));
}

function letters(text: string): number {
  return (text.normalize('NFKC').match(/[A-Za-z]/g) ?? []).length;
}

/** The runs of Latin words on the page's lines worth reading again. */
export function latinRuns(page: TesseractPage): LatinRun[] {
  const runs: LatinRun[] = [];
  for (const line of linesOf(page)) {
    const words = line.words ?? [];
    let i = 0;
    while (i < words.length) {
      if (!isLatinWord(words[i].text.trim())) {
        i++;
        continue;
      }
      let j = i;
      // a dash read as a word of its own (notes 一 attendees) stays inside the run
      const within = (k: number) => k + 1 < words.length && DASH_WORD.test(words[k].text.trim()) && isLatinWord(words[k + 1].text.trim());
      while (j < words.length && (isLatinWord(words[j].text.trim()) || within(j))) j++;
      const run = words.slice(i, j);
      if (run.reduce((n, w) => n + letters(w.text), 0) >= MIN_LETTERS) {
        runs.push({ line, first: i, count: j - i, box: union(run.map((w) => w.bbox)) });
      }
      i = j;
    }
  }
  return runs;
}

/** Every line of a tesseract page, in reading order. */
function linesOf(page: TesseractPage): TLine[] {
  return (page.blocks ?? []).flatMap((block) => (block.paragraphs ?? []).flatMap((para) => para.lines ?? []));
}

function union(boxes: TBox[]): TBox {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

/**
 * Cuts the runs out of the page image (PGM) and stacks them into one image,
 * each on white with a margin around it. A cut reaches a little past the
 * run's words (for the ink tesseract's boxes leave out) but never into the
 * neighbouring words of the line.
 */
export function stackRuns(pgm: Uint8Array, runs: LatinRun[]): LatinStack | undefined {
  const page = decodePgm(pgm);
  if (!page || !runs.length) return undefined;
  const cuts = runs.map((run) => {
    const h = Math.max(1, run.line.bbox.y1 - run.line.bbox.y0);
    const bleed = Math.ceil(BLEED * h);
    const before = run.line.words[run.first - 1];
    const after = run.line.words[run.first + run.count];
    const x0 = Math.max(0, run.box.x0 - bleed, before ? before.bbox.x1 + 1 : 0);
    const x1 = Math.min(page.width, run.box.x1 + bleed, after ? after.bbox.x0 - 1 : page.width);
    const y0 = Math.max(0, Math.min(run.box.y0, run.line.bbox.y0) - bleed);
    const y1 = Math.min(page.height, Math.max(run.box.y1, run.line.bbox.y1) + bleed);
    return { run, x0, x1: Math.max(x0 + 1, x1), y0, y1: Math.max(y0 + 1, y1), margin: Math.ceil(MARGIN * h) };
  });
  const width = Math.max(...cuts.map((c) => c.x1 - c.x0 + 2 * c.margin));
  const height = cuts.reduce((sum, c) => sum + (c.y1 - c.y0) + 2 * c.margin, 0);
  const data = new Uint8Array(width * height).fill(255);
  const placements: Placement[] = [];
  let top = 0;
  for (const c of cuts) {
    const w = c.x1 - c.x0;
    const left = c.margin;
    const first = top + c.margin;
    for (let y = c.y0; y < c.y1; y++) {
      data.set(page.data.subarray(y * page.width + c.x0, y * page.width + c.x0 + w), (first + y - c.y0) * width + left);
    }
    const bottom = first + (c.y1 - c.y0) + c.margin;
    placements.push({ run: c.run, top, bottom, dx: c.x0 - left, dy: c.y0 - first });
    top = bottom;
  }
  return { bytes: encodePgm({ width, height, data }), placements };
}

function chars(words: TWord[]): number {
  return words.reduce((n, w) => n + w.text.replace(/\s/g, '').length, 0);
}

function moved(b: TBox, dx: number, dy: number): TBox {
  return { x0: b.x0 + dx, y0: b.y0 + dy, x1: b.x1 + dx, y1: b.y1 + dy };
}

/**
 * Puts the second reading (of the stacked image) in place of the runs' first
 * readings, words moved back to where they are on the page. A run the second
 * reading lost (nothing, or under MIN_KEPT of its characters, read) keeps its
 * first reading. Changes the lines of `page` in place.
 */
export function mergeLatin(stack: LatinStack, second: TesseractPage): void {
  const readWords = linesOf(second).flatMap((line) => line.words ?? []);
  // last run first, so the word indices of a line's earlier runs stay right
  for (const p of [...stack.placements].reverse()) {
    const words = readWords
      .filter((w) => w.text.trim() && (w.bbox.y0 + w.bbox.y1) / 2 >= p.top && (w.bbox.y0 + w.bbox.y1) / 2 < p.bottom)
      .sort((a, b) => a.bbox.x0 - b.bbox.x0)
      .map((w): TWord => ({
        ...w,
        bbox: moved(w.bbox, p.dx, p.dy),
        symbols: w.symbols?.map((s): TSymbol => ({ ...s, bbox: moved(s.bbox, p.dx, p.dy) })),
      }));
    // a second reading that lost much of the run (a faint word missed) is not kept
    const first = p.run.line.words.slice(p.run.first, p.run.first + p.run.count);
    if (chars(words) < MIN_KEPT * chars(first)) continue;
    p.run.line.words.splice(p.run.first, p.run.count, ...words);
  }
}
