// Cuts a line into chunks where the page shows a gap wider than a space: the
// cells of a table row, or the label and value of a form line. A word space
// is a fraction of an em; the gutter between two cells is about an em or more.
import type { Chunk, LayoutLine, LayoutPiece } from './types.ts';
import { namesColumn } from '../core/header-words.ts';

/** Gap (in ems of the line's font size) that separates two cells. */
export const CELL_GAP = 0.9;
/**
 * A gap wider than a word space: two cells that nearly touch in a dense table
 * still stand this far apart, so columns are measured on chunks cut here.
 */
export const NARROW_GAP = 0.45;

export function chunksOf(line: LayoutLine, gap = CELL_GAP): Chunk[] {
  const runs = spreadWords(line.pieces, line.size);
  const chunks: Chunk[] = [];
  let current: Chunk | undefined;
  line.pieces.forEach((piece, i) => {
    const run = runs[i];
    // a letter of a spread word stays with the letters before it, written without a space;
    // what follows the word at more than a touch stands in a cell of its own
    const inWord = run === 'inside' || run === 'spaced' || run === 'last';
    const afterWord = i > 0 && runs[i - 1] === 'last';
    const together = inWord || (current && !afterWord && (piece.x0 - current.x1 < gap * line.size || !mayBreakBetween(current.pieces[current.pieces.length - 1], piece)));
    if (current && together) {
      current.pieces.push(inWord && run !== 'spaced' && piece.spaceBefore ? { ...piece, spaceBefore: false } : piece);
      current.x1 = Math.max(current.x1, piece.x1);
      return;
    }
    current = { pieces: [piece], x0: piece.x0, x1: piece.x1 };
    chunks.push(current);
  });
  return chunks;
}

/**
 * Whether two pieces may stand in different cells: not at a hyphen between
 * two digits (080- 4886-3920, 080 -4886: OCR or a justified line left a gap
 * inside one number), nor between digits the reader joined (488|6).
 */
export function mayBreakBetween(before: LayoutPiece, after: LayoutPiece, where: { atGutter?: boolean } = {}): boolean {
  // where the rows set a gutter between the two and a phone number starts after it, they are two cells: OCR read an
  // address's house number (2-9-11, or 2-9-11- with a speck read as a hyphen) and the phone number in the next cell as
  // one word. A phone number starts with 0 and a house number never does; a number's own digits OCR set apart stay
  // together (488|6-3920, 080-|4886).
  if (where.atGutter && PHONE_START.test(after.text)) return true;
  const hyphenThenDigit = /[-‐‑－]$/u.test(before.text) && /^[0-9０-９]/u.test(after.text);
  const digitThenHyphen = /[0-9０-９]$/u.test(before.text) && /^[-‐‑－][0-9０-９]?/u.test(after.text);
  // digits the reader joined without a space are one number, however far OCR's boxes set them apart
  const joinedDigits = !after.spaceBefore && /[0-9０-９]$/u.test(before.text) && /^[0-9０-９]/u.test(after.text);
  return !hyphenThenDigit && !digitThenHyphen && !joinedDigits;
}

/** The start of a phone number: 0, then digits up to a separator or more digits (0957-, 03(, 080307). */
const PHONE_START = /^[0０][0-9０-９]{1,4}[-‐－(（0-9０-９]/u;

/** The text of a chunk as the reader spaced it. */
export function chunkText(chunk: Chunk): string {
  let s = '';
  chunk.pieces.forEach((p, i) => (s += (i > 0 && p.spaceBefore ? ' ' : '') + p.text));
  return s;
}

// ---- letter-spaced words

/** One kanji or kana (or two, which a reader may draw as one item): the letters a word is spread by (均等割付: 氏　　名, 生 年 月 日). */
const CJK_LETTERS = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]{1,2}$/u;
/** Letters that stand alone in narrow columns (男 | 有, 月 火 水 …): a run of nothing else is no word. */
const CELL_LETTERS = /^[男女有無可否済未要不正副甲乙丙是非良優中止大小上下左右前後東西南北月火水木金土日祝午印]+$/u;
/** The gaps of a letter-spaced word, in ems: at least this wide (letters a reader draws one by one touch), this even, at most this wide. */
const SPREAD_GAP = 0.3;
const EVEN_GAPS = 0.3;
const WIDEST_SPREAD = 5;
/** How much two letters of one comb may differ in width, in ems. */
const SAME_SIZE = 0.15;
/** A gap this narrow (in ems) joins a letter to the text beside it. */
const TOUCHING = 0.25;

/** A piece's place in a spread word: its first letter, a letter inside (`spaced`: after an empty box), its last. */
type RunMark = 'first' | 'inside' | 'spaced' | 'last' | undefined;

/**
 * Words spread over their cell letter by letter at even gaps (a form's
 * justified labels: 氏　　名, 生 年 月 日, ふ り が な): which pieces start,
 * continue and end one. Three single letters or more make such a word; fewer
 * only when they name a field (氏名, 住所, 生年月日): two letters with a space
 * between may be a family and a given name (林 誠).
 */
