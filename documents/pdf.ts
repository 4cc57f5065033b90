// PDF reader: pdf.js text content → SumiDocument, one Page per PDF page.
//
// No Node or browser APIs here: pdf.js itself comes from the caller's
// `loadPdfjs` and asset locations (platform/node.ts, platform/browser.ts).
//
// Each page's text is rebuilt in reading order from the positioned text items:
// items are grouped into lines by baseline (per writing direction), lines run top
// to bottom, items in a line left to right; a space goes between two items of a
// line only where the page shows a gap, pdf.js put a space item, or pdf.js ended
// a line there. Every item becomes one segment pointing back to the item and its
// box, so findings can be placed on the page for highlighting and masking.
import { annotationTexts, type AnnotationText } from './pdf-annotations.ts';
import { hiddenLayerNames, noteLayerText, splitMarkedContent } from './pdf-layers.ts';
import { addAttachments, attachmentsOf, readAttachments, type AttachedText, type ReadAttached } from './pdf-attachments.ts';
import { DocumentError, PageBuilder, type Page, type SumiDocument } from '../core/document.ts';
import { lastColumns, type Table } from '../core/tables.ts';
import { writeLayout } from '../layout/write.ts';
import type { LayoutLine, LayoutPiece, Rules } from '../layout/types.ts';
import { pageRules } from './pdf-rules.ts';
import type { PDFDocumentProxy } from 'pdfjs-dist';

export type PdfjsModule = typeof import('pdfjs-dist');

/**
 * Where pdf.js finds its data files: directories ending in '/' (URLs in the
 * browser, file-system paths under Node). CMaps are needed for CID fonts
 * (Japanese) without a ToUnicode map; standard font data for non-embedded fonts.
 */
export interface PdfjsAssets {
  cMapUrl?: string;
  standardFontDataUrl?: string;
  wasmUrl?: string;
  iccUrl?: string;
}

/** How pdf.js is loaded where the code runs, and where its data files are (platform/node.ts, platform/browser.ts). */
export interface PdfjsLoader {
  loadPdfjs: () => Promise<PdfjsModule>;
  assets: PdfjsAssets;
}

export interface ReadPdfOptions extends PdfjsLoader {
  /** Called after each page is read. */
  onProgress?: (page: number, pages: number) => void;
  /** Called with each page as it is read (its text layer; pages that need OCR come with what text they have). */
  onPage?: (page: Page) => void;
  /**
   * The document opened by the caller, to be read rather than parsed again
   * (pages/pdf-pages.ts: one parse serves reading, OCR, display and export).
   * The caller destroys it; no document-wide cleanup runs on it, since the
   * caller may be drawing its pages.
   */
  open?: () => Promise<PDFDocumentProxy>;
  /** reads a file attached to the PDF as a document of its own (documents/read.ts hands in readDocument); without it attachments are named, not read */
  readAttached?: ReadAttached;
}

/** Pages between two document-wide cleanups (fonts and parsed pages held by the worker). */
const CLEANUP_EVERY = 25;

