import { describe, expect, it } from 'vitest';
import { readText } from '../../documents/text.ts';
import { expectSegmentsMatch } from './helpers.ts';

describe('readText', () => {
  it('gives one page whose segments point into the decoded text', () => {
    const source = 'パスワード: Osaka#2023pw\nID: user01\n';
    const doc = readText(new TextEncoder().encode(source));
    expect(doc.type).toBe('text');
    expect(doc.encoding).toBe('utf-8');
    expect(doc.pages).toHaveLength(1);
    expect(doc.pages[0].text).toBe(source);
    expect(doc.pages[0].segments).toEqual([{ start: 0, end: source.length, source: { type: 'text', offset: 0 } }]);
  });

  it('turns CR LF into LF, offsets still relative to the decoded text (after the BOM)', () => {
    const source = '一行目\r\n二行目\r\n三行目';
    const doc = readText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(source)]));
    const page = doc.pages[0];
    expect(page.text).toBe('一行目\n二行目\n三行目');
    expectSegmentsMatch(page, (s) => (s.type === 'text' ? source : undefined));
    expect(page.segments.map((s) => s.source.offset)).toEqual([0, 5, 10]);
  });
});
