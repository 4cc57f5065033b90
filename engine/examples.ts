// Filled-in examples on a form guide (記入例): the name, address and phone a
// guide writes into its sample form belong to no one. Where the page says so,
// personal data found there is not reported. Secrets are always reported: in
// the Osaka incident a real password was left in because a clerk took it for
// "only an example".

/** A line that heads an example (its spaces and markdown marks left out): 記入例, 【記載例】, ## 1. 記入例 / Example, Sample: */
const EXAMPLE_HEADING =
  /^(?:[0-9０-９]{1,2}[.．)）])?[【〔［[(（<＜■□●◆◇・*-]?(?:記入例|記載例|作成例|入力例|見本|サンプル|examples?|samples?)[0-9０-９]{0,2}[】〕］\])）>＞]?(?:[/／・](?:記入例|記載例|見本|例|examples?|samples?))?[:：]?$/iu;
/** A marker inside a line: what follows it on the line is the example */
const EXAMPLE_MARKER = /記入例|記載例|作成例|入力例|[【(（［[]例[】)）］\]]|(?<![\p{L}])例[:：]|\be\.g\.|\bfor example\b/giu;
/** Markers that say so on their own: a form guide's filled-in example */
const STRONG_MARKER = /記入例|記載例|作成例|入力例|[【(（［[]例[】)）］\]]/u;
/** A table cell that says its row or column is an example or a template (the word, not a part of an address: @example.ne.jp) */
const EXAMPLE_CELL = /記入例|記載例|見本|サンプル|(?<![@.\w/-])(?:example|sample|template|dummy)(?![@.\w/-])/iu;
/** How many lines an example under a heading may take, at most, before a blank line ends it. */
const MAX_EXAMPLE_LINES = 20;

/** The ranges [start, end) of `text` that hold examples, sorted and merged. */
export function exampleRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let lineStart = 0;
  let open = -1; // lines left in the example a heading opened, or -1
  let content = false; // the open example has had a line of content (a blank line before it does not end it)
  let exampleColumns: number[] = []; // columns of the current table headed as examples
  let inTable = false;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const cells = line.includes('\t') ? line.split('\t') : null;
    if (!cells) inTable = false;
    if (EXAMPLE_HEADING.test(line.replace(/[ \t\u3000#>*_]/g, ''))) {
      open = MAX_EXAMPLE_LINES;
      content = false;
    } else if (!line.trim()) {
      if (content) open = -1;
    } else if (open > 0) {
      ranges.push([lineStart, lineEnd]);
      open--;
      content = true;
    } else if (cells) {
      if (!inTable) exampleColumns = cells.flatMap((c, i) => (EXAMPLE_CELL.test(c) ? [i] : []));
      // a row that calls itself an example (記入例 | 山田 太郎 | …, "example row, do not use") is one; so are the cells of an example column
      if (inTable && cells.some((c) => EXAMPLE_CELL.test(c))) ranges.push([lineStart, lineEnd]);
      else if (inTable) ranges.push(...cellRanges(cells, lineStart, exampleColumns));
      inTable = true;
    } else {
      EXAMPLE_MARKER.lastIndex = 0;
      const m = EXAMPLE_MARKER.exec(line);
      const end = m ? exampleEnd(line, m.index) : -1;
      // a bare 例： or e.g. says only what a writer meant, and real data is pasted "as an example" too:
      // it marks an example only inside brackets ((例：03-1234-5678), (e.g. …)); 記入例 marks one anywhere
      if (m && (STRONG_MARKER.test(m[0]) || end < line.length)) ranges.push([lineStart + m.index, lineStart + end]);
    }
    lineStart = lineEnd + 1;
  }
  return merged(ranges);
}

/** The ranges of cells `columns` of a row that starts at `rowStart`. */
function cellRanges(cells: readonly string[], rowStart: number, columns: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  let at = rowStart;
  cells.forEach((cell, i) => {
    if (columns.includes(i)) out.push([at, at + cell.length]);
    at += cell.length + 1;
  });
  return out;
}

function merged(ranges: [number, number][]): [number, number][] {
  ranges.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Where an example marked at `at` ends: at the bracket closing one opened just before the marker ((e.g. 03-…)), else at the line's end. */
function exampleEnd(line: string, at: number): number {
  const before = line.slice(Math.max(0, at - 2), at);
  if (!/[(（[［]\s?$/u.test(before)) return line.length;
  const close = line.slice(at).search(/[)）\]］]/u);
  return close === -1 ? line.length : at + close + 1;
}

/** Whether [start, end) lies inside one of `ranges` (sorted, not overlapping): a binary search, so many findings stay cheap. */
export function insideAny(ranges: readonly [number, number][], start: number, end: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  // the last range starting at or before `start`
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid][0] <= start) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi >= 0 && end <= ranges[hi][1];
}
