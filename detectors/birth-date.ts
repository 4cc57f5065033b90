import type { Candidate, ScanContext } from '../engine/context.ts';
import type { Detector } from '../engine/detector.ts';
import { matches } from './lib/matches.ts';

// Dates as Japanese documents write them: 1940年6月6日, 1972/05/01, 1972-05-01,
// 昭和6年11月18日, 平成元年1月8日, S6.11.18, H7/12/13.
// The day ends the date: no digit after it, unless an age band or an age follows, read onto it by OCR from the
// next column (1985/09/1230代, S16.11.28801 代)
const DAY_END = String.raw`(?:(?![\d/.-])|(?=\d{1,3}\s?(?:代|歳)))`;
const WESTERN = String.raw`(?:19|20)\d{2}\s?(?:年\s?\d{1,2}\s?月\s?\d{1,2}\s?日|[/.-]\d{1,2}[/.-]\d{1,2}${DAY_END})`;
// (OCR may set a space between the two digits of a number: 昭和2 7年9月4 日)
const TWO_DIGITS = String.raw`\d(?:[ 　]?\d)?`;
const ERA = String.raw`(?:明治|大正|昭和|平成|令和)\s?(?:元|${TWO_DIGITS})\s?年\s?${TWO_DIGITS}\s?月\s?${TWO_DIGITS}\s?日`;
const ERA_SHORT = String.raw`(?<![A-Za-z])[MTSHR]\s?(?:元|\d{1,2})[/.-]\d{1,2}[/.-]\d{1,2}${DAY_END}`;
// both calendars, one in brackets: 平成2年(1990年)5月3日, 昭和63(1988)年7月21日, 1990年(平成2年)5月3日
const ERA_NAME = String.raw`(?:明治|大正|昭和|平成|令和)`;
const MONTH_DAY = String.raw`\s?年?\s?(?:\d{1,2}\s?月\s?\d{1,2}\s?日|[/.-]\d{1,2}[/.-]\d{1,2}(?![\d/.-]))`;
const ERA_THEN_WESTERN = String.raw`${ERA_NAME}\s?(?:元|\d{1,2})\s?年?\s?\(\s?(?:18|19|20)\d{2}\s?年?\s?\)${MONTH_DAY}`;
const WESTERN_THEN_ERA = String.raw`(?:18|19|20)\d{2}\s?年?\s?\(\s?(?:${ERA_NAME}|[MTSHR])\s?(?:元|\d{1,2})\s?年?\s?\)${MONTH_DAY}`;
const BOTH = `${ERA_THEN_WESTERN}|${WESTERN_THEN_ERA}`;
// day first, as European forms write it (17/08/1990): looked for only on pages with an English birth label
const DAY_FIRST = String.raw`\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}(?!\d)`;
const ENGLISH = String.raw`(?:\d{1,2}\s)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s(?:\d{1,2},?\s)?(?:19|20)\d{2}`;
const DATE = new RegExp(`(?<!\\d)(?:${BOTH}|${WESTERN}|${ERA}|${ERA_SHORT}|${ENGLISH})`, 'g');
const DATE_OR_DAY_FIRST = new RegExp(`(?<!\\d)(?:${BOTH}|${WESTERN}|${ERA}|${ERA_SHORT}|${DAY_FIRST}|${ENGLISH})`, 'g');
const ENGLISH_BIRTH_LABEL = /birth|born|dob|d\.o\.b/;

// A bare date is not a birth date: it needs one of these just before it, in its column header, or 生 after it.
const BIRTH_LABEL = /生年月日|誕生日|生まれ|出生|birth|born|d\.?o\.?b/i;
const BIRTH_AFTER = /^\s?(?:生|産まれ)/;
const BIRTH_LABEL_LINE = /^(?:生年月日|誕生日|date of birth|birth ?date|d\.?o\.?b\.?)[ 　]*[:：]?$/i;