export async function readPdf(bytes: Uint8Array, options: ReadPdfOptions): Promise<SumiDocument> {
  const { loadPdfjs, assets, open } = options;
  const pdfjs = await loadPdfjs();

  const task = open
    ? undefined
    : pdfjs.getDocument({
        // pdf.js transfers (detaches) the buffer it is given: hand it a copy.
        data: bytes.slice(),
        ...assets,
        cMapPacked: true,
        // Text only: no font faces, no system fonts, no eval (extension pages forbid it).
        disableFontFace: true,
        useSystemFonts: false,
        isEvalSupported: false,
        stopAtErrors: false,
        verbosity: pdfjs.VerbosityLevel.ERRORS,
      });
  try {
    let doc: PDFDocumentProxy;
    try {
      doc = await (open ? open() : task!.promise);
    } catch (err) {
      throw loadError(err);
    }

    const pages: Page[] = [];
    const ocrPages: number[] = [];
    let failed = 0;
    let firstFailure: unknown;
    // files attached to the PDF: read first, written after the last page's text
    // layers switched off: their text is read and called out (./pdf-layers.ts)
    const hiddenLayers = await hiddenLayerNames(doc);
    const attached = await readAttachments(attachmentsOf(await doc.getAttachments().catch(() => null)), options.readAttached);
    // the columns of the table the last page ended with: a table may go on over the page break
    let priorColumns: [number, number][] | undefined;
    for (let n = 1; n <= doc.numPages; n++) {
      let page: Awaited<ReturnType<typeof doc.getPage>> | undefined;
      try {
        page = await doc.getPage(n);
        const viewport = page.getViewport({ scale: 1 });
        const content = await page.getTextContent({ includeMarkedContent: hiddenLayers.length > 0 });
        const { items, inLayer } = splitMarkedContent(content.items);
        const annotations = annotationTexts(await page.getAnnotations().catch(() => []));
        // (a page without text, a scan, is not drawn for its rules: that would decode its images)
        const rules = items.length ? await pageRules(page, pdfjs).catch(() => undefined) : undefined;
        const built = buildPage(n, items, { width: viewport.width, height: viewport.height }, annotations, n === doc.numPages ? attached : [], priorColumns, rules);
        pages.push(built);
        priorColumns = lastColumns(built);
        // (whether the page needs OCR is judged on its own text, not on what its fields and notes hold)
        if (needsOcr(built.text.slice(0, Math.min(built.text.length, ...built.hidden.flatMap((h) => h.start ?? []))))) ocrPages.push(n);
        noteLayerText(built, inLayer, hiddenLayers);
        options.onPage?.(built);
      } catch (err) {
        // A page pdf.js cannot interpret: keep its place, let OCR have a go at it.
        failed++;
        firstFailure ??= err;
        priorColumns = undefined;
        const b = new PageBuilder();
        if (n === doc.numPages) addAttachments(b, attached);
        pages.push(b.build(n, page ? { size: sizeOf(page) } : {}));
        ocrPages.push(n);
      } finally {
        page?.cleanup();
      }
      if (n % CLEANUP_EVERY === 0 && !open) await doc.cleanup();
      options.onProgress?.(n, doc.numPages);
    }
    if (failed > 0 && failed === doc.numPages) throw loadError(firstFailure);
    return { type: 'pdf', pages, ocrPages };
  } finally {
    await task?.destroy();
  }
}

function sizeOf(page: { getViewport(p: { scale: number }): { width: number; height: number } }) {
  try {
    const { width, height } = page.getViewport({ scale: 1 });
    return { width, height };
  } catch {
    return undefined;
  }
}

function loadError(err: unknown): Error {
  if (err instanceof DocumentError) return err;
  const e = err as { name?: string; message?: string } | undefined;
  const name = e?.name ?? '';
  const message = e?.message ?? String(err);
  if (name === 'PasswordException') {
    return new DocumentError('The PDF is password-protected; open it with its password and save an unprotected copy to scan it.', 'encrypted');
  }
  // Not the document's fault: pdf.js itself could not start.
  if (name === 'AbortException' || /fake worker|worker was destroyed/i.test(message)) {
    return err instanceof Error ? err : new Error(message);
  }
  const detail = message ? ` (${message.replace(/\.$/, '')})` : '';
  return new DocumentError(`The PDF is damaged and cannot be read${detail}.`, 'corrupt');
}

// ---------------------------------------------------------------------------
// Page text in reading order

