// Layout analysis of a page's lines: which runs of lines are tables, their
// columns, their rows (a row may take several lines: a cell that wraps), and
// their header rows; which are text set in two columns; the rest is prose.
//
// A table is a run of lines cut into two or more chunks by wide gaps, whose
// gaps line up into gutters across the rows. A line of one narrow chunk that
// sits tight against a row (closer than the table's row pitch) is the
// continuation of a wrapped cell, above or below the row's main line.
import { chunksOf, chunkText, NARROW_GAP } from './chunks.ts';
import { columnOf, columnsUnder, continueColumns, findColumns, overlap, splitAtGutters } from './columns.ts';
import { headerLike, headsValueColumns, isHeaderRow, namesColumn, namesField } from '../core/header-words.ts';

/** How many rows under a first row are compared with it to tell a header over values. */
const SAMPLE_ROWS = 20;
import { borderBetween, columnBorders, mergeRules, rowBorders } from './rules.ts';
import type { Chunk, LayoutLine, Rules } from './types.ts';

export interface TableRow {
  /** the row's lines top to bottom: its main line and the wrapped parts of its cells */
  lines: { line: LayoutLine; chunks: { chunk: Chunk; col: number; span: number[] }[] }[];
}

export type Block = { type: 'prose'; line: LayoutLine } | { type: 'table'; columns: [number, number][]; rows: TableRow[]; headerRows: number } | { type: 'text-columns'; columns: LayoutLine[][] };

/** Blank space between two lines (in ems) that ends a table. */
const TABLE_GAP = 2.5;
/** A line closer to its neighbour than this share of the row pitch belongs to the neighbour's row. */
const TIGHT = 0.8;
/** Distance between the lines of a wrapped cell, in ems. */
const WRAPPED_LINE = 1.8;
/** A row number, with a speck of OCR noise beside it at most, or the next cell's text after a space (the column stood too close to tell apart). */
const SERIAL = /^\D{0,2}[0-9０-９]{1,5}(?:\D{0,2}$|[ 　](?![0-9０-９]))/u;
/** Lines above a table that may stand between it and the top of the page when it runs on from the page before. */
const RUNNING_LINES = 3;
/** Share of a table's main lines that fill its key column. */
const KEY_FILLED = 0.85;
/** Header rows a table may have. */
const MAX_HEADER_ROWS = 3;
/** Rows (rules between lines, plus one) per line of a table whose rows its rules set: one in four, three-line rows allowed. */
const RULED_ROWS = 0.25;

interface Info {
  line: LayoutLine;
  chunks: Chunk[];
}

export interface LayoutOptions {
  /** the columns of the table the page before ended with: the page's first table may continue it */
  priorColumns?: readonly [number, number][];
  /** the ruling lines the page draws (./rules.ts): a ruled table's cells come from its grid */
  rules?: Rules;
}

export function analyseLayout(lines: readonly LayoutLine[], options: LayoutOptions = {}): Block[] {
  const info: Info[] = lines.map((line) => ({ line, chunks: chunksOf(line) }));
  const blocks: Block[] = [];
  const rules = options.rules && (options.rules.horizontal.length || options.rules.vertical.length) ? mergeRules(options.rules) : undefined;
  // only the page's first table may continue the one the page before ended with
  let prior = options.priorColumns;
  for (let i = 0; i < info.length;) {
    // a table runs on from the page before only at the top of the page, under a running header or a title
    if (i > RUNNING_LINES) prior = undefined;
    let end = info[i].chunks.length >= 2 || headsTable(info, i) || cutByRules(info[i], rules) ? regionEnd(info, i, rules) : i + 1;
    const lone = loneLine(info.slice(i, end), rules);
    if (lone !== -1) end = i + lone;
    const table = end - i >= 2 ? tableOf(info.slice(i, end), prior, rules) : prior ? continuedRow(info[i], prior) : null;
    if (table?.some((b) => b.type === 'table')) prior = undefined;
    if (table) {
      blocks.push(...table);
      i = end;
    } else blocks.push({ type: 'prose', line: info[i++].line });
  }
  return blocks;
}

