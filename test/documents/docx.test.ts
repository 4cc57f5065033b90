import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Page } from '../../core/document.ts';
import { readDocx } from '../../documents/docx.ts';
import { scanDocument } from '../../pipeline/scan.ts';
import { buildDocx, CORPUS, expectSegmentsMatch, spans, STAFF_HEADER, tableGrids, xmlUnescape, zip } from './helpers.ts';

const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const p = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;
const tc = (...paras: string[]) => `<w:tc><w:tcPr/>${paras.join('') || '<w:p/>'}</w:tc>`;

const BODY = [
  // tab stop definitions in the paragraph properties are not tab characters
  `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="2000"/></w:tabs></w:pPr>${r('報告書 &amp; 記録')}</w:p>`,
  // a tracked change: the old name deleted, the new one inserted
  p(r('担当：'), '<w:del w:id="1" w:author="職員A"><w:r><w:delText>山田 太郎</w:delText></w:r></w:del>', `<w:ins w:id="2" w:author="職員A">${r('田中 一郎')}</w:ins>`),
  p(r('氏名'), '<w:r><w:tab/><w:t>鈴木 花子</w:t></w:r>'),
  // furigana as ruby: the reading stays apart from the name it annotates
  p(r('読み：'), '<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>すずき</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>鈴木</w:t></w:r></w:rubyBase></w:ruby></w:r>', r('さん')),
  p('<w:r><w:t>一行目</w:t><w:br/><w:t>二行目</w:t></w:r>'),
  '<w:p/>',
  '<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>',
  `<w:tr>${tc(p(r('項目')))}${tc(p(r('値')))}${tc(p(r('備考')))}</w:tr>`,
  `<w:tr>${tc(p(r('パスワード')))}${tc()}${tc(p(r('未設定')))}</w:tr>`,
  `<w:tr>${tc(p(r('電話')))}${tc(p(r('090'), '<w:r><w:noBreakHyphen/><w:t>1234</w:t></w:r>'), p('<w:r><w:t>内線</w:t><w:tab/><w:t>12</w:t></w:r>'))}${tc(p('<w:r><w:t>a</w:t><w:br/><w:t>b</w:t></w:r>'))}</w:tr>`,
  '</w:tbl>',
  // a text box: Word writes it twice (DrawingML choice and VML fallback); it must appear once
  p(
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>' +
      p(r('テキストボックス')) +
      '</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>' +
      p(r('テキストボックス')) +
      '</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>',
  ),
  p('<w:r><w:rPr><w:vanish/></w:rPr><w:t>秘密メモ</w:t></w:r>'),
  // a hidden paragraph mark is not hidden text
  `<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>${r('通常の段落')}</w:p>`,
].join('');

const FOOTER = p(
  r('ページ '),
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>',
  r('1'),
  '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
);
const FOOTNOTES = `<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1">${p(r('脚注：連絡先 03-1111-2222'))}</w:footnote>`;
const COMMENTS = `<w:comment w:id="0" w:author="職員B">${p(r('この番号は'))}${p(r('削除してください'))}</w:comment>`;

/** The text stream of a part as the reader defines it: every w:t and w:delText, in order. */
function stream(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<w:(t|delText)(?:\s[^>]*)?(?:\/>|>([^<]*)<\/w:\1>)/g)) out += xmlUnescape(m[2] ?? '');
  return out;
}

function expectDocxSegments(page: Page, parts: Record<string, string>): void {
  const streams = new Map(Object.entries(parts).map(([name, xml]) => [name, stream(xml)]));
  expectSegmentsMatch(page, (s) => (s.type === 'docx' ? streams.get(s.part) : undefined));
}