/** The fields of a pdf.js TextItem used here (TextMarkedContent entries have no `str`). */
interface TextItemLike {
  str: string;
  dir?: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

interface Placed {
  index: number;
  /** text as added to the page, and where it starts inside item.str */
  text: string;
  offset: number;
  length: number;
  /** whitespace-only item: only says "a space goes here" */
  blank: boolean;
  hasEOL: boolean;
  /** position along the line and across lines, in the writing direction's frame */
  along: number;
  across: number;
  advance: number;
  size: number;
  box: { x: number; y: number; width: number; height: number };
}

/** Gap (in font sizes) between two items of a line that reads as a space. */
const SPACE_GAP = 0.2;
/** Baseline distance (in font sizes) within which two items share a line. */
const LINE_TOLERANCE = 0.5;

/** Builds one page from pdf.js text content items. Exported for tests. */
export function buildPage(
  number: number,
  items: readonly unknown[],
  size?: { width: number; height: number },
  annotations: readonly AnnotationText[] = [],
  attached: readonly AttachedText[] = [],
  priorColumns?: readonly [number, number][],
  rules?: Rules,
): Page {
  const groups = new Map<string, Placed[]>();
  items.forEach((raw, index) => {
    const item = raw as TextItemLike;
    if (typeof item?.str !== 'string' || !item.str || !Array.isArray(item.transform)) return;
    const placed = place(item, index);
    const key = item.dir === 'ttb' ? 'ttb' : String(Math.round((Math.atan2(item.transform[1], item.transform[0]) * 180) / Math.PI));
    const group = groups.get(key);
    if (group) group.push(placed);
    else groups.set(key, [placed]);
  });

  const b = new PageBuilder();
  const tables: Table[] = [];
  // Groups (writing directions) in the order they first appear; nearly always just one.
  for (const [key, group] of groups) {
    const lines = intoLines(group).map(toLayoutLine);
    // tables are inferred in horizontal writing only
    tables.push(...writeLayout(b, lines, { tables: key === '0', priorColumns, rules }));
  }
  addAnnotations(b, annotations);
  addAttachments(b, attached);
  return b.build(number, { ...(size ? { size } : {}), ...(tables.length ? { tables } : {}) });
}

/**
 * Form field values and annotation texts after the page's own text, one per
 * line with its label, each kind called out as content the page does not show
 * as text (a masked export, which draws no annotations, drops them all).
 */
function addAnnotations(b: PageBuilder, annotations: readonly AnnotationText[]): void {
  for (const kind of ['form-values', 'annotations'] as const) {
    const mine = annotations.filter((a) => a.kind === kind);
    if (!mine.length) continue;
    b.newline();
    const start = b.offset;
    for (const a of mine) {
      if (a.label.trim()) b.separator(`${a.label.trim()}: `);
      b.add(a.text, { type: 'pdf-annotation', box: a.box, offset: 0, length: a.text.length });
      b.newline();
    }
    const detail = kind === 'form-values' ? `${mine.length} form field value(s)` : `${mine.length} comment(s) or note(s)`;
    b.hidden.push({ kind, detail, start, end: b.offset });
  }
}

/** A line of placed items as layout analysis reads it: pieces along the line, y growing down the page. */
function toLayoutLine(line: Placed[]): LayoutLine {
  const pieces: LayoutPiece[] = [];
  let prev: Placed | undefined;
  let pendingSpace = false;
  let size = 0;
  let across = 0;
  for (const it of line) {
    if (it.blank) {
      if (prev) pendingSpace = true;
      continue;
    }
    const gap = prev ? it.along - (prev.along + prev.advance) : 0;
    const spaceBefore = !!prev && (pendingSpace || prev.hasEOL || gap > SPACE_GAP * Math.max(it.size, prev.size));
    pieces.push(...piecesOf(it, spaceBefore));
    if (it.size > size) [size, across] = [it.size, it.across];
    prev = it;
    pendingSpace = false;
  }
  size ||= 1;
  return { pieces, top: -across - size, bottom: -across, size };
}

/**
 * An item's text as pieces: one piece, or several where the item itself holds
 * a wide run of spaces (a whole table row written as one string), each placed
 * in proportion to its characters.
 */
function piecesOf(it: Placed, spaceBefore: boolean): LayoutPiece[] {
  const source = (offset: number) => ({ type: 'pdf-item' as const, item: it.index, offset: it.offset + offset, box: it.box, length: it.length });
  if (!/\s{2,}/.test(it.text)) return [{ text: it.text, source: source(0), x0: it.along, x1: it.along + it.advance, spaceBefore }];
  const perChar = it.advance / Math.max(1, it.text.length);
  const out: LayoutPiece[] = [];
  for (const m of it.text.matchAll(/\S+(?:\s\S+)*/g)) {
    const x0 = it.along + m.index * perChar;
    out.push({ text: m[0], source: source(m.index), x0, x1: x0 + m[0].length * perChar, spaceBefore: out.length ? true : spaceBefore });
  }
  return out;
}

function place(item: TextItemLike, index: number): Placed {
  const [a = 1, bb = 0, c = 0, d = 1, x = 0, y = 0] = item.transform;
  const str = item.str;
  const body = str.trim();
  const offset = body ? str.indexOf(body) : 0;
  const fontSize = Math.hypot(c, d) || item.height || Math.hypot(a, bb) || 1;
  const box = { x, y, width: item.width, height: item.height || fontSize };
  let along: number;
  let across: number;
  let advance: number;
  if (item.dir === 'ttb') {
    // vertical writing: columns right to left, each top to bottom
    along = -y;
    across = x;
    advance = item.height;
  } else {
    const angle = Math.atan2(bb, a);
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    along = x * cos + y * sin;
    across = -x * sin + y * cos;
    advance = item.width;
  }
  return {
    index,
    text: normalizeGlyphs(body),
    offset,
    length: str.length,
    blank: !body,
    hasEOL: !!item.hasEOL,
    along,
    across,
    advance: Number.isFinite(advance) ? advance : 0,
    size: fontSize,
    box,
  };
}

/** Groups items into lines (first line first), each sorted along the line. */
function intoLines(items: Placed[]): Placed[][] {
  const sorted = [...items].sort((p, q) => q.across - p.across || p.index - q.index);
  const lines: Placed[][] = [];
  let current: Placed[] = [];
  let ref = 0;
  let refSize = 0;
  for (const it of sorted) {
    if (current.length && ref - it.across <= LINE_TOLERANCE * Math.max(refSize, it.size)) {
      current.push(it);
      // the line's baseline is the one of its largest text (not a superscript)
      if (!it.blank && it.size > refSize) {
        ref = it.across;
        refSize = it.size;
      }
      continue;
    }
    if (current.length) lines.push(current);
    current = [it];
    ref = it.across;
    refSize = it.size;
  }
  if (current.length) lines.push(current);
  for (const line of lines) line.sort((p, q) => p.along - q.along || p.index - q.index);
  return lines;
}

// ---------------------------------------------------------------------------
// Glyph names that fonts map to the wrong code points

// Japanese fonts often map common kanji to the look-alike KANGXI RADICAL or CJK
// RADICALS SUPPLEMENT code points in their ToUnicode tables ('⽇' for 日, '⻑' for
// 長). Map them back one character for one character, so offsets into item.str
// stay valid. Kangxi radicals all have an NFKC mapping to the unified ideograph;
// for the supplement, only the forms that stand for an ordinary character
// (Unicode's EquivalentUnifiedIdeograph data) are mapped.
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '⺁': '厂',
  '⺄': '乙',
  '⺅': '亻',
  '⺆': '冂',
  '⺉': '刂',
  '⺊': '卜',
  '⺌': '小',
  '⺎': '兀',
  '⺐': '尢',
  '⺒': '巳',
  '⺓': '幺',
  '⺖': '忄',
  '⺘': '扌',
  '⺙': '攵',
  '⺛': '旡',
  '⺜': '日',
  '⺝': '月',
  '⺟': '母',
  '⺠': '民',
  '⺡': '氵',
  '⺢': '氺',
  '⺣': '灬',
  '⺦': '丬',
  '⺧': '牛',
  '⺨': '犭',
  '⺩': '王',
  '⺫': '罒',
  '⺬': '示',
  '⺭': '礻',
  '⺯': '糹',
  '⺱': '罓',
  '⺲': '罒',
  '⺹': '耂',
  '⺺': '肀',
  '⺼': '肉',
  '⺾': '艹',
  '⻁': '虎',
  '⻂': '衤',
  '⻃': '覀',
  '⻄': '西',
  '⻆': '角',
  '⻌': '辶',
  '⻑': '長',
  '⻒': '镸',
  '⻖': '阝',
  '⻗': '雨',
  '⻘': '青',
  '⻝': '食',
  '⻟': '飠',
  '⻣': '骨',
  '⻤': '鬼',
  '⻨': '麦',
  '⻩': '黄',
  '⻫': '斉',
  '⻭': '歯',
  '⻯': '竜',
  '⻲': '亀',
  '⻳': '龟',
};

export function normalizeGlyphs(text: string): string {
  return text.replace(/[\u2E80-\u2FDF]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (code >= 0x2f00 && code <= 0x2fd5) {
      const mapped = ch.normalize('NFKC');
      return mapped.length === 1 ? mapped : ch;
    }
    return RADICAL_SUPPLEMENT[ch] ?? ch;
  });
}

// ---------------------------------------------------------------------------
// Pages that need OCR

/**
 * True when a page's text layer has nothing worth scanning: empty, only a page
 * number or folio ("- 3 -", "Page 3 of 10", "3/10"), or mostly characters that
 * fonts without a usable ToUnicode map produce (private use, U+FFFD, controls).
 */
export function needsOcr(text: string): boolean {
  const compact = text.replace(/\s+/g, '');
  if (!compact) return true;
  const rest = compact.replace(/page|of|ページ|頁/gi, '');
  if (rest.length <= 8 && /^[-\d/.,:()（）#№pPー－―–—−]*$/.test(rest)) return true;
  let unusable = 0;
  for (const ch of compact) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0xe000 && code <= 0xf8ff) || code === 0xfffd || code >= 0xf0000) unusable++;
  }
  return unusable * 2 > [...compact].length;
}
