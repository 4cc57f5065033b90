import type { Candidate, ScanContext } from '../engine/context.ts';
import type { Detector } from '../engine/detector.ts';
import { anchored, gated, matches } from './lib/matches.ts';
import { cellsUnderHeader } from './lib/columns.ts';
import { alternation } from '../engine/alternation.ts';

// Entries are regex sources (plain words, plus guards where a word hides in others).
// Special-care personal information (要配慮個人情報): conditions, test results,
// hospitalisation. Terms are whole diagnoses; modifiers around them are kept.
const CONDITIONS = [
  '心不全',
  '心筋梗塞',
  '狭心症',
  '不整脈',
  '脳梗塞',
  '脳出血',
  '脳卒中',
  'くも膜下出血',
  '認知症',
  'アルツハイマー',
  'うつ病',
  '鬱病',
  '躁うつ病',
  '双極性障害',
  '統合失調症',
  '適応障害',
  'パニック障害',
  '発達障害',
  '自閉症',
  '依存症',
  'アルコール依存',
  '摂食障害',
  '知的障害',
  '身体障害',
  '精神障害',
  '気管支喘息',
  '喘息',
  '肺炎',
  '結核',
  '糖尿病',
  '高血圧',
  '脂質異常症',
  '痛風',
  '腎不全',
  '透析',
  '肝炎',
  '肝硬変',
  'がん(?!ば)',
  '癌',
  '悪性腫瘍',
  '白血病',
  'リンパ腫',
  '骨折',
  'エイズ',
  '梅毒',
  '性感染症',
  '新型コロナウイルス感染症',
  'COVID-19',
  'インフルエンザ',
  'てんかん',
  'パーキンソン病',
  '筋ジストロフィー',
  '筋萎縮性側索硬化症',
  '多発性硬化症',
  '脊髄損傷',
  '脳性麻痺',
  '高次脳機能障害',
  '失語症',
  '嚥下障害',
  '心房細動',
  '弁膜症',
  '動脈瘤',
  '動脈硬化',
  '肺気腫',
  '膠原病',
  '潰瘍性大腸炎',
  'クローン病',
  '骨粗しょう症',
  '骨粗鬆症',
  '不眠(?!不休)症?',
  '睡眠障害',
  '(?:肝|腎|心|呼吸)機能(?:障害|異常|低下)',
  '甲状腺(?:機能)?(?:亢進症|低下症)',
  'バセドウ病',
  '橋本病',
  'ダウン症',
  '性同一性障害',
  '難聴',
  '(?:視覚|聴覚|言語|肢体|内部)障害',
  '肢体不自由',
  '精神疾患',
  '貧血',
  // enterohaemorrhagic E. coli by its serotype, as case lists write it (the letter before is checked in detect())
  'O(?:157|26|111|103|121|145)(?![0-9])',
  // abbreviations only as whole words (ALS is not the start of ALSO)
  '(?:HIV|ADHD|PTSD|COPD|ALS)(?![A-Za-z])',
  // named infections (尿路感染症): the name before it is taken by SITE_BEFORE below
  '感染症',
  'リウマチ',
  '難病',
  '妊娠(?:[0-9０-９]{1,2}週)?',
  '切迫早産',
  '早産',
  '流産',
  '不妊',
  '褥瘡',
  '誤嚥性肺炎',
  'アレルギー',
];
// Results and care that say something about a person's health on their own.
const STATES = [
  '陽性',
  '入院中',
  '精神障害者保健福祉手帳',
  '産後うつ',
  'うつ状態',
  '抑うつ',
  '車いす',
  '車椅子',
  '胃ろう',
  '胃瘻',
  '経管栄養',
  '在宅酸素',
  '人工呼吸器',
  '人工肛門',
  'ストーマ',
  'ペースメーカー',
  '寝たきり',
  '入院加療',
  '入院治療',
  '措置入院',
  '療養中',
  // living in a care home says what care a person needs (施設入所中（特養）)
  '(?:施設|特養|老健)入所中',
  '施設入所(?=[(（])',
  // (OCR sets a space inside these short care levels: 要 介護 4)
  '(?<![必重主])要[ ]?介護[ ]?[1-5１-５]',
  '(?<![必重主])要[ ]?支援[ ]?[12１２]',
  '精神保健福祉手帳',
  '療育手帳',
  '身体障害者手帳',
  // (the certificate named without its kind, or with it set apart: OCR's 身体 障害者手帳)
  '障害者手帳',
  '服薬中',
  '投薬中',
  'インスリン',
  '人工透析',
  '抗がん剤',
  '抗うつ薬',
];

