import type { Candidate, ScanContext } from '../engine/context.ts';
import type { Detector } from '../engine/detector.ts';
import { anchored, gated, matches } from './lib/matches.ts';
import { PREFECTURES } from './lib/japan.ts';
import { cellsUnderHeader } from './lib/columns.ts';

// Place-name characters: kanji, kana, and the marks used in town names.
const PLACE = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々ヶケ]`;
// The street part: 1丁目2番3号, 386番地, 5-19-15, 3条西2丁目, with numbers in kanji too.
const NUM = String.raw`[0-9０-９一二三四五六七八九十百千]{1,5}`;
// OCR reads 丁 as 了 or 本 (三了目, 一本目22番地) and may set a space inside (22番 地 15)
const CHOME = String.raw`(?:丁目|了目|本目(?=[0-9０-９]))`;
// (house numbers never begin with 0: a phone number read onto the same line starts there;
// a space after a number only before its 丁目/番地, never before the phone number in the next cell)
const STREET = String.raw`${NUM}[ ]?(?:${CHOME}|番[ ]?地の?|番|号|条|線|-|の)(?:[ ]?${PLACE}{0,2}(?![0０])${NUM}(?:[ ]?(?:${CHOME}|番[ ]?地の?|番|号|-|の))?){0,3}`;
// An optional building: a space then a name ending in a room or floor number
// (ハイツB棟306号室), or in a bare room number at the end of the field when the
// name has no hiragana (prose like 自宅で2回 is not a building), a housing estate's
// block and room included (緑町団地3-104).
const BUILDING = String.raw`(?:[ ]?${PLACE}[\p{L}\p{N}ー・]{0,20}?${NUM}(?:号室|号館|号棟|号|階|F|室|棟|館)|[ ]?[\p{Script=Han}\p{Script=Katakana}ー][\p{Script=Han}\p{Script=Katakana}A-Za-z0-9ー・]{0,20}?\d{1,4}(?:-\d{1,4})?(?![\p{L}\p{N}]))?`;

// After a prefecture: a city/ward/town/county, the town, then the street number (sticky, run at each prefecture).
const AFTER_PREFECTURE = new RegExp(String.raw`${PLACE}{1,20}?(?:市|区|町|村|郡)${PLACE}{0,20}?${STREET}${BUILDING}`, 'uy');
const PREFECTURE_SET = new Set(PREFECTURES);
// Without a prefecture: a city/ward/town then a street number, trusted only beside an address label.
const CITY_FIRST = new RegExp(String.raw`(?<!${PLACE})${PLACE}{1,10}?(?:市|区|町|村)${PLACE}{0,20}?${STREET}${BUILDING}`, 'gu');
const ADDRESS_CONTEXT = /住[ 　]?所|所在地|居所|住居|address|〒|本籍|送付先|届け先|\d{3}-\d{4}/i;
const ADDRESS_LABEL = gated(/住[ 　]?所|所在地|居所|住居|address|〒|本籍|送付先|届け先/gi);
// a label that prose runs into the place name: 住所は北みなと市…
const LABEL_THEN_PARTICLE = /(?:住所|所在地|居所|住居|本籍|送付先|届け先)(?:は|が|を|:|：)?/gu;
// Columns that hold the building and room part of an address on its own (方書: パークサイド大町503).
const BUILDING_HEADER = gated(/方書|建物名|マンション名|アパート名|building|apartment/gi);
// A romanised address: 2-15-7 Sakuragaoka, Kitaminato-shi, Miyagi 985-0044
// a flat or room between the street and the city: Apt 303, Room 211, Heights Minato 201
// (its parts may stand on lines of their own, as a letter or a record sets them: 2-14-7 Midorigaoka / Ashihara-shi, 981-3215)
const ROMAJI =
  /(?<![\w-])\d{1,4}(?:-\d{1,4}){1,2},?[ \n](?:(?:[A-Z][a-z]{1,20}(?:-[a-z]{2,5})?|(?:Apt|Apartment|Room|Rm|Unit|No)\.? ?[0-9A-Z][0-9A-Z-]{0,5}|\d{1,4}),?[ \n]){0,4}[A-Z][a-z]{1,20}-(?:shi|ku|cho|machi|mura|gun)\b(?:,?[ \n][A-Z][a-z]{1,20}(?:-(?:ken|fu|to))?)?(?:,?[ \n]\d{3}-\d{4})?/g;
// A US or UK street address: 4127 SE Woodstock Blvd, Apt 2B, Portland, OR 97202 / 221B Baker Street, London NW1 6XE
const STREET_TYPE = String.raw`(?:St|Street|Ave|Avenue|Blvd|Boulevard|Rd|Road|Dr|Drive|Ln|Lane|Way|Ct|Court|Pl|Place|Terrace|Ter|Hwy|Highway|Pkwy|Parkway|Close|Crescent|Gardens|Square|Sq)\.?`;
const WESTERN_STREET = new RegExp(
  String.raw`(?<![\w-])\d{1,5}[A-Z]? (?:(?:N|S|E|W|NE|NW|SE|SW)\.? )?(?:[A-Z][a-z]{1,20} ){1,3}${STREET_TYPE}(?:,? (?:Apt|Apartment|Suite|Ste|Unit|Flat|#)\.? ?[0-9A-Z-]{1,6})?,? (?:[A-Z][a-z]{1,20} ){0,2}[A-Z][a-z]{1,20},? (?:[A-Z]{2} \d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2})`,
  'g',
);
// A street number only addresses use (2丁目, 14番地, 5-19-15): a city before it is an address even without a label.
// (tried only just before the 目 of 丁目, a 番 or a dash: a page of figures has digits everywhere; few
// anchors of one character each, as every anchor costs a search of the page)
const STRONG_STREET = anchored(new RegExp(String.raw`[0-9一二三四五六七八九十]{1,3}[ ]?(?:${CHOME}|番[ ]?地)|\d{1,4}-\d{1,4}-\d{1,4}`, 'g'), ['目', '番', '-'], 5);

function trimStreet(s: string): string {
  // a trailing separator is not part of the address
  return s.replace(/[-の]+$/u, '');
}

const PREFECTURE_END = gated(/[都道府県]/g);

/** Addresses that start with a prefecture name, found from the 都/道/府/県 that ends it. */
function withPrefecture(ctx: ScanContext): [number, number][] {
  const found: [number, number][] = [];
  for (const m of matches(ctx.text, PREFECTURE_END)) {
    const len = [3, 4].find((l) => PREFECTURE_SET.has(ctx.text.slice(m.end - l, m.end)));
    if (!len) continue;
    AFTER_PREFECTURE.lastIndex = m.end;
    const rest = AFTER_PREFECTURE.exec(ctx.text);
    if (rest) found.push([m.end - len, m.end + trimStreet(rest[0]).length]);
  }
  return found;
}

/** Lines that can hold an unlabelled-prefecture address: lines with an address label, and table rows under an address header. */
function labelledLines(ctx: ScanContext): Set<number> {
  const lines = new Set<number>();
  for (const m of matches(ctx.text, ADDRESS_LABEL)) {
    const n = ctx.lineIndex(m.start);
    lines.add(n);
    if (lines.has(n + 1) || !ctx.isTableRow(n)) continue;
    for (let k = n + 1; k < ctx.lineCount() && ctx.isTableRow(k); k++) lines.add(k);
  }
  return lines;
}

/** Whether [start, end) overlaps one of the sorted, disjoint ranges (binary search: pages can hold thousands). */
function overlaps(ranges: readonly [number, number][], start: number, end: number): boolean {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid][1] <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < ranges.length && ranges[lo][0] < end;
}

