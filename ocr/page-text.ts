// OCR lines and words → a core Page: one line of page text per row of text on
// the page, words joined the way the page shows them, every word (or every
// run of one script inside a word) a segment with its box in PDF user space.
//
// Rows: tesseract puts the label column and the value column of a form in
// different blocks; lines of different blocks that share a height are merged
// into one row, left to right, as the PDF reader does with text items.
//
// Spaces: tesseract splits Japanese into short tokens (株 式 会 社) and
// sometimes numbers too (080 一 488 6); it also drops real spaces between
// Japanese words. So a space goes between two words only where the page shows
// one: the distance between the facing characters' centres exceeds the
// line's own character pitch by a space's width.
import { PageBuilder, type Page } from '../core/document.ts';
import type { OcrLine, OcrResult, OcrSymbol, OcrWord, PageBox, PixelBox } from './engine.ts';
import { advance } from './layout.ts';
import { isWide, repairWord } from './normalize-ocr.ts';
import { writeLayout } from '../layout/write.ts';
import type { LayoutLine, LayoutPiece } from '../layout/types.ts';

/** Extra distance (in em) between two characters that reads as a space. */
const SPACE_EXTRA_NARROW = 0.13;
const SPACE_EXTRA_WIDE = 0.2;
/** Vertical overlap (share of the smaller height) for two lines to be one row. */
const ROW_OVERLAP = 0.5;

export interface OcrPageOptions {
  /** apply the repairs of ./normalize-ocr.ts (default true) */
  repair?: boolean;
  /** the columns of the table the page before ended with (see layout/analyse.ts) */
  priorColumns?: readonly [number, number][];
}

/** Builds page `number` from an OCR result. Page.size is the page size in points. */
export function buildOcrPage(number: number, result: OcrResult, options: OcrPageOptions = {}): Page {
  const lines: LayoutLine[] = [];
  for (const row of intoRows(result.lines.filter((l) => !isNoiseLine(l)))) {
    const words = row.flatMap((line) => line.words.filter((w) => !isNoise(w)).map((w, i) => ({ w, line, first: i === 0 })));
    if (!words.length) continue;
    const texts = words.map(({ w }) => w.text);
    const repaired = options.repair === false ? texts : texts.map((t, i) => repairWord(t, lastChar(texts[i - 1]), firstChar(texts[i + 1])));
    const pitch = rowPitch(row);
    const em = median(words.map(({ w }) => w.px.y1 - w.px.y0)) ?? 1;
    const pieces: LayoutPiece[] = [];
    for (let i = 0; i < words.length; i++) {
      const { w, line, first } = words[i];
      const text = repaired[i];
      let space = false;
      if (i > 0) {
        const prev = words[i - 1];
        space =
          first || w.gapBefore === undefined
            ? first || spaceBetween(prev.w, repaired[i - 1], w, text, pitch, height(line.px))
            : spaceByInk(prev.w, repaired[i - 1], w, text, charBefore(repaired, i - 1), charAfter(repaired, i));
      }
      parts(w, text, em, result.toPage).forEach((part, k) => {
        const source = { type: 'ocr-word' as const, box: part.box, offset: 0, length: part.text.length };
        pieces.push({ text: part.text, source, x0: part.span[0], x1: part.span[1], spaceBefore: k === 0 && space });
      });
    }
    // the size its type reads as: the height of its full-width characters where the row has a few (a
    // word's ink box in a crowded row reaches into the lines above and below it); gaps stay measured
    // against the words' height
    const glyphs = median(row.flatMap((l) => l.words.flatMap((w) => w.symbols.filter((c) => isWide(c.text) && !isPunct(c.text)).map((c) => c.box.height))));
    const glyphCount = row.reduce((n, l) => n + l.words.reduce((m, w) => m + w.symbols.filter((c) => isWide(c.text)).length, 0), 0);
    // (a glyph taller than the words it stands in is a misread box, not the type)
    const wordHeight = median(words.map(({ w }) => w.box.height))!;
    const typeSize = glyphCount >= 3 && glyphs && glyphs >= 0.35 * wordHeight && glyphs <= 1.1 * wordHeight ? glyphs : undefined;
    lines.push(
      layoutLine(
        pieces,
        words.map(({ w }) => w.box),
        result.height,
        typeSize,
      ),
    );
  }
  const b = new PageBuilder();
  const tables = writeLayout(b, lines, { priorColumns: options.priorColumns, rules: result.rules });
  return b.build(number, { size: { width: result.width, height: result.height }, ...(tables.length ? { tables } : {}) });
}