// English records: whole words only (the letter before is checked in detect(): a lookbehind
// at the head of an alternative slows the whole scan).
const ENGLISH = String.raw`(?:[Hh]ospitali[sz](?:ed|ation)|[Ss]urgery|[Dd]iabetes|[Dd]ementia|[Cc]ancer|[Dd]epression|[Pp]regnan(?:t|cy)|[Aa]sthma|[Hh]ypertension|[Dd]ialysis|[Ww]heelchair|[Ss]chizophrenia|[Ee]pilepsy|[Tt]uberculosis|[Mm]ental illness|[Mm]ultiple sclerosis|[Cc]erebral palsy|[Hh]earing impairment|[Vv]isual impairment|[Cc]ochlear implant|[Pp]hysiotherapy|[Cc]hemotherapy|[Hh]ypoglyc(?:a)?emia|[Ll]ow blood sugar|(?:[Pp]hysical |[Mm]ental )?[Dd]isability [Cc]ertificate|[Ii]nfluenza|[Ff]lu|[Mm]igraine|[Pp]neumonia|[Pp]re-?natal|[Aa]nte-?natal|[Pp]ost-?natal|[Mm]orning sickness|[Hh]yperemesis|[Pp]ost-?operative|[Mm]iscarriage|[Cc]oncussion|[Oo]ut-?patient|[Ii]n-?patient)(?![A-Za-z])`;
// A condition or an operation named by its medical suffix (appendectomy, bronchitis, neuralgia, leukaemia; not academia):
// found from the suffix back to the word's start, so the scan pays only where a suffix stands.
const MEDICAL_SUFFIX = /(?:ectomy|otomy|itis|algia|emia)(?![A-Za-z])/g;
const STEM_BEFORE = /(?<![A-Za-z])[A-Za-z]{2,20}$/;
const NOT_A_CONDITION = /^(?:acad|pol|epid)/i;
// English sentences about a person's care: the verb phrase that says it with the condition it names
// ("was hospitalised with pneumonia", "is undergoing chemotherapy"); the whole phrase is the finding.
const CARE_VERB = String.raw`(?:diagnosed (?:with|as having)|tested positive for|hospitali[sz]ed (?:with|for|after)|admitted to (?:the )?(?:hospital|ICU|intensive care)(?: (?:with|for|after))?|(?:receiving|received|under|getting) treatment for|on medication for|taking medication for|(?:being )?treated for|suffer(?:s|ed|ing)? from|recovering from)`;
// the last three say something about health only when what follows names an illness ("suffering from the heat" does not)
const WEAK_VERB = /^(?:(?:was|were|is|are|has been|have been|had been) )?(?:(?:being )?treated for|suffer(?:s|ed|ing)? from|recovering from)/i;
const ILLNESS_WORD =
  /\b(?:[a-z]+(?:itis|osis|emia|aemia|oma|pathy|plegia)|disease|disorder|syndrome|infection|injury|illness|cancer|tumou?r|stroke|fracture|flu|influenza|covid(?:-19)?|pneumonia|diabetes|dementia|depression|anxiety|asthma|hypertension|failure|attack|addiction|pain|virus|allerg[a-z]*)\b/i;
const CARE_OBJECT = String.raw`(?:undergo(?:es|ing)?|underwent|on|started|receiving|received|needs?|requires?) (?:(?:kidney |renal |weekly |regular )?dialysis|chemotherapy|chemo|radiotherapy|radiation therapy|(?:heart |major )?surgery|an operation|rehabilitation|physiotherapy|psychiatric (?:treatment|care)|counselling for [a-z]+)`;
const CARE_STATE = String.raw`(?:admitted to (?:[A-Z][A-Za-z]+ ){1,4}(?:Hospital|Clinic|Medical Cent(?:er|re))|uses? (?:a |an )?(?:wheelchair|cochlear implant|hearing aid|walker|crutches|white cane|oxygen|ventilator|feeding tube|insulin pump)|has (?:a |an )?(?:severe |mild |moderate |profound )?(?:hearing|visual|speech|cognitive) impairment|(?:has|with) (?:multiple sclerosis|cerebral palsy|Parkinson's|epilepsy|autism|dementia|HIV|hepatitis [A-C])|is (?:blind|deaf)|(?:is|was|became) pregnant|has (?:a )?(?:physical |intellectual |mental |learning )?disability|(?:is|was) (?:in|admitted to) (?:the )?(?:hospital|ICU|intensive care))`;
const AUXILIARY = String.raw`(?:(?:was|were|is|are|has been|have been|had been) )?`;
// the condition after the verb: up to five words, to the end of the clause
const CONDITION_WORDS = String.raw`(?: (?!(?:and|but|so|since|while|which|who|because|last|this|on|at|in|to)\b)[A-Za-z0-9'-]+){1,5}`;
// after a state, its cause: "after a stroke", "due to arthritis"
const CAUSE = String.raw`(?: (?:after|following|due to|because of|since) (?:a |an |her |his |their )?[A-Za-z'-]+(?: [A-Za-z'-]+)?)?`;
const CARE_PHRASE = new RegExp(flexibleSpaces(String.raw`\b${AUXILIARY}(?:${CARE_VERB}${CONDITION_WORDS}|${CARE_OBJECT}${CAUSE}|${CARE_STATE}${CAUSE})(?![A-Za-z])`), 'gi');

/** A phrase's spaces as any run of blanks: a sentence may wrap between its words. */
function flexibleSpaces(source: string): string {
  return source.replace(/ /g, String.raw`[ \t\n]{1,8}`);
}