/** City-first addresses around the strong street numbers of lines without an address label. */
function withStrongStreet(ctx: ScanContext, labelled: Set<number>, covered: [number, number][], out: Candidate[]): void {
  let searchedTo = 0;
  for (const street of matches(ctx.text, STRONG_STREET)) {
    if (street.start < searchedTo || overlaps(covered, street.start, street.end)) continue;
    const n = ctx.lineIndex(street.start);
    if (labelled.has(n)) continue;
    const [ls, le] = ctx.lineBounds(n);
    // the city starts at most 30 characters before its street number; the building ends soon after it
    for (const m of cityFirstIn(ctx, Math.max(ls, street.start - 30), Math.min(le, street.end + 60))) {
      if (m.start > street.start) break;
      if (m.end < street.end) continue;
      // the street numbers inside this address need no search of their own
      searchedTo = m.end;
      const text = trimStreet(m.text);
      out.push({ start: m.start, end: m.start + text.length, score: 0.8, why: 'city and a 丁目/番地 street number' });
      break;
    }
  }
}

const PLACE_CHAR = new RegExp(PLACE, 'u');

/**
 * City-first addresses inside [from, to), searched in that slice only: a
 * regex run on the whole text would scan on past `to` for its next match,
 * and doing that for every line would cost the square of the page.
 */
