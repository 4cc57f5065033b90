// Matching runs on a normalised copy of the page text (NFKC: full-width digits
// and letters, ideographic spaces; dash variants unified). `toOriginal` maps
// every normalised index back to the original text so findings keep pointing
// at the characters the officer sees.

export interface NormalizedText {
  text: string;
  /** toOriginal[i] = index in the original of normalised char i; has length text.length + 1 */
  toOriginal: Int32Array;
}

// Dashes and minus signs that documents use interchangeably in numbers.
const DASHES = /[\u2010-\u2015\u2212\u2500\u2501\uFE58\uFE63\uFF0D]/;
const cache = new Map<string, string>();

function normalizeChar(ch: string): string {
  let out = cache.get(ch);
  if (out === undefined) {
    out = DASHES.test(ch) ? '-' : ch.normalize('NFKC');
    cache.set(ch, out);
  }
  return out;
}

/** True when every char is ASCII: NFKC is then the identity and no map is needed. */
function isAscii(s: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[^\x00-\x7F]/.test(s);
}

export function normalizeText(original: string): NormalizedText {
  if (isAscii(original)) {
    const map = new Int32Array(original.length + 1);
    for (let i = 0; i <= original.length; i++) map[i] = i;
    return { text: original, toOriginal: map };
  }
  const parts: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < original.length; ) {
    const code = original.charCodeAt(i);
    if (code < 0x80) {
      // ASCII fast path: runs of ASCII are copied as they are
      let j = i + 1;
      while (j < original.length && original.charCodeAt(j) < 0x80) j++;
      parts.push(original.slice(i, j));
      for (let k = i; k < j; k++) map.push(k);
      i = j;
      continue;
    }
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < original.length ? 2 : 1;
    const ch = original.slice(i, i + width);
    const norm = normalizeChar(ch);
    parts.push(norm);
    for (let k = 0; k < norm.length; k++) map.push(i);
    i += width;
  }
  map.push(original.length);
  return { text: parts.join(''), toOriginal: Int32Array.from(map) };
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