function spreadWords(pieces: readonly LayoutPiece[], em: number): RunMark[] {
  const marks: RunMark[] = new Array(pieces.length).fill(undefined);
  for (let i = 0; i < pieces.length;) {
    const { n, spaced } = spreadRun(pieces, i, em);
    if (n > 1) {
      marks[i] = 'first';
      for (let k = i + 1; k < i + n - 1; k++) marks[k] = spaced.includes(k) ? 'spaced' : 'inside';
      marks[i + n - 1] = 'last';
    }
    i += n;
  }
  return marks;
}

/** The pieces from one that make a spread word: how many (1: none), and which keep the space before them (an empty box of a comb). */
interface Run {
  n: number;
  spaced: number[];
}
const NO_RUN: Run = { n: 1, spaced: [] };

function spreadRun(pieces: readonly LayoutPiece[], i: number, em: number): Run {
  if (CJK_LETTERS.test(pieces[i].text)) return spreadLetters(pieces, i, em);
  return DIGIT.test(pieces[i].text) ? { n: spreadDigits(pieces, i, em), spaced: [] } : NO_RUN;
}

/** A digit in a box of its own (a form's comb of boxes: 〒 8 6 9 - 2 1 3 5, 被保険者番号 0 0 4 1 2 8 7), or the hyphen between two groups. */
const DIGIT = /^[0-9０-９]$/u;
const HYPHEN = /^[-‐－ー]$/u;
/** The widest gap between the digits of one comb, in ems: farther apart, they are cells of a table's narrow columns. */
const COMB_GAP = 1.2;

/** How many single digits (and hyphens between them) from `i` stand as one number written into boxes (1: none; three digits at least). */
function spreadDigits(pieces: readonly LayoutPiece[], i: number, em: number): number {
  let n = 1;
  let digits = 1;
  let low = Infinity;
  let high = -Infinity;
  for (; i + n < pieces.length; n++) {
    const piece = pieces[i + n];
    const before = pieces[i + n - 1];
    const g = piece.x0 - before.x1;
    if (g < 0 || g > COMB_GAP * em) break;
    if (HYPHEN.test(piece.text)) {
      // a hyphen stands between digits: one at the end of the run is not the number's
      if (HYPHEN.test(before.text) || !DIGIT.test(pieces[i + n + 1]?.text ?? '')) break;
      continue;
    }
    if (!DIGIT.test(piece.text)) break;
    // the digits of a group stand at even gaps; the gap beside a hyphen is its own
    if (!HYPHEN.test(before.text)) {
      const [lo, hi] = [Math.min(low, g), Math.max(high, g)];
      if (hi - lo > EVEN_GAPS * em) break;
      [low, high] = [lo, hi];
    }
    digits++;
  }
  return digits >= 3 ? n : 1;
}

function spreadLetters(pieces: readonly LayoutPiece[], i: number, em: number): Run {
  const letters = (k: number) => k >= 0 && k < pieces.length && CJK_LETTERS.test(pieces[k].text);
  const gap = (k: number) => pieces[k].x0 - pieces[k - 1].x1;
  const width = (k: number) => pieces[k].x1 - pieces[k].x0;
  // the gap of one box between letters of the same size: twice the run's gap and a letter
  const emptyBox = (g: number, low: number, k: number) => Math.abs(g - (2 * low + width(k - 1))) <= EVEN_GAPS * em && Math.abs(width(k) - width(k - 1)) <= SAME_SIZE * em;
  let n = 1;
  let low = Infinity;
  let high = -Infinity;
  const spaced: number[] = [];
  while (letters(i + n)) {
    const g = gap(i + n);
    const [lo, hi] = [Math.min(low, g), Math.max(high, g)];
    if (lo >= SPREAD_GAP * em && hi <= WIDEST_SPREAD * em && hi - lo <= EVEN_GAPS * em) {
      [low, high] = [lo, hi];
    } else if (
      n >= 2 &&
      emptyBox(g, low, i + n) &&
      !namesColumn(
        pieces
          .slice(i, i + n)
          .map((p) => p.text)
          .join(''),
      )
    ) {
      // one box of a comb left empty: the space between a family and a given name (山 口 □ 智 子);
      // never after a field's name (氏 名 | 山 口 …: the name's boxes start in the next cell)
      spaced.push(i + n);
    } else break;
    n++;
  }
  // a letter set tight against the text beside the run belongs to that text's word (ふ り が な|やました)
  const tight = (k: number) => k > 0 && k < pieces.length && gap(k) < TOUCHING * em;
  if (tight(i)) return NO_RUN;
  if (tight(i + n)) n--;
  if (n < 2) return NO_RUN;
  const run = pieces.slice(i, i + n);
  const text = run.map((p) => p.text).join('');
  // (OCR reads a word in a scan as letters at uneven small gaps often enough: there, only a field's name is joined)
  const drawn = run.every((p) => p.source.type !== 'ocr-word');
  const spreadLetters = drawn && n >= 3 && run.every((p) => p.text.length === 1) && !CELL_LETTERS.test(text);
  const word = spreadLetters || (run.filter((p) => p.text.length === 2).length <= 1 && namesColumn(text));
  return word ? { n, spaced: spaced.filter((k) => k < i + n) } : NO_RUN;
}