function cityFirstIn(ctx: ScanContext, from: number, to: number, afterLabel = false): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  // the lookbehind cannot see before the slice: a match at its start must not continue a word
  // (unless the slice starts right after an address label: 住所は北みなと市…)
  const continues = !afterLabel && from > 0 && PLACE_CHAR.test(ctx.text[from - 1]);
  for (const m of matches(ctx.text.slice(from, to), CITY_FIRST)) {
    if (m.start === 0 && continues) continue;
    out.push({ start: from + m.start, end: from + m.end, text: m.text });
  }
  return out;
}

/** Where an address may start on a labelled line: the line start and just after each label (住所は|). */
function searchStarts(ctx: ScanContext, ls: number, le: number): number[] {
  const starts = [ls];
  for (const m of matches(ctx.text, LABEL_THEN_PARTICLE, ls, le)) if (m.end <= le) starts.push(m.end);
  return starts;
}

/** Every non-empty cell under a building/方書 header. */
function buildingColumns(ctx: ScanContext, out: Candidate[]): void {
  for (const h of matches(ctx.text, BUILDING_HEADER)) {
    const column = cellsUnderHeader(ctx, h.start, 12);
    for (const [start, end] of column?.cells ?? []) {
      if (end - start < 2 || !/\p{L}/u.test(ctx.text.slice(start, end))) continue;
      out.push({ start, end, score: 0.8, why: `column ${column!.header}` });
    }
  }
}

const ADDRESS_HEADER = gated(/住[ 　]?所|所在地|居所|住居|address|residence(?! card)/gi);
// headers that say address but mean another kind of it
const OTHER_ADDRESS = /\b(?:e-?mail|ip|mac|url|web|wallet)\b|メール|ＩＰ/i;

/**
 * Every cell under an address header that holds a number and a word: in a
 * column of addresses the whole cell is the person's home, however it is
 * written (Green Hills Shiraura 2-708, staff house 2F, 磯辺599番地).
 */
function addressColumns(ctx: ScanContext, out: Candidate[]): void {
  for (const h of matches(ctx.text, ADDRESS_HEADER)) {
    const column = cellsUnderHeader(ctx, h.start, 24);
    if (!column || OTHER_ADDRESS.test(column.header)) continue;
    for (const [start, end] of column.cells) {
      const cell = ctx.text.slice(start, end);
      if (cell.length < 3 || !/\p{N}/u.test(cell) || !/\p{L}/u.test(cell)) continue;
      out.push({ start, end, score: 0.8, why: `column ${column.header}` });
    }
  }
}