/** A row's pieces as a layout line, in page points with y growing down the page. */
function layoutLine(pieces: LayoutPiece[], boxes: PageBox[], pageHeight: number, typeSize?: number): LayoutLine {
  const tops = boxes.map((b) => pageHeight - (b.y + b.height));
  const bottoms = boxes.map((b) => pageHeight - b.y);
  const heights = boxes.map((b) => b.height).sort((a, b) => a - b);
  const size = heights[heights.length >> 1] || 1;
  return { pieces, top: Math.min(...tops), bottom: Math.max(...bottoms), size, ...(typeSize ? { typeSize } : {}) };
}

// ---------------------------------------------------------------------------
// Rows

function height(b: PixelBox): number {
  return Math.max(1, b.y1 - b.y0);
}

/** Lines grouped into rows (top to bottom), each row's lines left to right. Exported for tests. */
export function intoRows(lines: OcrLine[]): OcrLine[][] {
  const sorted = [...lines].sort((a, b) => a.px.y0 + a.px.y1 - (b.px.y0 + b.px.y1));
  const rows: { top: number; bottom: number; h: number; lines: OcrLine[] }[] = [];
  for (const line of sorted) {
    const h = height(line.px);
    let best: (typeof rows)[number] | undefined;
    let bestOverlap = 0;
    // only recent rows can share this line's height
    for (let k = rows.length - 1; k >= 0 && k >= rows.length - 4; k--) {
      const row = rows[k];
      const overlap = Math.min(row.bottom, line.px.y1) - Math.max(row.top, line.px.y0);
      if (overlap < ROW_OVERLAP * Math.min(h, row.h)) continue;
      // two lines of one row never cover each other horizontally
      if (row.lines.some((l) => Math.min(l.px.x1, line.px.x1) - Math.max(l.px.x0, line.px.x0) > 0.25 * Math.min(h, height(l.px)))) continue;
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        best = row;
      }
    }
    if (best) {
      best.lines.push(line);
      best.top = Math.min(best.top, line.px.y0);
      best.bottom = Math.max(best.bottom, line.px.y1);
      best.h = Math.min(best.h, h);
    } else rows.push({ top: line.px.y0, bottom: line.px.y1, h, lines: [line] });
  }
  rows.sort((a, b) => a.top + a.bottom - (b.top + b.bottom));
  return rows.map((r) => r.lines.sort((a, b) => a.px.x0 - b.px.x0));
}

// ---------------------------------------------------------------------------
// Noise

const HAS_TEXT = /[\p{L}\p{N}]/u;

/** A line read with almost no confidence anywhere: a rule, a stamp, a photo, not text. */
export function isNoiseLine(line: OcrLine): boolean {
  return line.confidence < 25 && !line.words.some((w) => w.confidence >= 60);
}

