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
    const inWord = run === 'inside' || run === 'last';
    const afterWord = i > 0 && runs[i - 1] === 'last';
    const together = inWord || (current && !afterWord && (piece.x0 - current.x1 < gap * line.size || !mayBreakBetween(current.pieces[current.pieces.length - 1], piece)));
    if (current && together) {
      current.pieces.push(inWord && piece.spaceBefore ? { ...piece, spaceBefore: false } : piece);
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
/** A gap this narrow (in ems) joins a letter to the text beside it. */
const TOUCHING = 0.25;

type RunMark = 'first' | 'inside' | 'last' | undefined;

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
    const n = spreadRun(pieces, i, em);
    if (n > 1) {
      marks[i] = 'first';
      for (let k = i + 1; k < i + n - 1; k++) marks[k] = 'inside';
      marks[i + n - 1] = 'last';
    }
    i += n;
  }
  return marks;
}

/** How many pieces from `i` are the letters of one spread word (1: none). */
function spreadRun(pieces: readonly LayoutPiece[], i: number, em: number): number {
  const letters = (k: number) => k >= 0 && k < pieces.length && CJK_LETTERS.test(pieces[k].text);
  const gap = (k: number) => pieces[k].x0 - pieces[k - 1].x1;
  if (!letters(i)) return 1;
  let n = 1;
  let low = Infinity;
  let high = -Infinity;
  while (letters(i + n)) {
    const g = gap(i + n);
    const [lo, hi] = [Math.min(low, g), Math.max(high, g)];
    if (lo < SPREAD_GAP * em || hi > WIDEST_SPREAD * em || hi - lo > EVEN_GAPS * em) break;
    [low, high] = [lo, hi];
    n++;
  }
  // a letter set tight against the text beside the run belongs to that text's word (ふ り が な|やました)
  const tight = (k: number) => k > 0 && k < pieces.length && gap(k) < TOUCHING * em;
  if (tight(i)) return 1;
  if (tight(i + n)) n--;
  if (n < 2) return 1;
  const run = pieces.slice(i, i + n);
  const text = run.map((p) => p.text).join('');
  const spreadLetters = n >= 3 && run.every((p) => p.text.length === 1) && !CELL_LETTERS.test(text);
  return spreadLetters || (run.filter((p) => p.text.length === 2).length <= 1 && namesColumn(text)) ? n : 1;
}
