// Matching runs on a normalised copy of the page text (NFKC: full-width digits
// and letters, ideographic spaces; dash variants unified). `toOriginal` maps
// every normalised index back to the original text so findings keep pointing
// at the characters the officer sees.

export interface NormalizedText {
  text: string;
  /** toOriginal[i] = index in the original of normalised char i; has length text.length + 1 */
  toOriginal: Int32Array<ArrayBufferLike>;
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

function changesChar(code: number): boolean {
  let known = changes[code];
  if (known === 0) {
    // surrogate halves take the slow path (pairs are normalised together)
    const ch = String.fromCharCode(code);
    known = (code >= 0xd800 && code <= 0xdfff) || DASHES.test(ch) || SLASHES.test(ch) || ch.normalize('NFKC') !== ch ? 2 : 1;
    changes[code] = known;
  }
  return known === 2;
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
  while (first < n && !changesChar(original.charCodeAt(first))) first++;
  if (first === n) {
    const map = new Int32Array(n + 1);
    for (let i = 0; i <= n; i++) map[i] = i;
    return { text: original, toOriginal: map };
  }
  const parts: string[] = [];
  // most text keeps its length: start with room for it and grow on expansions (㈱ → (株)).
  // Invariant at an unchanged char i: map has room for len + (n - i) + 1 entries.
  let map: Int32Array<ArrayBufferLike> = new Int32Array(n + 64);
  for (let k = 0; k < first; k++) map[k] = k;
  let len = first;
  let runStart = 0;
  for (let i = first; i < n;) {
    const code = original.charCodeAt(i);
    if (!changesChar(code)) {
      map[len++] = i++;
      continue;
    }
    // the unchanged run before this char is kept as it is
    if (runStart < i) parts.push(original.slice(runStart, i));
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < n;
    // a half-width kana and its voiced mark are one letter (ﾀﾞ → ダ): normalised alone, the mark stays a combining one
    const voiced = code >= 0xff66 && code <= 0xff9d && i + 1 < n && (original.charCodeAt(i + 1) === 0xff9e || original.charCodeAt(i + 1) === 0xff9f);
    const width = pair || voiced ? 2 : 1;
    const norm = pair || voiced || (code >= 0xd800 && code <= 0xdfff) ? normalizeChar(original.slice(i, i + width)) : normalizeUnit(code);
    parts.push(norm);
    const needed = len + norm.length + (n - i - width) + 1;
    if (needed > map.length) map = grow(map, needed);
    for (let k = 0; k < norm.length; k++) map[len++] = i;
    i += width;
    runStart = i;
  }
  if (runStart < n) parts.push(original.slice(runStart));
  map[len++] = n;
  return { text: parts.join(''), toOriginal: map.subarray(0, len) };
}

function grow(map: Int32Array<ArrayBufferLike>, needed: number): Int32Array<ArrayBufferLike> {
  const bigger = new Int32Array(Math.max(needed, map.length * 2));
  bigger.set(map);
  return bigger;
}

/** Maps a normalised range [start, end) back to the original text. */
export function toOriginalRange(n: NormalizedText, start: number, end: number): [number, number] {
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
