// Cuts a line into chunks where the page shows a gap wider than a space: the
// cells of a table row, or the label and value of a form line. A word space
// is a fraction of an em; the gutter between two cells is about an em or more.
import type { Chunk, LayoutLine, LayoutPiece } from './types.ts';

/** Gap (in ems of the line's font size) that separates two cells. */
export const CELL_GAP = 0.9;
/**
 * A gap wider than a word space: two cells that nearly touch in a dense table
 * still stand this far apart, so columns are measured on chunks cut here.
 */
export const NARROW_GAP = 0.45;

export function chunksOf(line: LayoutLine, gap = CELL_GAP): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk | undefined;
  for (const piece of line.pieces) {
    if (current && (piece.x0 - current.x1 < gap * line.size || !mayBreakBetween(current.pieces[current.pieces.length - 1], piece))) {
      current.pieces.push(piece);
      current.x1 = Math.max(current.x1, piece.x1);
      continue;
    }
    current = { pieces: [piece], x0: piece.x0, x1: piece.x1 };
    chunks.push(current);
  }
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
