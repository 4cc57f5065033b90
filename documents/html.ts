// HTML reader (a saved page or a disclosed page source): the visible text in
// reading order, with block elements on their own lines and table rows as
// tab-separated cells; form field values and alt/title attributes in place;
// then, at the end, what the page carries but does not show: HTML comments and
// script text, which is where webhooks, keys and embedded records leak.
//
// Segments point at DOM nodes by a short path: element names from the root with
// a 1-based index among same-name siblings when it is not the first
// ('html/body/table/tr[2]/td#text'), '#text[k]' / '#comment[k]' for the k-th
// text or comment child, '@attr' for an attribute; form fields with a name use
// 'input[name=user]@value'. `offset` is inside the node's decoded text.
//
// Each table (not one nested in a cell: its text stays in the cell) is a table
// of the page: a cell is written in the grid column it stands in, so a cell
// after one spanning columns, or beside one spanning rows from above, is
// preceded by the empty cells covered; rows of <thead> and rows of <th> cells
// are its header rows when they read as such (documents/tables.ts), else its
// first row when it does.
import { Parser } from 'htmlparser2';
import { PageBuilder, type HiddenNote, type SourceRef, type SumiDocument } from '../core/document.ts';
import { TableDraft } from '../core/tables.ts';
import { decodeText } from './encoding.ts';
import { addCellText, addFlowText, LineWriter } from './add-source-text.ts';
import { readerTable } from './tables.ts';

const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'title',
  'ul',
]);
/** input types whose value is the button's visible label or not text at all */
const LABEL_INPUTS = new Set(['submit', 'reset', 'button']);
const NO_VALUE_INPUTS = new Set(['checkbox', 'radio', 'file', 'image', 'color', 'range']);
const MAX_HIDDEN_NOTES = 20;

interface Frame {
  name: string;
  path: string;
  counts: Map<string, number>;
  texts: number;
  comments: number;
  /** the table this element opened, a <thead> of, or the cell it is */
  table?: OpenTable;
  head?: OpenTable;
  cell?: OpenCell;
}

interface Captured {
  text: string;
  node: string;
}

/** A table being read: its draft, its marked header rows, and the grid of the row being read. */
interface OpenTable {
  draft: TableDraft;
  /** rows in <thead> or of <th> cells only */
  marked: Set<number>;
  /** grid columns */
  width: number;
  /** open <thead> elements */
  head: number;
  /** per grid column: rows below the current one that a cell spanning rows still covers */
  covered: number[];
  /** per grid column: whether the current row's slot is taken by a cell from above */
  takenFromAbove: boolean[];
  /** the grid column after the current row's last cell, and the tabs written on the row */
  cursor: number;
  tabs: number;
  /** whether every cell of the current row so far is a <th> (and there is one) */
  allTh: boolean;
}

/** An outer table cell being read: where it stands and where its text starts. */
interface OpenCell {
  table: OpenTable;
  col: number;
  start: number;
  colSpan: number;
  rowSpan: number;
}

const MAX_SPAN = 1000;

function spanOf(value: string | undefined): number {
  const n = Number.parseInt(value ?? '', 10);
  return n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

export function readHtml(bytes: Uint8Array): SumiDocument {
  const { text, encoding } = decodeText(bytes, { hint: declaredCharset(bytes) });
  return { ...readHtmlString(text), encoding };
}

/** The charset a page declares in its first 1 KB (<meta charset=…> or http-equiv). */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
}