// Modifiers kept with the term; looked for just before a match, so the scan itself stays a plain alternation.
// (English too: its type or grade, "type 1 diabetes", "chronic kidney disease", "stage 4 breast cancer")
const PREFIX =
  /(?:慢性|急性|重度|軽度|中等度|末期|若年性|進行性|再発性|特発性|アルツハイマー型|血管性|[12１２]型|(?<![A-Za-z])(?:[Tt]ype [12I]|[Ss]tage [1-4I]{1,3}|[Cc]hronic|[Aa]cute|[Ss]evere|[Mm]ild|[Ee]arly[- ]onset) )$/u;
// the organ or site written before a condition: 大腿骨骨折, 胃がん, 脳出血
const ORGAN_BEFORE = /\p{Script=Han}{1,3}$/u;
const LATIN = /[A-Za-z]/;
const TIME_BEFORE = /(?:昨年|今年|去年|先月|今月|昨日|先日|以前|過去|前回|今回|当時|同年|翌年|先週|以来)$/u;
const SITE_CONDITIONS = /^(?:がん|癌|骨折|出血|梗塞|腫瘍)/u;
const INFECTION_BEFORE = /[\p{Script=Han}\p{Script=Katakana}ー]{1,12}$/u;
// an allergy is personal only with its allergen (卵・乳アレルギー); アレルギー alone is a topic
const ALLERGEN_BEFORE = /[\p{Script=Han}\p{Script=Katakana}ー・]{1,12}$/u;
// 糖尿病性腎症, アルコール性肝炎: a condition that qualifies another
const SUFFIX = String.raw`(?:性[一-龥]{1,4}(?:症|炎|病|障害))?(?:術後|の疑い|疑い|治療中|療養中|の既往)?`;
// states first: 身体障害者手帳 must not stop at 身体障害
// (the conditions that begin with a Latin letter, O157 or COVID-19, in a group of their own: gated() searches the
// Japanese alternatives through their first characters and leaves the others to V8, see engine/first-chars.ts)
const LATIN_HEAD = /^(?:\(\?:)?[A-Za-z]/;
const TERMS = gated(
  new RegExp(
    `${alternation(STATES)}|${ENGLISH}|(?:${alternation(CONDITIONS.filter((c) => !LATIN_HEAD.test(c)))})${SUFFIX}|(?:${alternation(CONDITIONS.filter((c) => LATIN_HEAD.test(c)))})${SUFFIX}`,
    'g',
  ),
);
// Words that turn a term into something else: 糖尿病予防教室 is a public health event, not a diagnosis.
const NOT_PERSONAL_AFTER =
  /^(?:の?(?:予防|対策|検診|健診|教室|講座|セミナー|啓発|週間|月間)| ?(?:の)?(?:陽性者|患者|感染者|罹患者)?(?:一覧|数|リスト|名簿|発生状況)|者(?:一覧|数|リスト|名簿)|の方への|に関する|について|患者の皆様|対応|用|貸出|貸し出し|可|スペース|トイレ|駐車|[ -]?(?:screen|prevent|aware|campaign|cent|ward|depart|unit|polic|access|ramp|friendly))/u;

// Table columns whose cells are diagnoses or conditions, whatever words they use.
const HEALTH_HEADER = gated(/病名|傷病|診断|所見|既往|疾病|疾患|病状|症状|重症度|入院状況|入院先|転帰|療養状況|病態|容態|容体|アレルギー|障害|diagnos|allerg|medical|health|condition|care needs/gi);
const NO_FINDING = /^(?:なし|無し|無|特になし|特記なし|異常なし|該当なし|あり|有り?|該当|対象|非該当|済み?|未|はい|いいえ|yes|no|none|n\/a|-+|ー+)$/iu;
// Headers that name something about a condition, not the condition: 診断日, 主治医, 障害者控除, 診断書番号
const NOT_HEALTH_HEADER =
  /(?:日|日時|年月日|者|医|医師|機関|病院|番号|コード|控除|手当|年金|サービス|施設|課|係|欄|書|date|no\.?|number|card|insurance|id|provider|hospital|clinic|doctor|centre|center|check)$/iu;
const HOSPITALISED = /入院/u;
// the note in brackets after a condition (経過観察中) belongs to the record, not the condition
const TRAILING_NOTE = /[ ]?\([^()]*\)$/u;
// What a space between two Japanese conditions stands between (CELL_PIECE and PIECE_EDGE part a cell alike)
const ENDS_JAPANESE = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー)）]`;
const STARTS_JAPANESE = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]`;
// (a space between two Japanese conditions parts them too: がん末期(在宅療養) 認知症, a household's two members in one cell)
// (and a note in brackets is one piece with what it follows, its commas too: 脳梗塞（R4.8、左上下肢に軽度の麻痺残存）;
// a bracket a wrapped line leaves open runs to the line's end)
const CELL_PIECE = new RegExp(String.raw`(?:[（(][^）)\t\n]*[）)]?|[^、,;/\t\n （(]|(?<!${ENDS_JAPANESE})[ ]|[ ](?!${STARTS_JAPANESE}))+`, 'gu');
/** A bracketed note that is itself about the condition: its severity, grade or kind. */
const CONDITION_NOTE = /症|病|炎|級|度|期|障害|疑|科|陽性|陰性|[ⅠⅡⅢⅣ]/u;

