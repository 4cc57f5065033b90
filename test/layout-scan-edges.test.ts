// Text edges on a scanned table: OCR'd words of one column start a few
// points apart (the scanner's jitter), so a column that the long cells before
// it run up to is found from starts that only roughly line up; given names
// lined up after surnames of two characters, and the 丁目 of addresses that
// begin alike, are text inside a cell and make no column.
import { describe, expect, it } from 'vitest';
import { analyseLayout } from '../layout/analyse.ts';
import type { LayoutLine, LayoutPiece } from '../layout/types.ts';

const EM = 8;

/** A line of OCR words: [text, x] pairs, each character an em wide; `joined` words follow the one before with no space. */
function line(top: number, words: [string, number, boolean?][]): LayoutLine {
  const pieces: LayoutPiece[] = words.map(([text, x, joined]) => ({
    text,
    x0: x,
    x1: x + text.length * EM,
    spaceBefore: !joined,
    source: { type: 'text', offset: 0 },
  }));
  return { pieces, top, bottom: top + EM * 1.2, size: EM };
}

// No | 氏名 | 住所 | 電話番号 — the phone column starts at 224 ± 4 points;
// long addresses run up to it (one with no blank at all)
const ROWS: [string, string, string, string, number][] = [
  ['1', '川端 昌子', '西ノ浦市東浜2-18-18', '0957-31-5141', 224],
  ['2', '内藤 光江', '西ノ浦市東浜町1丁目12-8', '090-5520-5634', 227],
  ['3', '牧 節子', '西ノ浦市汐見町', '080-3074-9679', 221],
  ['4', '福士 孝', '西ノ浦市東浜町3丁目21-1', '0957-31-9973', 225],
  ['5', '氏家 昌子', '東浜2-25-1', '0957-39-9448', 228],
  ['6', '我妻 秀夫', '西ノ浦市東浜町2丁目17番', '070-1683-6544', 222],
  ['7', '湯浅 ハル', '西ノ浦市大字東浜字磯辺5', '090-5990-7960', 226],
  ['8', '葛西 貞子', '西ノ浦市東浜町4丁目3-14', '090-4006-1196', 223],
  ['9', '辻本 富子', '西ノ浦市東浜町5丁目1-10', '080-7945-4377', 227],
  ['10', '早坂 文子', '西ノ浦市汐見町一丁目11', '0957-34-9278', 224],
];

function lines(rows = ROWS): LayoutLine[] {
  return rows.map(([no, name, address, phone, phoneAt], i) => {
    const [surname, given] = name.split(' ');
    const top = 100 + i * 20;
    const jitter = (i % 3) - 1;
    // the address ends where it ends: right against the phone when it is long
    const addressAt = 110 + jitter;
    const end = addressAt + address.length * EM;
    return line(top, [
      [no, 20 + jitter],
      [surname, 40 + jitter],
      [given, 40 + jitter + 2 * EM + 3],
      [address, addressAt],
      [phone, Math.max(phoneAt, end + 1), end + 4 > phoneAt],
    ]);
  });
}

describe('text edges in a scanned table', () => {
  it('splits the phone column from the addresses that run up to it, and not the names or the addresses', () => {
    const tables = analyseLayout(lines()).filter((b) => b.type === 'table');
    expect(tables).toHaveLength(1);
    const table = tables[0] as Extract<(typeof tables)[0], { type: 'table' }>;
    expect(table.columns).toHaveLength(4);
    const phoneColumn = table.columns[3];
    expect(phoneColumn[0]).toBeGreaterThan(210);
    expect(phoneColumn[0]).toBeLessThanOrEqual(228);
    // every row's phone number is a cell of the last column
    for (const row of table.rows) {
      const last = row.lines[0].chunks.find((c) => c.col === 3);
      expect(last?.chunk.pieces.map((p) => p.text).join('')).toMatch(/^0\d{2,3}-\d{2,4}-\d{4}$/);
    }
  });

  it('cuts a phone number from the house number OCR joined it to, across the gutter the other rows show', () => {
    // OCR read a speck after the house number as a hyphen (2-9-11-0957…), or a phone's dash not at all (080307 4-9679)
    const rows = ROWS.map((r): [string, string, string, string, number] => [...r]);
    rows[4] = ['5', '氏家 昌子', '東浜2-9-11-', '0957-35-8092', 228];
    rows[2] = ['3', '牧 節子', '東浜4-29-20', '0803074-9679', 221];
    const tables = analyseLayout(lines(rows)).filter((b) => b.type === 'table');
    const table = tables[0] as Extract<(typeof tables)[0], { type: 'table' }>;
    const cell = (row: number, col: number) =>
      table.rows[row].lines[0].chunks
        .find((c) => c.col === col)
        ?.chunk.pieces.map((p) => p.text)
        .join('');
    expect([cell(4, 2), cell(4, 3)]).toEqual(['東浜2-9-11-', '0957-35-8092']);
    expect([cell(2, 2), cell(2, 3)]).toEqual(['東浜4-29-20', '0803074-9679']);
  });
});
