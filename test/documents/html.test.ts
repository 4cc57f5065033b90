import { readFileSync } from 'node:fs';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { Page } from '../../core/document.ts';
import { readHtml, readHtmlString } from '../../documents/html.ts';
import { scanDocument } from '../../pipeline/scan.ts';
import { CORPUS, expectSegmentsMatch, spans, STAFF_HEADER, tableGrids } from './helpers.ts';

type Node = ReturnType<typeof parseDocument>['children'][number];
type Parent = { children: Node[] };

/** Resolves a segment's node path against an independently parsed DOM: the text or attribute it names. */
function resolve(html: string): (path: string) => string | undefined {
  const doc = parseDocument(html);
  const elements = (p: Parent) => p.children.filter((n): n is Node & { name: string; attribs: Record<string, string>; children: Node[] } => 'name' in n && 'children' in n);
  const findByName = (p: Parent, tag: string, name: string): (Node & { attribs: Record<string, string> }) | undefined => {
    for (const el of elements(p)) {
      if (el.name === tag && el.attribs.name === name) return el;
      const inner = findByName(el, tag, name);
      if (inner) return inner;
    }
    return undefined;
  };
  return (path) => {
    const m = /^(.*?)(?:#(text|comment)(?:\[(\d+)\])?|@([\w-]+))$/.exec(path);
    if (!m) return undefined;
    const [, elementPath, kind, k, attr] = m;
    let node: (Parent & { attribs?: Record<string, string> }) | undefined;
    const byName = /^(\w+)\[name=(.*)\]$/.exec(elementPath);
    if (byName) node = findByName(doc, byName[1], byName[2]) as typeof node;
    else {
      node = doc;
      for (const step of elementPath.split('/').filter(Boolean)) {
        const [, tag, index] = /^([\w-]+)(?:\[(\d+)\])?$/.exec(step)!;
        node = elements(node!).filter((e) => e.name === tag)[Number(index ?? 1) - 1];
        if (!node) return undefined;
      }
    }
    if (attr) return node?.attribs?.[attr];
    const children = node!.children.filter((c) => c.type === kind);
    const child = children[Number(k ?? 1) - 1] as { data?: string } | undefined;
    return child?.data;
  };
}

function expectHtmlSegments(page: Page, html: string): void {
  const at = resolve(html);
  expectSegmentsMatch(page, (s) => (s.type === 'html' ? at(s.node) : undefined));
}

const PAGE = `<!DOCTYPE html><html><head><title>申請一覧</title><style>.x { color: red }</style>
<script>var token = "sk-test-123";</script></head>
<body><!-- 担当: 山田 090-1111-2222 -->
<h1>受付 &amp; 一覧</h1>
<p>氏名：<b>山田</b>　太郎<br>電話：090-1234-5678</p>
<table><tr><th>氏名</th><th>メール</th><th>備考</th></tr>
<tr><td>鈴木 花子</td><td>hanako@example.jp</td><td></td></tr>
<tr><td><p>複数</p><p>段落</p></td><td>a<br>b</td><td>x</td></tr></table>
<form><input name="user" value="admin01"><input type="password" name="pw" value="Secr&amp;t1">
<input type="hidden" name="csrf" value="abc123"><input type="submit" value="送信">
<input type="checkbox" name="agree" value="on"><input name="note" placeholder="例：山田">
<textarea name="memo">一行目
二行目</textarea>
<select name="pref"><option value="1">北海道</option><option value="13" selected>東京都</option></select>
</form>
<img src="a.png" alt="山田さんの写真"> <span title="内線 1234">表示</span>
<div style="display: none">非表示の電話 03-1111-2222</div>
<datalist id="d"><option>候補</option></datalist>
<pre>  整形済み
    テキスト</pre>
</body></html>`;

describe('readHtml', () => {
  const doc = readHtml(new TextEncoder().encode(PAGE));
  const page = doc.pages[0];

  it('gives the visible text with blocks on lines, table rows as tab-separated cells, fields in place', () => {
    expect(doc).toMatchObject({ type: 'html', encoding: 'utf-8', ocrPages: [] });
    const visible = [
      '申請一覧',
      '受付 & 一覧',
      '氏名：山田　太郎',
      '電話：090-1234-5678',
      '氏名\tメール\t備考',
      '鈴木 花子\thanako@example.jp\t',
      '複数 段落\ta b\tx',
      'user: admin01 pw: Secr&t1 csrf: abc123 送信 memo: 一行目',
      '二行目 東京都',
      '山田さんの写真 内線 1234 表示',
      '非表示の電話 03-1111-2222',
      '  整形済み', // <pre> keeps its spaces
      '    テキスト',
    ];
    expect(page.text.split('\n').slice(0, visible.length)).toEqual(visible);
    expect(page.text).not.toContain('color: red'); // style sheets are not text
    expect(page.text).not.toContain('例：山田'); // placeholders are hints, not values
    expect(page.text).not.toContain('北海道'); // only the selected option is shown
    expect(page.text).not.toContain('候補'); // datalist suggestions are not on the page
    expect(page.text).not.toContain('agree');
  });

  it('appends HTML comments and script text at the end and says so', () => {
    const comment = page.hidden.find((h) => h.kind === 'html-comment')!;
    expect(page.text.slice(comment.start, comment.end)).toBe('担当: 山田 090-1111-2222');
    const script = page.hidden.find((h) => h.kind === 'script-text')!;
    expect(page.text.slice(script.start, script.end)).toBe('var token = "sk-test-123";');
    expect(script.end).toBe(page.text.length);
  });

  it('reports filled form fields and hidden elements', () => {
    expect(page.hidden.find((h) => h.kind === 'form-values')?.detail).toBe('form fields are filled in: user, pw (password field), csrf (hidden field)');
    const hidden = page.hidden.find((h) => h.kind === 'hidden-element')!;
    expect(hidden.detail).toContain('<div>');
    expect(page.text.slice(hidden.start, hidden.end)).toContain('非表示の電話 03-1111-2222');
  });

  it('maps every segment to its DOM node (entities decoded) or attribute', () => {
    expectHtmlSegments(page, PAGE);
    const sources = page.segments.map((s) => (s.source.type === 'html' ? s.source.node : ''));
    expect(sources).toContain('input[name=pw]@value');
    expect(sources).toContain('html/body/table/tr[3]/td[2]#text[2]');
    expect(sources).toContain('html/body#comment');
  });

  it('reads Shift_JIS pages by their declared charset', () => {
    // <meta charset="Shift_JIS"><p>山田</p> with 山田 = 8E52 9363
    const head = [...'<meta charset="Shift_JIS"><p>'].map((c) => c.charCodeAt(0));
    const tail = [...'</p>'].map((c) => c.charCodeAt(0));
    const sjis = readHtml(new Uint8Array([...head, 0x8e, 0x52, 0x93, 0x63, ...tail]));
    expect(sjis.encoding).toBe('shift_jis');
    expect(sjis.pages[0].text).toBe('山田\n');
  });

  it('keeps nested tables and stray tags from breaking the outer table', () => {
    const html = '<table><tr><td>A</td><td><table><tr><td>x</td><td>y</td></tr></table></td><td>C</td></tr><tr><td>1<td>2<td>3</tr></table></p>';
    const p = readHtmlString(html).pages[0];
    expect(p.text).toBe('A\tx y\tC\n1\t2\t3\n');
    expectHtmlSegments(p, html);
    // one table: the nested one is text of its cell
    expect(tableGrids(p)).toEqual([
      [
        ['A', 'x y', 'C'],
        ['1', '2', '3'],
      ],
    ]);
    expect(p.tables![0].headerRows).toBe(0);
  });

  it('gives the page its tables: <thead> rows as header rows, cells in their grid columns across colspan and rowspan', () => {
    const html = `<table><caption>職員連絡先</caption>
<thead><tr><th colspan="2">職員</th><th rowspan="2">所属</th><th>連絡先</th></tr>
<tr><th>氏名</th><th>フリガナ</th><th>電話</th></tr></thead>
<tbody><tr><td>蓮見 朔也</td><td>ハスミ サクヤ</td><td rowspan="2">税務課</td><td>090-2276-4813</td></tr>
<tr><td>及川 正人</td><td>オイカワ マサト</td><td>080-5519-0367</td></tr>
<tr><td colspan="2">（欠員）</td><td>福祉課</td><td></td></tr></tbody></table>`;
    const doc = readHtmlString(html);
    const p = doc.pages[0];
    expect(p.text).toBe(
      [
        '職員連絡先',
        '職員\t\t所属\t連絡先', // フリガナ's column is left empty under 職員
        '氏名\tフリガナ\t\t電話', // 所属 spans this row's third column
        '蓮見 朔也\tハスミ サクヤ\t税務課\t090-2276-4813',
        '及川 正人\tオイカワ マサト\t\t080-5519-0367',
        '（欠員）\t\t福祉課\t',
        '',
      ].join('\n'),
    );
    expectHtmlSegments(p, html);
    expect(tableGrids(p)).toEqual([
      [...STAFF_HEADER.rows, ['蓮見 朔也', 'ハスミ サクヤ', '税務課', '090-2276-4813'], ['及川 正人', 'オイカワ マサト', '', '080-5519-0367'], ['（欠員）', '', '福祉課', '']],
    ]);
    const [table] = p.tables!;
    expect(table).toMatchObject({ rows: 5, columns: 4, headerRows: 2, columnHeaders: STAFF_HEADER.columnHeaders });
    expect(spans(table)).toEqual([
      { row: 0, col: 0, rowSpan: 1, colSpan: 2 },
      { row: 0, col: 2, rowSpan: 2, colSpan: 1 },
      { row: 2, col: 2, rowSpan: 2, colSpan: 1 },
      { row: 4, col: 0, rowSpan: 1, colSpan: 2 },
    ]);
    expect(p.text.slice(table.start)).toMatch(/^職員\t/); // the caption is not a row
    expect(p.text.slice(table.bodyStart)).toMatch(/^蓮見 朔也\t/);
    // the phone under 連絡先 電話 is read in its column although the row above it has fewer cells
    const found = scanDocument(doc).map((f) => [f.kind, f.text]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['person-name', '蓮見 朔也'],
        ['phone', '090-2276-4813'],
        ['phone', '080-5519-0367'],
      ]),
    );
    expect(found.map(([, text]) => text)).not.toContain('職員');
  });

  it('takes a first row of <td> cells for a header when it reads as one, and a first column of <th> labels for none', () => {
    const html =
      '<table><tr><td>氏名</td><td>電話</td></tr><tr><td>蓮見 朔也</td><td>090-2276-4813</td></tr></table>' +
      '<table><tr><th>氏名</th><td>及川 正人</td></tr><tr><th>電話</th><td>080-5519-0367</td></tr></table>' +
      '<table><tr><th>日付</th><th>山田</th><th>佐藤</th></tr><tr><td>6/1</td><td>日勤</td><td>夜勤</td></tr></table>';
    const p = readHtmlString(html).pages[0];
    expect(tableGrids(p)).toEqual([
      [
        ['氏名', '電話'],
        ['蓮見 朔也', '090-2276-4813'],
      ],
      [
        ['氏名', '及川 正人'],
        ['電話', '080-5519-0367'],
      ],
      [
        ['日付', '山田', '佐藤'],
        ['6/1', '日勤', '夜勤'],
      ],
    ]);
    // a row of <th> that does not read as a header (names over a duty roster) is not taken for one: it would be hidden from the scan
    expect(p.tables!.map((t) => t.headerRows)).toEqual([1, 0, 0]);
  });

  it('reads the corpus inquiry page: table, form values, comment and script data', () => {
    const html = readFileSync(`${CORPUS}/d04_inquiry-admin.html`, 'utf8');
    const corpus = readHtml(new TextEncoder().encode(html)).pages[0];
    const labels = JSON.parse(readFileSync(`${CORPUS}/d04_inquiry-admin.html.labels.json`, 'utf8')) as { items: { value: string }[]; controls: string[] };
    for (const item of labels.items) expect(corpus.text).toContain(item.value);
    for (const control of labels.controls) expect(corpus.text).toContain(control);
    expect(corpus.text).toContain('user: inq-admin02 pass: NNf&A2Fn7dp');
    expect(corpus.text).toContain('受付日時\t氏名\tメール\t電話\t内容\n2024/06/10 10:20\t山下 芽衣\t');
    expect(corpus.hidden.map((h) => h.kind).sort()).toEqual(['form-values', 'html-comment', 'script-text']);
    const [table] = tableGrids(corpus);
    expect(table[0]).toEqual(['受付日時', '氏名', 'メール', '電話', '内容']);
    expect(table[1].slice(0, 2)).toEqual(['2024/06/10 10:20', '山下 芽衣']);
    expect(corpus.tables![0].headerRows).toBe(1);
    expectHtmlSegments(corpus, html);
  });
});