/** Each condition in the cells under a health column header, split at 、 , ; / */
function healthColumns(ctx: ScanContext, out: Candidate[]): void {
  const seen = new Set<number>();
  for (const h of matches(ctx.text, HEALTH_HEADER)) {
    const column = cellsUnderHeader(ctx, h.start, 24);
    // (where a person is in hospital says that they are: 入院先医療機関 names the hospital, and is health all the same)
    if (column && NOT_HEALTH_HEADER.test(column.header) && !HOSPITALISED.test(column.header)) continue;
    // a header with two health words (主な疾病・障害) is one column
    if (!column?.cells.length || seen.has(column.cells[0][0])) continue;
    seen.add(column.cells[0][0]);
    for (const [cellStart, cellEnd] of column.cells) conditionsIn(ctx, cellStart, cellEnd, `column ${column.header}`, out, true);
  }
}

/** Each condition in [from, to), split at 、 , ; / */
function conditionsIn(ctx: ScanContext, from: number, to: number, why: string, out: Candidate[], inColumn = false): void {
  for (const piece of matches(ctx.text, CELL_PIECE, from, to)) {
    if (piece.end > to) break;
    // the note in brackets stays when it says more about the condition (入院（中等症Ⅱ）, 視覚障害（1級）), and always in a column's cell
    const whole = piece.text.trim();
    const stripped = whole.replace(TRAILING_NOTE, '');
    // (in a column's cell the note is the condition's too: how often, which side, 人工透析(週3回))
    const text = inColumn || stripped.length <= 3 || CONDITION_NOTE.test(whole.slice(stripped.length)) ? whole : stripped;
    // a note alone names no condition: (介助者)
    if (text.length < 2 || NO_FINDING.test(text) || !/\p{L}/u.test(text) || !stripped.trim()) continue;
    const start = piece.start + piece.text.indexOf(text);
    // (above a term's score: the cell or the label's clause says more than the term found in it, 難聴・補聴器使用 over 難聴)
    out.push({ start, end: start + text.length, score: 0.86, why });
  }
}

// A record's health label and its colon (or a form's label cell): what follows on the line, up to the sentence's end, is the person's conditions
// (Medical history: stroke (2019), on dialysis; 既往歴：高血圧、糖尿病). A label without a colon is a topic.
// Read where one of the words a label is made of stands (found with indexOf), from the word or a word before it
// that belongs to the label: the pattern tried at every position of every page would cost a third of the engine's time.
const HEALTH_LABEL_WORDS = [
  '既往歴',
  '現病歴',
  '病名',
  '診断名',
  '主訴',
  '持病',
  '基礎疾患',
  '障害名',
  'アレルギー',
  '処方',
  '服薬',
  '内服',
  'history',
  'diagnos',
  'dx',
  'condition',
  'illness',
  'allerg',
  'disabilit',
  'medication',
  'prescri',
];
// (one pass over the page for all of them: engine/alternation.ts factors their common first characters)
const HEALTH_LABEL_WORD = gated(new RegExp(alternation(HEALTH_LABEL_WORDS), 'gi'));
/** Words that may stand before a label word and belong to the label (medical history, chronic conditions). */
const HEALTH_LABEL_PREFIXES = ['medical ', 'past ', 'health ', 'pre-existing ', 'preexisting ', 'chronic ', 'current ', '傷'];
const HEALTH_LABEL_AT =
  /(?:既往歴|現病歴|病名|傷病名|診断名|主訴|持病|基礎疾患|障害名|アレルギー|処方薬?|服薬(?:状況|中の薬)?|内服薬?|(?:current )?medications?|prescri(?:ptions?|bed)|(?:medical|past|health) history|diagnos[ie]s|dx|(?:pre-?existing |chronic |medical |health )conditions?|illness(?:es)?|allerg(?:y|ies)|disabilit(?:y|ies))(?:[ \t]*[:：][ \t]*|[ ]*\t)/iy;

