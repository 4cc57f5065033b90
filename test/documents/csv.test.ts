import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from '../../core/document.ts';
import { detectDelimiter, parseCsv, readCsv } from '../../documents/csv.ts';
import { scanDocument } from '../../pipeline/scan.ts';
import { CORPUS, expectSegmentsMatch, tableGrids } from './helpers.ts';

/** Each cell segment's text is the cell value (from `rows`) at its offset. */
function expectCells(page: Page, rows: string[][]): void {
  expectSegmentsMatch(page, (s) => (s.type === 'cell' ? rows[s.row - 1]?.[s.col - 1] : undefined));
}

describe('parseCsv', () => {
  it('handles RFC 4180 quotes, doubled quotes, embedded delimiters and line breaks, CR LF', () => {
    const text = 'a,"b,1","say ""hi"""\r\n"multi\r\nline",,x\r\n';
    expect(parseCsv(text, ',')).toEqual([
      ['a', 'b,1', 'say "hi"'],
      ['multi\r\nline', '', 'x'],
    ]);
  });

  it('keeps a trailing empty field and an unclosed quote to the end', () => {
    expect(parseCsv('a,b,\n', ',')).toEqual([['a', 'b', '']]);
    expect(parseCsv('a,"open\nrest', ',')).toEqual([['a', 'open\nrest']]);
  });

  it('detects comma, tab and semicolon', () => {
    expect(detectDelimiter('氏名,電話\n山田,090')).toBe(',');
    expect(detectDelimiter('氏名\t電話\t備考\n山田\t090, 080\t-')).toBe('\t');
    expect(detectDelimiter('name;phone;note\nYamada;090;"a,b"\nSato;080;c')).toBe(';');
    expect(detectDelimiter('just one column\nno delimiters')).toBe(',');
  });
});

