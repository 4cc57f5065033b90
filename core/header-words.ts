// Whether a table row reads as a header: every cell is short and holds no
// value (no digits run, address or symbol), and most cells hold words that
// name a column. The words are what headers are made of in general (氏名, 番号,
// 日付, 所属, Name, Date, Status…), not the headers of any one document. A row
// of people's names is short and digit-free too, which is why the words are
// needed: taking a row of values for a header would hide it from the scan.
import { isSectionLabel } from './tables.ts';

const JA = [
  '氏名',
  '名前',
  '名称',
  '姓名',
  'フリガナ',
  'ふりがな',
  // OCR's readings of フリガナ
  'リガナ',
  'リカナ',
  'カナ',
  '読み',
  'よみ',
  '番号',
  '№',
  '日付',
  '年月日',
  '生年',
  '日時',
  '時刻',
  '期間',
  '期限',
  '住所',
  '所在地',
  '居所',
  '電話',
  '携帯',
  '連絡先',
  'メール',
  '所属',
  '部署',
  '部局',
  '課名',
  '係名',
  '役職',
  '職名',
  '職員',
  '社員',
  '区分',
  '種別',
  '種類',
  '分類',
  '項目',
  '内容',
  '備考',
  '摘要',
  '状況',
  '状態',
  '結果',
  '件名',
  '年齢',
  '性別',
  '金額',
  '数量',
  '担当',
  '申請者',
  '利用者',
  '使用者',
  'ユーザ',
  'アカウント',
  'パスワード',
  'パスワ',
  '暗証',
  '権限',
  'コード',
  '症状',
  '病名',
  '診断',
  '入院',
  '発症',
  '検査',
  '既往',
  '治療',
  '療養',
  '医療機関',
  '接種',
  '陽性',
  '口座',
  '支店',
  '金融機関',
  'ホスト',
  'サーバ',
  'アドレス',
  '用途',
  '目的',
  '理由',
  '件数',
  '回数',
  '学年',
  '患者',
  '対象者',
  '世帯',
  '続柄',
  '国籍',
  '資格',
  '有効',
  '登録日',
  '作成日',
  '更新日',
  '受付日',
  '発生日',
  '重症度',
  '容態',
  '病態',
  '転帰',
  '居住地',
  '勤務先',
  '職業',
  '機器',
  '端末',
  // a care or medical record's fields
  '介護度',
  '支援区分',
  '主治医',
  'かかりつけ',
  '服薬',
  '処方',
  '病歴',
  '手帳',
  '認定',
  '家族構成',
  '生活歴',
];
const EN =
  /\b(?:names?|first|last|surname|given|full|dates?|dob|birth(?:day|date)?|age|sex|gender|address(?:es)?|street|city|zip|postal|post ?code|phone|tel|mobile|fax|e-?mail|ids?|no|number|dept|department|division|section|title|role|position|users?(?:name)?|login|account|passwords?|passwd|pass|pw|pin|host(?:name)?|server|ip|url|type|category|status|notes?|remarks?|comments?|description|item|amount|qty|quantity|count|total|caller|patient|tenant|applicant|requester|complainant|diagnosis|condition|symptoms?|results?|hospital|bank|branch|card|expiry|expires|created|updated|owner|contact|time|period|reason|purpose|location|office|organi[sz]ation|company|staff|employee|member|group|level|code|key|secret|token|site|system|service|summary|subject|details?|content|memo|action|callback|call|visit|received|handled|officer|reference|ref|case|request|response|outcome|priority|due|relation(?:ship)?|occupation|job|school|household|email address|nationality|citizenship|language|passport|insurance|pension|licen[cs]e|salary|allowance|grade|hours|days|approved|approver|residence|visa)\b/i;

const JA_RE = new RegExp(JA.join('|'));

const MAX_HEADER = 24;
const MAX_ENGLISH_HEADER = 32;

