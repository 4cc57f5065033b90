import type { Candidate, ScanContext } from '../engine/context.ts';
import type { Detector } from '../engine/detector.ts';
import { matches } from './lib/matches.ts';
import { luhnValid } from './lib/checksums.ts';

// 13–19 digits, optionally in groups of 4 (Amex 4-6-5) separated by spaces or hyphens.
const CARD = /(?<![\d-])\d{4}(?:[ -]?\d{2,6}){2,4}(?![\d-])/g;
// Issuer ranges (IIN): Visa, Mastercard, Amex, JCB, Diners, Discover, UnionPay.
const ISSUER =
  /^(?:4\d{12}(?:\d{3}){0,2}|5[1-5]\d{14}|2(?:22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)\d{12}|3[47]\d{13}|35(?:2[89]|[3-8]\d)\d{12,15}|3(?:0[0-5]|[68]\d)\d{11,16}|6(?:011|5\d\d)\d{12,15}|62\d{14,17})$/;

function detect(ctx: ScanContext): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(ctx.text, CARD)) {
    const digits = m.text.replace(/\D/g, '');
    if (digits.length < 13 || digits.length > 19) continue;
    if (!ISSUER.test(digits) || !luhnValid(digits) || /^(\d)\1+$/.test(digits)) continue;
    out.push({ start: m.start, end: m.end, score: 0.95, why: 'issuer range and Luhn check' });
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
      { text: 'カード番号 4111 1111 1111 1111', expect: '4111 1111 1111 1111' },
      { text: '5555-5555-5555-4444', expect: '5555-5555-5555-4444' },
      { text: 'JCB 3530111333300000', expect: '3530111333300000' },
      { text: 'AMEX 3782 822463 10005', expect: '3782 822463 10005' },
    ],
    negative: ['4111 1111 1111 1112', '1234 5678 9012 3456', '法人番号 1234567890123', '2024 0610 1020 3040'],
  },
};
