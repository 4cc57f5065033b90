import { describe, expect, it } from 'vitest';
import { isWide, repairWord } from '../../ocr/normalize-ocr.ts';

describe('repairWord: OCR confusions', () => {
  it('reads letters inside numbers as digits', () => {
    expect(repairWord('O90-1234-5678')).toBe('090-1234-5678');
    expect(repairWord('090-l234-5678')).toBe('090-1234-5678');
    expect(repairWord('2O24')).toBe('2024');
    // the S of a Showa date read as 5$ or $; a price stays
    expect(repairWord('5$48.12.11')).toBe('S48.12.11');
    expect(repairWord('$61.4.2')).toBe('S61.4.2');
    expect(repairWord('$48.12')).toBe('$48.12');
    expect(repairWord('10l0')).toBe('1010');
    expect(repairWord('12|4')).toBe('1214');
    expect(repairWord('6282')).toBe('6282');
  });

  it('reads a 7 where a date has its slashes as the slash, only where a year, month and day stand', () => {
    expect(repairWord('1935705717')).toBe('1935/05/17');
    expect(repairWord('1937/11706')).toBe('1937/11/06');
    expect(repairWord('1932702704')).toBe('1932/02/04');
    // not a month or day there, or not a year: a number stays
    expect(repairWord('1935715717')).toBe('1935715717');
    expect(repairWord('1935705797')).toBe('1935705797');
    expect(repairWord('0935705717')).toBe('0935705717');
    expect(repairWord('19357057170')).toBe('19357057170');
  });

  it('leaves words that are not numbers alone', () => {
    expect(repairWord('Tokyo#2024pw')).toBe('Tokyo#2024pw');
    expect(repairWord('Osaka#2023pw')).toBe('Osaka#2023pw');
    expect(repairWord('IO')).toBe('IO');
    expect(repairWord('ID:')).toBe('ID:');
    expect(repairWord('l0')).toBe('l0'); // one digit is not enough to call it a number
    expect(repairWord('sato_k2024')).toBe('sato_k2024');
    expect(repairWord('Hello')).toBe('Hello');
  });

  it('turns dash-like characters between digits into a hyphen', () => {
    expect(repairWord('080一4886一3920')).toBe('080-4886-3920');
    expect(repairWord('080ー4886ー3920')).toBe('080-4886-3920');
    expect(repairWord('03－1234－5678')).toBe('03-1234-5678');
    // a dash read as a word of its own, between two numbers
    expect(repairWord('一', '0', '4')).toBe('-');
    expect(repairWord('ー', '0', '')).toBe('ー');
    // the hyphens of a vertical phone number, read by jpn_vert as apostrophes
    expect(repairWord("電話:090'1234'5678")).toBe('電話:090-1234-5678');
    expect(repairWord("5'10")).toBe("5'10");
    expect(repairWord("It's")).toBe("It's");
    // 一 that is a kanji stays one
    expect(repairWord('第一条')).toBe('第一条');
    expect(repairWord('一', '第', '条')).toBe('一');
  });

  it('reads 一 inside katakana as the long vowel mark', () => {
    expect(repairWord('パスワ一ド')).toBe('パスワード');
    expect(repairWord('ユ一ザ一')).toBe('ユーザー');
    expect(repairWord('一覧')).toBe('一覧');
  });

  it('repairs misread labels', () => {
    expect(repairWord('バスワード')).toBe('パスワード');
    expect(repairWord('ハスワード：')).toBe('パスワード：');
    expect(repairWord('干985-7674')).toBe('〒985-7674');
    expect(repairWord('若干123')).toBe('若干123');
  });

  it('keeps every word its length (boxes stay right)', () => {
    for (const w of ['O90一l234ー5678', 'パスワ一ド', 'バスワード', '干985-7674', 'abc']) expect(Array.from(repairWord(w)).length).toBe(Array.from(w).length);
  });

  it('tells full-width characters', () => {
    expect(isWide('漢')).toBe(true);
    expect(isWide('か')).toBe(true);
    expect(isWide('：')).toBe(true);
    expect(isWide('a')).toBe(false);
    expect(isWide('1')).toBe(false);
  });
});