function detect(ctx: ScanContext): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(ctx.text, ENGLISH_BIRTH_LABEL.test(ctx.lower) ? DATE_OR_DAY_FIRST : DATE)) {
    // a key/value block aligns its values with runs of spaces (Born on:          July 14, 1979): they count as one
    const before = ctx
      .before(m.start, 60)
      .replace(/[ \t]{2,}/g, ' ')
      .slice(-20);
    // the label must be the nearest one: no other date between it and this one
    const labelAt = before.search(BIRTH_LABEL);
    const nearLabel = labelAt !== -1 && !/\d{1,4}[年/.-]\d/.test(before.slice(labelAt));
    const inColumn = BIRTH_LABEL.test(ctx.header(m.start) ?? '') || BIRTH_LABEL.test(ctx.leftCell(m.start) ?? '');
    const bornAfter = BIRTH_AFTER.test(ctx.after(m.end, 4));
    // a label alone on the line above (生年月日 / 昭和36年9月4日, as definition lists and forms print)
    const labelAbove = before.trim() === '' && BIRTH_LABEL_LINE.test(ctx.previousLine(m.start) ?? '');
    if (!nearLabel && !inColumn && !bornAfter && !labelAbove) continue;
    out.push({ start: m.start, end: m.end, score: 0.95, why: nearLabel || inColumn ? 'date beside a birth label' : 'date followed by 生' });
  }
  return out;
}

export const birthDate: Detector = {
  id: 'birth-date',
  kind: 'birth-date',
  severity: 'medium',
  triggers: ['生', '誕', 'birth', 'born', 'dob', 'd.o.b'],
  detect,
  examples: {
    positive: [
      // an age band OCR read onto the date from the next column
      { text: '氏名\t生年月日 年代\n真壁清\tS16.11.28801 代\n', expect: 'S16.11.28' },
      { text: '氏名\t生年月日 年代\nCarlos Mendes\t1985/09/1230代\n', expect: '1985/09/12' },
      { text: '  Born on:                   July 14, 1979 (Houston, Texas)', expect: 'July 14, 1979' },
      { text: '生年月日：1940年6月6日', expect: '1940年6月6日' },
      { text: '生年月日\t入院日\n昭和6年11月18日\t2024/05/18\n', expect: '昭和6年11月18日' },
      { text: '平成7年12月13日生', expect: '平成7年12月13日' },
      { text: '生年月日 H7.12.13', expect: 'H7.12.13' },
      { text: '生年月日：平成元年1月8日', expect: '平成元年1月8日' },
      { text: 'Date of birth: 12 March 1985', expect: '12 March 1985' },
      { text: '項目\t1人目\t2人目\t3人目\n氏名\t山田 太郎\t佐藤 花子\t鈴木 一郎\n生年月日\tS50.1.1\tH2.3.4\t1988/07/21\n', expect: '1988/07/21' },
      // a form of two fields a row: the label is the cell beside the value
      { text: '氏名\t山田 太郎\t生年月日\tS50.1.1\n住所\t東浜町1-2-3\t電話\t090-1111-2222\nName\tJohn Smith\tDOB\t1980-01-02\n', expect: '1980-01-02' },
      { text: '氏名\t生年月日\n金子\t1972/05/01\n', expect: '1972/05/01' },
      { text: '生年月日\n昭和36年9月4日\nメール', expect: '昭和36年9月4日' },
      { text: 'No\t生年月日\n16\t昭和2 7年9月4 日\n', expect: '昭和2 7年9月4 日' },
      { text: 'DOB: 17/08/1990', expect: '17/08/1990' },
      { text: '生年月日：平成2年（1990年）5月3日', expect: '平成2年（1990年）5月3日' },
      { text: '生年月日 昭和63(1988)年7月21日', expect: '昭和63(1988)年7月21日' },
      { text: '生年月日：1990年（平成2年）5月3日', expect: '1990年（平成2年）5月3日' },
      { text: '生年月日 1990(H2)/05/03', expect: '1990(H2)/05/03' },
    ],
    negative: ['生年月日 1985/09/123', '令和6年2月14日 開催', '入院日：2024/05/18', '作成日 2024年6月3日', '生年月日の記入について\n令和6年4月1日から', '施行日 令和6年（2024年）4月1日'],
  },
};
