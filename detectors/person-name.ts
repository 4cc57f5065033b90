import type { Candidate, ScanContext } from '../engine/context.ts';
import type { Detector } from '../engine/detector.ts';
import { matches } from './lib/matches.ts';
import { namePartColumns } from './lib/name-part-columns.ts';
import { SURNAMES } from './data/surnames.ts';
import { LATIN_GIVEN_NAMES } from './data/latin-given-names.ts';

// Person names are found three ways, strongest first:
// 1. beside a name label or in a column headed 氏名/名前/フリガナ/Name;
// 2. before an honorific (様, 殿, さん, 氏, 先生);
// 3. a known family name, a space, and a given name.

const HAN = String.raw`[\p{Script=Han}々]`;
// family name in kanji; the given name in kanji or kana (高橋 ひかり)
// older women's given names mix kana and kanji (トミ子, まり子, キミ江)
const KANA_KANJI_GIVEN = String.raw`(?:[ぁ-ゖ]{1,3}|[ァ-ヶー]{1,3})[子江代枝恵美]`;
const KANJI_NAME = String.raw`${HAN}{1,4}(?:[ 　](?:${KANA_KANJI_GIVEN}|${HAN}{1,4}|[ぁ-ゖ]{2,6}|[ァ-ヶー]{2,6})|${HAN}{0,3})`;
// readings of foreign names have a middle name too (スミス ロバート ジェームス)
const KATAKANA_NAME = String.raw`[ァ-ヶー]{1,10}(?:[ 　][ァ-ヶー]{1,10}){1,2}`;
const HIRAGANA_NAME = String.raw`[ぁ-ゖー]{1,10}(?:[ 　][ぁ-ゖー]{1,10}){1,2}`;
// a first name may be an initial: J. Smith
// letters of names written in Latin script, accents included (Tomás, Sørensen, Nguyễn)
const LATIN_UPPER = String.raw`[A-ZÀ-ÖØ-Þ]`;
const LATIN_LETTER = String.raw`[a-zA-ZÀ-ÖØ-öø-ɏḀ-ỿ'-]`;
// (family name first with a comma, as forms and passports write it: SATO, Haruto)
const LATIN_NAME = String.raw`${LATIN_UPPER}(?:${LATIN_LETTER}{1,20}|\.),? ${LATIN_UPPER}${LATIN_LETTER}{0,20}\.?(?: ${LATIN_UPPER}${LATIN_LETTER}{0,20}\.?){0,2}`;
const NAME_VALUE = new RegExp(`(?:${KATAKANA_NAME}|${HIRAGANA_NAME}|${KANJI_NAME}|${LATIN_NAME})`, 'uy');

// OCR spaces out wide labels (氏 名) and confuses kana of one shape (ウリガナ, フリカナ for フリガナ)
const NAME_LABEL =
  /(?:氏[ 　]?名|お名前|名前|ふり[がか]な|[フウブプ]リ[ガカ]ナ|よみがな|カナ氏名|患者名?|申請者(?:名|氏名)?|届出人|世帯主|保護者|担当者?|相談者|利用者名|被保険者名|契約者|代表者|職員名|主治医|医師名|連絡先氏名|緊急連絡先|口座名義(?:人)?|名義人|名義|(?:児童|生徒|園児|幼児|子ども|子供)氏?名|(?:対象者|参加者|出席者|入所者|受給者|利用者|職員)(?=[ 　]*(?:[:：\t\n]|$))|(?<![a-z])(?:full\s?name|name|patient|contact|applicant|resident|employee|(?:staff|member|participant|attendee|student|pupil|spouse|insured)(?=[ ]*(?:[:：\t\n]|$))|requester|claimant|prepared by|signed(?: by)?|submitted by|reported by|author|reporter|caller|complainant|tenant|recipient|addressee|guardian|next of kin|emergency contact|interviewee|witness|beneficiary|householder|head of (?:the )?household|client|display_?name|full_?name|maintainer|owner|(?:to|from|attn|attention|cc)(?=[ ]?[:：])|dear(?= )))/giu;
// Words that sit where a name would but are roles, places or headings.
const NOT_A_NAME =
  /^(?:.*(?:課長|部長|係長|主任|主査|主事|室長|所長|局長|次長|市長|町長|村長|知事|議長|委員|会長|社長|理事|院長|医師|看護|職員|担当|事務|代表|一覧|番号|記入|欄|不明|未定|なし|未記入|名簿|氏名|名前|県|市|区|町|村|駅|線|店|社|院|所|課|係|部|局|室|校|園|会|館|場|署|庁|省|科|組|班|等|様|殿|者|人|員|日|月|年|時|分|書|類|票|表|証|済))$/u;
const COMMON_WORDS =
  /^(?:匿名|普通|当座|貯蓄|定期|無記名|非公開|署名|記名|押印|捺印|以上|以下|同上|記載|確認|対応|予定|連絡|参加|出席|欠席|説明|報告|相談|申請|受付|本人|家族|全員|各位|皆様|御中|不在|有り|無し|あり|なし|Name|Date|Total|Page)$/u;

const HONORIFIC = new RegExp(`(${KANJI_NAME})(?=[ ]?(?:様(?![式子相々態])|殿|さん|氏(?![名])|先生|くん|君|ちゃん))`, 'gu');
const SURNAME_SET = new Set(SURNAMES);
const SURNAME_FIRST = new RegExp(`(?<!${HAN})(${SURNAMES.join('|')})[ 　](${KANA_KANJI_GIVEN}|${HAN}{1,3}|[ぁ-ゖ]{2,4}|[ァ-ヶー]{2,5})(?!${HAN})`, 'gu');
// (the given name may be an initial: Mr. T. Abe)
const TITLE_NAME = new RegExp(String.raw`(?<![A-Za-z])(?:Mr|Ms|Mrs|Miss|Dr|Prof)\.? ((?:${LATIN_UPPER}\. ?)?${LATIN_UPPER}${LATIN_LETTER}{1,20}(?: ${LATIN_UPPER}${LATIN_LETTER}{1,20})?)`, 'g');
// a possessive is not part of the name: Mr. Volkov's daughter
const POSSESSIVE = /'s$/;
const HONORIFIC_TAIL = /(?:さん|様|殿|ちゃん|くん)$/u;