function labelledConditions(ctx: ScanContext, out: Candidate[]): void {
  // (lower-casing keeps every offset unless the text holds a letter that lower-cases to two: then no label is read)
  if (ctx.lower.length !== ctx.text.length) return;
  const starts: number[] = [];
  for (const { start } of matches(ctx.text, HEALTH_LABEL_WORD)) {
    for (const p of HEALTH_LABEL_PREFIXES) if (start >= p.length && ctx.lower.startsWith(p, start - p.length)) starts.push(start - p.length);
    starts.push(start);
  }
  let done = 0;
  for (const at of starts) {
    if (at < done || (at > 0 && /\p{L}/u.test(ctx.text[at - 1]))) continue;
    HEALTH_LABEL_AT.lastIndex = at;
    const m = HEALTH_LABEL_AT.exec(ctx.text);
    if (!m) continue;
    // (a label cell and its value cell, with no colon: only in a form, whose first column is labels alone)
    if (!/[:：]/.test(m[0]) && !(ctx.cellAt(at)?.[0] === 0 && ctx.isLabelColumn(ctx.lineIndex(at)))) continue;
    const end = at + m[0].length;
    const [, lineEnd] = ctx.lineBounds(ctx.lineIndex(at));
    // up to the end of the sentence or the cell
    const cell = ctx.cellAt(end);
    let to = cell ? Math.min(cell[2], lineEnd) : lineEnd;
    const stop = /[。.](?:[ \t]|$)/u.exec(ctx.text.slice(end, to));
    if (stop) to = end + stop.index;
    const why = `label ${m[0].replace(/[\s:：]+$/u, '')}`;
    conditionsIn(ctx, end, to, why, out);
    done = to;
    // a form's value wrapped onto lines of its own, their label cell blank
    if (/[:：]/.test(m[0])) continue;
    for (let n = ctx.lineIndex(at) + 1; n < ctx.lineCount() && ctx.line(n).startsWith('\t'); n++) {
      const value = ctx.cellBounds(n, 1);
      if (value) conditionsIn(ctx, value[0], value[1], why, out);
      done = ctx.lineBounds(n)[1];
    }
  }
}

// A medicine with its dose (セルトラリン50mg, ゾルピデム錠5mg): what a person takes says what they are treated for.
// Found from the dose back to the medicine's name, so a page pays only where a dose is written.
const DOSE = /(?<![\d.])\d{1,4}(?:\.\d{1,3})?[ \t]?(?:mg|ｍｇ|μg|µg|mcg)(?![A-Za-z])/gu;
const MEDICINE_BEFORE = /[ァ-ヶ][ァ-ヶー]{2,15}(?:OD錠|徐放錠|錠|カプセル|散|細粒|顆粒|テープ|軟膏|注射液|注)?[ \t]?$/u;
// nutrients and supplements are written with a dose too
const NOT_MEDICINE = /^(?:サプリ|ビタミン|カルシウム|カリウム|マグネシウム|ナトリウム|カフェイン|プロテイン|タンパク|コラーゲン|ポリフェノール|カテキン|ミネラル|サンプル)/u;
// A mental-health clinic named as where a person is treated (東雲こころのクリニック, 心療内科): found from its
// keyword, with the place name before it and the kind of clinic after
const MENTAL_WORD = /こころ|ココロ|メンタル|心療内科|精神科|精神神経科/gu;
const CLINIC_PLACE_BEFORE = /[\p{Script=Han}\p{Script=Katakana}ー]{0,10}$/u;
const CLINIC_AFTER = /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}ー]{0,6}?(?:クリニック|病院|医院|診療所)/uy;

const DOSE_UNITS = ['mg', 'ｍｇ', 'μg', 'µg', 'mcg'];
const MENTAL_WORDS = ['こころ', 'ココロ', 'メンタル', '心療内科', '精神科', '精神神経科'];

function medicines(ctx: ScanContext, out: Candidate[]): void {
  if (!DOSE_UNITS.some((u) => ctx.lower.includes(u))) return;
  for (const dose of matches(ctx.text, DOSE)) {
    const name = MEDICINE_BEFORE.exec(ctx.text.slice(Math.max(0, dose.start - 24), dose.start));
    if (!name || NOT_MEDICINE.test(name[0])) continue;
    out.push({ start: dose.start - name[0].length, end: dose.end, score: 0.85, why: 'medicine with its dose' });
  }
}

function mentalClinics(ctx: ScanContext, out: Candidate[]): void {
  if (!MENTAL_WORDS.some((w) => ctx.text.includes(w))) return;
  for (const word of matches(ctx.text, MENTAL_WORD)) {
    CLINIC_AFTER.lastIndex = word.end;
    const after = CLINIC_AFTER.exec(ctx.text);
    if (!after) continue;
    const place = CLINIC_PLACE_BEFORE.exec(ctx.text.slice(Math.max(0, word.start - 10), word.start))?.[0] ?? '';
    out.push({ start: word.start - place.length, end: word.end + after[0].length, score: 0.8, why: 'mental-health clinic' });
  }
}

/** Longest cell text an English term in a table cell takes with it. */
const MAX_CELL = 60;

/**
 * The table cell around an English term, when it is short: in a record's cell the words around the term describe
 * the same condition (Sick leave: influenza A; Migraine with aura (neurology outpatient)), and a term alone would
 * leave the rest of the description unmasked.
 */
function wholeCell(ctx: ScanContext, start: number, end: number): [number, number] | null {
  const cell = ctx.cellAt(start);
  if (!cell || cell[2] < end || ctx.header(start) === undefined) return null;
  const text = ctx.text.slice(cell[1], cell[2]);
  const trimmed = text.trim();
  if (trimmed.length > MAX_CELL) return null;
  const from = cell[1] + text.indexOf(trimmed);
  return [from, from + trimmed.length];
}

