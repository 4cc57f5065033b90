import type { Candidate, ScanContext } from '../engine/context.ts';
import type { Detector } from '../engine/detector.ts';
import { matches } from './lib/matches.ts';

// A 7-digit account number after its type (普通/当座/貯蓄) or an account label.
const ACCOUNT = /(?<!\d)\d{7}(?!\d)|(?<!\d)\d{3,4}-\d{3,4}(?!\d)|(?<!\d)\d{8}(?!\d)/g;
const ACCOUNT_LABEL = /口座番号|口座|普通|当座|貯蓄|総合|\([普当]\)|account\s?(?:no|number)|a\/c/i;
// in English the account's type stands right before its number: "Savings 7654321", "ordinary account 1234567"
const ENGLISH_TYPE_BEFORE = /(?:bank account|(?:ordinary|savings|checking|current|deposit)(?: account)?)(?: (?:no\.?|number))?[ \t:：#]*$/i;
const YUCHO = /(?<!\d)1\d{4}-\d{8}(?!\d)/g; // ゆうちょ 記号-番号
// ゆうちょ written with its own labels: 記号12345 番号67890121 (surer than 記号 alone, which is an insurance card's)
const YUCHO_LABELLED = /記号[ 　]?[:：]?[ 　]?(1\d{4})[ 　]{0,2}番号[ 　]?[:：]?[ 　]?\d{8}(?!\d)/g;

function detect(ctx: ScanContext): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(ctx.text, ACCOUNT)) {
    const digits = m.text.replace(/\D/g, '');
    if (digits.length !== 7 && !(digits.length === 8 && m.text.length === 8)) continue;
    const label = `${ctx.before(m.start, 14)} ${ctx.header(m.start) ?? ''} ${ctx.leftCell(m.start) ?? ''}`;
    if (!(ACCOUNT_LABEL.test(label) || ENGLISH_TYPE_BEFORE.test(ctx.before(m.start, 24))) || /^(\d)\1+$/.test(digits)) continue;
    out.push({ start: m.start, end: m.end, score: 0.9, why: 'account number beside 普通/当座/口座番号' });
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

export const bankAccount: Detector = {
  id: 'bank-account',
  kind: 'bank-account',
  severity: 'high',
  triggers: ['口座', '普通', '当座', '貯蓄', '総合', '(普)', '(当)', 'account', 'a/c', 'savings', 'checking', 'ordinary', 'ゆうちょ', '貯金', '通帳', '記号'],
  detect,
  examples: {
    positive: [
      { text: '普通 2736202', expect: '2736202' },
      { text: '口座番号：1234567', expect: '1234567' },
      { text: '預金種目\t口座番号\n普通\t7654321\n', expect: '7654321' },
      { text: 'ゆうちょ銀行 記号番号 12345-67891234', expect: '12345-67891234' },
      { text: '通帳記号番号 12345-67890123', expect: '12345-67890123' },
      { text: 'ゆうちょ銀行 記号12345 番号67890121', expect: '12345 番号67890121' },
      { text: '（普）7654321 名義 ヤマダ タロウ', expect: '7654321' },
      { text: 'Bank account: MUFG Bank, Shibuya Branch, Savings 7654321', expect: '7654321' },
      { text: 'Mizuho Bank, Shinjuku branch, ordinary account 1234567', expect: '1234567' },
    ],
    negative: ['受付番号 2736202', '普通 0000000', '口座振替のご案内', '人口 1234567 人', 'Savings of 1234567 yen were reported', 'Current population 1234567'],
  },
};
