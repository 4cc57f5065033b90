import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DocumentError, type Page } from '../../core/document.ts';
import { classifyFormat, columnName, formatSerial, readXlsx } from '../../documents/xlsx.ts';
import { scanDocument } from '../../pipeline/scan.ts';
import { buildXlsx, CORPUS, expectSegmentsMatch, spans, STAFF_HEADER, tableGrids } from './helpers.ts';

const SHARED = [
  '<si><t>氏名</t></si>',
  '<si><t>電話</t></si>',
  '<si><t>生年月日</t></si>',
  '<si><t>備考</t></si>',
  // rich text in two runs, with a furigana guide that Excel does not show in the cell
  '<si><r><t>山田</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 太郎</t></r><rPh sb="0" eb="2"><t>ヤマダ</t></rPh></si>',
  '<si><t>鈴木 &amp; 花子</t></si>',
  '<si><t>一行目\n二行目</t></si>',
  '<si><t>改行_x000D_あり</t></si>',
  '<si><t>原本</t></si>',
  '<si><t>Osaka#2023pw</t></si>',
].join('');

const STYLES =
  '<numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="0.00"/></numFmts>' +
  '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' + // not cell formats: must not shift the cellXfs indexes
  '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="176"/><xf numFmtId="22"/><xf numFmtId="177"/><xf numFmtId="20"/></cellXfs>';

const SHEET1 =
  '<cols><col min="3" max="3" width="12" hidden="1" customWidth="1"/></cols><sheetData>' +
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
  '<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="inlineStr"><is><t>090-1234-5678</t></is></c><c r="C2" s="1"><v>32874</v></c><c r="D2" t="b"><v>1</v></c></row>' +
  '<row r="3" hidden="1"><c r="A3" t="s"><v>5</v></c><c r="B3" t="str"><f>"080"&amp;"-0000-1111"</f><v>080-0000-1111</v></c><c r="C3" s="2"><v>36526</v></c><c r="D3"><v>0.30000000000000004</v></c></row>' +
  '<row r="5"><c r="A5" s="4"/><c r="C5" s="3"><v>45432.5</v></c><c r="D5"><v>8.32824458125E+11</v></c></row>' +
  '<row r="6"><c r="B6" t="s"><v>6</v></c><c r="D6" t="s"><v>7</v></c></row>' +
  '<row r="7"><c r="D7" s="5"><v>0.75</v></c></row>' +
  '</sheetData>';

const COMMENT = '<comment ref="B2" authorId="0"><text><r><rPr><b/></rPr><t>職員A:</t></r><r><t xml:space="preserve">\n本人確認済み</t></r></text></comment>';

function workbook(): Uint8Array {
  return buildXlsx({
    sharedStrings: SHARED,
    styles: STYLES,
    sheets: [
      { name: '名簿', body: SHEET1, comments: COMMENT },
      { name: '原本', state: 'hidden', body: '<sheetData><row r="1"><c r="A1" t="s"><v>8</v></c><c r="B1" t="s"><v>9</v></c></row></sheetData>' },
      // a writer that prefixes the main namespace (x:) and omits cell references
      {
        name: '設定',
        state: 'veryHidden',
        body: '<x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>api_key</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>sk_live_abc</x:t></x:is></x:c></x:row></x:sheetData>',
      },
      { name: '空', body: '<sheetData/>' },
    ],
  });
}

/** What each cell shows (and each comment says), to check segments against. */
const SOURCES: Record<string, string> = {
  '名簿!A1': '氏名',
  '名簿!B1': '電話',
  '名簿!C1': '生年月日',
  '名簿!D1': '備考',
  '名簿!A2': '山田 太郎',
  '名簿!B2': '090-1234-5678',
  '名簿!C2': '1990/01/01',
  '名簿!D2': 'TRUE',
  '名簿!A3': '鈴木 & 花子',
  '名簿!B3': '080-0000-1111',
  '名簿!C3': '2000/01/01',
  '名簿!D3': '0.3',
  '名簿!C5': '2024/05/20 12:00',
  '名簿!D5': '832824458125',
  '名簿!B6': '一行目\n二行目',
  '名簿!D6': '改行\rあり',
  '名簿!D7': '18:00',
  '名簿!B2#comment': '職員A:\n本人確認済み',
  '原本!A1': '原本',
  '原本!B1': 'Osaka#2023pw',
  '設定!A1': 'api_key',
  '設定!B1': 'sk_live_abc',
};

