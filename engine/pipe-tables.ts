// Tables written with pipes (Markdown, wiki pages, plain-text mail):
//
//   | 氏名 | 電話 |
//   |------|------|
//   | 山田 太郎 | 090-1234-5678 |
//
// The detectors read table structure from tabs (column headers, the cell
// beside a label), as the CSV, spreadsheet and HTML readers write rows. A
// pipe is one character, like a tab, so the rows of a pipe table get tabs in
// place of their pipes without moving any offset.

/** A row of a pipe table: starts and ends with a pipe. */
const ROW = /^[ \t]*\|.*\|[ \t]*$/;
/** A cell separator: a pipe not escaped with a backslash. */
const SEPARATOR = /(?<!\\)\|/g;

/** `text` with the unescaped pipes of every pipe table (two or more rows in a row) turned into tabs. */
export function pipeTablesAsTabs(text: string): string {
  if (!text.includes('|')) return text;
  const lines = text.split('\n');
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    if (!ROW.test(lines[i])) continue;
    let end = i;
    while (end + 1 < lines.length && ROW.test(lines[end + 1])) end++;
    if (end > i) {
      for (let k = i; k <= end; k++) lines[k] = lines[k].replace(SEPARATOR, '\t');
      changed = true;
    }
    i = end;
  }
  return changed ? lines.join('\n') : text;
}
