// What a detector may look at: the normalised page text plus light structure
// (line bounds, the label before a value, the header of a table column).
// Built once per page and shared by every detector.

export interface Candidate {
  /** offsets into the normalised text */
  start: number;
  end: number;
  score: number;
  /** pattern and context that matched, e.g. "label パスワード" */
  why: string;
  /** a detector may report a related kind (an e-mail used as login ID) */
  kind?: import('../core/findings.ts').Kind;
  /** a detector may raise or lower the severity of one finding */
  severity?: import('../core/findings.ts').Severity;
}

import type { CustomTerm } from '../core/settings.ts';
import { isSectionLabel } from '../core/tables.ts';
import { namesField } from '../core/header-words.ts';
import { firstAtOrAfter } from '../core/ranges.ts';

export class ScanContext {
  readonly lower: string;
  private lineStarts: Int32Array | null = null;

  constructor(
    /** normalised page text */
    readonly text: string,
    readonly customTerms: readonly (string | CustomTerm)[] = [],
  ) {
    this.lower = text.toLowerCase();
  }

  private starts(): Int32Array {
    if (!this.lineStarts) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = Int32Array.from(starts);
    }
    return this.lineStarts;
  }

  /** Index of the line holding offset i. */
  lineIndex(i: number): number {
    const s = this.starts();
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  lineCount(): number {
    return this.starts().length;
  }

  /** [start, end) of line n, without its newline. */
  lineBounds(n: number): [number, number] {
    const s = this.starts();
    const start = s[n];
    const end = n + 1 < s.length ? s[n + 1] - 1 : this.text.length;
    return [start, end];
  }

  line(n: number): string {
    const [a, b] = this.lineBounds(n);
    return this.text.slice(a, b);
  }
  /**
   * The part of offset i's line within `radius` characters of it: the words
   * around a value, read without costing the whole line when a page is one
   * long line of repeated labels.
   */
  lineNear(i: number, radius = 200): string {
    const [a, b] = this.lineBounds(this.lineIndex(i));
    return this.text.slice(Math.max(a, i - radius), Math.min(b, i + radius));
  }

  /** Text before offset i on the same line, at most max chars, cut at a table cell boundary. */
  before(i: number, max = 24): string {
    const [lineStart] = this.lineBounds(this.lineIndex(i));
    const from = Math.max(lineStart, i - max);
    const s = this.text.slice(from, i);
    const tab = s.lastIndexOf('\t');
    return tab === -1 ? s : s.slice(tab + 1);
  }

  /** Text after offset i on the same line, at most max chars, cut at a cell boundary. */
  after(i: number, max = 24): string {
    const [, lineEnd] = this.lineBounds(this.lineIndex(i));
    const s = this.text.slice(i, Math.min(lineEnd, i + max));
    const tab = s.indexOf('\t');
    return tab === -1 ? s : s.slice(0, tab);
  }

  private tabPositions: Int32Array | null = null;

  /** Every tab in the text, found once: cells are located by binary search, never by rescanning a line. */
  private tabs(): Int32Array {
    if (!this.tabPositions) {
      const found: number[] = [];
      for (let i = this.text.indexOf('\t'); i !== -1; i = this.text.indexOf('\t', i + 1)) found.push(i);
      this.tabPositions = Int32Array.from(found);
    }
    return this.tabPositions;
  }

  /** Index of the first tab at or after position x. */
  private firstTabFrom(x: number): number {
    return firstAtOrAfter(this.tabs(), x);
  }

  /** Tab indexes [first, last) that fall on line n. */
  private lineTabs(n: number): [number, number] {
    const [a, b] = this.lineBounds(n);
    return [this.firstTabFrom(a), this.firstTabFrom(b)];
  }

  isTableRow(n: number): boolean {
    const [first, last] = this.lineTabs(n);
    return last > first;
  }

  /** [start, end) of cell `col` of line n, or null when the line has no such cell. */
  cellBounds(n: number, col: number): [number, number] | null {
    const [first, last] = this.lineTabs(n);
    if (last === first || col > last - first) return null;
    const [a, b] = this.lineBounds(n);
    const tabs = this.tabs();
    return [col === 0 ? a : tabs[first + col - 1] + 1, first + col < last ? tabs[first + col] : b];
  }

  /** The table cell holding offset i, when its line is a tab-separated row: [column, cellStart, cellEnd]. */
  cellAt(i: number): [number, number, number] | null {
    const n = this.lineIndex(i);
    const [first, last] = this.lineTabs(n);
    if (last === first) return null;
    const col = this.firstTabFrom(i) - first;
    const bounds = this.cellBounds(n, col);
    return bounds && [col, bounds[0], bounds[1]];
  }

  /** Cell `col` of line n, or undefined. */
  cell(n: number, col: number): string | undefined {
    const b = this.cellBounds(n, col);
    return b ? this.text.slice(b[0], b[1]) : undefined;
  }

  /**
   * The header of the table column holding offset i: the same column of the
   * first line of the block of consecutive tab-separated lines.
   */
  header(i: number): string | undefined {
    const cell = this.cellAt(i);
    if (!cell) return undefined;
    const n = this.lineIndex(i);
    const first = this.tableStart(n);
    if (first === n) return undefined; // the header row itself
    return this.cell(first, cell[0])?.trim();
  }

  private labelColumns: Map<number, boolean> | undefined;

  /**
   * Whether every row of line n's table names its field in its first cell, or leaves it blank
   * (ふりがな | … / 氏名 | … / 住所 | …): a form, whose first row is a field
   * like the others, not a header over the rows below.
   */
  isLabelColumn(n: number): boolean {
    const start = this.tableStart(n);
    if (start < 0) return false;
    this.labelColumns ??= new Map();
    let known = this.labelColumns.get(start);
    if (known === undefined) {
      let rows = 0;
      known = true;
      for (let k = start; k < this.lineCount() && this.tableStart(k) === start; k++) {
        const first = this.line(k).split('\t')[0];
        // (a row with its first cell blank goes on with the field above: a value wrapped onto a line of its own,
        // or the blank header line a table without a header is given, engine/table-view.ts)
        if (!first.trim()) continue;
        rows++;
        if (!namesField(first)) {
          known = false;
          break;
        }
      }
      known &&= rows >= 3;
      this.labelColumns.set(start, known);
    }
    return known;
  }

  /** Whether line n, under a table's first line, is a section's label (core/tables.ts isSectionLabel), its width the first line's. */
  isSectionRow(n: number): boolean {
    const start = this.tableStart(n);
    if (start < 0 || start === n) return false;
    const [first, last] = this.lineTabs(start);
    return isSectionLabel(this.line(n).split('\t'), last - first + 1);
  }

  /** The first line of every block of tab-separated lines: the tables' header lines. */
  headerLines(): number[] {
    const out: number[] = [];
    if (!this.tabs().length) return out;
    for (let k = 0; k < this.lineCount(); k++) if (this.tableStart(k) === k) out.push(k);
    return out;
  }

  private blockStarts: Int32Array | null = null;

  /** First line of the table block holding line n (computed once for all lines). */
  private tableStart(n: number): number {
    if (!this.blockStarts) {
      const count = this.lineCount();
      const starts = new Int32Array(count);
      for (let k = 0; k < count; k++) {
        const isRow = this.isTableRow(k);
        starts[k] = isRow && k > 0 && starts[k - 1] !== -1 ? starts[k - 1] : isRow ? k : -1;
      }
      this.blockStarts = starts;
    }
    return this.blockStarts[n];
  }

  /**
   * The cell to the left of offset i's cell on the same row: its label in a
   * form. In a table that names a field in the first cell of each row and
   * gives one record per column (氏名 | 山田 太郎 | 佐藤 花子), the first cell:
   * the cell to the left is another record's value.
   */
  leftCell(i: number): string | undefined {
    const cell = this.cellAt(i);
    if (!cell || cell[0] === 0) return undefined;
    const n = this.lineIndex(i);
    return this.cell(n, cell[0] >= 2 && this.isRowHeaded(n) ? 0 : cell[0] - 1)?.trim();
  }

  private rowHeadedBlocks: Map<number, boolean> | null = null;

  /**
   * Whether line n's table names each row's field in its first cell and has
   * two records or more beside it: three rows or more, most of whose first
   * cells name a field (core/header-words.ts) and hold no value, and whose
   * other cells seldom do (a form of two fields a row is no such table).
   */
  isRowHeaded(n: number): boolean {
    const start = this.tableStart(n);
    if (start < 0) return false;
    this.rowHeadedBlocks ??= new Map();
    let known = this.rowHeadedBlocks.get(start);
    if (known === undefined) {
      let rows = 0;
      let labelled = 0;
      let wide = 0;
      // (a form of two fields a row, 氏名 | 山田 太郎 | 生年月日 | S50.1.1, has labels further along its rows)
      let pairs = 0;
      for (let k = start; k < this.lineCount() && this.tableStart(k) === start; k++) {
        rows++;
        const cells = this.line(k).split('\t');
        if (namesField(cells[0])) labelled++;
        if (cells.length >= 3) wide++;
        if (k > start && cells.slice(1).some(namesField)) pairs++;
      }
      known = rows >= 3 && wide >= 0.6 * rows && labelled >= 0.6 * rows && pairs < 0.4 * (rows - 1);
      this.rowHeadedBlocks.set(start, known);
    }
    return known;
  }

  /** The previous non-empty line's text, when offset i starts its own line. */
  previousLine(i: number): string | undefined {
    const at = this.lineIndex(i);
    // look back over at most two blank lines
    for (let n = at - 1; n >= 0 && n >= at - 3; n--) {
      const l = this.line(n).trim();
      if (l) return l;
    }
    return undefined;
  }
}
