// Scans a long text in slices so a caller can yield between them (the content
// script must never block the page for long). Each slice is given the lines
// before it, and the header row of the table it is in, as context, so labels on
// the previous line and column headers still work; findings in that context are
// dropped (the slice before reported them).
import { scanText, type ScanOptions } from './engine.ts';
import type { Finding } from '../core/findings.ts';

export interface Slice {
  /** offset of the slice in the whole text */
  start: number;
  end: number;
  /** text given to the engine: context + slice */
  text: string;
  /** length of the context prefix inside `text` */
  contextLength: number;
}

const CONTEXT_LINES = 2;

/**
 * Hands out consecutive slices of a text, each of the size asked for (cut at a
 * line end), with its context. It walks the lines once in all, keeping the
 * header row of the table block it is in, so slicing stays linear.
 */
export class Slicer {
  /** lines before `scanned` have been looked at for table blocks */
  private scanned = 0;
  private header = '';
  private inBlock = false;
  private nextTab = -1;

  /** `at`: where the first slice starts (a line start), when the text before it is done already. */
  constructor(
    private text: string,
    private at = 0,
  ) {}

  /**
   * Continues over a longer text that starts with the current one (a page still
   * being read): slices already handed out and the table state stay valid.
   */
  extend(text: string): void {
    this.text = text;
    if (this.nextTab === Infinity) this.nextTab = -1; // the new part may hold tabs
  }

  /** Characters not yet handed out. */
  get remaining(): number {
    return this.text.length - this.at;
  }

  get done(): boolean {
    return this.at >= this.text.length;
  }

  get offset(): number {
    return this.at;
  }

  next(size: number): Slice | null {
    const { text } = this;
    const start = this.at;
    if (start >= text.length) return null;
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const nl = text.indexOf('\n', end);
      end = nl === -1 || nl - start > size * 2 ? end : nl + 1;
    }
    this.advanceTo(start);
    const context = this.contextBefore(start);
    this.at = end;
    return { start, end, text: context + text.slice(start, end), contextLength: context.length };
  }

  /** Reads the lines before `offset` to know the table block it is in. */
  private advanceTo(offset: number): void {
    const { text } = this;
    while (this.scanned < offset) {
      let lineEnd = text.indexOf('\n', this.scanned);
      if (lineEnd === -1) lineEnd = text.length;
      if (lineEnd >= offset) break; // the line holding offset is the slice's own
      // the next tab is searched again only once passed, so the walk stays linear
      if (this.nextTab !== Infinity && this.nextTab < this.scanned) {
        this.nextTab = text.indexOf('\t', this.scanned);
        if (this.nextTab === -1) this.nextTab = Infinity;
      }
      const isRow = this.nextTab < lineEnd;
      if (isRow && !this.inBlock) this.header = text.slice(this.scanned, lineEnd);
      this.inBlock = isRow;
      this.scanned = lineEnd + 1;
    }
  }

  /** The table header line (when start is inside a table) and the lines just before start. */
  private contextBefore(start: number): string {
    if (start === 0) return '';
    const { text } = this;
    let lineStart = start;
    for (let i = 0; i < CONTEXT_LINES && lineStart > 0; i++) lineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    const lines = text.slice(lineStart, start);
    const header = this.inBlock ? this.header : '';
    const firstContextLine = lines.slice(0, lines.indexOf('\n') + 1 || lines.length);
    return header && header + '\n' !== firstContextLine ? `${header}\n${lines}` : lines;
  }
}

/** Cuts text into slices of about `size` characters at line ends. */
export function sliceText(text: string, size = 16_384): Slice[] {
  const slicer = new Slicer(text);
  const slices: Slice[] = [];
  for (let s = slicer.next(size); s; s = slicer.next(size)) slices.push(s);
  return slices;
}

/** Scans one slice and returns its findings with offsets into the whole text. */
export function scanSlice(slice: Slice, page: number, options: ScanOptions): Finding[] {
  return scanText(slice.text, page, options)
    .filter((f) => f.start >= slice.contextLength)
    .map((f) => ({ ...f, start: f.start - slice.contextLength + slice.start, end: f.end - slice.contextLength + slice.start }));
}
