import type { Candidate, ScanContext } from '../engine/context.ts';
import type { Detector } from '../engine/detector.ts';
import { matches } from './lib/matches.ts';
import { myNumberValid } from './lib/checksums.ts';

// 12 digits, written together or as 4-4-4. 13-digit corporate numbers are
// public and never match (the digit guards reject longer runs).
const TWELVE = /(?<![\d-])\d{4}([ -]?)\d{4}\1\d{4}(?![\d-])/g;
const MY_NUMBER_CONTEXT = /マイナンバー|個人番号|my\s?number|individual number|番号カード/i;

function detect(ctx: ScanContext): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(ctx.text, TWELVE)) {
    const digits = m.text.replace(/\D/g, '');
    if (!myNumberValid(digits) || /^(\d)\1+$/.test(digits)) continue;
    const label = `${ctx.before(m.start, 24)} ${ctx.header(m.start) ?? ''} ${ctx.leftCell(m.start) ?? ''}`;
    const lineAbove = ctx.before(m.start, 1) === '' ? (ctx.previousLine(m.start) ?? '') : '';
    if (!MY_NUMBER_CONTEXT.test(label) && !MY_NUMBER_CONTEXT.test(lineAbove.slice(-24))) continue;
    out.push({ start: m.start, end: m.end, score: 0.98, why: 'valid check digit beside a My Number label' });
  }
  return out;
}

export const myNumber: Detector = {
  id: 'my-number',
  kind: 'my-number',
  severity: 'critical',
  triggers: ['マイナンバー', '個人番号', 'my number', 'mynumber', 'individual number', '番号カード'],
  detect,
  examples: {
    positive: [
      { text: '個人番号：6282 7986 2774', expect: '6282 7986 2774' },
      { text: '氏名\t個人番号（給与事務用）\n金子\t832824458125\n', expect: '832824458125' },
      { text: 'マイナンバー 1234-5678-9018', expect: '1234-5678-9018' },
    ],
    negative: ['個人番号：645896511895', '受付番号 832824458125', '法人番号 1234567890123', '個人番号：000000000000'],
  },
};