// where someone lives, said in a sentence: capitalised words and a house or room number ("Lives at Green Hills Shiraura 2-708")
const LIVES_AT =
  /\b(?:[Ll]ives|[Ll]iving|[Rr]esides|[Rr]esiding|[Ss]taying)(?: alone| now| currently)? (?:at|in) ((?:[A-Z0-9][\w'.-]*,? ){0,5}?(?:\d{1,4}(?:-\d{1,4}){1,2}|(?:[Rr]oom|[Aa]pt\.?|[Uu]nit|[Ff]lat|#) ?[A-Z]?-?\d{1,4})(?:,? [A-Z][a-z]+(?:-(?:shi|ku|cho|machi|dori|mura))?){0,3})/g;

const LIVES_WORDS = ['lives', 'living', 'resid', 'staying'];

/** A postal code that ends a line of a romanised address: the postal-code detector reports it. */
const POSTAL_AT_END = /,?[ ]?\d{3}-\d{4}$/;

/**
 * A romanised address; one set over several lines gives a finding for each line that holds a number of its own
 * (the street number, the flat): a line of the city alone says no more than where the office is.
 */
function romanised(m: { start: number; text: string }, out: Candidate[]): void {
  const why = 'romanised street number, town and city';
  if (!m.text.includes('\n')) {
    out.push({ start: m.start, end: m.start + m.text.length, score: 0.85, why });
    return;
  }
  let at = m.start;
  for (const line of m.text.split('\n')) {
    const part = line.replace(POSTAL_AT_END, '').replace(/[ ,]+$/, '');
    if (/\d/.test(part)) out.push({ start: at, end: at + part.length, score: 0.85, why });
    at += line.length + 1;
  }
}

function detect(ctx: ScanContext): Candidate[] {
  const out: Candidate[] = [];
  buildingColumns(ctx, out);
  // (each pass only where its words are: most pages have neither)
  if (ctx.text.includes('\t')) addressColumns(ctx, out);
  if (LIVES_WORDS.some((w) => ctx.lower.includes(w))) for (const m of matches(ctx.text, LIVES_AT)) out.push({ start: m.end - m.groups[0]!.length, end: m.end, score: 0.8, why: 'where someone lives' });
  for (const m of matches(ctx.text, ROMAJI)) romanised(m, out);
  for (const m of matches(ctx.text, WESTERN_STREET)) out.push({ start: m.start, end: m.end, score: 0.85, why: 'street, city and ZIP or postcode' });
  const covered = withPrefecture(ctx);
  for (const [start, end] of covered) out.push({ start, end, score: 0.95, why: 'prefecture, city and street number' });
  const labelled = labelledLines(ctx);
  withStrongStreet(ctx, labelled, covered, out);
  // the same address is found from the line start and from its label
  const pushed = new Set<number>();
  for (const n of labelled) {
    const [ls, le] = ctx.lineBounds(n);
    for (const from of searchStarts(ctx, ls, le)) {
      // after a label the address is near: a bounded slice keeps a line of many labels linear
      for (const m of cityFirstIn(ctx, from, from === ls ? le : Math.min(le, from + 100), from !== ls)) {
        if (overlaps(covered, m.start, m.end) || pushed.has(m.start)) continue;
        const label = `${ctx.before(m.start, 16)} ${ctx.header(m.start) ?? ''} ${ctx.leftCell(m.start) ?? ''}`;
        if (!ADDRESS_CONTEXT.test(label)) continue;
        const text = trimStreet(m.text);
        out.push({ start: m.start, end: m.start + text.length, score: 0.85, why: 'city and street number beside an address label' });
        pushed.add(m.start);
      }
    }
  }
  return out;
}

export const address: Detector = {
  id: 'address',
  kind: 'address',
  severity: 'medium',
  triggers: [
    '市',
    '区',
    '町',
    '村',
    '郡',
    '方書',
    '建物',
    'マンション',
    'アパート',
    'building',
    'apartment',
    '-shi',
    '-ku',
    '-cho',
    '-machi',
    '-mura',
    '-gun',
    'street',
    'avenue',
    'ave ',
    'ave.',
    'blvd',
    'boulevard',
    'road',
    'drive',
    'lane',
    'terrace',
    'highway',
    'parkway',
    'crescent',
    '住所',
    '所在地',
    '居所',
    '住居',
    'address',
    'residence',
    'lives',
    'living',
    'resid',
    'staying',
  ],
  detect,
  examples: {
    positive: [
      { text: 'Home address\n2-14-7 Midorigaoka\nAshihara-shi, 981-3215', expect: '2-14-7 Midorigaoka' },
      { text: '住所：葦原市緑町四丁目9番5号緑町団地3-104', expect: '葦原市緑町四丁目9番5号緑町団地3-104' },
      { text: '住所：宮城県北みなと市緑が丘386番地', expect: '宮城県北みなと市緑が丘386番地' },
      // in a column of addresses the whole cell is the home, however it is written
      { text: 'No.\tName\tHome address\n5\tLeilani Kahale\tShiraura Univ. dorm B-312\n', expect: 'Shiraura Univ. dorm B-312' },
      { text: '氏名\t住所\n佐藤 花子\t潮風荘 2-708\n', expect: '潮風荘 2-708' },
      // OCR's readings of 丁目 and a space it set inside 番地
      { text: '住所：西ノ浦市汐見町一本目22番 地 15', expect: '西ノ浦市汐見町一本目22番 地 15' },
      { text: '住所：西ノ浦市汐見町三了目5番地18', expect: '西ノ浦市汐見町三了目5番地18' },
      // a phone number after a space (the next cell, read onto the same line) is not part of the street
      { text: '川端 昌子\t西ノ浦市東浜2-18-18 0957-31-5141\t療育手帳A', expect: '西ノ浦市東浜2-18-18' },
      { text: 'Referred to the centre. Lives at Green Hills Shiraura 2-708. Asked for a counsellor.', expect: 'Green Hills Shiraura 2-708' },
      { text: '(Mr. Kofi Asante, 81, lives alone at 4-3-19 Minamimachi).', expect: '4-3-19 Minamimachi' },
      { text: '宮城県北みなと市港南3丁目29番22号 レジデンス桜台307号室', expect: '宮城県北みなと市港南3丁目29番22号 レジデンス桜台307号室' },
      { text: '〒154-4515 東京都世田谷区桜新町5-19-15', expect: '東京都世田谷区桜新町5-19-15' },
      { text: '住所\t札幌市中央区北1条西2丁目', expect: '札幌市中央区北1条西2丁目' },
      { text: '連絡先：北みなと市旭町3丁目5-18、電話 022-348-5590', expect: '北みなと市旭町3丁目5-18' },
      { text: '申請者の住所は北みなと市中央1-2-3。', expect: '北みなと市中央1-2-3' },
      { text: '住所\n北みなと市若葉町2丁目14番地 若葉台ハイツB棟306\n', expect: '北みなと市若葉町2丁目14番地 若葉台ハイツB棟306' },
      { text: '所在地：北みなと市本町3丁目2番8号 メゾン本町2F', expect: '北みなと市本町3丁目2番8号 メゾン本町2F' },
      { text: '住所\t方書\n北みなと市大町2-4-9\tパークサイド大町503\n', expect: 'パークサイド大町503' },
      { text: '住所：東京都千代田区霞が関1-2-2 中央合同庁舎5号館', expect: '東京都千代田区霞が関1-2-2 中央合同庁舎5号館' },
      { text: 'Home address: 2-15-7 Sakuragaoka, Kitaminato-shi, Miyagi 985-0044', expect: '2-15-7 Sakuragaoka, Kitaminato-shi, Miyagi 985-0044' },
      { text: 'lives at 1-22-5 Sakuragaoka, Apt 303, Shiraura-shi with her son', expect: '1-22-5 Sakuragaoka, Apt 303, Shiraura-shi' },
      { text: 'Mailing address: 4127 SE Woodstock Blvd, Apt 2B, Portland, OR 97202', expect: '4127 SE Woodstock Blvd, Apt 2B, Portland, OR 97202' },
      { text: 'c/o 221B Baker Street, London NW1 6XE', expect: '221B Baker Street, London NW1 6XE' },
    ],
    negative: [
      'He lives in Sendai with 2 children and works at 3 shops.',
      '町の一本目の電柱は3番の角にある',
      'Host\tIP address\nweb01\t10.0.0.12\n',
      'Name\tEmail address\nAnna Berg\tanna2@example.org\n',
      '宮城県北みなと市の人口は',
      '東京都の施策',
      '3丁目の夕日',
      '市町村長の会議',
      '港南四丁目の自宅で独居',
      'バージョン 10.13.1005-2 の更新',
      'version 2-1 Release-candidate',
      '氏名\t方書\n山田\t\n',
    ],
  },
};
