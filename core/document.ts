// The platform-neutral document model: every reader turns bytes (or a DOM) into
// a SumiDocument, and every consumer finds its way back to the source through
// the page's segments. No browser or Node APIs here.
import type { Table } from './tables.ts';

/** Where a run of page text sits in its source. */
export type SourceRef =
  | { type: 'text'; offset: number } // offset in the decoded file text
  | { type: 'cell'; sheet: string; row: number; col: number; offset: number; part?: 'value' | 'comment' }
  | {
      type: 'pdf-item';
      item: number; // index into pdf.js getTextContent().items
      offset: number; // character index inside that item's str
      /** item box in PDF user space: x, y (baseline), width, height */
      box: { x: number; y: number; width: number; height: number };
      /** item text length, to place characters proportionally inside the box */
      length: number;
    }
  | { type: 'ocr-word'; box: { x: number; y: number; width: number; height: number }; offset: number; length: number }
  /** a PDF form field's value or an annotation's text (a comment, a note): its box is the annotation's rectangle, masked whole */
  | { type: 'pdf-annotation'; box: { x: number; y: number; width: number; height: number }; offset: number; length: number }
  | { type: 'docx'; part: string; offset: number }
  | { type: 'html'; node: string; offset: number }; // node: a path like 'body/table/tr[2]/td[1]#text' or 'input[name=user]@value'

/**
 * A run of page text [start, end) that comes from one place in the source.
 * Gaps between segments are separators the reader added (tabs, newlines).
 */
export interface Segment {
  start: number;
  end: number;
  source: SourceRef;
}

/** Something the officer must be told about: content a normal view does not show. */
export interface HiddenNote {
  kind:
    | 'hidden-sheet'
    | 'very-hidden-sheet'
    | 'hidden-rows'
    | 'hidden-columns'
    | 'comments'
    | 'tracked-deletions'
    | 'html-comment'
    | 'hidden-element'
    | 'form-values'
    | 'script-text'
    | 'annotations'
    | 'attachment'
    | 'hidden-layer';
  /** human-readable, e.g. "sheet 'original' is hidden" */
  detail: string;
  /** page text range the hidden content occupies, when it is one block */
  start?: number;
  end?: number;
}

/** A note that a whole sheet is hidden (very hidden ones too). */
export function isHiddenSheetNote(note: HiddenNote): boolean {
  return note.kind === 'hidden-sheet' || note.kind === 'very-hidden-sheet';
}

/** Whether a page is a sheet the workbook hides. */
export function isHiddenSheet(page: Pick<Page, 'hidden'>): boolean {
  return page.hidden.some(isHiddenSheetNote);
}

export interface Page {
  /** 1-based page or sheet number */
  number: number;
  /** sheet name, or undefined */
  name?: string;
  /** the page's extracted text; finding offsets refer to it */
  text: string;
  /** sorted by start, non-overlapping */
  segments: Segment[];
  hidden: HiddenNote[];
  /** page size in PDF points (PDF and images) */
  size?: { width: number; height: number };
  /** tables the reader found or inferred on the page, in page-text order */
  tables?: Table[];
  /** why the page could not be read (OCR ran out of time): it is reported as not checked, never as clean */
  unread?: string;
}

export type DocumentType = 'pdf' | 'image' | 'html' | 'text' | 'csv' | 'xlsx' | 'docx';

export interface SumiDocument {
  type: DocumentType;
  pages: Page[];
  /** 1-based numbers of pages with no usable text that need OCR */
  ocrPages: number[];
  /** the text encoding a text/CSV file was decoded from */
  encoding?: string;
}

/** A reader error whose message can be shown to the officer as it is. */
export class DocumentError extends Error {
  constructor(
    message: string,
    readonly code: 'unsupported' | 'corrupt' | 'encrypted' | 'too-large' | 'unreadable',
  ) {
    super(message);
    this.name = 'DocumentError';
  }
}

/** Builds a page's text and its segments together, so offsets always agree. */
export class PageBuilder {
  private parts: string[] = [];
  private length = 0;
  readonly segments: Segment[] = [];
  readonly hidden: HiddenNote[] = [];

  /** Appends source text and records where it came from. */
  add(text: string, source: SourceRef): void {
    if (!text) return;
    this.segments.push({ start: this.length, end: this.length + text.length, source });
    this.parts.push(text);
    this.length += text.length;
  }

  /** Appends a separator that has no source (tab between cells, newline between rows). */
  separator(text: string): void {
    if (!text) return;
    this.parts.push(text);
    this.length += text.length;
  }

  /** Ends the current line unless it is already ended (or nothing was written). */
  newline(): void {
    if (this.length > 0 && !this.endsWithNewline()) this.separator('\n');
  }

  get offset(): number {
    return this.length;
  }

  private endsWithNewline(): boolean {
    const last = this.parts[this.parts.length - 1];
    return last !== undefined && last.endsWith('\n');
  }

  build(number: number, extra: Partial<Page> = {}): Page {
    return { number, text: this.parts.join(''), segments: this.segments, hidden: this.hidden, ...extra };
  }
}

/**
 * `page` (what OCR read of a page's picture) with the hidden blocks of
 * `original` (the same page as its reader read it: form values, notes,
 * attached files) written after its own text, so that OCR, which sees only
 * the picture, does not drop them.
 */
export function withHiddenOf(page: Page, original: Page): Page {
  const carried = new Set<HiddenNote['kind']>(['form-values', 'annotations', 'attachment']);
  const blocks = original.hidden.filter((h): h is HiddenNote & { start: number; end: number } => carried.has(h.kind) && h.start !== undefined && h.end !== undefined);
  if (!blocks.length) return page;
  let text = page.text;
  const segments = [...page.segments];
  const hidden = [...page.hidden];
  for (const h of blocks) {
    if (text && !text.endsWith('\n')) text += '\n';
    const shift = text.length - h.start;
    for (const s of original.segments) if (s.start >= h.start && s.end <= h.end) segments.push({ ...s, start: s.start + shift, end: s.end + shift });
    text += original.text.slice(h.start, h.end);
    hidden.push({ ...h, start: h.start + shift, end: h.end + shift });
  }
  return { ...page, text, segments, hidden };
}