/** What parts the pieces of a note cell: the separators of CELL_PIECE, and a label's colon (基礎疾患：慢性心不全). */
const PIECE_EDGE = new RegExp(String.raw`[、,;/:：]|(?<=${ENDS_JAPANESE})[ ](?=${STARTS_JAPANESE})`, 'gu');

/**
 * The piece of a table cell around a Japanese term, when the cell is a short, terse note: the words around the
 * term say more about the same condition (排菌あり・喀痰塗抹陽性), and the term alone would leave them readable.
 */
function notePiece(ctx: ScanContext, start: number, end: number): [number, number] | null {
  const cell = ctx.cellAt(start);
  if (!cell || cell[2] < end || cell[2] - cell[1] > MAX_CELL || ctx.header(start) === undefined) return null;
  let from = cell[1];
  let to = cell[2];
  for (const edge of matches(ctx.text, PIECE_EDGE, cell[1], cell[2])) {
    if (edge.end <= start) from = edge.end;
    else if (edge.start >= end) {
      to = edge.start;
      break;
    } else return null;
  }
  const piece = ctx.text.slice(from, to);
  const trimmed = piece.trim();
  // (a cell written as a sentence keeps the term alone, as prose does: 適応障害と診断され休職中)
  if (SENTENCE_WORDS.test(trimmed)) return null;
  const at = from + piece.indexOf(trimmed);
  return [at, at + trimmed.length];
}

/** Particles and a full stop: the marks of a sentence, not of a terse note. */
const SENTENCE_WORDS = /[をがはにでとの。]/u;

// A note in brackets right after a Japanese condition says more about it (要介護2（デイサービス利用）, 糖尿病(インスリン)).
// (the care a sentence goes on to, 喘息で入院した, is not taken: the term alone is the finding in prose)
const NOTE_AFTER = /^[ ]?[(（][^()（）\n\t]{1,15}[)）]/u;

/** Where a Japanese term's finding ends: after the note that follows it, else at the term. */
function japaneseCourseEnd(ctx: ScanContext, end: number): number {
  const m = NOTE_AFTER.exec(ctx.after(end, 20));
  return m ? end + m[0].length : end;
}

// A Japanese condition named by its suffix (変形性膝関節症, 逆流性食道炎, 腰部脊柱管狭窄症): tried only where a 症 or 炎 stands.
const JAPANESE_SUFFIX_TERM = anchored(/\p{Script=Han}{1,8}(?:症|炎)(?!\p{Script=Han})/gu, ['症', '炎'], 8);
// words with the suffix that name no one's condition: onset (発症日), severity alone, a fire (防炎), 炎 of a flame
const NOT_A_JAPANESE_CONDITION = /^(?:発|重|軽|中等|対|防|消|火|耐|難|既往|後|炎|合併|感染|陽|症)[症炎]$/u;

/** Japanese conditions by their suffix, with the modifiers (PREFIX) before them kept. */
function japaneseSuffixTerms(ctx: ScanContext, out: Candidate[]): void {
  for (const m of matches(ctx.text, JAPANESE_SUFFIX_TERM)) {
    if (NOT_A_JAPANESE_CONDITION.test(m.text) || m.text.endsWith('感染症') || NOT_PERSONAL_AFTER.test(ctx.after(m.end, 8))) continue;
    const [from, to] = notePiece(ctx, m.start, m.end) ?? [m.start, japaneseCourseEnd(ctx, m.end)];
    out.push({ start: from, end: to, score: 0.84, why: `health term ${m.text}` });
  }
}

function suffixTerms(ctx: ScanContext, out: Candidate[]): void {
  for (const m of matches(ctx.text, MEDICAL_SUFFIX)) {
    const stem = STEM_BEFORE.exec(ctx.text.slice(Math.max(0, m.start - 21), m.start))?.[0];
    if (!stem || NOT_A_CONDITION.test(stem) || NOT_PERSONAL_AFTER.test(ctx.after(m.end, 8))) continue;
    const start = m.start - stem.length;
    const [from, to] = wholeCell(ctx, start, m.end) ?? [start, m.end];
    out.push({ start: from, end: to, score: 0.85, why: `health term ${stem}${m.text}` });
  }
}

