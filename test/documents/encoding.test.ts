import { describe, expect, it } from 'vitest';
import { DocumentError } from '../../core/document.ts';
import { decodeText } from '../../documents/encoding.ts';

// '氏名,電話\r\n山田\u3000太郎,090-1234-5678' written out byte by byte.
// Shift_JIS (CP932): 氏 8E81 名 96BC 電 9364 話 9862 山 8E52 田 9363 U+3000 8140 太 91BE 郎 9859
const SJIS = [0x8e, 0x81, 0x96, 0xbc, 0x2c, 0x93, 0x64, 0x98, 0x62, 0x0d, 0x0a, 0x8e, 0x52, 0x93, 0x63, 0x81, 0x40, 0x91, 0xbe, 0x98, 0x59, ...ascii(',090-1234-5678')];
// the same text in EUC-JP: 氏 BBE1 名 CCBE 電 C5C5 話 CFC3 山 BBB3 田 C5C4 U+3000 A1A1 太 C2C0 郎 CFBA
const EUC = [0xbb, 0xe1, 0xcc, 0xbe, 0x2c, 0xc5, 0xc5, 0xcf, 0xc3, 0x0d, 0x0a, 0xbb, 0xb3, 0xc5, 0xc4, 0xa1, 0xa1, 0xc2, 0xc0, 0xcf, 0xba, ...ascii(',090-1234-5678')];
const TEXT = '氏名,電話\r\n山田\u3000太郎,090-1234-5678';

function ascii(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0));
}

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const out: number[] = bom ? (order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.push(...(order === 'le' ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return new Uint8Array(out);
}

describe('decodeText', () => {
  it('detects Shift_JIS written byte by byte', () => {
    expect(decodeText(new Uint8Array(SJIS))).toEqual({ text: TEXT, encoding: 'shift_jis', bom: false });
  });

  it('detects EUC-JP rather than reading it as half-width katakana Shift_JIS', () => {
    const d = decodeText(new Uint8Array(EUC));
    expect(d.encoding).toBe('euc-jp');
    expect(d.text).toBe(TEXT);
  });

  it('detects ISO-2022-JP (7-bit, with escape sequences)', () => {
    // ESC $ B, 山 (3B33) 田 (4544), ESC ( B
    const bytes = new Uint8Array([0x1b, 0x24, 0x42, 0x3b, 0x33, 0x45, 0x44, 0x1b, 0x28, 0x42, ...ascii(' 090')]);
    expect(decodeText(bytes)).toMatchObject({ text: '山田 090', encoding: 'iso-2022-jp' });
  });

  it('reads UTF-8 and strips a UTF-8 BOM so offsets refer to the text', () => {
    const plain = new TextEncoder().encode(TEXT);
    expect(decodeText(plain)).toEqual({ text: TEXT, encoding: 'utf-8', bom: false });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    expect(decodeText(withBom)).toEqual({ text: TEXT, encoding: 'utf-8', bom: true });
  });

  it('reads UTF-16 with a BOM in both byte orders, and little-endian without one', () => {
    expect(decodeText(utf16(TEXT, 'le', true))).toEqual({ text: TEXT, encoding: 'utf-16le', bom: true });
    expect(decodeText(utf16(TEXT, 'be', true))).toEqual({ text: TEXT, encoding: 'utf-16be', bom: true });
    expect(decodeText(utf16('name,phone\r\nYamada,090', 'le', false))).toMatchObject({ text: 'name,phone\r\nYamada,090', encoding: 'utf-16le' });
  });

  it('refuses binary data (NUL bytes that are not UTF-16)', () => {
    const binary = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0]);
    expect(() => decodeText(binary)).toThrow(DocumentError);
    try {
      decodeText(binary);
    } catch (err) {
      expect((err as DocumentError).code).toBe('unsupported');
      expect((err as Error).message).toMatch(/binary/);
    }
  });

  it('uses a declared charset when the bytes are not UTF-8', () => {
    // 8E 52 93 63 is 山田 in Shift_JIS and a different pair in EUC-JP rules; the hint decides
    const d = decodeText(new Uint8Array([0xbb, 0xb3, 0xc5, 0xc4]), { hint: 'EUC-JP' });
    expect(d).toMatchObject({ text: '山田', encoding: 'euc-jp' });
    expect(decodeText(new Uint8Array([0x8e, 0x52, 0x93, 0x63]), { hint: 'cp932' })).toMatchObject({ text: '山田', encoding: 'shift_jis' });
  });

  it('falls back to the decoding with the fewest replacement characters when nothing decodes cleanly', () => {
    // valid Shift_JIS with one stray byte that no Japanese encoding accepts at the end
    const d = decodeText(new Uint8Array([...SJIS, 0x81]));
    expect(d.encoding).toBe('shift_jis');
    expect(d.text.startsWith('氏名,電話')).toBe(true);
  });

  it('reads Western legacy text as windows-1252 when no Japanese decoding fits', () => {
    const bytes = new Uint8Array(ascii('caf\xe9 na\xefve r\xe9sum\xe9 \xe0 la carte'));
    expect(decodeText(bytes)).toMatchObject({ text: 'café naïve résumé à la carte', encoding: 'windows-1252' });
  });
});