/** Cells a line must spread over to be taken alone as a row of the table the page before ended with. */
const LONE_ROW_CELLS = 3;

/**
 * A line of cells alone where the page before ended with a table, its cells
 * each under a different column of that table: the table's last row, spilt
 * onto this page. Its header is the one before (core/tables.ts), as for a
 * continuation of many rows; one line cannot show its columns by itself.
 */
function continuedRow(r: Info, prior: readonly [number, number][]): Block[] | null {
  if (r.chunks.length < LONE_ROW_CELLS) return null;
  const em = r.line.size;
  // each cell under the column it overlaps most, starting inside it (a longer value may run past its right edge)
  const cols = r.chunks.map((c) => {
    const k = prior.reduce((best, col, j) => (overlap(c.x0, c.x1, col[0], col[1]) > overlap(c.x0, c.x1, prior[best][0], prior[best][1]) ? j : best), 0);
    return overlap(c.x0, c.x1, prior[k][0], prior[k][1]) > 0 && c.x0 >= prior[k][0] - em ? k : -1;
  });
  if (cols.some((k) => k < 0) || new Set(cols).size < cols.length) return null;
  const columns = prior.map(([l, right]): [number, number] => [l, right]);
  return [{ type: 'table', columns, rows: intoRows([r], columns, 1.6 * em), headerRows: 0 }];
}

/** Two lines in the same type size: a heading is set larger than the table under it. */
function sameSize(a: LayoutLine, b: LayoutLine): boolean {
  const x = a.typeSize ?? a.size;
  const y = b.typeSize ?? b.size;
  return Math.abs(x - y) <= 0.15 * Math.max(x, y);
}

/** A line of one chunk just above a table's first line, in its type: the upper part of a header cell (Date of / Birth). */
function headsTable(info: readonly Info[], i: number): boolean {
  const next = info[i + 1];
  return info[i].chunks.length === 1 && !!next && next.chunks.length >= 2 && sameSize(info[i].line, next.line) && mid(next.line) - mid(info[i].line) < WRAPPED_LINE * next.line.size;
}

/**
 * Whether a line of a ruled table lies in the same ruled row as the line
 * before it: the table has row borders above, one lies below the line soon
 * after it, and none between the two lines. Such a line of one chunk is a
 * wrapped cell's part, however close the rows stand, never a heading
 * between two tables.
 */
function sameRuledRow(info: readonly Info[], start: number, j: number, rules: Rules | undefined): boolean {
  if (!rules?.horizontal.length) return false;
  const lines = info.slice(start, j + 1).map((r) => r.line);
  const left = Math.min(...info.slice(start, j + 1).flatMap((r) => r.chunks.map((c) => c.x0)));
  const right = Math.max(...info.slice(start, j + 1).flatMap((r) => r.chunks.map((c) => c.x1)));
  const line = info[j].line;
  const borders = rowBorders(lines[0].top - line.size, line.bottom + 4 * line.size, left, right, rules);
  if (!borders.some((y) => y < mid(line)) || !borders.some((y) => y > mid(line)) || borderBetween(info[j - 1].line, line, borders)) return false;
  // three lines of cells above it in the same ruled span: the rules border a section, not rows (see ruledRows)
  const above = Math.max(...borders.filter((y) => y < mid(line)));
  return info.slice(start, j).filter((r) => r.chunks.length >= 2 && mid(r.line) > above).length < 3;
}

/** Whether vertical rules that cross a line of one chunk run between its pieces, with text on both sides. */
function cutByRules(r: Info, rules: Rules | undefined): boolean {
  if (!rules?.vertical.length || r.chunks.length !== 1) return false;
  const { pieces, x0, x1 } = r.chunks[0];
  const borders = columnBorders([r.line], x0, x1, rules);
  return borders.some((x) => pieces.some((p) => p.x1 <= x) && pieces.some((p) => p.x0 >= x));
}

