import { readFileSync } from 'node:fs';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { Page } from '../../core/document.ts';
import { readHtml, readHtmlString } from '../../documents/html.ts';
import { CORPUS, expectSegmentsMatch } from './helpers.ts';

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
    expectHtmlSegments(corpus, html);
  });
});
