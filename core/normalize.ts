// Matching runs on a normalised copy of the page text (NFKC: full-width digits
// and letters, ideographic spaces; dash variants unified). `toOriginal` maps
// every normalised index back to the original text so findings keep pointing
// at the characters the officer sees.

export interface NormalizedText {
  text: string;
  /** toOriginal[i] = index in the original of normalised char i; has length text.length + 1 */
  readonly toOriginal: Int32Array<ArrayBufferLike>;
  /** whether every character kept its place (most pages: a full-width colon becomes a colon), so the map is i → i */
  readonly sameOffsets: boolean;
}

/** A text whose characters all kept their places: its map, i → i, is built only if asked for. */
function inPlace(text: string): NormalizedText {
  let map: Int32Array | null = null;
  return {
    text,
    sameOffsets: true,
    get toOriginal() {
      if (!map) {
        map = new Int32Array(text.length + 1);
        for (let i = 0; i <= text.length; i++) map[i] = i;
      }
      return map;
    },
  };
}

// Dashes and minus signs that documents use interchangeably in numbers.
const DASHES = /[\u2010-\u2015\u2212\u2500\u2501\uFE58\uFE63\uFF0D]/;
// Slashes that PDF fonts map to look-alike code points (division and fraction slash).
const SLASHES = /[\u2215\u2044\u29F8]/;

/**
 * For every BMP code unit, learned the first time it is seen: 0 unknown,
 * 1 normalising leaves it as it is, 2 normalising changes it. Filled lazily so
 * that a content script does not pay for 65k normalisations at start-up.
 */
const changes = new Uint8Array(0x10000).fill(1, 0, 0x80);
/** 3: a space, which its neighbours may make an automatic one (autospaceAt); looked at only then */
const SPACE = 3;
changes[0x20] = SPACE;

/** The code unit's entry in `changes`, learned now if unknown. */
function charKind(code: number): number {
  let known = changes[code];
  if (known === 0) {
    // surrogate halves take the slow path (pairs are normalised together)
    const ch = String.fromCharCode(code);
    known = (code >= 0xd800 && code <= 0xdfff) || DASHES.test(ch) || SLASHES.test(ch) || ch.normalize('NFKC') !== ch ? 2 : 1;
    changes[code] = known;
  }
  return known;
}

function changesChar(code: number): boolean {
  return charKind(code) === 2;
}

function normalizeChar(ch: string): string {
  return DASHES.test(ch) ? '-' : SLASHES.test(ch) ? '/' : ch.normalize('NFKC');
}

/** What each BMP code unit that changes normalises to, learned the first time it is seen. */
const normalizedUnits = new Map<number, string>();

function normalizeUnit(code: number): string {
  let norm = normalizedUnits.get(code);
  if (norm === undefined) normalizedUnits.set(code, (norm = normalizeChar(String.fromCharCode(code))));
  return norm;
}

export function normalizeText(original: string): NormalizedText {
  const n = original.length;
  let first = 0;
  // (one look at the table a character: a space is looked at more only when it is one)
  for (; first < n; first++) {
    const kind = charKind(original.charCodeAt(first));
    if (kind === 2 || (kind === SPACE && nearJapanese(original, first) && autospaceAt(original, first))) break;
  }
  if (first === n) return inPlace(original);
  // a first pass writes no map: most pages only change characters one for one (：→:), and keep their offsets
  const parts: string[] = [];
  let runStart = 0;
  for (let i = first; i < n; i++) {
    const code = original.charCodeAt(i);
    const kind = charKind(code);
    if (kind === 1) continue;
    if (kind === SPACE || code === 0x3000) {
      if (nearJapanese(original, i) && autospaceAt(original, i)) return withMap(original, first);
      if (kind === SPACE) continue;
    }
    const width = unitWidth(original, i);
    const norm = normalizedAt(original, i, width);
    // a change of length (㈱ → (株), a surrogate pair, ﾀﾞ → ダ): the second pass maps every offset
    if (width !== 1 || norm.length !== 1) return withMap(original, first);
    if (runStart < i) parts.push(original.slice(runStart, i));
    parts.push(norm);
    runStart = i + 1;
  }
  if (runStart < n) parts.push(original.slice(runStart));
  return inPlace(parts.join(''));
}

/**
 * A single space a word processor set between Japanese and Latin letters or
 * digits (LibreOffice writes its automatic spacing as real spaces: 令和 6 年,
 * 312 番地の 6, API キー): left out, so the words read as they are meant to.
 * A run of digits counts only between Japanese on both sides: a row number
 * before a name (20 内藤光江) or a speck OCR read after it (フクシタカシ 0) is
 * set apart on purpose; a run of capitals, two at least (ID, API, LGWAN),
 * counts on either side (a name is set apart from its reading: Nguyen Thi Lan
 * グエン ティ ラン). Either is a word of its own, not the end of a path, address or
 * key (\\fs02\kosodate にアクセス keeps its space).
 */
/** Whether a neighbour of i may be Japanese (below U+3041 neither is): the cheap test most spaces stop at. */
function nearJapanese(text: string, i: number): boolean {
  return !(text.charCodeAt(i - 1) < 0x3041 && text.charCodeAt(i + 1) < 0x3041);
}

function autospaceAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (!isSpace(code)) return false;
  // (most spaces stand between Latin words: two reads decide)
  const japaneseBefore = i > 0 && isJapanese(text.charCodeAt(i - 1));
  const japaneseAfter = i + 1 < text.length && isJapanese(text.charCodeAt(i + 1));
  if (japaneseBefore && japaneseAfter) return spreadLabelAt(text, i);
  if (japaneseBefore) return latinRunFits(text, i + 1, 1);
  if (japaneseAfter) return latinRunFits(text, i - 1, -1);
  return false;
}