/** The end of the run of lines from `start` that may form one table. */
function regionEnd(info: readonly Info[], start: number, rules?: Rules): number {
  const first = info[start].chunks.length >= 2 || cutByRules(info[start], rules) || !info[start + 1] ? info[start] : info[start + 1];
  let last = first;
  let left = first.chunks[0].x0;
  let right = first.chunks[first.chunks.length - 1].x1;
  let lastMulti = start;
  for (let j = start + 1; j < info.length; j++) {
    const { line, chunks } = info[j];
    const prev = info[j - 1].line;
    // a wide blank ends the table, unless the next line's cells start where the last row's did (a dropped line, a page's spacing)
    if (line.top - prev.bottom > TABLE_GAP * Math.min(line.size, prev.size) && !continuesRows(info.slice(start, j), info[j])) break;
    if (chunks.length >= 2) {
      lastMulti = j;
      last = info[j];
      left = Math.min(left, chunks[0].x0);
      right = Math.max(right, chunks[chunks.length - 1].x1);
      continue;
    }
    // one chunk that rules cut into cells: a row of a ruled table whose cells stand too close for a gutter
    if (chunks.length === 1 && cutByRules(info[j], rules)) {
      lastMulti = j;
      last = info[j];
      continue;
    }
    // one chunk: a wrapped cell's part is narrow and in the table's type; a line of prose runs wide,
    // a heading is set larger or stands out to the left of the table
    const c = chunks[0];
    // (a part deep inside the table is a wrapped cell whatever its measured size: OCR's measure of a short line is rough)
    const inside = c && c.x0 > left + 0.25 * (right - left);
    if (!c || c.x1 - c.x0 > 0.5 * (right - left) || !(inside || sameSize(line, last.line)) || c.x0 < left - 0.5 * line.size) break;
    // the last row's wrapped part comes at the spacing of wrapped lines
    if (j === lastMulti + 1 && mid(line) - mid(prev) < WRAPPED_LINE * line.size) lastMulti = j;
  }
  return lastMulti + 1;
}

/** A line of three cells or more whose cells mostly start where those of one of the last rows above did. */
function continuesRows(above: readonly Info[], next: Info): boolean {
  if (next.chunks.length < 3) return false;
  const rows = above.filter((r) => r.chunks.length >= 3 && sameSize(r.line, next.line)).slice(-4);
  const em = next.line.size;
  return rows.some((row) => next.chunks.filter((c) => row.chunks.some((r) => Math.abs(r.x0 - c.x0) <= em)).length >= Math.max(3, 0.6 * next.chunks.length));
}

/** The middle of a line across it. */
function mid(line: LayoutLine): number {
  return (line.top + line.bottom) / 2;
}