/** A cell that may be a header: short, and no value in it. */
export function headerLike(cell: string): boolean {
  // full-width digits and colons count as the ASCII ones
  const t = cell.normalize('NFKC').replace(/\s+/g, ' ').trim();
  // (a note in brackets does not make a header long: Health insurance (Mutual Aid), My Number (個人番号))
  const words = t.replace(/\([^()]*\)/g, '').trim();
  // (English headers run longer in letters than Japanese ones: Medical condition declared)
  return words.length > 0 && words.length <= (/[A-Za-z]{3}/.test(words) ? MAX_ENGLISH_HEADER : MAX_HEADER) && !/\d{2,}|@|:\/\/|[#$%&=]|\.[a-z]{2,}|:\s*\S/i.test(t);
}

/** A cell that names a column. */
export function namesColumn(cell: string): boolean {
  // headers are often spread out with spaces (氏　名)
  const compact = cell.replace(/[\s\u3000]+/g, '');
  return JA_RE.test(compact) || EN.test(cell);
}

/** A cell that names a field and holds no value (氏名, 住所, Password): a form's label or a header's word. */
export function namesField(cell: string): boolean {
  return cell.trim() !== '' && headerLike(cell) && namesColumn(cell);
}

/** Whether the non-empty cells of a row make a header row (`first`: the table's first row needs two cells). */
export function isHeaderRow(cells: readonly string[], first: boolean): boolean {
  const filled = cells.filter((c) => c.trim());
  if (filled.length < (first ? 2 : 1) || (!first && isSectionLabel(cells, cells.length)) || !filled.every(headerLike)) return false;
  return filled.filter(namesColumn).length * 2 > filled.length;
}

/** What stands in a record for a value it lacks: no header word, though short and digit-free. */
const PLACEHOLDER = /^(?:な\s*し|無し|未登録|未定|未記入|不明|該当なし|n\/?a|none|null|nil|tbd|unknown)$/i;

/**
 * Whether the first row of `grid` (then a sample of the rows under it) is a
 * header in words the word list may not know: header-like cells (short, no
 * values), most of which, two at least, stand over a column that holds values
 * (12B, 2025-04-01 under Room, Next review), or with `named`, name a column
 * (Surname beside Room: layout, which has told a form of label and value
 * cells apart before, counts them; a CSV of 氏名,蓮見 朔也 rows must not).
 * Such a cell is a word (two letters or more, not a placeholder such as なし
 * or N/A) that does not come again below it, so a first record that merely
 * lacks its values is not taken for a header.
 */
export function headsValueColumns(grid: readonly (readonly string[])[], named = false): boolean {
  const cells = grid[0].map((c) => c.trim());
  const words = cells.filter(Boolean);
  if (words.length < 2 || !words.every(headerLike)) return false;
  const body = grid.slice(1);
  let heads = 0;
  cells.forEach((cell, col) => {
    if ((cell.match(/\p{L}/gu)?.length ?? 0) < 2 || PLACEHOLDER.test(cell)) return;
    const below = body.map((row) => (row[col] ?? '').trim()).filter(Boolean);
    if (below.includes(cell)) return;
    if ((named && namesColumn(cell)) || (below.length && below.filter((v) => !headerLike(v)).length * 2 > below.length)) heads++;
  });
  return heads >= 2 && heads * 2 > words.length;
}

/**
 * Whether a header's word was broken where its cell wrapped, with no hyphen (a
 * narrow column: `Admin accoun` / `t`, `Initial passwor` / `d`): the word
 * across the break names a column, and neither piece does.
 */
export function wordBrokenAt(before: string, after: string): boolean {
  const head = /[A-Za-z]+$/.exec(before)?.[0];
  const tail = /^[a-z]+/.exec(after)?.[0];
  return !!head && !!tail && EN.test(head + tail) && !EN.test(head) && !EN.test(tail);
}

/** Parts of a header, joined with a space, or without one where a word was broken (wordBrokenAt). */
export function joinHeaderParts(parts: readonly string[]): string {
  return parts.reduce((joined, part) => (!joined ? part : wordBrokenAt(joined, part) ? joined + part : `${joined} ${part}`), '');
}