/** A word that is only symbols (no letter, digit, kana or kanji) and read with low confidence. */
export function isNoise(w: OcrWord): boolean {
  // a vertical bar is a table rule's remnant, not text
  if (/^[|¦│┃丨]+$/u.test(w.text)) return true;
  if (HAS_TEXT.test(w.text)) return false;
  if (w.confidence < 30) return true;
  // table rule remnants
  return /^[|¦│┃丨!/\\_‐\-—~=.,:;'"`^]+$/u.test(w.text) && w.confidence < 60 && !/^[-.,:;]$/.test(w.text);
}

// ---------------------------------------------------------------------------
// Spaces

interface Pitch {
  /** centre-to-centre distance of adjacent full-width characters (px) */
  wide?: number;
  /** the same for narrow (Latin, digits) characters */
  narrow?: number;
}

function center(b: PixelBox): number {
  return (b.x0 + b.x1) / 2;
}

function median(v: number[]): number | undefined {
  if (!v.length) return undefined;
  const s = [...v].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The character pitch of full-width and narrow characters, measured inside the words of a row. */
function rowPitch(row: OcrLine[]): Pitch {
  const wide: number[] = [];
  const narrow: number[] = [];
  for (const line of row) {
    for (const w of line.words) {
      const d = wordPitch(w);
      if (d.wide) wide.push(...d.wide);
      if (d.narrow) narrow.push(...d.narrow);
    }
  }
  return { wide: median(wide), narrow: median(narrow) };
}

function wordPitch(w: OcrWord): { wide: number[]; narrow: number[] } {
  const wide: number[] = [];
  const narrow: number[] = [];
  const s = w.symbols;
  for (let i = 1; i < s.length; i++) {
    const a = s[i - 1].text;
    const b = s[i].text;
    if (!a || !b || isPunct(a) || isPunct(b)) continue;
    const d = center(s[i].px) - center(s[i - 1].px);
    if (d <= 0) continue;
    if (isWide(a) && isWide(b)) wide.push(d);
    else if (!isWide(a) && !isWide(b) && /[0-9A-Za-z]/.test(a) && /[0-9A-Za-z]/.test(b)) narrow.push(d);
  }
  return { wide, narrow };
}

/** Punctuation whose ink sits off the centre of its cell. */
function isPunct(ch: string): boolean {
  return /^[、。，．・：；！？「」『』（）【】〔〕［］｛｝〈〉《》”“’‘,.:;!?'"()[\]{}\-ー－]$/u.test(ch);
}

/**
 * Whether the page shows a space between word a and word b: the distance
 * between the facing characters exceeds what the line's pitch predicts by
 * about a space's width.
 */
function spaceBetween(a: OcrWord, aText: string, b: OcrWord, bText: string, rowP: Pitch, lineHeight: number): boolean {
  const lastA = a.symbols[a.symbols.length - 1];
  const firstB = b.symbols[0];
  const ca = lastChar(aText);
  const cb = firstChar(bText);
  const em = rowP.wide ?? lineHeight;
  // local pitch: from the two words themselves, else the row's
  const local = (chars: string) => {
    const own = [wordPitch(a), wordPitch(b)];
    const v = isWide(chars) ? own.flatMap((p) => p.wide) : own.flatMap((p) => p.narrow);
    return median(v) ?? (isWide(chars) ? (rowP.wide ?? em) : (rowP.narrow ?? 0.55 * em));
  };
  const gapRaw = b.px.x0 - a.px.x1;
  // two Latin words: tesseract's own split between them is a space
  if (/[A-Za-z0-9]/.test(ca) && /[A-Za-z0-9]/.test(cb) && !(/[0-9]/.test(ca) && /[0-9]/.test(cb))) return true;
  if (!lastA || !firstB || isPunct(ca) || isPunct(cb)) {
    // no symbol boxes, or punctuation whose ink is off-centre: judge by the raw gap
    const wide = isWide(ca) || isWide(cb);
    return gapRaw > (wide ? 0.45 : 0.2) * em;
  }
  const expected = (local(ca) + local(cb)) / 2;
  const actual = center(firstB.px) - center(lastA.px);
  const extra = (actual - expected) / em;
  const wide = isWide(ca) || isWide(cb);
  return extra > (wide ? SPACE_EXTRA_WIDE : SPACE_EXTRA_NARROW);
}

const DIGITISH = /^[0-9\-・.,]$/u;
/** Kana and kanji whose ink is narrow or open at the sides: they stand up to 0.45 em from their neighbours. */
const LOOSE = /^[ぁぃぅぇぉっゃゅょゎいりしこうつへくぐじずにけ゛゜ァィゥェォッャュョヮノトハソンシツリレミニコヘドバパ一ー二三小川八人十卜丨〆々「」『』（）()、。・：]$/u;
/** Narrow punctuation that may belong to Latin text (E-mail: x) or be a full-width mark read as ASCII (氏名：x). */
const ASCII_PUNCT = /^[:;,.!?)(\]["']$/u;

/**
 * Whether the ink shows a space before word b (gaps measured by ./layout.ts,
 * in em). Japanese is set without spaces and its characters stand apart by
 * up to 0.45 em (narrow kana, punctuation), so between two full-width
 * characters only a clearly wider gap is a space; digits are compared with
 * their own spacing (０８０ typed full-width stand 0.5 em apart).
 */
function spaceByInk(a: OcrWord, aText: string, b: OcrWord, bText: string, before: string, after: string): boolean {
  const gap = b.gapBefore ?? 0;
  const ca = lastChar(aText);
  const cb = firstChar(bText);
  // punctuation: ASCII marks between Latin text follow the Latin rule; otherwise a full-width mark carries its own blank
  const pa = isPunct(ca);
  const pb = isPunct(cb);
  if (pa || pb) {
    const across = pa ? before : after; // the character on the far side of the mark
    const mark = pa ? ca : cb;
    const other = pa ? cb : ca;
    const latin = ASCII_PUNCT.test(mark) && across !== '' && !isWide(across) && !isWide(other);
    return gap >= (latin ? 0.15 : 0.9);
  }
  if (DIGITISH.test(ca) && DIGITISH.test(cb)) return gap >= Math.max(0.25, 1.5 * Math.max(a.innerGap ?? 0, b.innerGap ?? 0));
  const wa = isWide(ca);
  const wb = isWide(cb);
  if (wa && wb) return gap >= (LOOSE.test(ca) || LOOSE.test(cb) ? 0.5 : 0.33);
  if (wa || wb) return gap >= 0.3;
  return gap >= 0.12;
}

/** The character before the last one of word i (from the word before it when i is one character). */
function charBefore(texts: string[], i: number): string {
  const chars = Array.from(texts[i]);
  return chars.length >= 2 ? chars[chars.length - 2] : lastChar(texts[i - 1]);
}

/** The character after the first one of word i. */
function charAfter(texts: string[], i: number): string {
  const chars = Array.from(texts[i]);
  return chars.length >= 2 ? chars[1] : firstChar(texts[i + 1]);
}

function lastChar(s: string | undefined): string {
  if (!s) return '';
  const chars = Array.from(s);
  return chars[chars.length - 1] ?? '';
}

function firstChar(s: string | undefined): string {
  if (!s) return '';
  return Array.from(s)[0] ?? '';
}

// ---------------------------------------------------------------------------
// Segments

/**
 * A word as one or more segments: where tesseract's symbols line up with the
 * text, a word mixing full-width and narrow characters (パスワード：Tokyo#2024pw)
 * is cut where the script changes, and a word is cut where its symbols stand
 * apart by a wide blank, each part with its own box, so a mask of the narrow
 * part is exact and layout analysis sees the gap between two cells.
 *
 * Each part also has a span for layout: where its characters stand along the
 * line. A word's box may reach far past its last character (it is kept for the
 * mask: rather a character too many), which would bridge the gap to the next
 * table column; the characters' own boxes rarely do, and one stretched over a
 * blank is held to about its character's width (`em`: the row's type size).
 */
function parts(w: OcrWord, text: string, em: number, toPage: (px: PixelBox) => PageBox): WordPart[] {
  const chars = Array.from(text);
  const s = w.symbols;
  const whole = { text, box: w.box, span: [w.box.x, w.box.x + w.box.width] as [number, number] };
  if (s.length !== chars.length || s.map((x) => x.text).join('') !== Array.from(w.text).join('')) return [whole];
  const out: WordPart[] = [];
  let start = 0;
  // tesseract may take two table cells that stand close for one word: a wide blank between symbols cuts it too
  const wideBlank = (i: number) => i < chars.length && s[i].px.x0 - s[i - 1].px.x1 > 0.6 * (w.px.y1 - w.px.y0);
  for (let i = 1; i <= chars.length; i++) {
    if (i < chars.length && isWide(chars[i]) === isWide(chars[start]) && !wideBlank(i)) continue;
    // each part spans its symbols along the line and the whole word across it
    const run = s.slice(start, i);
    const px = { x0: Math.min(...run.map((x) => x.px.x0)), x1: Math.max(...run.map((x) => x.px.x1)), y0: w.px.y0, y1: w.px.y1 };
    out.push({ text: chars.slice(start, i).join(''), box: toPage(px), span: layoutSpan(run, em, w.px, toPage) });
    start = i;
  }
  return out.length > 1 ? out : [{ ...whole, span: out[0].span }];
}

interface WordPart {
  text: string;
  /** what a mask covers */
  box: PageBox;
  /** where its characters stand along the line (page x), for layout */
  span: [number, number];
}

/** The page x-range of characters `run`, each held to 1.3 times its advance, within the word's box; the word's box where nothing is left. */
function layoutSpan(run: OcrSymbol[], em: number, word: PixelBox, toPage: (px: PixelBox) => PageBox): [number, number] {
  const x0 = Math.max(word.x0, Math.min(...run.map((c) => c.px.x0)));
  const x1 = Math.min(word.x1, Math.max(...run.map((c) => Math.min(c.px.x1, c.px.x0 + 1.3 * advance(c.text) * em))));
  const box = toPage(x1 > x0 ? { x0, x1, y0: word.y0, y1: word.y1 } : word);
  return [box.x, box.x + box.width];
}