function median(values: number[]): number | undefined {
  if (!values.length) return undefined;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * A table's row pitch: the distance between consecutive main lines, those
 * with about as many chunks as the fullest (the lines of wrapped cells between
 * them have fewer), else between any consecutive lines of several chunks.
 */
function rowPitch(region: readonly Info[]): number {
  const em = median(region.map((r) => r.line.size)) ?? 10;
  const most = Math.max(...region.map((r) => r.chunks.length));
  const main = region.filter((r) => r.chunks.length >= Math.max(2, 0.6 * most));
  const steps = main.slice(1).map((r, k) => mid(r.line) - mid(main[k].line));
  if (steps.length) return median(steps)!;
  const any = region.slice(1).flatMap((r, k) => (r.chunks.length >= 2 && region[k].chunks.length >= 2 ? [mid(r.line) - mid(region[k].line)] : []));
  return median(any) ?? 1.6 * em;
}

/** The first line of one chunk that is not tight against a neighbour (a heading or note between two tables), or -1. */
function loneLine(region: readonly Info[], rules?: Rules): number {
  const pitch = rowPitch(region);
  for (let k = 1; k < region.length - 1; k++) {
    if (region[k].chunks.length >= 2 || sameRuledRow(region, 0, k, rules)) continue;
    const up = mid(region[k].line) - mid(region[k - 1].line);
    const down = mid(region[k + 1].line) - mid(region[k].line);
    if (Math.min(up, down) >= TIGHT * pitch) return k;
  }
  return -1;
}

/**
 * The first line below the header candidates: below the last header line
 * among the first few lines (titles may stand above it), else below the
 * leading lines that may be headers.
 */
function bodyStart(region: readonly Info[]): number {
  const limit = Math.min(MAX_HEADER_ROWS + 2, region.length - 2);
  const texts = region.map((r) => r.chunks.map(chunkText));
  let lastHeader = -1;
  for (let k = 0; k < limit; k++) if (isHeaderRow(texts[k], true)) lastHeader = k;
  if (lastHeader >= 0) return lastHeader + 1;
  let n = 0;
  while (n < Math.min(MAX_HEADER_ROWS, region.length - 2) && texts[n].every(headerLike)) n++;
  return n;
}

/**
 * The line without pieces far wider than their text: what OCR reads into a
 * table's rules, a stamp or a smudge (せ over 200 points), which would close
 * every gutter it lies across. Only the measure of columns leaves them out.
 */
function plausibleOnly(line: LayoutLine): LayoutLine {
  const pieces = line.pieces.filter((p) => p.x1 - p.x0 <= (1.6 * [...p.text].length + 1) * line.size);
  return pieces.length === line.pieces.length ? line : { ...line, pieces };
}

/** The table a run of lines forms (after the title lines above its header), or null when it is not one. */
function tableOf(region: Info[], priorColumns?: readonly [number, number][], rules?: Rules): Block[] | null {
  const em = median(region.map((r) => r.line.size)) ?? 10;
  const pitch = rowPitch(region);
  // columns measured on the rows below the header candidates: a spanning header would close a gutter
  const firstBody = bodyStart(region);
  // nor does a title line set with wide gaps above the table measure it: its text runs across the columns
  const left = Math.min(...region.map((r) => r.chunks[0]?.x0 ?? Infinity));
  const right = Math.max(...region.map((r) => r.chunks[r.chunks.length - 1]?.x1 ?? -Infinity));
  // and a note set under the table (※ …) runs across its columns: lines with such a wide chunk measure only when most lines have one
  const wide = (r: Info) => r.chunks.some((c) => c.x1 - c.x0 > 0.45 * (right - left));
  const body = region.slice(firstBody);
  const fewWide = body.filter(wide).length < body.length / 3;
  const measure = body.filter((r, k) => !wide(r) || (!fewWide && (k >= 2 || firstBody > 0)));
  const measured = measure.map((r) => chunksOf(plausibleOnly(r.line), NARROW_GAP));
  const stream = findColumns(measured, em);
  // a ruled table's columns are bordered by the vertical rules that cross its lines, as well as by its gutters
  const found = withRuledBorders(stream, region, body, left, right, rules);
  const columns = priorColumns && found.length && found === stream ? continueColumns(found, priorColumns, measured, em) : found;
  if (columns.length < 2) return null;
  // notes under the table run across three columns or more: they follow it as prose
  let end = region.length;
  while (end > 2 && region[end - 1].chunks.some((c) => columns.filter(([l, r]) => overlap(c.x0, c.x1, l, r) > 0).length >= 3)) end--;
  const notes: Block[] = region.slice(end).map((r) => ({ type: 'prose', line: r.line }));
  // two cells that nearly touch were read as one chunk: cut them apart at the gutter
  region = region.slice(0, end).map((r) => ({ ...r, chunks: r.chunks.flatMap((c) => splitAtGutters(c, columns)) }));

  const rows = intoRows(region, columns, pitch, ruledRows(region, left, right, rules));
  const filledRows = rows.filter((r) => new Set(r.lines.flatMap((l) => l.chunks.map((c) => c.col))).size >= 2);
  if (filledRows.length < 2) return null;
  if (columns.length === 2 && isTextInColumns(region, columns)) {
    const split: LayoutLine[][] = [[], []];
    for (const r of region) for (const c of r.chunks) split[columnOf(c, columns)].push({ ...r.line, pieces: c.pieces });
    return [{ type: 'text-columns', columns: split }];
  }
  const { skip, count } = headerRows(rows, columns.length);
  const titles: Block[] = rows.slice(0, skip).flatMap((r) => r.lines.map((l) => ({ type: 'prose' as const, line: l.line })));
  const tables = innerTables(rows.slice(skip), columns, count).map((t): Block => ({ type: 'table', columns, ...t }));
  return [...titles, ...tables, ...notes];
}

/**
 * The columns the gutters show (`stream`), cut where a vertical rule that
 * crosses the table's body lines runs through one with text on both sides
 * (two cells whose text nearly touches: the rule between them is the
 * border); where the gutters show no columns, those between the rules.
 * A rule never joins two columns: the gutters of a form's inner table
 * inside one ruled cell stay. `stream` itself when nothing is cut.
 */
function withRuledBorders(stream: [number, number][], region: readonly Info[], body: readonly Info[], left: number, right: number, rules: Rules | undefined): [number, number][] {
  const borders = columnBorders(
    body.map((r) => r.line),
    left,
    right,
    rules,
  );
  if (!borders.length) return stream;
  const centres = region.flatMap((r) => r.chunks.flatMap((c) => c.pieces.map((p) => (p.x0 + p.x1) / 2)));
  const holdsText = (a: number, b: number) => centres.some((c) => c > a && c < b);
  if (stream.length < 2) {
    const between = borders.slice(1).flatMap((x, k): [number, number][] => (holdsText(borders[k], x) ? [[borders[k], x]] : []));
    return between.length >= 2 ? between : stream;
  }
  let cut = false;
  const columns = stream.flatMap(([l, r]): [number, number][] => {
    const out: [number, number][] = [];
    let from = l;
    for (const x of borders) {
      if (x <= from || x >= r || !holdsText(from, x) || !holdsText(x, r)) continue;
      out.push([from, x]);
      from = x;
      cut = true;
    }
    out.push([from, r]);
    return out;
  });
  return cut ? columns : stream;
}

/**
 * The row borders of a ruled table: the horizontal rules across it, when
 * they stand between most of its rows (a rule under the header alone, or
 * above and below the table, leaves the rows to the gaps between lines).
 * Not when two full lines lie between two rules: a form's section that
 * holds a table of its own, whose rows those rules do not border.
 */
function ruledRows(region: readonly Info[], left: number, right: number, rules: Rules | undefined): number[] {
  const first = region[0].line;
  const last = region[region.length - 1].line;
  const borders = rowBorders(first.top - first.size, last.bottom + first.size, left, right, rules);
  const inside = borders.filter((y) => y > mid(first) && y < mid(last));
  if (inside.length < 2 || inside.length + 1 < RULED_ROWS * region.length) return [];
  // two full lines between the same two rules are two rows: the rules border something else (a form's section)
  const most = Math.max(...region.map((r) => r.chunks.length));
  const full = region.filter((r) => r.chunks.length >= Math.max(3, 0.8 * most));
  // and so are four lines of cells with no rule between them: a ruled row holds a line and the wrapped parts of its cells
  const cells = region.filter((r) => r.chunks.length >= 2);
  const crowded = full.some((r, k) => k > 0 && !borderBetween(full[k - 1].line, r.line, inside)) || cells.some((r, k) => k >= 3 && !borderBetween(cells[k - 3].line, r.line, inside));
  return crowded ? [] : inside;
}

/** The cells' texts of each row, a string per column. */
function rowTexts(rows: readonly TableRow[], columns: number): string[][] {
  return rows.map((r) => {
    const cells: string[] = Array.from({ length: columns }, () => '');
    for (const l of r.lines) for (const c of l.chunks) cells[c.col] += (cells[c.col] ? ' ' : '') + chunkText(c.chunk);
    return cells;
  });
}

/**
 * A form that holds a table of its own (世帯の状況: 氏名 | 続柄 | 生年月日
 * under the applicant's fields) is cut into its parts: a header row below the
 * table's own header starts a table that its rows read, and it ends at the
 * next row that a field label starts with its value beside it (家賃額 |
 * 月額…), where the form goes on.
 */
function innerTables(rows: TableRow[], columns: [number, number][], headerRows: number): { rows: TableRow[]; headerRows: number }[] {
  const texts = rowTexts(rows, columns.length);
  // (a label alone on its line is the inner table's own, set in the middle of the rows it names: 世帯の状況;
  // under an inner header that leaves the first column blank, any label there with a value beside it is the form's)
  const fieldLabel = (k: number, blankFirst: boolean) => {
    const [first, ...rest] = texts[k];
    // (beside it a value: a row of labels alone is a header of the rows below, Home address | Mobile over their values)
    return first.trim() !== '' && headerLike(first) && (blankFirst || namesColumn(first)) && rest.some((c) => c.trim() && !namesField(c));
  };
  // a header row of the rows below it, not of a table under it: a record's labels stacked over their values
  const headsRows = (k: number) => k + 1 < rows.length && isHeaderRow(texts[k], true) && !isHeaderRow(texts[k + 1], false) && !fieldLabel(k, false);
  for (let k = headerRows + 1; k + 1 < rows.length; k++) {
    if (!headsRows(k)) continue;
    const blankFirst = texts[k][0].trim() === '';
    let end = k + 1;
    while (end < rows.length && !fieldLabel(end, blankFirst) && !headsRows(end)) end++;
    const parts = [
      { rows: rows.slice(0, k), headerRows },
      { rows: rows.slice(k, end), headerRows: 1 },
    ];
    return end < rows.length ? [...parts, ...innerTables(rows.slice(end), columns, headsRows(end) ? 1 : 0)] : parts;
  }
  return [{ rows, headerRows }];
}

/** Two columns of running text (a two-column page), not a table: long lines in both columns. */
function isTextInColumns(region: Info[], columns: [number, number][]): boolean {
  const lengths: number[][] = [[], []];
  for (const r of region) for (const c of r.chunks) lengths[columnOf(c, columns)].push(chunkText(c).length);
  return lengths.every((l) => (median(l) ?? 0) >= 20);
}

/**
 * Lines into rows: a line with fewer filled cells than a row, tight against a
 * row's line, is part of that row. In a ruled table (`borders`, the rules
 * between its rows) a row is every line between two rules.
 */
function intoRows(region: Info[], columns: [number, number][], fallbackPitch: number, borders: readonly number[] = []): TableRow[] {
  const placed = region.map((r) => ({
    line: r.line,
    chunks: r.chunks.map((chunk) => ({ chunk, col: columnOf(chunk, columns), span: columnsUnder(chunk, columns) })),
  }));
  if (borders.length) {
    const rows: TableRow[] = [];
    placed.forEach((p, k) => {
      if (k === 0 || borderBetween(placed[k - 1].line, p.line, borders)) rows.push({ lines: [p] });
      else rows[rows.length - 1].lines.push(p);
    });
    return rows;
  }
  const fill = placed.map((p) => new Set(p.chunks.map((c) => c.col)).size);
  const full = Math.max(...fill);
  // the row pitch, measured between the main lines (those with most of the columns filled)
  const main = placed.filter((_, k) => fill[k] >= Math.max(2, 0.6 * full));
  const steps = main.slice(1).map((p, k) => mid(p.line) - mid(main[k].line));
  const pitch = steps.length ? median(steps)! : fallbackPitch;
  // a wrapped part lies tight against a fuller line (its row's main line, or another part of it)
  // (a header line is never part of a row of values)
  const header = placed.map((p) =>
    isHeaderRow(
      p.chunks.map((c) => chunkText(c.chunk)),
      false,
    ),
  );
  // (nor is a line in another type size a wrapped part of a cell)
  const tightToFuller = (k: number, n: number) =>
    n >= 0 && n < placed.length && fill[n] > fill[k] && !(header[k] && !header[n]) && sameSize(placed[k].line, placed[n].line) && Math.abs(mid(placed[n].line) - mid(placed[k].line)) < TIGHT * pitch;
  // a line that starts with a field label in the first column (個人番号 under 電話番号 in a form) is a row of its own
  const startsWithLabel = (k: number) => placed[k].chunks.some((c) => c.col === 0 && namesField(chunkText(c.chunk)));
  const startsRow = keyColumnTest(placed, fill, full, header);
  const isPart = placed.map((_, k) => fill[k] < Math.max(2, full) && !startsWithLabel(k) && !startsRow(k) && (tightToFuller(k, k - 1) || tightToFuller(k, k + 1)));
  const rows: TableRow[] = [];
  const owner: number[] = [];
  placed.forEach((p, k) => {
    if (!isPart[k]) {
      owner[k] = rows.length;
      rows.push({ lines: [p] });
    }
  });
  if (!rows.length) return [];
  // a run of parts between two main lines splits where the blank between lines is widest:
  // above it they belong to the upper row, below it to the lower one
  for (let k = 0; k < placed.length;) {
    if (!isPart[k]) {
      k++;
      continue;
    }
    let end = k;
    while (end < placed.length && isPart[end]) end++;
    const up = k - 1;
    const down = end < placed.length ? end : -1;
    let split = up < 0 ? k : end; // parts k..split-1 go up, split..end-1 go down
    if (up >= 0 && down >= 0) {
      let widest = -Infinity;
      for (let m = k; m <= end; m++) {
        const blank = placed[m].line.top - placed[m - 1].line.bottom;
        if (blank >= widest - 0.1) [widest, split] = [blank, m]; // (on a tie, the lower blank: a cell wraps downward)
      }
    }
    for (let m = k; m < end; m++) {
      const row = rows[owner[m < split ? up : down]];
      row.lines.push(placed[m]);
      row.lines.sort((a, b) => a.line.top - b.line.top);
    }
    k = end;
  }
  return rows;
}

/**
 * A table's key column: the leftmost column that nearly every main line
 * fills. When it numbers the rows (No. 1, 2, 3…), a line with a number there
 * starts a row of its own, however tight it sits against the next: rows set
 * close together (a dense list whose rows take one line or three) are not
 * taken for the wrapped parts of each other. A key of words (a name) may
 * wrap itself, so it proves nothing.
 */
function keyColumnTest(placed: { chunks: { chunk: Chunk; col: number }[] }[], fill: number[], full: number, header: boolean[]): (k: number) => boolean {
  const main = placed.filter((_, k) => fill[k] >= Math.max(3, 0.6 * full) && !header[k]);
  if (main.length < 4) return () => false;
  const keyText = (p: (typeof placed)[number], col: number) =>
    p.chunks
      .filter((c) => c.col === col)
      .map((c) => chunkText(c.chunk))
      .join(' ');
  const columns = Math.max(...placed.flatMap((p) => p.chunks.map((c) => c.col))) + 1;
  for (let col = 0; col < columns; col++) {
    const cells = main.map((p) => keyText(p, col)).filter((t) => t.trim());
    if (cells.length < KEY_FILLED * main.length) continue;
    const numbered = cells.filter((t) => SERIAL.test(t.trim())).length >= KEY_FILLED * cells.length;
    return numbered ? (k) => SERIAL.test(keyText(placed[k], col).trim()) : () => false;
  }
  return () => false;
}

/**
 * The header rows: the first rows that read as headers, leaving at least one
 * body row. Lines above the first header row that is not the table's first
 * line (a title or a date line set with wide gaps) are not part of the table.
 */
function headerRows(rows: TableRow[], columns: number): { skip: number; count: number } {
  const texts = rowTexts(rows, columns);
  // a two-column table whose left cells are all labels is a form (氏名 | 山田 太郎), not a header over values;
  // so is a wider one whose left cells all name a field (金融機関 | … | 支店 | …, 口座名義 | … | 口座番号 | …)
  // (under the title lines the region took in above it, too: 受付票 … | １．相談者 over ふりがな | 氏名 | 住所)
  const isForm = (from: number) => {
    const left = texts
      .slice(from)
      .map((t) => t[0])
      .filter((c) => c.trim());
    // (two rows are a header over its values as often: Bank | Branch over Tohoku Minato Bank | …)
    return left.every(headerLike) && (columns === 2 || (left.length >= 3 && left.filter(namesColumn).length >= 0.6 * left.length));
  };
  if (isForm(0)) return { skip: 0, count: 0 };
  let skip = 0;
  // (a row of words over columns of values heads them too, in words the list may not know: Room over 12B)
  const heads = (k: number) => isHeaderRow(texts[k], true) || headsValueColumns(texts.slice(k, k + 1 + SAMPLE_ROWS), true);
  while (skip < Math.min(2, rows.length - 2) && !heads(skip)) skip++;
  if (!heads(skip)) return wrappedHeader(texts, columns) ?? { skip: 0, count: 0 };
  if (isForm(skip)) return { skip, count: 0 };
  let n = skip;
  while (n < Math.min(skip + MAX_HEADER_ROWS, rows.length - 1) && (n === skip ? heads(n) : isHeaderRow(texts[n], false))) n++;
  // and the lines its wrapped cells run on to (番号 | 別, 度 | 氏名 | 電話 under 世帯 | 性 | 要介 | 避難支援者)
  while (n < rows.length - 1 && n - skip < MAX_WRAPPED_HEADER && headerFragment(texts[n], columns)) n++;
  return { skip, count: n - skip };
}

const filledCells = (t: readonly string[]) => t.filter((c) => c.trim());
/** A line of a few header words, no values: part of a header whose cells wrap. */
const headerWords = (t: readonly string[], columns: number) => filledCells(t).length > 0 && filledCells(t).length < 0.6 * columns && filledCells(t).every((c) => headerLike(c) && !/\d/.test(c));
/** Below a header's first line, a line that names a column or holds only pieces of words (別, 度): a group's label (総務課) does neither. */
const headerFragment = (t: readonly string[], columns: number) => {
  const cells = filledCells(t);
  const pieces = cells.every((c) => c.trim().length <= 2);
  // (one longer cell alone is a section's label: Finance Division over its rows)
  return headerWords(t, columns) && (cells.length === 1 ? pieces : pieces || cells.some((c) => namesColumn(c)));
};

/** Title rows a table's header may stand under, and the lines its cells may wrap over. */
const MAX_TITLE_ROWS = 3;
const MAX_WRAPPED_HEADER = 5;

/**
 * A header whose cells wrap over several lines of their own (narrow or
 * vertical cells: 世帯 / 番号, 性 / 別, 要介 / 護 / 度, a spanning 避難支援者 over
 * 氏名 | 電話), under title lines: the first row that reads as a header
 * (its words name columns), with the sparse lines of header words right
 * above it and below it. Below, a line belongs to the header when it names
 * a column or holds only fragments of a word (別, 度); a group's label under
 * the header (総務課) does neither.
 */
function wrappedHeader(texts: readonly string[][], columns: number): { skip: number; count: number } | null {
  let first = -1;
  for (let k = 0; k <= Math.min(MAX_TITLE_ROWS, texts.length - 2); k++) {
    if (isHeaderRow(texts[k], true)) {
      first = k;
      break;
    }
  }
  if (first < 0) return null;
  let top = first;
  while (top > 0 && first - top < 2 && headerWords(texts[top - 1], columns)) top--;
  let end = first + 1;
  while (end < texts.length - 1 && end - top < MAX_WRAPPED_HEADER && headerFragment(texts[end], columns)) end++;
  return top === first && end === first + 1 ? null : { skip: top, count: end - top };
}
