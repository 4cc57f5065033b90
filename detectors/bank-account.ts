import type { Candidate, ScanContext } from '../engine/context.ts';
import type { Detector } from '../engine/detector.ts';
import { matches } from './lib/matches.ts';

// A 7-digit account number after its type (普通/当座/貯蓄) or an account label.
const ACCOUNT = /(?<!\d)\d{7}(?!\d)|(?<!\d)\d{3,4}-\d{3,4}(?!\d)|(?<!\d)\d{8}(?!\d)/g;
const ACCOUNT_LABEL = /口座番号|口座|普通|当座|貯蓄|総合|\([普当]\)|account\s?(?:no|number)|a\/c/i;
// in English the account's type stands right before its number: "Savings 7654321", "ordinary account 1234567"
const ENGLISH_TYPE_BEFORE = /(?:bank account|(?:ordinary|savings|checking|current|deposit)(?: account)?)(?: (?:no\.?|number))?[ \t:：#]*$/i;
// an account named bare after a bank's own words on its line: Sort code 20-00-00 Account 55779911, Routing 021000021 account 123456789
const BANK_WORDS_BEFORE = /(?:sort[ ]?code|routing(?: number)?|bsb|bank|branch)\b[^\n]{0,40}?\baccount(?: (?:no\.?|number))?[ \t:：#]*$/i;
// Accounts abroad run longer than Japan's seven digits (a US account to seventeen): taken only after English bank words
const LONG_ACCOUNT = /(?<![\d-])\d{9,17}(?![\d-])/g;
// An IBAN: country, check digits, then the account in groups of four; its check digits must hold (ISO 13616, mod 97)
const IBAN = /(?<![A-Z0-9])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?(?![A-Z0-9])/g;
const YUCHO = /(?<!\d)1\d{4}-\d{8}(?!\d)/g; // ゆうちょ 記号-番号
// ゆうちょ written with its own labels: 記号12345 番号67890121 (surer than 記号 alone, which is an insurance card's)
const YUCHO_LABELLED = /記号[ 　]?[:：]?[ 　]?(1\d{4})[ 　]{0,2}番号[ 　]?[:：]?[ 　]?\d{8}(?!\d)/g;

function detect(ctx: ScanContext): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(ctx.text, ACCOUNT)) {
    const digits = m.text.replace(/\D/g, '');
    if (digits.length !== 7 && !(digits.length === 8 && m.text.length === 8)) continue;
    const label = `${ctx.before(m.start, 18)} ${ctx.header(m.start) ?? ''} ${ctx.leftCell(m.start) ?? ''}`;
    const english = ENGLISH_TYPE_BEFORE.test(ctx.before(m.start, 24)) || BANK_WORDS_BEFORE.test(ctx.before(m.start, 64));
    if (!(ACCOUNT_LABEL.test(label) || english) || /^(\d)\1+$/.test(digits)) continue;
    out.push({ start: m.start, end: m.end, score: 0.9, why: english ? "account number after its bank's words" : 'account number beside 普通/当座/口座番号' });
  }
  for (const m of matches(ctx.text, LONG_ACCOUNT)) {
    if (!ENGLISH_TYPE_BEFORE.test(ctx.before(m.start, 24)) && !BANK_WORDS_BEFORE.test(ctx.before(m.start, 64))) continue;
    out.push({ start: m.start, end: m.end, score: 0.9, why: "account number after its bank's words" });
  }
  for (const m of matches(ctx.text, IBAN)) {
    if (!ibanChecks(m.text.replace(/ /g, ''))) continue;
    out.push({ start: m.start, end: m.end, score: 0.95, why: 'IBAN with valid check digits' });
  }
  for (const m of matches(ctx.text, YUCHO)) {
    if (!/ゆうちょ|記号|口座|貯金|通帳/.test(ctx.before(m.start, 20))) continue;
    // the shape (1xxx0-xxxxxxx1: 記号 five digits from 1, 番号 eight) is the bank's, not an insurance card's
    out.push({ start: m.start, end: m.end, score: 0.95, why: 'Japan Post Bank symbol and number' });
  }
  for (const m of matches(ctx.text, YUCHO_LABELLED)) {
    if (!/ゆうちょ|貯金|口座/.test(ctx.before(m.start, 24))) continue;
    const start = m.start + m.text.indexOf(m.groups[0]!);
    out.push({ start, end: m.end, score: 0.95, why: 'Japan Post Bank 記号 and 番号' });
  }
  return out;
}

/** ISO 13616: the first four characters moved to the end, letters as 10–35, the number mod 97 is 1. */
function ibanChecks(iban: string): boolean {
  if (iban.length < 15 || iban.length > 34) return false;
  let rest = 0;
  for (const c of iban.slice(4) + iban.slice(0, 4)) {
    const v = c >= 'A' ? c.charCodeAt(0) - 55 : Number(c);
    rest = (rest * (v >= 10 ? 100 : 10) + v) % 97;
  }
  return rest === 1;
}

export const bankAccount: Detector = {
  id: 'bank-account',
  kind: 'bank-account',
  severity: 'high',
  triggers: ['口座', '普通', '当座', '貯蓄', '総合', '(普)', '(当)', 'account', 'a/c', 'savings', 'checking', 'ordinary', 'ゆうちょ', '貯金', '通帳', '記号', 'iban'],
  detect,
  examples: {
    positive: [
      { text: 'Sort code 20-00-00, account number 55779911', expect: '55779911' },
      { text: 'Routing 021000021 Account 1234567890', expect: '1234567890' },
      { text: '普通 2736202', expect: '2736202' },
      { text: '口座番号：1234567', expect: '1234567' },
      { text: '預金種目\t口座番号\n普通\t7654321\n', expect: '7654321' },
      { text: 'ゆうちょ銀行 記号番号 12345-67891234', expect: '12345-67891234' },
      { text: '通帳記号番号 12345-67890123', expect: '12345-67890123' },
      { text: 'ゆうちょ銀行 記号12345 番号67890121', expect: '12345 番号67890121' },
      { text: '（普）7654321 名義 ヤマダ タロウ', expect: '7654321' },
      { text: 'Bank account: MUFG Bank, Shibuya Branch, Savings 7654321', expect: '7654321' },
      { text: 'Mizuho Bank, Shinjuku branch, ordinary account 1234567', expect: '1234567' },
      { text: 'Sort code 20-00-00 Account 55779911', expect: '55779911' },
      { text: 'IBAN: GB29 NWBK 6016 1331 9268 19', expect: 'GB29 NWBK 6016 1331 9268 19' },
    ],
    negative: [
      'Order 1234567890 shipped to the branch',
      { text: 'IBAN: GB28 NWBK 6016 1331 9268 19', why: 'check digits that do not hold' },
      '受付番号 2736202',
      '普通 0000000',
      '口座振替のご案内',
      '人口 1234567 人',
      'Savings of 1234567 yen were reported',
      'Current population 1234567',
    ],
  },
};