describe('readCsv', () => {
  it('reads a Shift_JIS CSV into tab-joined rows with cell segments', () => {
    // '氏名,電話\r\n山田\u3000太郎,090-1234-5678' in Shift_JIS, byte by byte
    const bytes = new Uint8Array([
      0x8e,
      0x81,
      0x96,
      0xbc,
      0x2c,
      0x93,
      0x64,
      0x98,
      0x62,
      0x0d,
      0x0a,
      0x8e,
      0x52,
      0x93,
      0x63,
      0x81,
      0x40,
      0x91,
      0xbe,
      0x98,
      0x59,
      0x2c,
      ...[...'090-1234-5678'].map((c) => c.charCodeAt(0)),
    ]);
    const doc = readCsv(bytes);
    expect(doc).toMatchObject({ type: 'csv', encoding: 'shift_jis', ocrPages: [] });
    const page = doc.pages[0];
    expect(page.text).toBe('氏名\t電話\n山田\u3000太郎\t090-1234-5678');
    expect(page.segments[3]).toEqual({ start: 12, end: 25, source: { type: 'cell', sheet: '', row: 2, col: 2, offset: 0 } });
    expectCells(page, [
      ['氏名', '電話'],
      ['山田\u3000太郎', '090-1234-5678'],
    ]);
  });

  it('keeps empty cells as empty columns and puts a line break inside a cell on the same line', () => {
    const source = '氏名,電話,備考\r\n山田,,"一行目\r\n二行目"\r\n,080-1111-2222,\r\n\r\n';
    const page = readCsv(new TextEncoder().encode(source)).pages[0];
    expect(page.text).toBe('氏名\t電話\t備考\n山田\t\t一行目 二行目\n\t080-1111-2222\t');
    expectCells(page, parseCsv(source, ','));
    // the column header of 080-… is the first row's second cell
    const lines = page.text.split('\n').map((l) => l.split('\t'));
    expect(lines[0][lines[2].indexOf('080-1111-2222')]).toBe('電話');
  });

  it('reads a TSV with the delimiter forced, quotes included', () => {
    const page = readCsv(new TextEncoder().encode('a\t"b\tc"\n1\t2'), { delimiter: '\t' }).pages[0];
    expect(page.text).toBe('a\tb c\n1\t2');
  });

  it('gives the page its table: cells as exact ranges of the text, the first row a header when it reads as one', () => {
    const page = readCsv(new TextEncoder().encode('氏名,電話,備考\r\n山田 太郎,,"一行目\r\n二行目"\r\n,080-1111-2222,\r\n')).pages[0];
    expect(tableGrids(page)).toEqual([
      [
        ['氏名', '電話', '備考'],
        ['山田 太郎', '', '一行目 二行目'],
        ['', '080-1111-2222', ''],
      ],
    ]);
    const [table] = page.tables!;
    expect(table).toMatchObject({ start: 0, end: page.text.length, rows: 3, columns: 3, headerRows: 1, columnHeaders: ['氏名', '電話', '備考'] });
    expect(page.text.slice(table.bodyStart)).toMatch(/^山田 太郎\t/);
  });

  it('gives a table without a header row none, so its first row is read as a row: the name in it is found', () => {
    // a form saved as label, value pairs: no header row
    const source = '氏名,蓮見 朔也\n住所,北みなと市港町一丁目3番地12\n電話,022-318-2311\n';
    const doc = readCsv(new TextEncoder().encode(source));
    expect(tableGrids(doc.pages[0])).toEqual([
      [
        ['氏名', '蓮見 朔也'],
        ['住所', '北みなと市港町一丁目3番地12'],
        ['電話', '022-318-2311'],
      ],
    ]);
    expect(doc.pages[0].tables![0]).toMatchObject({ headerRows: 0, columnHeaders: ['', ''] });
    // read as a header, 氏名 made the column under it names (電話) and 蓮見 朔也 a header
    const found = scanDocument(doc).map((f) => [f.kind, f.text]);
    expect(found).toContainEqual(['person-name', '蓮見 朔也']);
    expect(found).toContainEqual(['phone', '022-318-2311']);
    expect(found.map(([, text]) => text)).not.toContain('電話');
  });

  it('leaves a title line out of the table, starts another table after a blank record, and knows a header in unlisted words by the values under it', () => {
    const source = ['職員名簿,,', ',,', 'Foo,Bar,Baz', 'Ann,090-1111-2222,ann@example.jp', 'Bob,080-3333-4444,bob@example.jp', ',,', '区分,件数,', '新規,12,'].join('\n');
    const page = readCsv(new TextEncoder().encode(source)).pages[0];
    expect(tableGrids(page)).toEqual([
      [
        ['Foo', 'Bar', 'Baz'],
        ['Ann', '090-1111-2222', 'ann@example.jp'],
        ['Bob', '080-3333-4444', 'bob@example.jp'],
      ],
      [
        ['区分', '件数'],
        ['新規', '12'],
      ],
    ]);
    expect(page.tables!.map((t) => t.headerRows)).toEqual([1, 1]);
    expect(page.text.slice(page.tables![0].start)).toMatch(/^Foo\t/);
    expect(page.tables![1].columnHeaders).toEqual(['区分', '件数']);
  });

  it('takes no first record for a header because it lacks the values of the columns under it', () => {
    const source = '佐藤 朔也,なし,-\n及川 正人,090-2276-4813,oikawa.m@kitaminato.lg.jp\n遠藤 正志,080-5519-0367,endo.m@kitaminato.lg.jp\n';
    const doc = readCsv(new TextEncoder().encode(source));
    expect(doc.pages[0].tables![0].headerRows).toBe(0);
    expect(scanDocument(doc).map((f) => f.text)).toContain('佐藤 朔也');
  });

  it('reads the corpus staff list (Shift_JIS) with every known value in the page text', () => {
    const doc = readCsv(new Uint8Array(readFileSync(`${CORPUS}/d03_staff-accounts.csv`)));
    expect(doc.encoding).toBe('shift_jis');
    const page = doc.pages[0];
    const labels = JSON.parse(readFileSync(`${CORPUS}/d03_staff-accounts.csv.labels.json`, 'utf8')) as { items: { value: string }[] };
    for (const item of labels.items) expect(page.text).toContain(item.value);
    const lines = page.text.split('\n');
    expect(lines[0].split('\t')).toContain('初期パスワード');
    expect(lines[1].split('\t').slice(0, 3)).toEqual(['K2001913', '金子　文雄', 'カネコ フミオ']);
    // every row has the header's number of columns
    const columns = lines[0].split('\t').length;
    for (const line of lines) expect(line.split('\t')).toHaveLength(columns);
    const [table] = tableGrids(page);
    expect(table).toHaveLength(lines.length);
    expect(page.tables![0]).toMatchObject({ headerRows: 1, columns });
    expect(page.tables![0].columnHeaders).toEqual(lines[0].split('\t'));
  });
});
