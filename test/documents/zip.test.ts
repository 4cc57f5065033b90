import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { oleError, resolvePart, ZipArchive } from '../../documents/zip.ts';
import { zip } from './helpers.ts';

/** Rewrites the uncompressed size the central directory declares for `name`. */
function declareSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (let p = 0; p + 46 < out.length; p++) {
    if (view.getUint32(p, true) !== 0x02014b50) continue;
    const len = view.getUint16(p + 28, true);
    if (new TextDecoder().decode(out.subarray(p + 46, p + 46 + len)) === name) {
      view.setUint32(p + 24, size, true);
      return out;
    }
  }
  throw new Error(`no entry ${name}`);
}

function ole(stream: string): Uint8Array {
  const bytes = new Uint8Array(1024);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  [...stream].forEach((c, i) => (bytes[512 + 2 * i] = c.charCodeAt(0)));
  return bytes;
}

describe('ZipArchive', () => {
  it('reads deflated and stored parts, names case-insensitively', () => {
    const deflated = new ZipArchive(zip({ 'xl/workbook.xml': '<workbook>名簿</workbook>' }), 'XLSX');
    expect(deflated.has('XL/Workbook.xml')).toBe(true);
    expect(deflated.text('xl/workbook.xml')).toBe('<workbook>名簿</workbook>');
    const stored = new ZipArchive(zipSync({ 'a.xml': strToU8('<a/>') }, { level: 0 }), 'XLSX');
    expect(stored.text('a.xml')).toBe('<a/>');
    expect(stored.read('missing.xml')).toBeUndefined();
  });

  it('refuses an archive whose XML would inflate far beyond its size (ratio)', () => {
    const bomb = zip({ 'xl/worksheets/sheet1.xml': new Uint8Array(30 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(200_000);
    expect(() => new ZipArchive(bomb, 'XLSX')).toThrow(expect.objectContaining({ code: 'too-large', message: expect.stringMatching(/zip bomb/) }));
  });

  it('refuses an archive that declares more than 200 MB of XML before inflating anything', () => {
    const big = declareSize(zip({ 'word/document.xml': '<w:document/>' }), 'word/document.xml', 300 * 1024 * 1024);
    expect(() => new ZipArchive(big, 'DOCX')).toThrow(expect.objectContaining({ code: 'too-large' }));
  });

  it('stops a part that inflates to more than it declared', () => {
    const liar = declareSize(zip({ 'word/document.xml': 'x'.repeat(100_000) }), 'word/document.xml', 100);
    const archive = new ZipArchive(liar, 'DOCX');
    expect(() => archive.read('word/document.xml')).toThrow(expect.objectContaining({ code: 'too-large' }));
  });

  it('says truncated and non-ZIP data is corrupt', () => {
    const whole = zip({ 'word/document.xml': '<w:document/>' });
    expect(() => new ZipArchive(whole.subarray(0, whole.length - 30), 'DOCX')).toThrow(expect.objectContaining({ code: 'corrupt' }));
    expect(() => new ZipArchive(strToU8('hello'), 'DOCX')).toThrow(expect.objectContaining({ code: 'corrupt', message: expect.stringMatching(/not a valid DOCX/) }));
  });

  it('explains OLE files: encrypted Office, legacy Word and Excel', () => {
    expect(() => new ZipArchive(ole('EncryptedPackage'), 'XLSX')).toThrow(expect.objectContaining({ code: 'encrypted', message: expect.stringMatching(/^password-protected/) }));
    expect(oleError(ole('WordDocument'))).toMatchObject({ code: 'unsupported', message: expect.stringMatching(/\.doc\b/) });
    expect(oleError(ole('Workbook'))).toMatchObject({ code: 'unsupported', message: expect.stringMatching(/\.xls\b/) });
  });
});

describe('resolvePart', () => {
  it('resolves relationship targets relative to the part, absolute ones from the root', () => {
    expect(resolvePart('xl/workbook.xml', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolvePart('xl/worksheets/sheet1.xml', '../comments1.xml')).toBe('xl/comments1.xml');
    expect(resolvePart('xl/workbook.xml', '/xl/styles.xml')).toBe('xl/styles.xml');
    expect(resolvePart('', 'word/document.xml')).toBe('word/document.xml');
  });
});