function expectCellSegments(page: Page): void {
  expectSegmentsMatch(page, (s) => (s.type === 'cell' ? SOURCES[`${s.sheet}!${columnName(s.col)}${s.row}${s.part === 'comment' ? '#comment' : ''}`] : undefined));
}

describe('readXlsx', () => {
  const doc = readXlsx(workbook());

  it('reads a sheet the workbook does not list (a sheet list emptied or cut short), and refuses a listed sheet whose part is gone', () => {
    const files = unzipSync(workbook());
    const withoutList = strFromU8(files['xl/workbook.xml']).replace(/<sheets>.*<\/sheets>/s, '<sheets/>');
    const unlisted = readXlsx(zipSync({ ...files, 'xl/workbook.xml': strToU8(withoutList) }));
    expect(unlisted.pages.length).toBe(4);
    expect(unlisted.pages.map((p) => p.text).join('\n')).toContain(doc.pages[0].text.split('\n')[1]);
    expect(
      unlisted.pages.every((p) => p.hidden.length > 0),
      'each is called out as a sheet Excel does not show',
    ).toBe(true);
    const { ['xl/worksheets/sheet2.xml']: gone, ...rest } = files;
    expect(gone).toBeDefined();
    expect(() => readXlsx(zipSync(rest))).toThrow(expect.objectContaining({ code: 'corrupt', message: expect.stringMatching(/^sheet '原本' cannot be read/) }));
  });

  it('gives every sheet in workbook order as a page, hidden ones included', () => {
    expect(doc.type).toBe('xlsx');
    expect(doc.pages.map((p) => [p.number, p.name])).toEqual([
      [1, '名簿'],
      [2, '原本'],
      [3, '設定'],
      [4, '空'],
    ]);
    expect(doc.ocrPages).toEqual([]);
  });

  it('writes rows as tab-separated lines: strings, numbers, booleans, dates, empty columns kept', () => {
    const page = doc.pages[0];
    expect(page.text).toBe(
      [
        '氏名\t電話\t生年月日\t備考',
        '山田 太郎\t090-1234-5678\t1990/01/01\tTRUE',
        '鈴木 & 花子\t080-0000-1111\t2000/01/01\t0.3',
        '\t\t2024/05/20 12:00\t832824458125',
        '\t一行目 二行目\t\t改行 あり',
        '\t\t\t18:00',
        'comment B2: 職員A: 本人確認済み',
      ].join('\n'),
    );
    expectCellSegments(page);
  });

  it('gives each sheet its table: the rows, not the comments after them; a header row when the first reads as one', () => {
    // the cells are the rows' lines cut at their tabs
    const rows = doc.pages[0].text.split('\n').slice(0, 6);
    expect(tableGrids(doc.pages[0])).toEqual([rows.map((line) => line.split('\t'))]);
    expect(doc.pages[0].tables![0]).toMatchObject({ headerRows: 1, columnHeaders: ['氏名', '電話', '生年月日', '備考'] });
    expect(doc.pages[0].tables![0].end).toBe(doc.pages[0].text.indexOf('\ncomment B2'));
    // a value pair is no header
    expect(tableGrids(doc.pages[1])).toEqual([[['原本', 'Osaka#2023pw']]]);
    expect(doc.pages[1].tables![0].headerRows).toBe(0);
    expect(doc.pages[3].tables).toBeUndefined();
  });

  it('reads merged cells as spans, two header rows under a merged header, and a second table after blank rows', () => {
    const t = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const row = (r: number, ...cells: string[]) => `<row r="${r}">${cells.join('')}</row>`;
    const body =
      '<sheetData>' +
      row(1, t('B1', '令和6年度 職員名簿')) +
      row(3, t('B3', '職員'), t('D3', '所属'), t('E3', '連絡先')) +
      row(4, t('B4', '氏名'), t('C4', 'フリガナ'), t('E4', '電話')) +
      row(5, t('B5', '蓮見 朔也'), t('C5', 'ハスミ サクヤ'), t('D5', '税務課'), t('E5', '090-2276-4813')) +
      row(6, t('B6', '及川 正人'), t('C6', 'オイカワ マサト'), t('D6', '福祉課'), t('E6', '080-5519-0367')) +
      row(8, t('B8', '区分'), t('C8', '件数')) +
      row(9, t('B9', '新規'), t('C9', '12')) +
      // after a blank row, no header: the same table goes on
      row(11, t('B11', '継続'), t('C11', '3')) +
      '</sheetData><mergeCells count="3"><mergeCell ref="B3:C3"/><mergeCell ref="D3:D4"/><mergeCell ref="B1:E1"/></mergeCells>';
    const book = readXlsx(buildXlsx({ sheets: [{ name: '名簿', body }] }));
    const page = book.pages[0];
    expect(page.text).toBe(
      [
        '令和6年度 職員名簿',
        '',
        '職員\t\t所属\t連絡先',
        '氏名\tフリガナ\t\t電話',
        '蓮見 朔也\tハスミ サクヤ\t税務課\t090-2276-4813',
        '及川 正人\tオイカワ マサト\t福祉課\t080-5519-0367',
        '',
        '区分\t件数',
        '新規\t12',
        '継続\t3',
      ].join('\n'),
    );
    expect(tableGrids(page)).toEqual([
      [...STAFF_HEADER.rows, ['蓮見 朔也', 'ハスミ サクヤ', '税務課', '090-2276-4813'], ['及川 正人', 'オイカワ マサト', '福祉課', '080-5519-0367']],
      [
        ['区分', '件数'],
        ['新規', '12'],
        ['継続', '3'],
      ],
    ]);
    const [staff, counts] = page.tables!;
    expect(staff).toMatchObject({ headerRows: 2, columnHeaders: STAFF_HEADER.columnHeaders });
    expect(spans(staff)).toEqual([
      { row: 0, col: 0, rowSpan: 1, colSpan: 2 },
      { row: 0, col: 2, rowSpan: 2, colSpan: 1 },
    ]);
    expect(page.text.slice(staff.bodyStart)).toMatch(/^蓮見 朔也/);
    expect(counts).toMatchObject({ headerRows: 1, rows: 3, columnHeaders: ['区分', '件数'] });
    // the rows are read under their two-row headers; nothing in a header row is a finding
    const found = scanDocument(book).map((f) => [f.kind, f.text]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['person-name', '蓮見 朔也'],
        ['phone', '090-2276-4813'],
        ['person-name', '及川 正人'],
      ]),
    );
    expect(found.map(([, text]) => text)).not.toContain('職員');
  });

  it('reports hidden rows, hidden columns and comments, and keeps their text', () => {
    const notes = doc.pages[0].hidden;
    expect(notes.find((n) => n.kind === 'hidden-rows')?.detail).toMatch(/'名簿'.*rows 3\b/);
    expect(notes.find((n) => n.kind === 'hidden-columns')?.detail).toMatch(/'名簿'.*columns C\b/);
    const comments = notes.find((n) => n.kind === 'comments')!;
    expect(comments.detail).toMatch(/1 cell comment/);
    expect(doc.pages[0].text.slice(comments.start, comments.end)).toBe('comment B2: 職員A: 本人確認済み');
    const commentSeg = doc.pages[0].segments.find((s) => s.source.type === 'cell' && s.source.part === 'comment');
    expect(commentSeg?.source).toMatchObject({ sheet: '名簿', row: 2, col: 2 });
  });

  it('reads hidden and very hidden sheets and says what they hold', () => {
    const [hidden, veryHidden] = [doc.pages[1], doc.pages[2]];
    expect(hidden.text).toBe('原本\tOsaka#2023pw');
    expect(hidden.hidden).toEqual([{ kind: 'hidden-sheet', detail: expect.stringMatching(/'原本' is hidden.*1 row/), start: 0, end: hidden.text.length }]);
    expect(veryHidden.text).toBe('api_key\tsk_live_abc');
    expect(veryHidden.hidden[0]).toMatchObject({ kind: 'very-hidden-sheet', detail: expect.stringMatching(/'設定' is very hidden/) });
    expectCellSegments(hidden);
    expectCellSegments(veryHidden);
    expect(doc.pages[3]).toMatchObject({ text: '', segments: [], hidden: [] });
  });

  it('uses the 1904 date system when the workbook says so', () => {
    const bytes = buildXlsx({
      workbookPr: '<workbookPr date1904="1"/>',
      styles: '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>',
      sheets: [{ name: 'S', body: '<sheetData><row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>366</v></c></row></sheetData>' }],
    });
    expect(readXlsx(bytes).pages[0].text).toBe('1904/01/01\t1905/01/01');
  });

  it('refuses a password-protected workbook (OLE container) with a clear message', () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    [...'EncryptedPackage'].forEach((c, i) => (ole[1024 + 2 * i] = c.charCodeAt(0)));
    expect(() => readXlsx(ole)).toThrow(/password-protected/);
    try {
      readXlsx(ole);
    } catch (err) {
      expect(err).toBeInstanceOf(DocumentError);
      expect((err as DocumentError).code).toBe('encrypted');
    }
  });

  it('says a file that is not a ZIP is corrupt', () => {
    expect(() => readXlsx(new TextEncoder().encode('氏名,電話\n'))).toThrow(expect.objectContaining({ code: 'corrupt' }));
  });

  it('reads the corpus inpatient workbook: both sheets, every known value on its page', () => {
    const corpus = readXlsx(new Uint8Array(readFileSync(`${CORPUS}/d06_inpatients.xlsx`)));
    expect(corpus.pages.map((p) => p.name)).toEqual(['入院患者一覧', '緊急連絡先']);
    const labels = JSON.parse(readFileSync(`${CORPUS}/d06_inpatients.xlsx.labels.json`, 'utf8')) as { items: { value: string; page: number }[] };
    for (const item of labels.items) expect(corpus.pages[item.page - 1].text, item.value).toContain(item.value);
    const lines = corpus.pages[0].text.split('\n');
    expect(lines[0].split('\t')).toEqual(['病棟', '氏名', '年齢', '生年月日', '病名', '入院日', '主治医', '患者電話']);
    expect(lines[1].split('\t')).toEqual(['5西', '岡本 美咲', '92', '昭和6年11月18日', '脳梗塞', '2024/05/18', '西村 正樹', '022-303-8985']);
    for (const page of corpus.pages) {
      // every segment is a whole or partial cell value that sits on its row's line
      for (const s of page.segments) expect(s.source).toMatchObject({ type: 'cell', sheet: page.name });
    }
  });
});