// 〇〇様, ○○ ○○: a form's blanks, not a person
const BLANK_NAME = /[〇○●◯×＊*某]{2}|^[〇○●◯×＊*某]/u;

// Given names end in 人 (雅人, 直人): after the family name, only the role and place words rule a part out.
const NOT_A_GIVEN_NAME =
  /^(?:.*(?:課長|部長|係長|主任|主査|主事|室長|所長|局長|次長|市長|町長|村長|知事|議長|委員|会長|社長|理事|院長|医師|看護|職員|担当|事務|代表|一覧|番号|記入|欄|不明|未定|なし|未記入|名簿|氏名|名前|県|市|区|駅|線|店|社|院|課|係|部|局|室|校|園|館|署|庁|省|等|様|殿|者|書|類|票|表|証|済))$/u;

function plausibleName(name: string): boolean {
  const compact = name.replace(/[ 　]/g, '');
  if (compact.length < 2 || BLANK_NAME.test(compact)) return false;
  const [family, ...given] = name.split(/[ 　]/);
  // many family names end like a village (中村, 野々村): with a given name after them they are names
  const villageLike = given.length > 0 && /^[\p{Script=Han}々]{1,3}村$/u.test(family);
  if ((NOT_A_NAME.test(family) && !villageLike) || COMMON_WORDS.test(family) || COMMON_WORDS.test(compact)) return false;
  return !given.some((p) => NOT_A_GIVEN_NAME.test(p) || COMMON_WORDS.test(p));
}

/** What a name-part column holds when it holds no name. */
const NOT_A_NAME_PART = /^(?:None|Unknown|Same|N\/A|TBD|Vacant|Test|Sample|Example|Dummy|Admin|User|Staff)$/i;

const RELATION = /(?:父|母|夫|妻|長男|長女|次男|次女|三男|三女|祖父|祖母|兄|姉|弟|妹|息子|娘|義父|義母|本人)[ 　]+/y;
// A company is not a person: 代表者氏名 株式会社北みなと 代表取締役 佐藤 健 (the name after the title is found by its family name)
const COMPANY = /^(?:株式会社|有限会社|合同会社|\(株\)|\(有\)|一般社団法人|一般財団法人|公益社団法人|公益財団法人|社会福祉法人|医療法人|学校法人|特定非営利活動法人|NPO法人)/u;
// Capitalised words that end in an organisation word are a company or an office, not a person: From: Harborline Systems K.K.
const LATIN_ORGANISATION =
  /^[A-Z][\w&'.-]*(?:[ ][A-Z][\w&'.-]*){0,3}?,?[ ](?:Inc|Ltd|LLC|K\.K|Co|Corp|Corporation|Company|GmbH|PLC|Systems|Solutions|Services|Technologies|Consulting|Partners|Group|Holdings|Division|Department|Office|Council|Bureau|Agency|University|Hospital|Clinic)\b/;
// A run of kanji and kana that ends in an organisation word is a department, not a name: 担当：子育て支援課
// (numbered sections too: 福祉1係, 第2班)
const ORGANISATION_AHEAD = /^[\p{Script=Han}ぁ-ゖァ-ヶー0-9０-９]{0,10}(?:課|係|部|室|局|班|センター|事務所|病院|医院|会社|協会|組合|学校|法人)(?![\p{Script=Han}ぁ-ゖァ-ヶー])/u;

/** Splits a run of kanji that ends with a name into the name: the last known surname start, else the last 2–4 chars. */
function nameAtEndOfRun(run: string): string {
  for (let i = 0; i < run.length - 1; i++) {
    for (const len of [3, 2, 1]) {
      if (SURNAME_SET.has(run.slice(i, i + len)) && run.length - i - len >= 1 && run.length - i <= 6) return run.slice(i);
    }
  }
  return run.length > 4 ? run.slice(-4) : run;
}

// Labels that head a letter or a message (To:, Dear): what follows may be an office or a greeting
// (To: Finance Division, Dear Valued Customer), so the words after them are checked.
const ADDRESS_LABEL = /^(?:to|from|attn|attention|cc|dear)$/i;
const GENERIC_ADDRESSEE =
  /\b(?:All|Valued|Customer|Customers|Sir|Madam|Resident|Residents|Member|Members|Colleague|Colleagues|Parent|Parents|Guardian|Guardians|Staff|Team|Friend|Friends|Applicant|Applicants|Whom|Concern|Everyone|Participants?|Users?|Partners?|Neighbou?rs?|Citizens?)\b/;

const BRACKETED_NOTE = /[(（][^()（）]*[)）]/gu;