/**
 * A space inside a label spread out over its cell, one character a word, three
 * at least (既 往 歴, 主 治 医, 生 年 月 日): the label reads as one word. Two
 * alone are left as they are: a short name is written so (林 修).
 */
function spreadLabelAt(text: string, i: number): boolean {
  if (!singleAt(text, i - 1) || !singleAt(text, i + 1)) return false;
  return (isSpace(text.charCodeAt(i - 2)) && singleAt(text, i - 3)) || (isSpace(text.charCodeAt(i + 2)) && singleAt(text, i + 3));
}

/** A Japanese character standing alone between non-Japanese ones. */
function singleAt(text: string, k: number): boolean {
  return k >= 0 && k < text.length && isJapanese(text.charCodeAt(k)) && (k === 0 || !isJapanese(text.charCodeAt(k - 1))) && (k + 1 === text.length || !isJapanese(text.charCodeAt(k + 1)));
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x3000;
}

/** Whether the run of letters and digits from `at` (going `step`) has two letters, or is digits with Japanese past it. */
function latinRunFits(text: string, at: number, step: 1 | -1): boolean {
  let letters = 0;
  let lower = 0;
  let k = at;
  for (; k >= 0 && k < text.length && isLatinOrDigit(text.charCodeAt(k)); k += step) {
    const c = text.charCodeAt(k);
    if (!isDigit(c)) letters++;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0xff41 && c <= 0xff5a)) lower++;
  }
  if (k === at) return false;
  // a word of its own: what stands past it is no part of a longer token (\\fs02\kosodate, t.kuroda@…jp, /login)
  const beyond = text.charCodeAt(k);
  if (beyond >= 0x21 && beyond <= 0x7e) return false;
  if (letters >= 2) return lower === 0;
  if (letters > 0) return false;
  // digits alone: Japanese right past them, or past one more space
  const past = text.charCodeAt(k);
  return isJapanese(past) || (isSpace(past) && isJapanese(text.charCodeAt(k + step)));
}

function isDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
}

/** Kana, kanji and the prolonged sound mark (not Japanese punctuation, which a space may rightly follow). */
function isJapanese(code: number): boolean {
  return (code >= 0x3041 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff66 && code <= 0xff9f);
}

/** An ASCII or full-width letter or digit. */
function isLatinOrDigit(code: number): boolean {
  const c = code >= 0xff10 && code <= 0xff5a ? code - 0xfee0 : code;
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** How many code units the character at i takes with what belongs to it (a surrogate pair, a half-width kana and its voiced mark). */
function unitWidth(original: string, i: number): number {
  const code = original.charCodeAt(i);
  const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < original.length;
  // a half-width kana and its voiced mark are one letter (ﾀﾞ → ダ): normalised alone, the mark stays a combining one
  const next = original.charCodeAt(i + 1);
  const voiced = code >= 0xff66 && code <= 0xff9d && (next === 0xff9e || next === 0xff9f);
  return pair || voiced ? 2 : 1;
}

function normalizedAt(original: string, i: number, width: number): string {
  const code = original.charCodeAt(i);
  return width === 2 || (code >= 0xd800 && code <= 0xdfff) ? normalizeChar(original.slice(i, i + width)) : normalizeUnit(code);
}

/** The normalised text with the map of each of its characters to the original, for a text that changes length. */
function withMap(original: string, first: number): NormalizedText {
  const n = original.length;
  const parts: string[] = [];
  // most text keeps its length: start with room for it and grow on expansions (㈱ → (株)).
  // Invariant at an unchanged char i: map has room for len + (n - i) + 1 entries.
  let map: Int32Array<ArrayBufferLike> = new Int32Array(n + 64);
  for (let k = 0; k < first; k++) map[k] = k;
  let len = first;
  let runStart = 0;
  for (let i = first; i < n;) {
    if (autospaceAt(original, i)) {
      // left out: no character of the normalised text maps to it
      if (runStart < i) parts.push(original.slice(runStart, i));
      runStart = ++i;
      continue;
    }
    if (!changesChar(original.charCodeAt(i))) {
      map[len++] = i++;
      continue;
    }
    // the unchanged run before this char is kept as it is
    if (runStart < i) parts.push(original.slice(runStart, i));
    const width = unitWidth(original, i);
    const norm = normalizedAt(original, i, width);
    parts.push(norm);
    const needed = len + norm.length + (n - i - width) + 1;
    if (needed > map.length) map = grow(map, needed);
    for (let k = 0; k < norm.length; k++) map[len++] = i;
    i += width;
    runStart = i;
  }
  if (runStart < n) parts.push(original.slice(runStart));
  map[len++] = n;
  return { text: parts.join(''), toOriginal: map.subarray(0, len), sameOffsets: false };
}

function grow(map: Int32Array<ArrayBufferLike>, needed: number): Int32Array<ArrayBufferLike> {
  const bigger = new Int32Array(Math.max(needed, map.length * 2));
  bigger.set(map);
  return bigger;
}

/** Maps a normalised range [start, end) back to the original text. */
export function toOriginalRange(n: NormalizedText, start: number, end: number): [number, number] {
  if (n.sameOffsets) return [start, Math.max(start, end)];
  const map = n.toOriginal;
  const s = map[start];
  if (end <= start) return [s, s];
  // the original end is where the next original character begins, so a char
  // that expanded into several normalised chars (㈱ → (株)) or a surrogate pair is kept whole
  const last = map[end - 1];
  let j = end;
  while (j < map.length - 1 && map[j] === last) j++;
  return [s, map[j]];
}