describe('number formats', () => {
  it('recognises date, time and elapsed-time formats, not numbers', () => {
    expect(classifyFormat('yyyy"年"m"月"d"日"')).toMatchObject({ date: true, time: false });
    expect(classifyFormat('[$-411]ggge"年"m"月"d"日"')).toMatchObject({ date: true });
    expect(classifyFormat('mmm-yy')).toMatchObject({ date: true });
    expect(classifyFormat('yyyy/m/d h:mm')).toMatchObject({ date: true, time: true, seconds: false });
    expect(classifyFormat('h:mm:ss')).toMatchObject({ date: false, time: true, seconds: true });
    expect(classifyFormat('[h]:mm')).toMatchObject({ time: true, elapsed: true });
    for (const code of ['General', '0.00', '#,##0', '0.00E+00', '[Red]0.00', '"円"#,##0', '0%']) expect(classifyFormat(code), code).toBeNull();
  });

  it('formats serials the way Excel shows them, including the 1900 leap-year quirk', () => {
    const date = { date: true, time: false, seconds: false, elapsed: false };
    expect(formatSerial(1, date)).toBe('1900/01/01');
    expect(formatSerial(59, date)).toBe('1900/02/28');
    expect(formatSerial(60, date)).toBe('1900/02/29');
    expect(formatSerial(61, date)).toBe('1900/03/01');
    expect(formatSerial(45432, date)).toBe('2024/05/20');
    expect(formatSerial(45432.999999, { ...date, time: true })).toBe('2024/05/21 00:00');
    expect(formatSerial(1.25, { date: false, time: true, seconds: true, elapsed: true })).toBe('30:00:00');
    expect(formatSerial(-1, date)).toBeNull();
  });
});
