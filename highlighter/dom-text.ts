// Reads a document's visible text and form values into one page text, the way
// the document readers do for files: blocks end lines, table cells are joined by
// tabs, and every run of text remembers the DOM node it came from. The walk is
// resumable so a big page is read in short slices.

export type DomSource =
  | { type: 'text'; node: Text }
  /** an HTML comment: not shown, not paintable, but a leaked webhook in one is still a finding */
  | { type: 'comment'; node: Comment }
  | { type: 'field'; element: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement };

export interface DomSegment {
  start: number;
  end: number;
  source: DomSource;
}

export interface DomPage {
  text: string;
  segments: DomSegment[];
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'TITLE', 'META', 'LINK']);
const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'BR',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TFOOT',
  'THEAD',
  'TR',
  'UL',
  'OPTION',
  'LEGEND',
]);
const VALUELESS_INPUTS = new Set(['hidden', 'button', 'submit', 'reset', 'image', 'checkbox', 'radio', 'file', 'range', 'color']);
/** Our own UI host is never read. */
export const SUMI_HOST_ATTR = 'data-sumi-host';

/** Has a character that is not white space (cheaper than trim(), which copies). */
const NON_SPACE = /\S/;
const LINE_BREAKS = /[\n\t\r]/;
const LINE_BREAKS_ALL = /[\n\t\r]/g;
/** Text with line breaks and tabs turned into spaces (same length: offsets stay the node's); copied only when needed. */
const flat = (text: string) => (LINE_BREAKS.test(text) ? text.replace(LINE_BREAKS_ALL, ' ') : text);

export class DomTextBuilder {
  private parts: string[] = [];
  private length = 0;
  private segments: DomSegment[] = [];
  /** Nodes still to visit, and elements to leave, as two parallel stacks (no object per node: a big page has hundreds of thousands). */
  private stack: Node[];
  private exits: boolean[];
  private lastChar = '\n';

  constructor(root: Node) {
    this.stack = [root];
    this.exits = [false];
  }

  get done(): boolean {
    return this.stack.length === 0;
  }

  /** Characters of page text read so far. */
  get textLength(): number {
    return this.length;
  }

  /** Walks until the deadline (performance.now() value) or the end; returns true when finished. */
  step(deadline: number): boolean {
    let count = 0;
    while (this.stack.length) {
      // checking the clock every node would cost more than the walk
      if ((++count & 63) === 0 && performance.now() > deadline) return false;
      const node = this.stack.pop()!;
      if (this.exits.pop()) this.leave(node as Element);
      else this.visit(node);
    }
    return true;
  }

  /** The text read so far (later text is only ever appended) and its segments, which keep growing. */
  result(): DomPage {
    // joined once and kept joined, so asking again while the walk goes on stays cheap
    if (this.parts.length > 1) this.parts = [this.parts.join('')];
    return { text: this.parts[0] ?? '', segments: this.segments };
  }

  private visit(node: Node): void {
    if (node.nodeType === Node.COMMENT_NODE) {
      const text = (node as Comment).data;
      if (text.trim().length > 8) {
        this.newline();
        this.add(text.replace(/[\t\r]/g, ' '), { type: 'comment', node: node as Comment }); // its lines stay lines
        this.newline();
      }
      return;
    }
    if (node.nodeType === Node.TEXT_NODE) {
      const text = (node as Text).data;
      if (NON_SPACE.test(text)) this.add(flat(text), { type: 'text', node: node as Text });
      else if (text && this.lastChar !== ' ' && this.lastChar !== '\n' && this.lastChar !== '\t') this.separator(' ');
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
    const el = node as Element;
    if (node.nodeType === Node.ELEMENT_NODE) {
      if (SKIP.has(el.tagName) || el.hasAttribute(SUMI_HOST_ATTR) || (el as HTMLElement).hidden) return;
      if (el.tagName === 'HEAD') {
        // only the comments of the head: its text is metadata, its comments may hold leaked keys
        for (let kid = el.lastChild; kid; kid = kid.previousSibling) if (kid.nodeType === Node.COMMENT_NODE) this.push(kid, false);
        return;
      }
      if (el.tagName !== 'HTML' && !this.visible(el)) return;
      if (this.field(el)) return;
      this.enter(el);
      this.push(el, true);
    }
    // children are pushed in reverse so they pop in document order; an open shadow root replaces light children
    const root = (el as Element).shadowRoot ?? node;
    for (let kid = root.lastChild; kid; kid = kid.previousSibling) this.push(kid, false);
  }

  private push(node: Node, exit: boolean): void {
    this.stack.push(node);
    this.exits.push(exit);
  }

  private visible(el: Element): boolean {
    // checkVisibility is cheap once styles are computed; older browsers read everything
    const check = (el as HTMLElement).checkVisibility;
    return typeof check !== 'function' || check.call(el, { visibilityProperty: true, opacityProperty: false });
  }

  private enter(el: Element): void {
    const tag = el.tagName;
    if (tag === 'TD' || tag === 'TH') {
      if (el.previousElementSibling) this.separator('\t');
      return;
    }
    if (BLOCK.has(tag)) this.newline();
  }

  private leave(el: Element): void {
    if (BLOCK.has(el.tagName)) this.newline();
  }

  /** Form fields: their value, after a label the detectors can read ("password: …"). */
  private field(el: Element): boolean {
    const tag = el.tagName;
    if (tag !== 'INPUT' && tag !== 'TEXTAREA' && tag !== 'SELECT') return false;
    const field = el as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    if (tag === 'INPUT' && VALUELESS_INPUTS.has((field as HTMLInputElement).type)) return true;
    const value = tag === 'SELECT' ? ((field as HTMLSelectElement).selectedOptions[0]?.text ?? '') : field.value;
    if (!value.trim()) return true;
    const name = tag === 'INPUT' && (field as HTMLInputElement).type === 'password' ? 'password' : field.getAttribute('name') || field.id || field.getAttribute('aria-label') || '';
    if (this.lastChar !== '\n' && this.lastChar !== '\t') this.separator(' ');
    if (name) this.separator(`${name}=`);
    this.add(flat(value), { type: 'field', element: field });
    this.separator(' ');
    return true;
  }

  private add(text: string, source: DomSource): void {
    this.segments.push({ start: this.length, end: this.length + text.length, source });
    this.parts.push(text);
    this.length += text.length;
    this.lastChar = text[text.length - 1];
  }

  private separator(s: string): void {
    this.parts.push(s);
    this.length += s.length;
    this.lastChar = s[s.length - 1];
  }

  private newline(): void {
    if (this.lastChar !== '\n') this.separator('\n');
  }
}
