// Words spread over their cells (layout/chunks.ts): a form's justified labels
// (氏　　名, 生 年 月 日), readings set letter by letter, names and numbers
// written into a comb of boxes. Lines are built here as a PDF reader places
// its items: one piece per drawn letter, at the positions a form would use.
import { describe, expect, it } from 'vitest';
import { chunksOf, chunkText } from '../layout/chunks.ts';
import type { LayoutLine, LayoutPiece } from '../layout/types.ts';

const SIZE = 10;

/** A piece per [text, left edge]; each letter an em wide (digits half an em), a space before each that stands apart from the one before, as a reader sets it. */
function line(items: [string, number][], source: 'pdf-item' | 'ocr-word' = 'pdf-item'): LayoutLine {
  let end = -Infinity;
  const pieces: LayoutPiece[] = items.map(([text, x0], i) => {
    const width = [...text].reduce((w, ch) => w + (/[0-9-]/.test(ch) ? 0.5 : 1), 0) * SIZE;
    const ref =
      source === 'pdf-item'
        ? { type: 'pdf-item' as const, item: i, offset: 0, box: { x: x0, y: 0, width, height: SIZE }, length: text.length }
        : { type: 'ocr-word' as const, box: { x: x0, y: 0, width, height: SIZE }, offset: 0, length: text.length };
    const spaceBefore = x0 - end > 1;
    end = x0 + width;
    return { text, source: ref, x0, x1: end, spaceBefore };
  });
  return { pieces, top: 0, bottom: SIZE, size: SIZE };
}

const texts = (l: LayoutLine) => chunksOf(l).map(chunkText);

describe('words spread letter by letter', () => {
  it('joins a justified label into one word in a cell of its own, and keeps the value beside it apart', () => {
    // 氏 … 名 spread over a 6-em cell, the value 8 points after the cell's edge
    expect(
      texts(
        line([
          ['氏', 40],
          ['名', 90],
          ['山田', 108],
          ['太郎', 130],
        ]),
      ),
    ).toEqual(['氏名', '山田 太郎']);
    expect(
      texts(
        line([
          ['生', 40],
          ['年', 57],
          ['月', 74],
          ['日', 91],
          ['昭和52年4月3日', 110],
        ]),
      ),
    ).toEqual(['生年月日', '昭和52年4月3日']);
  });

  it('joins a reading set letter by letter, but not a letter set against the next word', () => {
    expect(
      texts(
        line([
          ['ふ', 40],
          ['り', 57],
          ['が', 74],
          ['な', 91],
        ]),
      ),
    ).toEqual(['ふりがな']);
    // や touches ました: it is the first letter of the value, not the label's
    expect(
      chunksOf(
        line([
          ['ふ', 40],
          ['り', 57],
          ['が', 74],
          ['な', 91],
          ['や', 108],
          ['ました', 118],
        ]),
      )
        .map(chunkText)
        .join('|'),
    ).toMatch(/^ふりがな[ |]やました$/);
  });

  it('writes a name in a comb of boxes as the name, the empty box as the space between family and given name', () => {
    // boxes 20 points apart; the third is left empty
    expect(
      texts(
        line([
          ['山', 100],
          ['口', 120],
          ['智', 160],
          ['子', 180],
        ]),
      ),
    ).toEqual(['山口 智子']);
  });

  it('writes digits in a comb of boxes, and the hyphen between their groups, as one number', () => {
    const postal: [string, number][] = [
      ['〒', 80],
      ['8', 100],
      ['6', 108],
      ['9', 116],
      ['-', 124],
      ['2', 131],
      ['1', 139],
      ['3', 147],
      ['5', 155],
    ];
    expect(texts(line(postal)).join(' ')).toBe('〒 869-2135');
    expect(
      texts(
        line([
          ['0', 100],
          ['0', 106],
          ['4', 112],
          ['1', 118],
          ['2', 124],
        ]),
      ),
    ).toEqual(['00412']);
  });

  it('leaves single letters in narrow columns, two letters of a name and OCR letters apart', () => {
    // 男 | 有 | 無: cells of a table, not a word
    expect(
      texts(
        line([
          ['男', 40],
          ['有', 70],
          ['無', 100],
        ]),
      ),
    ).toEqual(['男', '有', '無']);
    // 林 誠: a family and a given name with a space between
    expect(
      texts(
        line([
          ['林', 40],
          ['誠', 55],
        ]),
      ),
    ).toEqual(['林 誠']);
    // OCR's letters of a scanned word at small gaps stay as read, unless they name a field
    expect(
      texts(
        line(
          [
            ['西', 40],
            ['浦', 54],
            ['市', 68],
          ],
          'ocr-word',
        ),
      ),
    ).toEqual(['西 浦 市']);
    expect(
      texts(
        line(
          [
            ['氏', 40],
            ['名', 90],
            ['山田', 108],
          ],
          'ocr-word',
        ),
      ),
    ).toEqual(['氏名', '山田']);
  });
});