function detect(ctx: ScanContext): Candidate[] {
  const out: Candidate[] = [];
  healthColumns(ctx, out);
  medicines(ctx, out);
  mentalClinics(ctx, out);
  labelledConditions(ctx, out);
  suffixTerms(ctx, out);
  japaneseSuffixTerms(ctx, out);
  for (const m of matches(ctx.text, CARE_PHRASE)) {
    if (WEAK_VERB.test(m.text) && !ILLNESS_WORD.test(m.text)) continue;
    out.push({ start: m.start, end: m.end, score: 0.88, why: 'care described in a sentence' });
  }
  for (const m of matches(ctx.text, TERMS)) {
    if (m.start > 0 && LATIN.test(m.text[0]) && LATIN.test(ctx.text[m.start - 1])) continue;
    if (NOT_PERSONAL_AFTER.test(ctx.after(m.end, 8))) continue;
    const before = ctx.text.slice(Math.max(0, m.start - 12), m.start);
    const needsName = m.text.startsWith('感染症') || m.text.startsWith('アレルギー');
    const named = m.text.startsWith('アレルギー') ? ALLERGEN_BEFORE : INFECTION_BEFORE;
    let prefix = PREFIX.exec(before) ?? (SITE_CONDITIONS.test(m.text) ? ORGAN_BEFORE.exec(before) : needsName ? named.exec(before) : null);
    // a time before the term is not its site: 昨年骨折して
    if (prefix && TIME_BEFORE.test(prefix[0])) prefix = null;
    // 感染症 or アレルギー alone is a topic (感染症の予防); a named one is personal
    if (!prefix && needsName) continue;
    const start = m.start - (prefix ? prefix[0].length : 0);
    const [from, to] = LATIN.test(m.text[0]) ? (wholeCell(ctx, start, m.end) ?? [start, m.end]) : (notePiece(ctx, start, m.end) ?? [start, japaneseCourseEnd(ctx, m.end)]);
    out.push({ start: from, end: to, score: 0.85, why: `health term ${m.text}` });
  }
  return out;
}

