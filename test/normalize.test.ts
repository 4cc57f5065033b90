import { describe, expect, it } from 'vitest';
import { normalizeText, toOriginalRange } from '../core/normalize.ts';
import { scanText } from '../pipeline/scan.ts';
import { sliceText } from '../engine/slices.ts';
import { scanSlice } from '../pipeline/scan.ts';

describe('normalisation offset map', () => {
  it('maps full-width digits and dashes back to the original characters', () => {
    const original = '電話：０８０－４８８６－３９２０です';
    const n = normalizeText(original);
    expect(n.text).toBe('電話:080-4886-3920です');
    const start = n.text.indexOf('080');
    const [s, e] = toOriginalRange(n, start, start + '080-4886-3920'.length);
    expect(original.slice(s, e)).toBe('０８０－４８８６－３９２０');
  });

  it('keeps a character that expands (㈱ → (株)) whole', () => {
    const original = 'a㈱b';
    const n = normalizeText(original);
    expect(n.text).toBe('a(株)b');
    expect(toOriginalRange(n, 1, 3)).toEqual([1, 2]);
    expect(toOriginalRange(n, 1, 4)).toEqual([1, 2]);
  });

  it('keeps surrogate pairs whole and maps the ideographic space', () => {
    const original = '𠮷野\u3000家';
    const n = normalizeText(original);
    expect(n.text).toBe('𠮷野 家');
    expect(toOriginalRange(n, 0, 2)).toEqual([0, 2]);
    expect(original.slice(...toOriginalRange(n, 3, 5))).toBe('\u3000家');
  });

  it('is the identity on ASCII', () => {
    const n = normalizeText('plain text 123');
    expect(n.text).toBe('plain text 123');
    expect(Array.from(n.toOriginal)).toEqual([...Array(15).keys()]);
  });

  it('reports findings with the original text and offsets', () => {
    const text = 'ＴＥＬ：０９０－１２３４－５６７８';
    const [f] = scanText(text).filter((x) => x.kind === 'phone');
    expect(f.text).toBe('０９０－１２３４－５６７８');
    expect(text.slice(f.start, f.end)).toBe(f.text);
  });
});

describe('half-width kana', () => {
  it('reads a half-width kana with its voiced mark as one letter, mapped back to both', () => {
    const n = normalizeText('ﾔﾏﾀﾞ ﾊﾟﾝ');
    expect(n.text).toBe('ヤマダ パン');
    // ダ covers ﾀﾞ (2–3), パ covers ﾊﾟ (5–6)
    expect(Array.from(n.toOriginal)).toEqual([0, 1, 2, 4, 5, 7, 8]);
  });

  it('finds a name written in half-width kana under its column', () => {
    const found = scanText('氏名\tカナ氏名\n山田 太郎\tﾔﾏﾀﾞ ﾀﾛｳ\n');
    expect(found.find((f) => f.text === 'ﾔﾏﾀﾞ ﾀﾛｳ')?.kind).toBe('person-name');
  });
});

describe('spaces a word processor set between Japanese and Latin', () => {
  it('leaves out the automatic spacing around capitals and figures inside Japanese, keeping offsets', () => {
    for (const [original, normalised] of [
      ['令和 6 年 5 月 18 日', '令和6年5月18日'],
      ['柊原市西ヶ谷町 312 番地の 6', '柊原市西ヶ谷町312番地の 6'],
      ['API キー：abc', 'APIキー:abc'],
      ['利用者 ID　hgr0001', '利用者ID hgr0001'],
    ]) {
      const n = normalizeText(original);
      expect(n.text).toBe(normalised);
      // every character of the normalised text points back at the same character
      for (let i = 0; i < n.text.length; i++) expect(original[n.toOriginal[i]].normalize('NFKC')).toBe(n.text[i] === ':' ? ':' : n.text[i]);
    }
  });

  it('keeps a space that sets words apart on purpose', () => {
    for (const text of ['20 内藤光江', 'フクシタカシ 0', 'Nguyen Thi Lan グエン ティ ラン', '\\\\fs02\\kosodate にアクセス', 'user@mail.jp さん', 'a ア']) {
      expect(normalizeText(text).text).toBe(text);
    }
  });

  it('finds what the spacing would have hidden, and reports it as the page has it', () => {
    const found = scanText('API キー：kzs_live_4f9Tq2Lm8VxR7pN3bW6cY1dH\n生年月日：昭和 23 年 4 月 5 日');
    expect(found.find((f) => f.kind === 'api-key')?.text).toBe('kzs_live_4f9Tq2Lm8VxR7pN3bW6cY1dH');
    expect(found.find((f) => f.kind === 'birth-date')?.text).toBe('昭和 23 年 4 月 5 日');
  });
});

describe('sliced scanning', () => {
  it('finds the same as one scan, with header context for table rows', () => {
    const rows = Array.from({ length: 400 }, (_, i) => `K${1000 + i}\t山田 太郎\tpw${i}x${i}Z`);
    const text = ['職員番号\t氏名\t初期パスワード', ...rows].join('\n');
    const whole = scanText(text).map((f) => `${f.kind}:${f.start}:${f.text}`);
    const sliced = sliceText(text, 1024)
      .flatMap((s) => scanSlice(s, 1))
      .map((f) => `${f.kind}:${f.start}:${f.text}`);
    expect(sliced.length).toBeGreaterThan(700);
    expect(sliced).toEqual(whole);
  });
});
