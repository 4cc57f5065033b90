import type { Candidate, ScanContext } from '../core/context.ts';
import type { Detector } from './types.ts';
import { matches } from './lib/matches.ts';
import { PREFECTURES } from './lib/japan.ts';

// Place-name characters: kanji, kana, and the marks used in town names.
const PLACE = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々ヶケ]`;
// The street part: 1丁目2番3号, 386番地, 5-19-15, 3条西2丁目, with numbers in kanji too.
const NUM = String.raw`[0-9０-９一二三四五六七八九十百千]{1,5}`;
const STREET = String.raw`${NUM}(?:丁目|番地の?|番|号|条|線|-|の)(?:${PLACE}{0,2}${NUM}(?:丁目|番地の?|番|号|-|の)?){0,3}`;
// An optional building: a space then a name ending in a room or floor number.
const BUILDING = String.raw`(?:[ ]?${PLACE}[\p{L}\p{N}ー・]{0,20}?${NUM}(?:号室|号|階|F|室))?`;

const WITH_PREFECTURE = new RegExp(String.raw`(?:${PREFECTURES.join('|')})${PLACE}{1,20}?(?:市|区|町|村|郡)${PLACE}{0,20}?${STREET}${BUILDING}`, 'gu');
// Without a prefecture: a city/ward/town then a street number, trusted only beside an address label.
const CITY_FIRST = new RegExp(String.raw`(?<!${PLACE})${PLACE}{1,10}?(?:市|区|町|村)${PLACE}{0,20}?${STREET}${BUILDING}`, 'gu');
const ADDRESS_CONTEXT = /住所|所在地|居所|現住所|住居|address|〒|本籍|送付先|届け先|\d{3}-\d{4}/i;

function trimStreet(s: string): string {
  // a trailing separator is not part of the address
  return s.replace(/[-の]+$/u, '');
}

function detect(ctx: ScanContext): Candidate[] {
  const out: Candidate[] = [];
  const covered: [number, number][] = [];
  for (const m of matches(ctx.text, WITH_PREFECTURE)) {
    const text = trimStreet(m.text);
    out.push({ start: m.start, end: m.start + text.length, score: 0.95, why: 'prefecture, city and street number' });
    covered.push([m.start, m.end]);
  }
  for (const m of matches(ctx.text, CITY_FIRST)) {
    if (covered.some(([a, b]) => m.start < b && m.end > a)) continue;
    const label = `${ctx.before(m.start, 16)} ${ctx.header(m.start) ?? ''} ${ctx.leftCell(m.start) ?? ''}`;
    if (!ADDRESS_CONTEXT.test(label)) continue;
    const text = trimStreet(m.text);
    out.push({ start: m.start, end: m.start + text.length, score: 0.85, why: 'city and street number beside an address label' });
  }
  return out;
}

export const address: Detector = {
  id: 'address',
  kind: 'address',
  severity: 'medium',
  triggers: ['市', '区', '町', '村', '郡'],
  detect,
  examples: {
    positive: [
      { text: '住所：宮城県北みなと市緑が丘386番地', expect: '宮城県北みなと市緑が丘386番地' },
      { text: '宮城県北みなと市港南3丁目29番22号 レジデンス桜台307号室', expect: '宮城県北みなと市港南3丁目29番22号 レジデンス桜台307号室' },
      { text: '〒154-4515 東京都世田谷区桜新町5-19-15', expect: '東京都世田谷区桜新町5-19-15' },
      { text: '住所\t札幌市中央区北1条西2丁目', expect: '札幌市中央区北1条西2丁目' },
    ],
    negative: ['宮城県北みなと市の人口は', '東京都の施策', '3丁目の夕日', '市町村長の会議'],
  },
};
