// Text decoding for text, CSV and HTML files. Japanese offices still write
// Shift_JIS (CP932) CSVs, so the encoding is detected, never assumed:
// BOM → UTF-16 without BOM → strict UTF-8 → the Japanese legacy encodings,
// scored by how Japanese the result looks. Platform-neutral (TextDecoder only).
import { DocumentError } from '../core/document.ts';

export interface DecodedText {
  /** decoded text without a BOM; offsets into it are what segments use */
  text: string;
  /** WHATWG encoding name: utf-8, utf-16le, utf-16be, shift_jis, euc-jp, iso-2022-jp, windows-1252 */
  encoding: string;
  /** whether the bytes began with a byte order mark */
  bom: boolean;
}

export interface DecodeOptions {
  /** an encoding the file declares (HTML meta charset); used when the bytes are not UTF-8 and it decodes cleanly */
  hint?: string;
}

const SNIFF = 8192;

export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decoded(bytes.subarray(3), 'utf-8', true);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decoded(bytes.subarray(2), 'utf-16le', true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decoded(bytes.subarray(2), 'utf-16be', true);

  const head = bytes.subarray(0, SNIFF);
  if (head.includes(0)) {
    // NUL bytes: UTF-16 without a BOM (ASCII text has a zero in every other byte), else binary.
    const utf16 = guessUtf16(head);
    const text = utf16 && tryDecode(bytes, utf16);
    if (text !== null && text !== undefined) return { text, encoding: utf16 as string, bom: false };
    throw new DocumentError('this file is binary, not text: Sumi cannot read it as a text or CSV file', 'unsupported');
  }

  // ISO-2022-JP is 7-bit, so it would pass as UTF-8: its escape sequences decide first.
  if (isIso2022Jp(head)) {
    const text = tryDecode(bytes, 'iso-2022-jp');
    if (text !== null) return { text, encoding: 'iso-2022-jp', bom: false };
  }
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', bom: false };

  // Legacy encodings: a declared charset first, then whichever of Shift_JIS / EUC-JP decodes cleanly and reads most like Japanese.
  const hint = options.hint && normaliseLabel(options.hint);
  if (hint && hint !== 'utf-8') {
    const text = tryDecode(bytes, hint);
    if (text !== null) return { text, encoding: hint, bom: false };
  }
  let best: { text: string; encoding: string; score: number } | null = null;
  for (const encoding of ['shift_jis', 'euc-jp']) {
    const text = tryDecode(bytes, encoding);
    if (text === null) continue;
    const score = japaneseScore(text);
    if (!best || score > best.score) best = { text, encoding, score };
  }
  if (best) return { text: best.text, encoding: best.encoding, bom: false };

  // Nothing decodes cleanly (a damaged file): take the candidate with the fewest
  // replacement characters; windows-1252 (which maps every byte) only when the
  // others fail badly, i.e. the file is most likely Western legacy text.
  let fallback: DecodedText = { text: '', encoding: 'utf-8', bom: false };
  let fewest = Infinity;
  for (const encoding of ['utf-8', 'shift_jis', 'euc-jp']) {
    const text = new TextDecoder(encoding).decode(bytes);
    const bad = countChar(text, '\uFFFD');
    if (bad < fewest) {
      fewest = bad;
      fallback = { text, encoding, bom: false };
    }
  }
  if (fewest > Math.max(2, fallback.text.length / 100)) return decoded(bytes, 'windows-1252', false);
  return fallback;
}

function decoded(bytes: Uint8Array, encoding: string, bom: boolean): DecodedText {
  // ignoreBOM: the BOM is already cut off; a second one would be content.
  return { text: new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes), encoding, bom };
}

function tryDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** utf-16le when zeros sit in odd bytes (ASCII 'A' = 41 00), utf-16be when in even ones. */
function guessUtf16(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  let even = 0;
  let odd = 0;
  const n = head.length - (head.length % 2);
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (pairs === 0) return null;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'utf-16le';
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'utf-16be';
  return null;
}

function isIso2022Jp(head: Uint8Array): boolean {
  for (let i = 0; i < head.length; i++) if (head[i] >= 0x80) return false;
  for (let i = 0; i + 2 < head.length; i++) {
    if (head[i] === 0x1b && head[i + 1] === 0x24 && (head[i + 2] === 0x42 || head[i + 2] === 0x40)) return true;
  }
  return false;
}

/**
 * How much a decoding looks like Japanese: kana and kanji score, half-width
 * katakana (what EUC-JP bytes turn into when read as Shift_JIS) and
 * control or private-use characters count against.
 */
function japaneseScore(text: string): number {
  let score = 0;
  const n = Math.min(text.length, 20000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3041 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff5e)) score += 2;
    else if (c >= 0xff61 && c <= 0xff9f) score -= 1;
    else if ((c >= 0xe000 && c <= 0xf8ff) || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d)) score -= 4;
  }
  return score;
}

function countChar(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/** The WHATWG name for a charset label, or undefined when TextDecoder does not know it. */
function normaliseLabel(label: string): string | undefined {
  const name = label.trim().toLowerCase();
  if (name === 'cp932' || name === 'ms932') return 'shift_jis'; // Microsoft names WHATWG folds into Shift_JIS
  try {
    return new TextDecoder(name).encoding;
  } catch {
    return undefined;
  }
}
