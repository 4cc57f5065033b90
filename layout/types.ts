// What layout analysis reads: the lines of a page as a reader placed them
// (PDF text items, OCR words), each piece of text with its extent along the
// line and the reader's own decision whether a space goes before it.
import type { SourceRef } from '../core/document.ts';

export interface LayoutPiece {
  text: string;
  source: SourceRef;
  /** left and right edge along the line, in page units */
  x0: number;
  x1: number;
  /** the reader saw a space between this piece and the one before it on the line */
  spaceBefore: boolean;
}

export interface LayoutLine {
  /** sorted along the line */
  pieces: LayoutPiece[];
  /** top and bottom of the line, y growing down the page */
  top: number;
  bottom: number;
  /** the line's font size (em), in page units */
  size: number;
  /** the size its type reads as where that differs from `size` (OCR: the glyphs' height, while `size` is the words' boxes'), to tell a heading or another field from the table's own lines */
  typeSize?: number;
}

/** A run of pieces on one line with no cell-sized gap inside: a cell's text on that line. */
export interface Chunk {
  pieces: LayoutPiece[];
  x0: number;
  x1: number;
}

/** A ruling line across the page (y growing down, as lines' top and bottom). */
export interface HorizontalRule {
  y: number;
  x0: number;
  x1: number;
}

/** A ruling line down the page. */
export interface VerticalRule {
  x: number;
  y0: number;
  y1: number;
}

/** The ruling lines a page draws (documents/pdf-rules.ts): the borders of ruled tables. */
export interface Rules {
  horizontal: HorizontalRule[];
  vertical: VerticalRule[];
}
