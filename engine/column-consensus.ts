// A table column whose cells are mostly found to hold one kind of value
// (people's names, addresses, login IDs, passwords) is a column of that kind, whatever
// its header says: the header may be missing, unknown to the vocabulary, or
// misread by OCR. Its remaining cells that are shaped like the rest (a name
// whose family name is not in the list, a password with no label in reach)
// are found too. The values speak for the column only when most of them
// agree, and a cell must look like one of them: a column of names with a
// department or "未定" in it does not make those names.
import type { Kind } from '../core/findings.ts';
import type { ScanContext } from './context.ts';
import { firstEndingAfter } from '../core/ranges.ts';

export interface ColumnFinding {
  start: number;
  end: number;
  kind: Kind;
  score: number;
  why: string;
}

/** What a cell of each kind looks like, on its own. */
const SHAPES: Partial<Record<Kind, RegExp>> = {
  // a name split into family and given name, its reading in kana, or a name in Latin letters
  'person-name':
    /^(?:[\p{Script=Han}々ヶ]{1,4}[ 　][\p{Script=Han}々ヶぁ-ゖァ-ヶー]{1,5}|[ァ-ヶー]{2,10}[ 　][ァ-ヶー]{1,10}|[ぁ-ゖー]{2,10}[ 　][ぁ-ゖー]{1,10}|[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,3})$/u,
  'login-id': /^(?=[^\s]*[A-Za-z])[A-Za-z0-9][\w.@+-]{2,63}$/,
  // a place and a number: an address OCR or a layout broke where the detectors' patterns need it whole (西ノ 浦 市東浜2-9-11)
  address: /^(?=.*[\p{Script=Han}ぁ-ゖァ-ヶA-Za-z]{2})(?=.*[0-9０-９一二三四五六七八九十])[^\t]{4,100}$/u,
  // no space, and letters with digits or symbols, or digits with symbols
  password: /^(?=\S{6,64}$)(?:(?=\S*[A-Za-z])(?=\S*[\d\W_])|(?=\S*\d)(?=\S*[\W_]))\S+$/,
};
/** Cells of the column that must hold the kind already, at least this many and this share of the filled ones. */
const MIN_AGREEING = 3;
const SHARE = 0.6;

interface Span {
  start: number;
  end: number;
  kind: Kind;
}

/** Findings for the cells the detectors missed in columns most of whose cells they found; `found` sorted by start. */
export function columnConsensus(ctx: ScanContext, found: readonly Span[]): ColumnFinding[] {
  const out: ColumnFinding[] = [];
  const count = ctx.lineCount();
  for (let n = 0; n < count;) {
    if (!ctx.isTableRow(n)) {
      n++;
      continue;
    }
    // a block of rows: the first is the header line (tables are written with one, empty when they have none)
    let end = n + 1;
    while (end < count && ctx.isTableRow(end)) end++;
    out.push(...blockConsensus(ctx, found, n + 1, end));
    n = end;
  }
  return out;
}

interface Cell {
  start: number;
  end: number;
  kind?: Kind;
  touched: boolean;
}

/** The filled cells of column `col` in rows [first, end), with what covers them; null past the last column. */
function columnCells(ctx: ScanContext, found: readonly Span[], col: number, first: number, end: number): Cell[] | null {
  const cells: Cell[] = [];
  let anyCell = false;
  for (let n = first; n < end; n++) {
    const b = ctx.cellBounds(n, col);
    if (!b) continue;
    anyCell = true;
    if (ctx.isSectionRow(n)) continue;
    let [s, e] = b;
    while (s < e && /\s/.test(ctx.text[s])) s++;
    while (e > s && /\s/.test(ctx.text[e - 1])) e--;
    if (e > s) cells.push({ start: s, end: e, ...covering(found, s, e) });
  }
  return anyCell ? cells : null;
}

/** The kind most of a column's cells were found to hold, when they agree enough to speak for it. */
function agreedKind(cells: readonly Cell[]): Kind | undefined {
  const votes = new Map<Kind, number>();
  for (const c of cells) if (c.kind) votes.set(c.kind, (votes.get(c.kind) ?? 0) + 1);
  const [kind, agreeing] = [...votes].sort((a, b) => b[1] - a[1])[0] ?? [];
  return kind && SHAPES[kind] && agreeing! >= MIN_AGREEING && agreeing! >= SHARE * cells.length ? kind : undefined;
}

function blockConsensus(ctx: ScanContext, found: readonly Span[], first: number, end: number): ColumnFinding[] {
  if (end - first < MIN_AGREEING) return [];
  const out: ColumnFinding[] = [];
  const columns: Cell[][] = [];
  for (let col = 0; ; col++) {
    const cells = columnCells(ctx, found, col, first, end);
    if (!cells) break;
    columns.push(cells);
  }
  const kinds = columns.map(agreedKind);
  columns.forEach((cells, col) => {
    let kind = kinds[col];
    let why = `column of ${kind} values`;
    // a column of account-shaped values nothing was found in, just before a column of passwords: the accounts
    // those passwords open, whatever its header says (missing, or misread by OCR: アーー の over m-sasaki)
    if (!kind && kinds.slice(col + 1, col + 3).includes('password') && accountsColumn(ctx, cells)) {
      kind = 'login-id';
      why = 'column of account names beside a column of passwords';
    }
    if (!kind) return;
    for (const c of cells) {
      if (c.touched || !SHAPES[kind]!.test(ctx.text.slice(c.start, c.end))) continue;
      out.push({ start: c.start, end: c.end, kind, score: 0.6, why });
    }
  });
  return out;
}

/** Whether most cells of a column nothing was found in are shaped like account names (m-sasaki, t.kato2, svc_backup). */
function accountsColumn(ctx: ScanContext, cells: readonly Cell[]): boolean {
  if (cells.length < MIN_AGREEING || cells.some((c) => c.kind)) return false;
  const shaped = cells.filter((c) => ACCOUNT.test(ctx.text.slice(c.start, c.end))).length;
  return shaped >= MIN_AGREEING && shaped >= SHARE * cells.length;
}
/** An account name: a lower-case letter first, a mark or digit in it, no space (not a word, a number or a name). */
const ACCOUNT = /^(?=[a-z][\w.-]{2,31}$)[a-z]+[\d._-][\w.-]*$/;

/** The kind of the finding that covers most of [s, e) (60% or more), and whether any finding touches it. */
function covering(found: readonly Span[], s: number, e: number): { kind?: Kind; touched: boolean } {
  let touched = false;
  // from the first finding that may reach into the cell (they are sorted by start and do not overlap)
  for (let i = firstEndingAfter(found, s); i < found.length && found[i].start < e; i++) {
    touched = true;
    const inside = Math.min(e, found[i].end) - Math.max(s, found[i].start);
    if (inside >= 0.6 * (e - s)) return { kind: found[i].kind, touched };
  }
  return { touched };
}
