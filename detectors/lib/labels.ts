// Finds the value that belongs to a label, the way forms, manuals and tables
// write it: on the same line ("パスワード：abc"), on the next line, in the next
// table cell, or in the column under a header cell.
import type { ScanContext } from '../../engine/context.ts';
import { matches } from './matches.ts';

export type ValueVia = 'same-line' | 'next-line' | 'next-cell' | 'column';

export interface LabelledValue {
  label: string;
  /** where the label starts (to read the word before it) */
  labelStart: number;
  start: number;
  end: number;
  via: ValueVia;
  /** an explicit separator (colon, equals, quote, は) or a table/line layout tied value to label */
  separated: boolean;
}

export interface LabelRule {
  /** global, case-insensitive regex of the label words */
  label: RegExp;
  /** sticky regex of a value at the current position */
  value: RegExp;
  /** labels that may also head a table column (all of the column's cells are values) */
  columns?: boolean;
}

// Decoration a label may carry before its value: "(初期)", "【必須】", a colon, an arrow.
// A bracket holding letters or digits is the value itself: 共通ID（renkei-test01）.
// A bracket followed by a colon is a note on the label, whatever it holds: パスワード（SSID: city-guest）：Guest2024!
// What the label is for may stand between it and its colon or its "is": "Staff login for the shelter tablet: …",
// "The default password for the visitor kiosk is Welcome2024".
// English prose gives the value after "is" and a dash too (Your PIN is 4821, Passcode - 7Hq2-Lm9x); neither counts as
// a separator, so the value must look like one on its own ("The password is changed every 90 days" has none).
const LABEL_TAIL =
  /[ \t]{0,8}(?:[(（【[][^)）】\]\n]{0,30}[)）】\]](?=[ ]{0,4}[:=：＝])|[(（【[][^)）】\]\nA-Za-z0-9]{0,14}[)）】\]])?(?:(?<=[ ])(?:for|on|to|of|at|in)[ ][A-Za-z0-9 '’&.-]{1,40}?(?=[ ]{0,2}[:：]|[ ](?:is|was)[ ]))?(?:[ ]{0,4}(?:[:=：＝→]|は|[をがにで](?=[「"“『])|(?<=[ ])(?:(?:is|was|has[ ]been)[ ])?(?:(?:re)?set|changed)[ ]to[ ]|(?<=[ ])(?:is|was)[ ]|(?<=[ ])[-–—](?=[ ])))?[ ]{0,4}[「『"'“(（]?(?:例[ ]?[:：][ ]{0,2})?/y;
// A label followed by prose ("パスワードを変更する") is a word in a sentence, not a label.
// A particle before a quoted value is not prose: パスワードに「Kansen#2020」を入力, IDを「kit01」に変更.
const PROSE_AFTER = /^(?:[のともへや・、。]|[をがにで](?![「"“『]))/u;
// ...unless the sentence only announces the value on the next line ("パスワードです。", "IDは次のとおりです。").
const ANNOUNCES_NEXT_LINE = /^(?:は(?:以下|次|下記)の?(?:とおり|通り)(?:です)?|です)[。.:：]?[ \t]*$/u;
// A label inside a URL or path (https://…/login, /admin/login, ?id=) is part of it, not a label.
const INSIDE_URL = /:\/\/|^\/|[?&#.=%]$/;

function valueAt(ctx: ScanContext, rule: LabelRule, at: number, limit: number): [number, number] | null {
  rule.value.lastIndex = at;
  const m = rule.value.exec(ctx.text);
  if (!m || m.index !== at) return null;
  const end = Math.min(at + m[0].length, limit);
  return end > at ? [at, end] : null;
}

/** Whether a cell holds only a label (a header, not a value). */
function isLabelOnly(cellText: string, label: RegExp): boolean {
  const t = cellText.trim();
  return t.length > 0 && t.length <= 24 && label.test(t);
}

export function findLabelledValues(ctx: ScanContext, rule: LabelRule): LabelledValue[] {
  const out: LabelledValue[] = [];
  const seenColumns = new Set<string>();
  // a non-global twin: testing with the global label regex would move the scan's lastIndex
  const labelTest = new RegExp(rule.label.source, rule.label.flags.replace('g', ''));
  for (const m of matches(ctx.text, rule.label)) {
    const lineNo = ctx.lineIndex(m.start);
    const [, lineEnd] = ctx.lineBounds(lineNo);
    if (INSIDE_URL.test(tokenBefore(ctx.text, m.start))) continue;
    if (lineEnd - m.end <= 24 && ANNOUNCES_NEXT_LINE.test(ctx.text.slice(m.end, lineEnd))) {
      const v = ctx.cellAt(m.start) ? null : nextLineValue(ctx, rule, labelTest, lineNo);
      if (v) out.push({ ...v, label: m.text, labelStart: m.start });
      continue;
    }
    const rest = ctx.text.slice(m.end, Math.min(lineEnd, m.end + 2));
    if (PROSE_AFTER.test(rest)) continue;

    const cell = ctx.cellAt(m.start);
    // 1. a header cell (first row of its table): the values are the column below it
    if (rule.columns && cell && ctx.header(m.start) === undefined && isLabelOnly(ctx.text.slice(cell[1], cell[2]), labelTest)) {
      const key = `${lineNo}:${cell[0]}`;
      const below = columnValues(ctx, rule, lineNo, cell[0], m.text, m.start);
      if (below.length && !seenColumns.has(key)) {
        seenColumns.add(key);
        out.push(...below);
        continue;
      }
    }
    // 2. the same line, after the label's tail
    LABEL_TAIL.lastIndex = m.end;
    const tail = LABEL_TAIL.exec(ctx.text);
    let at = m.end + (tail ? tail[0].length : 0);
    const cellEnd = cell ? cell[2] : lineEnd;
    if (at < cellEnd) {
      const v = valueAt(ctx, rule, at, cellEnd);
      const separated = tail !== null && /[:=：＝→「『"'“(（]|は/u.test(tail[0]);
      if (v) out.push({ label: m.text, labelStart: m.start, start: v[0], end: v[1], via: 'same-line', separated });
      // a label cell with more words ("AWS secret access key") still has its value in the next cell
      if (v || !cell || !isLabelOnly(ctx.text.slice(cell[1], cell[2]), labelTest)) continue;
    }
    // 3. the next cell on the row; every further cell where the first cells name each row's field (one record per column)
    if (cell && cellEnd < lineEnd) {
      const last = cell[0] === 0 && ctx.isRowHeaded(lineNo) ? Infinity : cell[0] + 1;
      for (let col = cell[0] + 1; col <= last; col++) {
        const next = ctx.cellBounds(lineNo, col);
        if (!next) break;
        at = next[0];
        while (at < next[1] && ctx.text[at] === ' ') at++;
        if (isLabelOnly(ctx.text.slice(at, next[1]), labelTest)) continue;
        const v = valueAt(ctx, rule, at, next[1]);
        if (v) out.push({ label: m.text, labelStart: m.start, start: v[0], end: v[1], via: 'next-cell', separated: true });
      }
      continue;
    }
    // 4. alone at the end of its line: the next non-empty line
    if (!cell) {
      const v = nextLineValue(ctx, rule, labelTest, lineNo);
      if (v) out.push({ ...v, label: m.text, labelStart: m.start });
    }
  }
  return out;
}

/** The run of printable ASCII just before offset i (at most 80): the URL or path a label may sit in. */
function tokenBefore(text: string, i: number): string {
  let s = i;
  while (s > 0 && i - s < 80 && text.charCodeAt(s - 1) > 0x20 && text.charCodeAt(s - 1) < 0x7f) s--;
  return text.slice(s, i);
}

const KEY_OPENS_LINE = /^-?[ ]?[A-Za-z_][\w.-]{0,30}[ ]?[:=](?:[ \t]|$)/;

/** The value that starts the next non-empty line after line `lineNo`. */
function nextLineValue(ctx: ScanContext, rule: LabelRule, labelTest: RegExp, lineNo: number): Omit<LabelledValue, 'label' | 'labelStart'> | null {
  if (lineNo + 1 >= ctx.lineCount()) return null;
  // skip at most two blank lines: a value further down belongs to something else
  let n = lineNo + 1;
  while (n < ctx.lineCount() - 1 && n < lineNo + 3 && !ctx.line(n).trim()) n++;
  const [ns, ne] = ctx.lineBounds(n);
  let s = ns;
  while (s < ne && (ctx.text[s] === ' ' || ctx.text[s] === '\t')) s++;
  if (isLabelOnly(ctx.text.slice(s, ne), labelTest)) return null;
  // a key of its own opens the next line (valueFrom:, value: "…" in YAML): what follows belongs to that key
  if (KEY_OPENS_LINE.test(ctx.text.slice(s, Math.min(ne, s + 40)))) return null;
  const v = valueAt(ctx, rule, s, ne);
  return v && { start: v[0], end: v[1], via: 'next-line', separated: true };
}

/** Values in column `col` of the table rows under header line `headerLine`. */
function columnValues(ctx: ScanContext, rule: LabelRule, headerLine: number, col: number, label: string, labelStart: number): LabelledValue[] {
  const out: LabelledValue[] = [];
  for (let n = headerLine + 1; n < ctx.lineCount() && ctx.isTableRow(n); n++) {
    const bounds = ctx.cellBounds(n, col);
    if (!bounds) continue;
    let [start] = bounds;
    const end = bounds[1];
    while (start < end && ctx.text[start] === ' ') start++;
    const v = start < end ? valueAt(ctx, rule, start, end) : null;
    if (v) out.push({ label, labelStart, start: v[0], end: v[1], via: 'column', separated: true });
  }
  return out;
}