export const health: Detector = {
  id: 'health',
  kind: 'health',
  severity: 'high',
  detect,
  examples: {
    positive: [
      { text: '氏名\t備考\n石川 トヨ\t施設入所中（特養）\n', expect: '施設入所中（特養）' },
      { text: 'No\t氏名\t要支援理由\n30\t神保文子\t身体 障害者手帳1 級(下肢)\n', expect: '障害者手帳1 級(下肢)' },
      // a condition named by its suffix
      { text: '逆流性食道炎で通院している', expect: '逆流性食道炎' },
      { text: '既往歴：右変形性膝関節症', expect: '右変形性膝関節症' },
      // a term in a terse note cell takes the note's piece with it; in a cell written as a sentence it stands alone
      { text: '氏名\t疾病名\t備考\n渡嘉敷 学\t結核\t排菌あり・喀痰塗抹陽性\n', expect: '排菌あり・喀痰塗抹陽性' },
      { text: '氏名\t相談内容\n堀内 修\t適応障害と診断され休職中\n', expect: '適応障害' },
      // two conditions of a cell set apart by a space (a household's two members in one row)
      { text: '氏名\t障害・疾病等\n今野 昭三 今野 ユキ\tがん末期(在宅療養) 認知症\n', expect: '認知症' },
      { text: '既往歴：慢性心不全', expect: '慢性心不全' },
      { text: 'Medical history: stroke (2019), on dialysis three times a week.', expect: 'stroke' },
      { text: 'Diagnosis: mild cognitive impairment; hearing loss', expect: 'mild cognitive impairment' },
      { text: 'Allergies: penicillin, shellfish', expect: 'shellfish' },
      { text: 'Medications: metformin 500 mg, lisinopril 10 mg', expect: 'lisinopril 10 mg' },
      { text: 'Name: Tom Reyes / Age: 67 / Dx: COPD, CKD stage 3', expect: 'CKD stage 3' },
      { text: 'He has type 1 diabetes and sees the nurse weekly.', expect: 'type 1 diabetes' },
      // a care level OCR read with spaces inside
      { text: '西ノ浦市東浜町2丁目\t0957-32-4824\t要 介護 4', expect: '要 介護 4' },
      { text: '現在入院中です', expect: '入院中' },
      // a note in brackets right after a term is the term's
      { text: '母は隣市在住。要介護2（デイサービス利用）', expect: '要介護2（デイサービス利用）' },
      // a column's cell keeps its note: how often, which side
      { text: '氏名\t障害・疾病等\n山田 キヨ\t人工透析(週3回)\n', expect: '人工透析(週3回)' },
      // an English term in a record's cell takes the cell's description with it
      { text: 'From\tReason\n18 Nov\tHospitalised – appendectomy\n14 Mar\tMigraine with aura (neurology outpatient)\n', expect: 'Migraine with aura (neurology outpatient)' },
      { text: 'She was off for two weeks with bronchitis.', expect: 'bronchitis' },
      { text: 'セルトラリン50mgとゾルピデム5mgを服用している', expect: 'ゾルピデム5mg' },
      { text: '令和4年に東雲こころのクリニックでうつ病と診断され', expect: '東雲こころのクリニック' },
      { text: '最近は不眠が続き、日中も動けない', expect: '不眠' },
      { text: 'No.\t氏名\t入院先医療機関\t転帰\n1\t高田 悠斗\t東雲市立総合病院\t死亡', expect: '東雲市立総合病院' },
      { text: 'No.\t氏名\t入院先医療機関\t転帰\n1\t高田 悠斗\t東雲市立総合病院\t死亡', expect: '死亡' },
      { text: 'No\t年代\t重症度\t入院状況\n1\t50代\t中等症\t自宅療養\n', expect: '中等症' },
      { text: 'No\t年代\t重症度\t入院状況\n1\t50代\t中等症\t自宅療養\n', expect: '自宅療養' },
      { text: '氏名\t病名\n今野\t変形性膝関節症\n', expect: '変形性膝関節症' },
      { text: '胃がん術後の経過観察', expect: '胃がん術後' },
      { text: 'PCR検査の結果は陽性', expect: '陽性' },
      { text: '母が認知症で', expect: '認知症' },
      { text: '病名\t尿路感染症', expect: '尿路感染症' },
      { text: '糖尿病性腎症のため透析', expect: '糖尿病性腎症' },
      { text: '病名\t大腿骨骨折', expect: '大腿骨骨折' },
      { text: '氏名\t所見\n今野\t心房細動\n', expect: '心房細動' },
      { text: '氏名\t所見\n小松\t肝機能異常（γ-GTP 156）\n', expect: '肝機能異常（γ-GTP 156）' },
      { text: '児童\tアレルギー・配慮事項\n長沼\t卵・乳アレルギー（エピペン所持）\n', expect: '卵・乳アレルギー（エピペン所持）' },
      { text: '状況：ALS（筋萎縮性側索硬化症）で在宅療養中、胃ろう造設済み', expect: '筋萎縮性側索硬化症' },
      { text: '状況：在宅療養中、胃ろう造設済み', expect: '胃ろう' },
      { text: '車いす利用の母が通れない', expect: '車いす' },
      { text: '母は昨年骨折して以来', expect: '骨折' },
      { text: '母親は産後うつの疑いがあり', expect: '産後うつ' },
      { text: 'Work from home during recovery from knee surgery (hospitalised 9/2–9/9).', expect: 'hospitalised' },
      { text: 'Caller asked about insurance after being diagnosed with type 2 diabetes.', expect: 'diagnosed with type 2 diabetes' },
      { text: 'Caller reported that her son was hospitalised with pneumonia.', expect: 'was hospitalised with pneumonia' },
      { text: 'Caller requested an interpreter; currently receiving treatment for depression.', expect: 'receiving treatment for depression' },
      { text: 'spouse is undergoing chemotherapy.', expect: 'is undergoing chemotherapy' },
      { text: 'needs a wheelchair-accessible room; uses a wheelchair after a stroke.', expect: 'uses a wheelchair after a stroke' },
      { text: 'The resident tested positive for COVID-19 on 3 May.', expect: 'tested positive for COVID-19' },
      { text: 'Her father has been on dialysis since 2019.', expect: 'has been on dialysis' },
      { text: 'He is recovering from a hip fracture at home.', expect: 'is recovering from a hip fracture' },
      { text: 'she is receiving\n     physiotherapy twice a month', expect: 'is receiving\n     physiotherapy' },
      { text: 'Pt was admitted to Shiraura Municipal Hospital 3/8 after a stroke.', expect: 'was admitted to Shiraura Municipal Hospital' },
      { text: 'Zuri has a severe hearing impairment and uses a cochlear implant.', expect: 'has a severe hearing impairment' },
      { text: 'note: "wheelchair user, has multiple sclerosis"', expect: 'has multiple sclerosis' },
      { text: 'No.\tName\tHealth / care needs\n6\tBui Thi Mai\tSprained ankle, uses crutches\n', expect: 'Sprained ankle' },
      { text: '切迫早産で3月に入院予定', expect: '切迫早産' },
      { text: 'was taken to hospital at 03:10 with low blood sugar', expect: 'low blood sugar' },
    ],
    negative: [
      '発症日 6/1',
      '特養入所待ちの方へ',
      '施設入所者数は120人',
      '熱中症予防のため水分を',
      '防炎カーテン',
      '介護が必要 介護 4名の体制',
      'Partnerships between academia and local schools',
      // a note alone in a health column names no condition
      '氏名\t障害・疾病等\n鈴木 美穂\t(介助者)\n',
      '感染症対策の徹底',
      '新型コロナウイルス感染症 陽性者一覧（第12報）',
      'インフルエンザ患者数の推移',
      '糖尿病予防教室のお知らせ',
      '入院日',
      '不眠不休で作業した',
      'サプリメント 500mg 入りの試供品を配布',
      '健康診断の日程',
      'がん検診について',
      'アレルギー対応の献立',
      '氏名\t既往歴\n今野\tなし\n小松\t-\n',
      'Medical history: none',
      { text: 'Conditions: see the terms of use', why: 'a heading of a contract, not a person' },
      '氏名\t障害者控除\t診断日\n今野\t該当\t令和6年5月1日\n',
      '車いす対応トイレあり',
      'Cancer screening at the city hall',
      '新型コロナウイルス感染症の対策について',
      'a stroke of luck',
      'the PALS programme',
      '軽症の場合は自宅で療養してください',
      '案件\t重要度\t対応状況\nA-12\t高\t対応中\n',
      // a building, a process or a system, not a person
      'The ward is wheelchair-accessible.',
      'The city hall is undergoing renovation.',
      'The server was admitted to the cluster.',
      'The form is treated as received.',
      'Residents suffering from the heat may use the cooling shelter.',
    ],
  },
};
