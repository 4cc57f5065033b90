// Filled-in examples on a form guide (記入例): the name, address and phone a
// guide writes into its sample form belong to no one. Where the page says so,
// personal data found there is not reported. Secrets are always reported: in
// the Osaka incident a real password was left in because a clerk took it for
// "only an example".

/** A line that heads an example (its spaces left out): 記入例, 【記載例】, (見本), Example:, Sample */
const EXAMPLE_HEADING = /^[【〔［[(（<＜■□●◆◇・*-]?(?:記入例|記載例|作成例|入力例|見本|サンプル|example|sample)[0-9０-９]{0,2}[】〕］\])）>＞]?[:：]?$/iu;
/** A marker inside a line: what follows it on the line is the example */
const EXAMPLE_MARKER = /記入例|記載例|作成例|入力例|[【(（［[]例[】)）］\]]|(?<![\p{L}])例[:：]|\be\.g\.|\bfor example\b/giu;
/** How many lines an example under a heading may take, at most, before a blank line ends it. */
const MAX_EXAMPLE_LINES = 20;

/** The ranges [start, end) of `text` that hold examples. */
export function exampleRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let lineStart = 0;
  let open = -1; // lines left in the example a heading opened, or -1
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (EXAMPLE_HEADING.test(line.replace(/[ \t\u3000]/g, ''))) open = MAX_EXAMPLE_LINES;
    else if (!line.trim()) open = -1;
    else if (open > 0) {
      ranges.push([lineStart, lineEnd]);
      open--;
    } else {
      EXAMPLE_MARKER.lastIndex = 0;
      const m = EXAMPLE_MARKER.exec(line);
      if (m) ranges.push([lineStart + m.index, lineStart + exampleEnd(line, m.index)]);
    }
    lineStart = lineEnd + 1;
  }
  return ranges;
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
