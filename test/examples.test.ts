// Filled-in examples on a form guide are not findings, except secrets.
import { describe, expect, it } from 'vitest';
import { scanText } from '../pipeline/scan.ts';

const texts = (t: string) => scanText(t).map((f) => f.text);

describe('form guide examples (記入例)', () => {
  it('does not report the personal data under an example heading, and does below the blank line that ends it', () => {
    const found = texts('記入例\n氏名 山田 太郎\n生年月日 昭和50年1月1日\n電話 090-1234-5678\n\n申請者\n氏名 佐藤 花子\n電話 080-2222-3333\n');
    expect(found).toEqual(['佐藤 花子', '080-2222-3333']);
  });

  it('ends an example in brackets at its bracket, so the real value after it is found', () => {
    expect(texts('Tel (e.g. 03-1234-5678): 090-5555-7777')).toEqual(['090-5555-7777']);
    expect(texts('電話番号（例：03-1234-5678）090-5555-7777')).toEqual(['090-5555-7777']);
  });

  it('takes the rest of a line marked as an example, in a table row too', () => {
    expect(texts('【記入例】 氏名：北見 太郎　電話：0123-45-6789')).toEqual([]);
    expect(texts('区分\t氏名\t電話\n記入例\t北見 太郎\t0123-45-6789\n本人\t南 花子\t090-3333-4444\n')).toEqual(['南 花子', '090-3333-4444']);
  });

  it('still reports real data pasted after a bare 例： (a vendor\'s "example" taken from the live system)', () => {
    expect(texts('例：No.118 Fatima Al-Sayed, tel 080-6120-3354')).toEqual(expect.arrayContaining(['Fatima Al-Sayed', '080-6120-3354']));
  });

  it('keeps a row whose e-mail address only contains the word (family@example.ne.jp)', () => {
    expect(texts('氏名\tメール\n黒川 ヨシ子\tkurokawa.family1962@example.ne.jp\n')).toEqual(['黒川 ヨシ子', 'kurokawa.family1962@example.ne.jp']);
  });

  it('still reports a password or an API key written as an example (the Osaka incident)', () => {
    const found = scanText('記入例\nログインID：yamada01\nパスワード：Osaka#2023pw\n');
    expect(found.map((f) => f.kind)).toEqual(expect.arrayContaining(['login-id', 'password']));
  });
});