export function readHtmlString(html: string): SumiDocument {
  const b = new PageBuilder();
  const w = new LineWriter(b);
  const stack: Frame[] = [{ name: '', path: '', counts: new Map(), texts: 0, comments: 0 }];
  const scripts: Captured[] = [];
  const comments: Captured[] = [];
  const fields: string[] = [];
  const hiddenNotes: HiddenNote[] = [];
  let pending: string[] = [];
  let cellDepth = 0;
  let cellIndex = 0;
  const openTables: OpenTable[] = [];
  const tables: OpenTable[] = [];
  /** the table whose row is being read (rows outside a table: none) */
  const table = () => openTables[openTables.length - 1];
  let pre = 0;
  let skipText = 0; // style, datalist options
  let hidden: { depth: number; start: number; what: string } | null = null;
  let select: { options: { texts: Captured[]; selected: boolean }[] } | null = null;

  const top = () => stack[stack.length - 1];
  const blockBreak = () => (cellDepth > 0 ? w.space() : w.newline());

  /** Collapsed whitespace, as a browser shows it: runs of ASCII whitespace become one space (U+3000 stays). */
  const addCollapsed = (text: string, node: string) => {
    const n = text.length;
    let i = 0;
    while (i < n) {
      const ws = i;
      while (i < n && isHtmlSpace(text.charCodeAt(i))) i++;
      if (i > ws) w.space();
      if (i >= n) break;
      const start = i;
      // a single ' ' between words stays inside the segment; anything else ends it
      while (i < n && (!isHtmlSpace(text.charCodeAt(i)) || (text[i] === ' ' && i + 1 < n && !isHtmlSpace(text.charCodeAt(i + 1))))) i++;
      w.add(text.slice(start, i), { type: 'html', node, offset: start });
    }
  };

  const addAttr = (text: string | undefined, node: string) => {
    if (!text?.trim()) return;
    w.space();
    addCollapsed(text, node);
    w.space();
  };

  // A text node is complete when the next non-text event arrives (the parser
  // reports text around entities in pieces).
  const flush = () => {
    if (!pending.length) return;
    const text = pending.join('');
    pending = [];
    const frame = top();
    const k = ++frame.texts;
    const node = `${frame.path}#text${k > 1 ? `[${k}]` : ''}`;
    if (skipText) return;
    if (frame.name === 'script') scripts.push({ text, node });
    else if (select) select.options[select.options.length - 1]?.texts.push({ text, node });
    else if (pre > 0) {
      const source = (offset: number): SourceRef => ({ type: 'html', node, offset });
      if (cellDepth > 0) addCellText(w, text, source);
      else addFlowText(w, text, source);
    } else addCollapsed(text, node);
  };

  const field = (el: Frame, attrs: Record<string, string>) => {
    const type = (attrs.type ?? 'text').toLowerCase();
    const value = attrs.value;
    if (NO_VALUE_INPUTS.has(type) || !value?.trim()) return;
    if (LABEL_INPUTS.has(type)) return addAttr(value, `${el.path}@value`);
    // "name: value", so that a field named pass or user_id labels its value
    const at = attrs.name ? `input[name=${attrs.name}]` : el.path;
    w.space();
    if (attrs.name) {
      addCellText(w, attrs.name, (offset) => ({ type: 'html', node: `${at}@name`, offset }));
      w.separator(': ');
    }
    addCellText(w, value, (offset) => ({ type: 'html', node: `${at}@value`, offset }));
    w.space();
    fields.push(`${attrs.name ?? attrs.id ?? type}${type === 'hidden' || type === 'password' ? ` (${type} field)` : ''}`);
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        flush();
        const parent = top();
        const index = (parent.counts.get(name) ?? 0) + 1;
        parent.counts.set(name, index);
        const frame: Frame = { name, path: `${parent.path ? `${parent.path}/` : ''}${name}${index > 1 ? `[${index}]` : ''}`, counts: new Map(), texts: 0, comments: 0 };
        stack.push(frame);

        if (!hidden && isHiddenElement(name, attrs)) hidden = { depth: stack.length, start: w.offset, what: describe(name, attrs) };
        if (BLOCKS.has(name)) blockBreak();
        switch (name) {
          case 'br':
            if (cellDepth > 0) w.space();
            else w.separator('\n');
            break;
          case 'table':
            if (cellDepth === 0) {
              frame.table = { draft: new TableDraft(), marked: new Set(), width: 0, head: 0, covered: [], takenFromAbove: [], cursor: 0, tabs: 0, allTh: false };
              openTables.push(frame.table);
              tables.push(frame.table);
            }
            break;
          case 'thead':
            if (cellDepth === 0 && table()) {
              frame.head = table();
              frame.head.head++;
            }
            break;
          case 'tr':
            if (cellDepth === 0) {
              w.newline();
              cellIndex = 0;
              const t = table();
              if (t) {
                t.draft.row(w.offset);
                if (t.head > 0) t.marked.add(t.draft.rows - 1);
                t.takenFromAbove = t.covered.map((n) => n > 0);
                t.covered = t.covered.map((n) => Math.max(0, n - 1));
                t.cursor = 0;
                t.tabs = 0;
                t.allTh = true;
              }
            } else w.space();
            break;
          case 'td':
          case 'th': {
            const t = cellDepth === 0 ? table() : undefined;
            if (t && t.draft.rows > 0) {
              // the cell's grid column: the next one not taken by a cell spanning rows from above
              let col = t.cursor;
              while (t.takenFromAbove[col]) col++;
              if (col > t.tabs) w.separator('\t'.repeat(col - t.tabs));
              else w.space();
              t.tabs = Math.max(t.tabs, col);
              const colSpan = spanOf(attrs.colspan);
              frame.cell = { table: t, col, start: w.offset, colSpan, rowSpan: spanOf(attrs.rowspan) };
              t.cursor = col + colSpan;
              t.width = Math.max(t.width, t.cursor);
              if (name === 'td') t.allTh = false;
            } else if (cellDepth === 0 && cellIndex > 0) w.separator('\t');
            else w.space();
            if (cellDepth === 0) cellIndex++;
            cellDepth++;
            break;
          }
          case 'pre':
          case 'textarea':
            pre++;
            if (name === 'textarea') {
              w.space();
              if (attrs.name) {
                addCellText(w, attrs.name, (offset) => ({ type: 'html', node: `${frame.path}@name`, offset }));
                w.separator(': ');
              }
            }
            break;
          case 'style':
            skipText++;
            break;
          case 'input':
            field(frame, attrs);
            break;
          case 'img':
          case 'area':
            addAttr(attrs.alt, `${frame.path}@alt`);
            break;
          case 'select':
            select = { options: [] };
            break;
          case 'option':
            if (select) select.options.push({ texts: [], selected: attrs.selected !== undefined });
            else skipText++; // a datalist's suggestions are not on the page
            break;
        }
        if (name !== 'input') addAttr(attrs.title, `${frame.path}@title`);
      },

      onclosetag(name) {
        flush();
        // the parser closes implied elements itself; find the frame in case of stray tags
        let at = stack.length - 1;
        while (at > 0 && stack[at].name !== name) at--;
        if (at === 0) return;
        while (stack.length > at) closeFrame(stack.pop()!);
      },

      ontext(text) {
        pending.push(text);
      },

      oncomment(data) {
        flush();
        const frame = top();
        const k = ++frame.comments;
        comments.push({ text: data, node: `${frame.path}#comment${k > 1 ? `[${k}]` : ''}` });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );

  const closeFrame = (frame: Frame) => {
    const name = frame.name;
    if (BLOCKS.has(name)) blockBreak();
    switch (name) {
      case 'td':
      case 'th':
        cellDepth = Math.max(0, cellDepth - 1);
        if (frame.cell) {
          const { table: t, col, start, colSpan, rowSpan } = frame.cell;
          t.draft.cell(col, start, w.offset, colSpan, rowSpan);
          for (let k = col; k < col + colSpan; k++) t.covered[k] = Math.max(t.covered[k] ?? 0, rowSpan - 1);
        }
        break;
      case 'tr':
        if (cellDepth === 0) {
          w.newline();
          const t = table();
          if (t && t.draft.rows > 0 && t.allTh && t.cursor > 0) t.marked.add(t.draft.rows - 1);
        }
        break;
      case 'table':
        if (frame.table) openTables.splice(openTables.lastIndexOf(frame.table), 1);
        break;
      case 'thead':
        if (frame.head) frame.head.head--;
        break;
      case 'pre':
      case 'textarea':
        pre--;
        if (name === 'textarea') w.space();
        break;
      case 'style':
        skipText--;
        break;
      case 'option':
        if (!select) skipText--;
        break;
      case 'select': {
        const options = select?.options ?? [];
        select = null;
        // what the closed list shows: the selected option, else the first
        const shown = options.filter((o) => o.selected);
        w.space();
        for (const o of shown.length ? shown : options.slice(0, 1)) for (const t of o.texts) addCollapsed(t.text, t.node);
        w.space();
        break;
      }
    }
    if (hidden && hidden.depth === stack.length + 1) {
      if (w.offset > hidden.start) hiddenNotes.push({ kind: 'hidden-element', detail: `hidden element ${hidden.what}: its text is included`, start: hidden.start, end: w.offset });
      hidden = null;
    }
  };

  parser.end(html);
  flush();
  while (stack.length > 1) closeFrame(stack.pop()!);

  if (hiddenNotes.length > MAX_HIDDEN_NOTES) {
    const rest = hiddenNotes.length - MAX_HIDDEN_NOTES;
    hiddenNotes.length = MAX_HIDDEN_NOTES;
    hiddenNotes.push({ kind: 'hidden-element', detail: `${rest} more hidden elements: their text is included` });
  }
  b.hidden.push(...hiddenNotes);
  if (fields.length) {
    const list = fields.length > 10 ? `${fields.slice(0, 10).join(', ')}, …` : fields.join(', ');
    b.hidden.push({ kind: 'form-values', detail: `form fields are filled in: ${list}` });
  }
  appendBlock(w, comments, 'html-comment', (n) => `${n} HTML comment${n === 1 ? '' : 's'} (not shown on the page) listed at the end`);
  appendBlock(w, scripts, 'script-text', (n) => `text of ${n} script${n === 1 ? '' : 's'} (page code, not shown) listed at the end`);
  const page = b.build(1);
  const found = tables.flatMap((t) => readerTable(t.draft, page.text, { marked: (row) => t.marked.has(row), columns: t.width }) ?? []).sort((a, z) => a.start - z.start);
  if (found.length) page.tables = found;
  return { type: 'html', pages: [page], ocrPages: [] };
}

/** Hidden content after the visible text: one block per kind, each item on its own lines. */
function appendBlock(w: LineWriter, items: Captured[], kind: 'html-comment' | 'script-text', detail: (n: number) => string): void {
  const kept = items.filter((c) => c.text.trim());
  if (!kept.length) return;
  w.newline();
  const start = w.offset;
  for (const item of kept) {
    const lead = item.text.length - item.text.trimStart().length;
    w.newline();
    addFlowText(w, item.text.trim(), (offset) => ({ type: 'html', node: item.node, offset: lead + offset }));
  }
  w.b.hidden.push({ kind, detail: detail(kept.length), start, end: w.offset });
}

function isHtmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

function isHiddenElement(name: string, attrs: Record<string, string>): boolean {
  if (name === 'template' || attrs.hidden !== undefined) return true;
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attrs.style ?? '');
}

function describe(name: string, attrs: Record<string, string>): string {
  const id = attrs.id ? ` id="${attrs.id}"` : attrs.class ? ` class="${attrs.class}"` : '';
  return `<${name}${id}>`;
}