function partsOf(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

describe('readDocx', () => {
  const bytes = buildDocx({ body: BODY, header: p(r('北みなと市 取扱注意')), footer: FOOTER, footnotes: FOOTNOTES, comments: COMMENTS });
  const doc = readDocx(bytes);
  const page = doc.pages[0];

  it('reads header, body paragraphs and tables, footnotes, footer and comments into one page', () => {
    expect(doc).toMatchObject({ type: 'docx', ocrPages: [] });
    expect(doc.pages).toHaveLength(1);
    expect(page.text).toBe(
      [
        '北みなと市 取扱注意',
        '報告書 & 記録',
        '担当： 山田 太郎 田中 一郎',
        '氏名\t鈴木 花子',
        '読み： すずき 鈴木さん',
        '一行目',
        '二行目',
        '項目\t値\t備考',
        'パスワード\t\t未設定',
        '電話\t090-1234 内線 12\ta b',
        'テキストボックス',
        '秘密メモ',
        '通常の段落',
        '脚注：連絡先 03-1111-2222',
        'ページ 1',
        'comment 1: この番号は 削除してください',
        '',
      ].join('\n'),
    );
  });

  it('gives the page its table, the first row a header as it reads as one', () => {
    expect(tableGrids(page)).toEqual([
      [
        ['項目', '値', '備考'],
        ['パスワード', '', '未設定'],
        ['電話', '090-1234 内線 12', 'a b'],
      ],
    ]);
    expect(page.tables![0]).toMatchObject({ headerRows: 1, columnHeaders: ['項目', '値', '備考'] });
  });

  it('reads rows repeated as header, cells spanning columns (gridSpan) and rows (vMerge) in their grid columns', () => {
    const cell = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${p(r(text))}</w:tc>`;
    const span = (n: number) => `<w:gridSpan w:val="${n}"/>`;
    const header = '<w:trPr><w:tblHeader/></w:trPr>';
    const body = [
      p(r('職員連絡先')),
      '<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>',
      `<w:tr>${header}${cell('職員', span(2))}${cell('所属', '<w:vMerge w:val="restart"/>')}${cell('連絡先')}</w:tr>`,
      `<w:tr>${header}${cell('氏名')}${cell('フリガナ')}${cell('', '<w:vMerge/>')}${cell('電話')}</w:tr>`,
      `<w:tr>${cell('蓮見 朔也')}${cell('ハスミ サクヤ')}${cell('税務課', '<w:vMerge w:val="restart"/>')}${cell('090-2276-4813')}</w:tr>`,
      `<w:tr>${cell('及川 正人')}${cell('オイカワ マサト')}${cell('', '<w:vMerge/>')}${cell('080-5519-0367')}</w:tr>`,
      // a row that starts one grid column in, and a cell holding a table of its own
      `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${cell('（欠員）')}<w:tc>${p(r('福祉課'))}<w:tbl><w:tr>${cell('内線')}${cell('4102')}</w:tr></w:tbl></w:tc>${cell('')}</w:tr>`,
      '</w:tbl>',
      // a table of label and value pairs: no header row
      '<w:tbl>',
      `<w:tr>${cell('担当者')}${cell('遠藤 正志')}</w:tr>`,
      `<w:tr>${cell('電話')}${cell('022-318-2311')}</w:tr>`,
      '</w:tbl>',
    ].join('');
    const docx = readDocx(buildDocx({ body }));
    const page = docx.pages[0];
    expect(page.text).toBe(
      [
        '職員連絡先',
        '職員\t\t所属\t連絡先',
        '氏名\tフリガナ\t\t電話',
        '蓮見 朔也\tハスミ サクヤ\t税務課\t090-2276-4813',
        '及川 正人\tオイカワ マサト\t\t080-5519-0367',
        '\t（欠員）\t福祉課 内線 4102\t',
        '担当者\t遠藤 正志',
        '電話\t022-318-2311',
        '',
      ].join('\n'),
    );
    expect(tableGrids(page)).toEqual([
      [...STAFF_HEADER.rows, ['蓮見 朔也', 'ハスミ サクヤ', '税務課', '090-2276-4813'], ['及川 正人', 'オイカワ マサト', '', '080-5519-0367'], ['', '（欠員）', '福祉課 内線 4102', '']],
      [
        ['担当者', '遠藤 正志'],
        ['電話', '022-318-2311'],
      ],
    ]);
    const [staff, contact] = page.tables!;
    expect(staff).toMatchObject({ rows: 5, columns: 4, headerRows: 2, columnHeaders: STAFF_HEADER.columnHeaders });
    expect(spans(staff)).toEqual([
      { row: 0, col: 0, rowSpan: 1, colSpan: 2 },
      { row: 0, col: 2, rowSpan: 2, colSpan: 1 },
      { row: 2, col: 2, rowSpan: 2, colSpan: 1 },
    ]);
    expect(page.text.slice(staff.bodyStart)).toMatch(/^蓮見 朔也\t/);
    expect(contact.headerRows).toBe(0);
    const found = scanDocument(docx).map((f) => [f.kind, f.text]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['person-name', '蓮見 朔也'],
        ['phone', '090-2276-4813'],
        ['person-name', '遠藤 正志'],
        ['phone', '022-318-2311'],
      ]),
    );
    expect(found.map(([, text]) => text)).not.toContain('職員');
  });

  it('maps every segment to its place in the part text stream', () => {
    expectDocxSegments(page, partsOf(bytes));
    const parts = new Set(page.segments.map((s) => (s.source.type === 'docx' ? s.source.part : '')));
    expect([...parts]).toEqual(['word/header1.xml', 'word/document.xml', 'word/footnotes.xml', 'word/footer1.xml', 'word/comments.xml']);
  });

  it('reports tracked deletions, hidden text and comments', () => {
    const kinds = page.hidden.map((h) => h.kind);
    expect(kinds.sort()).toEqual(['comments', 'hidden-element', 'tracked-deletions']);
    expect(page.hidden.find((h) => h.kind === 'tracked-deletions')?.detail).toMatch(/1 tracked deletion.*山田 太郎/);
    const hiddenText = page.hidden.find((h) => h.kind === 'hidden-element')!.detail;
    expect(hiddenText).toContain('秘密メモ');
    expect(hiddenText).not.toContain('通常の段落');
    const comments = page.hidden.find((h) => h.kind === 'comments')!;
    expect(comments.detail).toMatch(/^1 comment/);
    expect(page.text.slice(comments.start, comments.end)).toBe('comment 1: この番号は 削除してください\n');
  });

  it('refuses a password-protected document with a clear message', () => {
    const ole = new Uint8Array(1536);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    [...'EncryptionInfo'].forEach((c, i) => (ole[600 + 2 * i] = c.charCodeAt(0)));
    expect(() => readDocx(ole)).toThrow(expect.objectContaining({ code: 'encrypted', message: expect.stringMatching(/password-protected/) }));
  });

  it('says a ZIP without a document body is corrupt', () => {
    const files = partsOf(buildDocx({ body: p(r('x')) }));
    delete files['word/document.xml'];
    expect(() => readDocx(zip(files))).toThrow(expect.objectContaining({ code: 'corrupt' }));
  });

  it('reads the corpus incident report: header, table, private key block, every known value', () => {
    const corpusBytes = new Uint8Array(readFileSync(`${CORPUS}/d05_incident-report.docx`));
    const corpus = readDocx(corpusBytes).pages[0];
    const labels = JSON.parse(readFileSync(`${CORPUS}/d05_incident-report.docx.labels.json`, 'utf8')) as {
      items: { value: string }[];
      controls: string[];
    };
    for (const item of labels.items) expect(corpus.text, item.value.slice(0, 30)).toContain(item.value);
    for (const control of labels.controls) expect(corpus.text).toContain(control);
    expect(corpus.text.split('\n')[0]).toBe('北みなと市 情報政策課　取扱注意');
    expect(corpus.text).toContain('AWS access key ID\tAKIAN5DH2GJFXX2ALC6F\n');
    // the credentials table is label and value pairs: no header row
    const [credentials] = tableGrids(corpus);
    expect(credentials[0]).toEqual(['AWS access key ID', 'AKIAN5DH2GJFXX2ALC6F']);
    expect(corpus.tables![0].headerRows).toBe(0);
    expectDocxSegments(corpus, partsOf(corpusBytes));
  });
});