function byLabel(ctx: ScanContext, out: Candidate[]): void {
  const seenColumns = new Set<string>();
  for (const m of matches(ctx.text, NAME_LABEL)) {
    const cell = ctx.cellAt(m.start);
    const cellText = cell ? ctx.text.slice(cell[1], cell[2]).trim() : '';
    // a header cell: every cell under it is a name
    // (the first cell of a form's row names that row, not a column: ふりがな | やまぐち ともこ over 氏名 | …)
    // (a bracketed note makes no header longer: Name (katakana, as on residence card))
    if (cell && cellText.replace(BRACKETED_NOTE, '').trim().length <= 12 && ctx.header(m.start) === undefined && !(cell[0] === 0 && ctx.isLabelColumn(ctx.lineIndex(m.start)))) {
      const key = `${ctx.lineIndex(m.start)}:${cell[0]}`;
      if (!seenColumns.has(key)) {
        seenColumns.add(key);
        columnNames(ctx, ctx.lineIndex(m.start), cell[0], m.text, out);
      }
      continue;
    }
    // same line: "氏名：山本 静香", "担当：福田 誠"
    let at = m.end;
    // a key in JSON or YAML is quoted: "displayName": "Lim Jia Hui"
    const sep = /["']?[ 　]*(?:[(（][^)）]{0,8}[)）])?[ 　]*[:：,、=]?[ 　]*["']?/y;
    sep.lastIndex = at;
    at += sep.exec(ctx.text)?.[0].length ?? 0;
    // a second label word between label and name: 申請者署名 井上 愛
    const extra = /(?:署名|記名|氏名|名前|フリガナ|ふりがな)[ 　]*[:：]?[ 　]*/y;
    extra.lastIndex = at;
    at += extra.exec(ctx.text)?.[0].length ?? 0;
    // a label cell of a two-column table (Requester | Kenji Sasaki): the name is in the next cell
    let valueCell: [number, number] | null = null;
    // a bilingual label cell: the label, a slash and its translation (世帯主 / Head of household)
    if (cell && at < cell[2] && TRANSLATED_LABEL.test(ctx.text.slice(at, cell[2]))) at = cell[2];
    if (cell && at >= cell[2] && cellText.length <= 36) {
      // the cell beside it, or the one after when that is empty (a gutter OCR read as a column)
      const line = ctx.lineIndex(m.start);
      valueCell = ctx.cellBounds(line, cell[0] + 1);
      if (valueCell && !ctx.text.slice(valueCell[0], valueCell[1]).trim()) valueCell = ctx.cellBounds(line, cell[0] + 2) ?? valueCell;
      if (valueCell) {
        at = valueCell[0];
        while (at < valueCell[1] && /[ 　]/.test(ctx.text[at])) at++; // a pipe table pads its cells
      }
    }
    // a relationship before the name: 緊急連絡先：父 鈴木 一郎
    RELATION.lastIndex = at;
    at += RELATION.exec(ctx.text)?.[0].length ?? 0;
    // kanji straight after the label, nothing between, may be one word with it
    // (名前空間, 担当課長): a name then has to start with a family name (氏名山田太郎)
    if (at === m.end && HAN_AT.test(ctx.text[at] ?? '') && !startsWithSurname(ctx.text, at)) continue;
    const before = out.length;
    pushName(ctx, at, `label ${m.text}`, 0.9, out);
    // after a word of address, an office or a greeting (To: Finance Division, Attn: National Pension, Dear Valued Customer) is no name
    const after = out.length > before ? ctx.text.slice(out[out.length - 1].start, out[out.length - 1].end) : '';
    // and after any label, an office in Latin letters is not a person (owner: Information Policy Division)
    if ((ADDRESS_LABEL.test(m.text) && GENERIC_ADDRESSEE.test(after)) || NOT_LATIN_NAME.test(after)) out.pop();
    // OCR may carry a word of the cell before into the value cell (普通イノウエ アイ): a spaced reading in it is the name
    if (out.length === before && valueCell) {
      const inCell = ctx.text.slice(valueCell[0], valueCell[1]);
      const reading = SPACED_READING.exec(inCell);
      if (reading) pushName(ctx, valueCell[0] + reading.index, `label ${m.text}`, 0.85, out, valueCell[1]);
    }
    // a table of one record per column (氏名 | 山田 太郎 | 佐藤 花子): every further cell of the label's row
    if (cell && cell[0] === 0 && valueCell && ctx.isRowHeaded(ctx.lineIndex(m.start))) recordNames(ctx, ctx.lineIndex(m.start), m.text, out);
  }
}

/** The names in the cells after the second of row `line`, each the value of the row's label. */
function recordNames(ctx: ScanContext, line: number, label: string, out: Candidate[]): void {
  for (let col = 2; ; col++) {
    const bounds = ctx.cellBounds(line, col);
    if (!bounds) return;
    let at = bounds[0];
    while (at < bounds[1] && /[ 　]/.test(ctx.text[at])) at++;
    // a cell that starts with another field's name holds that field (性別女, 生年月日 昭和52年…), not a record's name
    if (FIELD_START.test(ctx.text.slice(at, bounds[1]))) continue;
    const before = out.length;
    pushName(ctx, at, `label ${label}`, 0.9, out, bounds[1]);
    if (out.length > before && NOT_LATIN_NAME.test(ctx.text.slice(out[before].start, out[before].end))) out.pop();
  }
}

const FIELD_START = /^(?:性別|生年月日|年齢|住所|電話|携帯|職業|続柄|連絡先|備考|所属|勤務先|学校)/u;

/** The rest of a label cell that only translates the label: " / Head of household", "／氏名". */
const TRANSLATED_LABEL = /^[ 　]*[/／][ 　]*(?:[A-Za-z][A-Za-z .()'-]{0,30}|[\p{Script=Han}ぁ-ゖァ-ヶー]{1,10})[ 　]*$/u;

/** A reading with a space between family and given name, inside a cell. */
const SPACED_READING = /[ァ-ヶー]{2,10}[ 　][ァ-ヶー]{1,10}|[ぁ-ゖー]{2,10}[ 　][ぁ-ゖー]{1,10}/u;

const HAN_AT = new RegExp(`^${HAN}$`, 'u');

function startsWithSurname(text: string, at: number): boolean {
  for (let n = 1; n <= 4; n++) if (SURNAME_SET.has(text.slice(at, at + n))) return true;
  return false;
}

function columnNames(ctx: ScanContext, headerLine: number, col: number, label: string, out: Candidate[]): void {
  for (let n = headerLine + 1; n < ctx.lineCount() && ctx.isTableRow(n); n++) {
    const bounds = ctx.cellBounds(n, col);
    if (!bounds || ctx.isSectionRow(n)) continue;
    let [start] = bounds;
    // specks OCR read before the name (_コムロ タツオ)
    while (start < bounds[1] && LEADING_SPECK.test(ctx.text[start])) start++;
    // a row number read into the name's cell (the No. column stood too close to tell apart): 19 望月 キヨ
    const number = /[0-9０-９]{1,4}[.．]?[ 　]+(?=[^\s0-9０-９])/y;
    number.lastIndex = start;
    if (number.exec(ctx.text)) start = number.lastIndex;
    const cell = withoutTrailingSpecks(ctx.text.slice(start, bounds[1]));
    // two people of a household set one under the other in one cell (今野 昭三 / 今野 ユキ, コンノ ショウゾウ / コンノ ユキ),
    // or a name and its reading that OCR read into one cell (丹羽 富子ニワ トミコ, 蛯名 貞子 エビナサダコ)
    const two = TWO_NAMES.exec(cell) ?? NAME_AND_READING.exec(cell);
    if (two && two.slice(1).every((name) => !NOT_A_NAME.test(name.replace(/[ 　]/gu, '')) && !COMMON_WORDS.test(name.replace(/[ 　]/gu, '')))) {
      const second = start + cell.length - two[2].length;
      out.push({ start, end: start + two[1].length, score: 0.9, why: `column ${label}` });
      out.push({ start: second, end: start + cell.length, score: 0.9, why: `column ${label}, second name` });
      continue;
    }
    const before = out.length;
    pushName(ctx, start, `column ${label}`, 0.92, out, start + cell.length);
    // a reading written (or read by OCR) without the space between family and given name (ハシモトタクヤ), or with a dot (ユアサ.ハル)
    if (out.length === before && (isUnspacedReading(cell) || DOTTED_READING.test(cell))) out.push({ start, end: start + cell.length, score: 0.85, why: `column ${label}` });
    // a name with its reading set under it in the same cell (佐伯 真理子 / サエキ マリコ): the reading is a name too
    const named = out.length > before ? out[out.length - 1] : undefined;
    const reading = named && READING_REST.exec(ctx.text.slice(named.end, start + cell.length));
    if (named && reading) {
      const at = start + cell.length - reading[1].length;
      out.push({ start: at, end: start + cell.length, score: 0.9, why: `column ${label}, reading` });
      continue;
    }
    // a name cell holds one name: a kana given name set without a space (藤堂さくら) or kanji OCR spaced out (日 向 美奈) is part of it
    if (named && named.start === start && named.end < start + cell.length && WHOLE_NAME_CELL.test(cell)) named.end = start + cell.length;
    else if (!named && WHOLE_NAME_CELL.test(cell) && nameShaped(cell)) out.push({ start, end: start + cell.length, score: 0.85, why: `column ${label}` });
  }
}

/** A reading whose family and given names a dot sets apart (a foreign name's ・, or OCR's speck for the space). */
const DOTTED_READING = /^[ァ-ヶー]{2,10}[.・･][ァ-ヶー]{1,10}$/u;

/** A name in kanji and its reading in katakana right after it, a space between them or none. */
const NAME_AND_READING = /^(\p{Script=Han}{1,4}[ 　]?\p{Script=Han}{1,4})[ 　]?([ァ-ヶー]{2,8}[ 　.・]?[ァ-ヶー]{1,8})$/u;

/** Two names of two words each (family and given name), in kanji or kana, one after the other. */
const TWO_NAMES =
  /^((?:[\p{Script=Han}々]{1,4}|[ァ-ヶー]{1,8}|[ぁ-ゖー]{1,8})[ 　][\p{Script=Han}々ァ-ヶーぁ-ゖ]{1,8})[ 　]((?:[\p{Script=Han}々]{1,4}|[ァ-ヶー]{1,8}|[ぁ-ゖー]{1,8})[ 　][\p{Script=Han}々ァ-ヶーぁ-ゖ]{1,8})$/u;

/** The rest of a name's cell that is its reading: a space, then kana words set apart (サエキ マリコ). */
const READING_REST = /^[ 　]+([ァ-ヶー]{1,10}(?:[ 　][ァ-ヶー]{1,10}){1,2}|[ぁ-ゖー]{1,10}(?:[ 　][ぁ-ゖー]{1,10}){1,2})$/u;

/** What a scan leaves before a name in its cell: blanks, underscores, dots. */
const LEADING_SPECK = /[ 　_.,:;・'"`、。]/u;
/** After it: a speck or digit set apart (フクシタカシ 0, 福士孝 。), a dot, or one hiragana or kanji read after a katakana reading (ホリコシミツエに, ユアサ.ハル計). */
const TRAILING_SPECK = /(?:[ 　]+[^\s\p{Script=Han}ぁ-ゖァ-ヶ]{1,2}|[ 　]*[_.,:;・、。]+|(?<=[ァ-ヶー]{3})[ぁ-ゖ]|(?<=^[ァ-ヶー .・　]{3,})\p{Script=Han}|[ 　]+)$/u;

/** A name column's cell without the specks OCR read after the name. */
function withoutTrailingSpecks(cell: string): string {
  for (let k = 0; k < 4; k++) {
    const next = cell.replace(TRAILING_SPECK, '');
    if (next === cell) break;
    cell = next;
  }
  return cell;
}

/**
 * A name column's cell that is a name by its shape: three characters or more,
 * no word a name column also holds (未記入, 同上, 本人), and a known family
 * name first or a family name set apart from the given name (日向 美奈: the
 * family names list holds the common few hundred, not every one).
 */
function nameShaped(cell: string): boolean {
  const joined = cell.replace(/[ 　]/gu, '');
  if (joined.length < 3 || NOT_A_NAME.test(joined) || COMMON_WORDS.test(joined)) return false;
  if (startsWithSurname(joined, 0)) return true;
  const parts = cell.split(/[ 　]+/u);
  return parts.length >= 2 && parts.every((p) => /^[\p{Script=Han}々]+$/u.test(p)) && parts[parts.length - 1].length >= 2;
}

/** A cell of kanji and kana alone, short enough to be one name (a space or two inside). */
const WHOLE_NAME_CELL = /^(?=.{2,10}$)[\p{Script=Han}々ァ-ヶーぁ-ゖ]+(?:[ 　][\p{Script=Han}々ァ-ヶーぁ-ゖ]+){0,2}$/u;

/**
 * A whole cell of kana: a name's reading without its space, in a name column;
 * OCR may turn a kana or two into look-alike kanji (マツモトドド下), so most of it is enough.
 */
function isUnspacedReading(cell: string): boolean {
  if (!/^[ァ-ヶーぁ-ゖ\p{Script=Han}]{3,16}$/u.test(cell)) return false;
  const kana = cell.match(/[ァ-ヶーぁ-ゖ]/gu)?.length ?? 0;
  return kana >= 3 && kana >= 0.75 * cell.length;
}

function pushName(ctx: ScanContext, at: number, why: string, score: number, out: Candidate[], limit = ctx.text.length): void {
  NAME_VALUE.lastIndex = at;
  const v = NAME_VALUE.exec(ctx.text);
  if (!v || v.index !== at) return;
  let name = v[0]
    .slice(0, limit - at)
    .replace(HONORIFIC_TAIL, '')
    .trimEnd();
  if (/^[A-Za-z]/.test(name) && !/ /.test(name)) return; // one Latin word is not a full name
  name = name.replace(/[ 　]+$/u, '');
  if (!plausibleName(name)) return;
  if (!/[ 　A-Za-z]/.test(name) && ORGANISATION_AHEAD.test(ctx.text.slice(at, at + 24))) return;
  if (COMPANY.test(ctx.text.slice(at, at + 12))) return;
  if (/^[A-Z]/.test(name) && LATIN_ORGANISATION.test(ctx.text.slice(at, at + 64))) return;
  out.push({ start: at, end: at + name.length, score, why });
}

function byHonorific(ctx: ScanContext, out: Candidate[]): void {
  for (const m of matches(ctx.text, HONORIFIC)) {
    const name = /[ 　]/.test(m.text) ? m.text : nameAtEndOfRun(m.text);
    const start = m.end - name.length;
    if (!plausibleName(name)) continue;
    // a run of kanji before 様 may be a company (株式会社… 様) or a title (ご担当者様)
    if (!/[ 　]/.test(name) && name.length > 4) continue;
    out.push({ start, end: m.end, score: 0.85, why: 'name before an honorific' });
  }
}

// A family name alone after a care or office role (看護師 森下, 生活相談員 小池, 介護支援専門員 田村): how a
// record's attendance list names people. Only a known family name counts, ended by a list's mark or the line.
const ROLE_SURNAME =
  /(?:看護師|保健師|医師|介護支援専門員|ケアマネ(?:ジャー)?|相談員|支援員|指導員|社会福祉士|介護福祉士|理学療法士|作業療法士|言語聴覚士|薬剤師|栄養士|ヘルパー|民生委員|係長|課長補佐|課長|主任|主査|主事|所長|園長|施設長)[ 　]?(\p{Script=Han}{1,3})(?=[、,。・）)\s]|$)/gu;

function byRoleSurname(ctx: ScanContext, out: Candidate[]): void {
  for (const m of matches(ctx.text, ROLE_SURNAME)) {
    const name = m.groups[0]!;
    if (!SURNAME_SET.has(name)) continue;
    out.push({ start: m.end - name.length, end: m.end, score: 0.8, why: `family name after a role` });
  }
}

function bySurname(ctx: ScanContext, out: Candidate[]): void {
  for (const m of matches(ctx.text, SURNAME_FIRST)) {
    const [family, given] = [m.groups[0]!, m.groups[1]!];
    const givenName = given.replace(HONORIFIC_TAIL, '');
    if (!givenName || NOT_A_NAME.test(givenName) || COMMON_WORDS.test(givenName)) continue;
    // a one-character family name needs a two-character given name to count
    if (family.length === 1 && givenName.length < 2) continue;
    out.push({ start: m.start, end: m.start + family.length + 1 + givenName.length, score: 0.8, why: `family name ${family}` });
  }
  for (const m of matches(ctx.text, TITLE_NAME)) {
    const end = m.end - (POSSESSIVE.exec(m.text)?.[0].length ?? 0);
    out.push({ start: m.start, end, score: 0.85, why: 'name after a title' });
  }
}

// The reading written after a name: 横山 早苗（よこやま さなえ）
const READING_AFTER = /[ 　]?\((?:[ぁ-ゖー]{1,10}(?:[ 　][ぁ-ゖー]{1,10}){1,2}|[ァ-ヶー]{1,10}(?:[ 　][ァ-ヶー]{1,10}){1,2})\)/y;

function readings(ctx: ScanContext, names: readonly Candidate[], out: Candidate[]): void {
  for (const n of names) {
    READING_AFTER.lastIndex = n.end;
    const m = READING_AFTER.exec(ctx.text);
    if (!m) continue;
    const open = m[0].indexOf('(');
    out.push({ start: n.end + open + 1, end: n.end + m[0].length - 1, score: n.score, why: 'reading of a name' });
  }
}

// A Latin name followed by the person's contact details: "Daniel Murphy, mobile +81 …", "Aiko Fujimoto, 080 …"
const LATIN_BEFORE_CONTACT = /(?<![\w.@-])([A-Z][a-z'-]{1,20} [A-Z][a-z'-]{1,20}(?: [A-Z][a-z'-]{1,20})?),? ?(?:\(?(?:\+\d|0\d)|(?:mobile|cell|phone|tel|e-?mail|ext)\b|[\w.+-]{1,64}@)/g;
// capitalised words of headings and organisations that are not names
const NOT_LATIN_NAME =
  /\b(?:Office|Center|Centre|Division|Department|Section|Team|Support|Service|Services|Desk|Helpdesk|City|Hall|Ward|Prefecture|Government|Company|Inc|Ltd|Corp|Group|Bank|Hospital|Clinic|School|University|Contact|Phone|Mobile|Fax|Tel|Email|Vendor|Ticket|Version|Page|Data|System|Portal|Open|Call|Week|Main|Head|Sales|Public|General|Hotel|Inn|Restaurant|Station|Library|Museum|Store|Shop|Market|Branch|Plaza|Building|Tower|Room|Floor|Line|Road|Street|Association|Council|Committee|National|Pension|Insurance|Tax|Welfare|Affairs|Agency|Ministry|Bureau|Institute|Foundation|Society|Union|Fund|Administration|Embassy|Consulate|Immigration)\b/;

function byContactDetails(ctx: ScanContext, out: Candidate[]): void {
  for (const m of matches(ctx.text, LATIN_BEFORE_CONTACT)) {
    const name = m.groups[0]!;
    if (NOT_LATIN_NAME.test(name)) continue;
    out.push({ start: m.start, end: m.start + name.length, score: 0.8, why: 'Latin name before contact details' });
  }
}

// A frequent given name and a capitalised word after it, in running text: Kenji Mori, Sofia Hartley
// a surname may have two parts (Al-Sayed, Duarte-Hughes, O'Neill)
const LATIN_LOWER = String.raw`[a-zß-öø-ÿ']`;
const SURNAME_PART = String.raw`${LATIN_UPPER}${LATIN_LOWER}{1,20}(?:-${LATIN_UPPER}?${LATIN_LOWER}{1,20})?`;
const LATIN_FULL_NAME = new RegExp(String.raw`(?<![A-Za-z.'-])(${LATIN_UPPER}${LATIN_LOWER}{1,20}) (${SURNAME_PART}|[A-Z]\. ${SURNAME_PART})(?! [A-Z])(?![A-Za-z'-])`, 'g');
// a family member named after the relation: "my wife, Camila Duarte-Hughes", "her husband Tran Van Duc"
// (on the next line too), or by the given name alone when the age, a verb or the birth follows: "Son Davi, 6, tested
// positive", "my son Taro (born 2015-06-02)"
const RELATION_WORD = String.raw`\b(?:[Ww]ife|[Hh]usband|[Ss]on|[Dd]aughter|[Mm]other|[Ff]ather|[Ss]pouse|[Pp]artner|[Bb]rother|[Ss]ister|[Cc]hild|[Gg]randmother|[Gg]randfather|[Gg]randson|[Gg]randdaughter|[Aa]unt|[Uu]ncle|[Nn]iece|[Nn]ephew|[Cc]aregiver)`;
const RELATIVE_NAME = new RegExp(
  String.raw`${RELATION_WORD},?[ \n]{1,2}(?:(${SURNAME_PART}(?: ${SURNAME_PART}){1,2})|(${SURNAME_PART})(?=,? ?\d{1,3}\b|,? (?:is|was|has|had|aged|who)\b|,? \(?(?:born|b\.|aged|age)\b))(?![A-Za-z'-])`,
  'g',
);

function byRelation(ctx: ScanContext, out: Candidate[]): void {
  for (const m of matches(ctx.text, RELATIVE_NAME)) {
    const name = m.groups[0] ?? m.groups[1]!;
    if (NOT_LATIN_NAME.test(name)) continue;
    const start = m.end - name.length;
    out.push({ start, end: m.end, score: 0.8, why: 'name after a family relation' });
  }
}

function byGivenName(ctx: ScanContext, out: Candidate[]): void {
  for (const m of matches(ctx.text, LATIN_FULL_NAME)) {
    if (!LATIN_GIVEN_NAMES.has(m.groups[0]!) || NOT_LATIN_NAME.test(m.text) || GENERIC_ADDRESSEE.test(m.groups[1]!)) continue;
    out.push({ start: m.start, end: m.end, score: 0.75, why: `given name ${m.groups[0]}` });
  }
}

// Words that are names as often as not: a later "May" or "Will" is not taken for the person
const WORD_AS_WELL =
  /^(?:May|June|April|August|Will|Mark|Grace|Hope|Faith|Joy|Rose|Bill|Frank|Art|Ray|Dawn|Sky|Summer|Amber|Page|Chase|Lane|Hall|Wood|Field|Brown|Green|White|Black|Young|King|Long|Little|Street|Park|Mr|Mrs|Ms|Miss|Dr|Prof)$/;
const LATIN_WORD = /(?<![A-Za-zÀ-ÿ'-])[A-ZÀ-Þ][A-Za-zß-ÿ'-]{2,30}(?![A-Za-zÀ-ÿ'-])/g;

/**
 * Later mentions of a person by one part of the name that was found in full:
 * after "Arjun Raghunathan (date of birth …)" a letter goes on about "Arjun";
 * the given name alone is the same person and discloses as much.
 */
function laterMentions(ctx: ScanContext, names: readonly Candidate[], out: Candidate[]): void {
  const parts = new Map<string, string>();
  for (const n of names) {
    const words = ctx.text.slice(n.start, n.end).split(/[ \n]+/);
    if (words.length < 2 || !/^[A-Za-zÀ-ÿ'. -]+$/.test(words.join(' '))) continue;
    for (const w of [words[0], words[words.length - 1]]) if (w.length >= 3 && !WORD_AS_WELL.test(w) && !NOT_LATIN_NAME.test(w)) parts.set(w, words.join(' '));
  }
  if (!parts.size) return;
  // one sweep: a word lies inside a name found when a name starting before it reaches past it
  const taken = [...names].sort((a, b) => a.start - b.start);
  let k = 0;
  let reach = -1;
  for (const m of matches(ctx.text, LATIN_WORD)) {
    while (k < taken.length && taken[k].start <= m.start) reach = Math.max(reach, taken[k++].end);
    const full = parts.get(m.text);
    if (!full || reach >= m.end) continue;
    out.push({ start: m.start, end: m.end, score: 0.7, why: `another mention of ${full}` });
  }
}

function detect(ctx: ScanContext): Candidate[] {
  const out: Candidate[] = [];
  byGivenName(ctx, out);
  byRelation(ctx, out);
  byLabel(ctx, out);
  byHonorific(ctx, out);
  bySurname(ctx, out);
  byRoleSurname(ctx, out);
  byContactDetails(ctx, out);
  if (ctx.text.includes('\t')) namePartColumns(ctx, (word) => NOT_A_NAME.test(word) || COMMON_WORDS.test(word) || NOT_A_NAME_PART.test(word), out);
  readings(ctx, [...out], out);
  laterMentions(ctx, [...out], out);
  return out;
}

export const personName: Detector = {
  id: 'person-name',
  kind: 'person-name',
  severity: 'medium',
  costly: true,
  detect,
  examples: {
    positive: [
      // a name and its reading read into one cell, a reading with a dot and a speck
      { text: 'No\t氏名\tフリガナ\n11\t丹羽 富子ニワ トミコ 。\t女\n', expect: 'ニワ トミコ' },
      { text: 'No\t氏名\tフリガナ\n32\t湯浅 ハル\tユアサ.ハル計\n', expect: 'ユアサ.ハル' },
      { text: '出席者：本人、生活相談員 小池、看護師 森下', expect: '森下' },
      // a name split over columns
      { text: "Surname\tGiven name\tWard\nO'Neill\tSiobhan\t3\n", expect: 'Siobhan' },
      { text: '姓\t名\tセイ\tメイ\n山田\t太郎\tヤマダ\tタロウ\n', expect: 'タロウ' },
      // two people of a household set one under the other in one row's cell
      { text: '番号\t氏名\tカナ氏名\n05-0081\t今野 昭三 今野 ユキ\tコンノ ショウゾウ コンノ ユキ\n', expect: '今野 ユキ' },
      { text: '番号\t氏名\tカナ氏名\n05-0081\t今野 昭三 今野 ユキ\tコンノ ショウゾウ コンノ ユキ\n', expect: 'コンノ ユキ' },
      { text: 'Name (katakana, as on residence card)\tNationality\nブライトウォーター エレノア\tIreland\n', expect: 'ブライトウォーター エレノア' },
      { text: 'Name: SATO, Haruto', expect: 'SATO, Haruto' },
      { text: '氏名：山本 静香', expect: '山本 静香' },
      { text: '職員番号\t氏名\tフリガナ\nK2001913\t金子\u3000文雄\tカネコ フミオ\n', expect: '金子\u3000文雄' },
      { text: '職員番号\t氏名\tフリガナ\nK2001913\t金子\u3000文雄\tカネコ フミオ\n', expect: 'カネコ フミオ' },
      { text: '長女の山本香織さんから連絡があった', expect: '山本香織' },
      { text: '報告者 中村 蓮（情報政策課）', expect: '中村 蓮' },
      { text: 'ふりがな　いのうえ あい', expect: 'いのうえ あい' },
      { text: 'Contact: Mr. John Smith', expect: 'Mr. John Smith' },
      { text: 'The applicant, John Smith, was born in 1962.', expect: 'John Smith' },
      { text: '担当：福田 誠　表示：未対応のみ', expect: '福田 誠' },
      { text: '氏名\n高橋\u3000ひかり', expect: '高橋\u3000ひかり' },
      { text: '口座名義(カナ) イノウエ アイ', expect: 'イノウエ アイ' },
      { text: '申請者署名 井上 愛', expect: '井上 愛' },
      { text: '対象者は佐野 トミ子氏（昭和12年3月21日生）', expect: '佐野 トミ子' },
      { text: '保護者氏名\t電話\n星 雅人\t080-5519-0367\n', expect: '星 雅人' },
      { text: '相談者\n横山 早苗（よこやま さなえ）', expect: 'よこやま さなえ' },
      { text: 'On-call (week 22): Daniel Murphy, mobile +81 90-4417-2285', expect: 'Daniel Murphy' },
      { text: 'Backup: Aiko Fujimoto, 080 2215 6793', expect: 'Aiko Fujimoto' },
      { text: '緊急連絡先：父 鈴木 一郎 090-1111-2222', expect: '鈴木 一郎' },
      { text: '児童名：さとう ゆうき', expect: 'さとう ゆうき' },
      { text: 'Signed: Emily R. Johnson', expect: 'Emily R. Johnson' },
      { text: 'Prepared by: J. Smith', expect: 'J. Smith' },
      { text: 'Field\tValue\nRequester\tKenji Sasaki (Urban Planning Division)\n', expect: 'Kenji Sasaki' },
      { text: 'カナ氏名\t生年月日\nスミス ロバート ジェームス\t1979/03/22\n', expect: 'スミス ロバート ジェームス' },
      { text: '申請者氏名山田 太郎', expect: '山田 太郎' },
      { text: '振込先：港南支店 普通 1234567 名義 ヤマダ タロウ', expect: 'ヤマダ タロウ' },
      { text: '氏名\tフリガナ\n橋本拓也\tハシモトタクヤ\n', expect: 'ハシモトタクヤ' },
      // a kana given name without a space, kanji that OCR spaced out: the whole cell is the name
      { text: '氏名\tふりがな\n藤堂さくら\tとうどう さくら\n', expect: '藤堂さくら' },
      { text: '氏名\tふりがな\n佐 藤 美奈\tさとう みな\n', expect: '佐 藤 美奈' },
      // the row number stood too close to the name to be a column of its own
      { text: 'No 氏名\tフリガナ\n19 望月 キヨ\tモチヅキ キヨ\n20 内藤光江\tナイトウミツエ\n', expect: '内藤光江' },
      // a family name not among the common ones, set apart from the given name (OCR spaced it out too)
      { text: 'No\t氏名\tふりがな\n4\t日 向 美奈\tひなた みな\n', expect: '日 向 美奈' },
      // specks a scan left around a name in its column
      { text: '氏名\tフリガナ\n堀越光江\tホリコシミツエに .\n', expect: 'ホリコシミツエ' },
      { text: '氏名\tフリガナ\n小室辰男\t_コムロ タツオ\n', expect: 'コムロ タツオ' },
      { text: '氏名\tフリガナ\n福士孝 。\tフクシタカシ 0\n', expect: 'フクシタカシ' },
      // OCR read the header フリガナ as ウリガナ
      { text: 'No\t氏名\tウリガナ\n1\t武藤澄子\tムトウ スミコ\n', expect: 'ムトウ スミコ' },
      { text: '氏名：野々村 詩織', expect: '野々村 詩織' },
      { text: 'To: Amara Adeyemi\n2-20-8 Minato-cho, Kitaminato-shi', expect: 'Amara Adeyemi' },
      { text: 'Date\tCaller\tCallback\n06/06/2024\tLucas Sorensen\t080-8126-0473\n', expect: 'Lucas Sorensen' },
      // a column of people headed by who they are, a section's label between its rows
      { text: 'Staff\tUsername\tTemp PW\nFinance Division\t\nNina Park\tnpark\tNp$2024tmp\n', expect: 'Nina Park' },
      { text: '職員\t所属\t内線\n坂本 光太郎\t福祉課\t4471\n', expect: '坂本 光太郎' },
      { text: "Complainant: Grace O'Neill (resident of Ward 3)", expect: "Grace O'Neill" },
      { text: 'Dear Priya Raman,', expect: 'Priya Raman' },
      { text: '| 項目 / Item | 記入内容 / Entry |\n|---|---|\n| 世帯主 / Head of household | PHAM VAN KHOA（ファム ヴァン コア） |\n', expect: 'PHAM VAN KHOA' },
      // a relation word on the line before, the given name alone before an age, the given name mentioned again
      { text: 'and our daughter\nZuri Okafor-Hughes (DOB 09/30/2017) joined me', expect: 'Zuri Okafor-Hughes' },
      { text: 'Son Davi, 6, tested positive for influenza A', expect: 'Davi' },
      { text: 'the certificate for my son Taro (born 2015-06-02)', expect: 'Taro' },
      { text: 'your son, Arjun Raghunathan (date of birth: 3 March 2016).\nThe application for Arjun was submitted', expect: 'Arjun' },
      { text: 'Staff on duty: Haruka Sato, Kenji Mori. Records kept for five years.', expect: 'Kenji Mori' },
      { text: 'Client\tAccount No.\nMr. T. Abe\t1234567\n', expect: 'Mr. T. Abe' },
      // one record per column, each row's field named in its first cell
      { text: '項目\t1人目\t2人目\n氏名\t山田 太郎\t佐藤 花子\nフリガナ\tヤマダ タロウ\tサトウ ハナコ\n生年月日\tS50.1.1\tH2.3.4\n', expect: 'サトウ ハナコ' },
      { text: 'Fields\tApplicant\tSpouse\nName\tJohn Smith\tJane Smith\nDate of birth\t1980-01-02\t1982-03-04\n', expect: 'Jane Smith' },
      // a name and its reading in one cell, one over the other
      { text: 'No\t相談者氏名\t住所\n1\t佐伯 真理子 サエキ マリコ\t東浜1-2\n', expect: 'サエキ マリコ' },
      { text: 'No\t相談者氏名\t住所\n1\t佐伯 真理子 サエキ マリコ\t東浜1-2\n', expect: '佐伯 真理子' },
      { text: 'My wife, Camila Duarte-Hughes, is covered by my plan.', expect: 'Camila Duarte-Hughes' },
      { text: 'Pt is her husband Tran Van Duc (62).', expect: 'Tran Van Duc' },
      { text: 'No.118 Fatima Al-Sayed called at 10:05.', expect: 'Fatima Al-Sayed' },
      { text: 'Ms Ramírez Torres was taken to hospital.', expect: 'Ms Ramírez Torres' },
      { text: '{ "id": "u-204", "displayName": "Lim Jia Hui", "role": "admin" }', expect: 'Lim Jia Hui' },
      { text: '# maintainer: Ravi Shankar <ravi.s@example.org>', expect: 'Ravi Shankar' },
      { text: '| 欄 / Field | 内容 |\n|---|---|\n| 氏名 / Name | NGUYEN THI LAN（グエン ティ ラン） |\n', expect: 'NGUYEN THI LAN' },
      { text: 'No.\tName\tDate of Birth\n1\tJoon-ho Park\t1988-06-15\n', expect: 'Joon-ho Park' },
      { text: 'No.\tName\n3\tAna Lucía Ramírez Torres\n', expect: 'Ana Lucía Ramírez Torres' },
      { text: 'Tenant\tUnit\tRent\nTomás Ferreira\t204\t62,000\n', expect: 'Tomás Ferreira' },
      { text: '金融機関\tはまなす信用金庫\t支店\t汐見台支店\n預金種別口座名義(カナ)\t普通イノウエ アイ\t口座番号\t2736202\n', expect: 'イノウエ アイ' },
    ],
    negative: [
      '看護師 募集中',
      '名\t件数\n東京\t4\n',
      'Last name\tFirst name\tDept\nNone\tTBD\tIT\n',
      // a company or an office after a name label
      'From:\tHarborline Systems K.K., Infrastructure Services\n',
      'To:\tWelfare Division, City of Nishinoura\n',
      // a staff number's column is not a column of names
      '職員番号\t氏名\nK2001913\t（未記入）\n',
      'Staff ID\tRole\nST-0412\tOperator\n',
      'Our son is 6. Will you call the office?',
      'Grace Hall paid on time; the grace period ends in May.',
      '本人確認書類',
      '〇〇様',
      '会員様各位',
      '資料3 同意書様式（案）',
      '山口 県の施策',
      '氏名：（未記入）',
      '中野 区役所',
      '担当課長',
      'お客様各位',
      '株式会社山田製作所様',
      '氏名欄に記入してください',
      '審査担当：子育て支援課　確認印',
      { text: 'No\t受付日\t担当\n1\t6/3\t福祉1係\n2\t6/4\t福祉2係\n', why: 'a numbered section in a 担当 column, not a person' },
      'Vendor helpdesk: +81-3-5555-0100',
      'Tax Support Desk, 03-1234-5678',
      'Remote Access (VPN) Request',
      '受付日\t相談者\t相談内容\n6/1\t匿名\t近所の騒音\n',
      'Green Hotel, 03-1234-5678',
      '代表者氏名　株式会社北みなと',
      'C++ の名前空間は std::string のように書く',
      '患者数は前年より増加',
      '保護者会を開催',
      '名義変更届を提出',
      '氏名\tフリガナ\n（未記入）\tー\n',
      // an office, a greeting, a place or a product after a word of address or a given name
      'To: Finance Division',
      'Dear Valued Customer,',
      'Dear Sir or Madam,',
      'From: City Hall Tax Office',
      'Take the Kenji Line to Central Station.',
      'Sent to: All Staff',
    ],
  },
};
