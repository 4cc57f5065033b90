// Adding source text to a page without breaking the page's line structure.
// Detectors read tab-separated lines as table rows, so a tab or line break that
// sits *inside* a cell (or a comment, or script text) must not reach the page
// text as-is: the text is split there and a separator stands in, while every
// piece keeps a segment pointing at its own offset in the source.
import type { PageBuilder, SourceRef } from '../core/document.ts';

/** Source of the piece of text starting at `offset` in the run being added. */
export type SourceAt = (offset: number) => SourceRef;

/** Where text goes: a PageBuilder, or a LineWriter on top of one. */
export interface TextSink {
  add(text: string, source: SourceRef): void;
  separator(text: string): void;
}

/** A table cell: stays on one line; tabs and line breaks inside it become one space. */
export function addCellText(out: TextSink, text: string, source: SourceAt): void {
  // most cells hold one line: skip the regex
  if (text.indexOf('\n') === -1 && text.indexOf('\t') === -1 && text.indexOf('\r') === -1) return out.add(text, source(0));
  addSplit(out, text, source, /[\t\r\n]+/g, () => ' ');
}

/** Free text whose lines are kept (CR LF and CR become LF) but whose tabs become spaces. */
export function addFlowText(out: TextSink, text: string, source: SourceAt): void {
  addSplit(out, text, source, /\r\n?|\t/g, (brk) => (brk === '\t' ? ' ' : '\n'));
}

/** Text as it is, except that CR LF and CR line ends become LF. */
export function addLineText(out: TextSink, text: string, source: SourceAt): void {
  addSplit(out, text, source, /\r\n?/g, () => '\n');
}

function addSplit(out: TextSink, text: string, source: SourceAt, breaks: RegExp, sep: (brk: string) => string): void {
  let from = 0;
  breaks.lastIndex = 0;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    if (m.index > from) out.add(text.slice(from, m.index), source(from));
    // no separator at the very start or end of the run: a cell's leading
    // line break should not turn into a leading space
    if (m.index > 0 && m.index + m[0].length < text.length) out.separator(sep(m[0]));
    from = m.index + m[0].length;
  }
  if (from === 0) out.add(text, source(0));
  else if (from < text.length) out.add(text.slice(from), source(from));
}

/**
 * Writes flowing text (DOCX paragraphs, HTML) onto a PageBuilder: remembers the
 * last character so that a space that is due (collapsed whitespace, a paragraph
 * break inside a table cell) is written once, and only between words.
 */
export class LineWriter implements TextSink {
  private last = '\n';
  private spaceDue = false;

  constructor(readonly b: PageBuilder) {}

  get offset(): number {
    return this.b.offset;
  }

  get lastChar(): string {
    return this.last;
  }

  /** A space goes before the next text, unless a separator or line end comes first. */
  space(): void {
    this.spaceDue = true;
  }

  add(text: string, source: SourceRef): void {
    if (!text) return;
    if (this.spaceDue && !isSpace(this.last) && !isSpace(text[0])) this.b.separator(' ');
    this.spaceDue = false;
    this.b.add(text, source);
    this.last = text[text.length - 1];
  }

  separator(text: string): void {
    if (!text) return;
    this.spaceDue = false;
    this.b.separator(text);
    this.last = text[text.length - 1];
  }

  /** Ends the line unless it is empty or already ended. */
  newline(): void {
    this.spaceDue = false;
    if (this.last !== '\n') this.separator('\n');
  }
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\u3000';
}
