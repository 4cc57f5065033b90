import type { Candidate, ScanContext } from '../engine/context.ts';
import type { Detector } from '../engine/detector.ts';
import { matches } from './lib/matches.ts';
import { luhnValid } from './lib/checksums.ts';

// 13–19 digits, optionally in groups of 4 (Amex 4-6-5) separated by spaces or hyphens.
const CARD = /(?<![\d-])\d{4}(?:[ -]?\d{2,6}){2,4}(?![\d-])/g;
// Issuer ranges (IIN): Visa, Mastercard, Amex, JCB, Diners, Discover, UnionPay.
const ISSUER =
  /^(?:4\d{12}(?:\d{3}){0,2}|5[1-5]\d{14}|2(?:22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)\d{12}|3[47]\d{13}|35(?:2[89]|[3-8]\d)\d{12,15}|3(?:0[0-5]|[68]\d)\d{11,16}|6(?:011|5\d\d)\d{12,15}|62\d{14,17})$/;

// 13-digit numbers are mostly JAN/EAN product codes (4901234567894); the 13-digit Visa numbers are retired,
// so one counts as a card only with a card word before it on its line
const CARD_WORD_BEFORE = /(?:カード|クレジット|card|visa)[^\n]{0,30}$/iu;

// The payment networks' published test numbers (Stripe, Braintree, Adyen sandboxes): no one's card.
const TEST_CARDS = new Set([
  '4242424242424242',
  '4111111111111111',
  '4000056655665556',
  '5555555555554444',
  '5105105105105100',
  '2223003122003222',
  '378282246310005',
  '371449635398431',
  '6011111111111117',
  '3530111333300000',
  '3566002020360505',
  '30569309025904',
]);

/** The number the match starts with: the whole match, else its longest prefix ending at a separator (a card followed by its expiry). */
function cardNumberIn(text: string): string | null {
  const cuts = [text.length];
  for (let i = text.length - 1; i > 0; i--) if (text[i] === ' ' || text[i] === '-') cuts.push(i);
  for (const end of cuts) {
    const digits = text.slice(0, end).replace(/\D/g, '');
    if (digits.length < 13) break;
    if (digits.length <= 19 && ISSUER.test(digits) && luhnValid(digits) && !/^(\d)\1+$/.test(digits) && !TEST_CARDS.has(digits)) return text.slice(0, end);
  }
  return null;
}

function detect(ctx: ScanContext): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(ctx.text, CARD)) {
    const card = cardNumberIn(m.text);
    if (!card) continue;
    if (card.replace(/\D/g, '').length === 13 && !CARD_WORD_BEFORE.test(ctx.text.slice(Math.max(0, m.start - 40), m.start))) continue;
    out.push({ start: m.start, end: m.start + card.length, score: 0.95, why: 'issuer range and Luhn check' });
  }
  return out;
}

export const creditCard: Detector = {
  id: 'credit-card',
  kind: 'credit-card',
  severity: 'high',
  triggers: ['2', '3', '4', '5', '6'],
  detect,
  examples: {
    positive: [
      { text: 'カード番号 4929 3846 1052 7390', expect: '4929 3846 1052 7390' },
      { text: '5425-2334-3010-9903', expect: '5425-2334-3010-9903' },
      { text: 'JCB 3528000700000000', expect: '3528000700000000' },
      { text: 'AMEX 3761 520491 82731', expect: '3761 520491 82731' },
      // the expiry or another number after the card on the same line is not swallowed
      { text: 'card 5500005555555559 0928', expect: '5500005555555559' },
      { text: 'Card: 4929-3846-1052-7390-1227', expect: '4929-3846-1052-7390' },
      { text: 'Visa 4222222222222', expect: '4222222222222' },
    ],
    // a JAN product code (13 digits, valid by Luhn too) without a card word is not a card
    negative: [
      '4111 1111 1111 1112',
      '1234 5678 9012 3456',
      '法人番号 1234567890123',
      '2024 0610 1020 3040',
      'JAN: 4901234567894',
      '商品コード 4901085089781',
      'Test with 4242 4242 4242 4242 in the sandbox',
    ],
  },
};
