import type { Candidate, ScanContext } from '../engine/context.ts';
import type { Detector } from '../engine/detector.ts';
import { matches } from './lib/matches.ts';
import { cellsUnderHeader } from './lib/columns.ts';

// Separators seen in Japanese phone numbers (after NFKC): hyphen, space,
// brackets, and the long-vowel mark OCR and hand typing put for a dash.
const SEP = String.raw`[-ー ()]{0,2}`;
// Domestic: 0 + 9 or 10 more digits in up to three groups. An underscore may
// stand before it: a form's fill-in line, or a table rule OCR read as one.
const DOMESTIC = new RegExp(String.raw`(?<![\dA-Za-z+-])\(?0\d{1,4}${SEP}\d{1,4}${SEP}\d{3,4}(?![\dA-Za-z-])`, 'g');
// Dots as separators (080.3341.9027), only in a number that uses them throughout.
const DOTTED = /(?<![\w.])0\d{1,4}\.\d{1,4}\.\d{3,4}(?![\w.])/g;
// International: +81 then the number without its leading 0.
const INTERNATIONAL = new RegExp(String.raw`(?<![\d\w])\+81${SEP}\(?0?\)?\d{1,4}${SEP}\d{1,4}${SEP}\d{3,4}(?![\d-])`, 'g');
// Other countries: + country code, then groups; 8 to 15 digits in all (E.164).
const FOREIGN = /(?<![\w+])\+(?!81)[1-9]\d{0,2}(?:[ -]?\(?\d{1,4}\)?){2,5}(?![\d-])/g;
// North American numbers ((415) 555-0132, 415-555-0132): only beside a phone or contact label.
const NANP = /(?<![\w+(-])(?:\([2-9]\d{2}\) ?|[2-9]\d{2}[-. ])[2-9]\d{2}[-. ]\d{4}(?![\w-])/g;
const NANP_CONTEXT = /電話|tel|携帯|連絡先|phone|mobile|cell|fax|contact|call/i;
const OTHER_NUMBER_LABEL = /(?:番号|No\.?|ID|コード|code)[ :：#]*$/i;
const PHONE_CONTEXT = /電話|tel|携帯|連絡先|phone|mobile|fax|ファクス|ファックス|内線|代表/i;

function digits(s: string): string {
  return s.replace(/\D/g, '');
}

/** Valid Japanese numbering: mobile/IP/toll-free prefixes have 11 digits, landlines 10. */
function plausible(d: string): boolean {
  // 090-0000-0000, 03-1111-1111: a form's blank, not a number
  if (/^(\d)\1{7}$/.test(d.slice(-8))) return false;
  if (/^0[5789]0/.test(d)) return d.length === 11;
  if (/^0120/.test(d)) return d.length === 10;
  if (/^0800/.test(d)) return d.length === 11;
  return d.length === 10 && !/^00/.test(d);
}

function detect(ctx: ScanContext): Candidate[] {
  const out: Candidate[] = [];
  for (const m of [...matches(ctx.text, DOMESTIC), ...matches(ctx.text, DOTTED)]) {
    let text = m.text.replace(/[ ]+$/, '');
    // an opening bracket is the area code's only when it closes inside the number: (022)394-1187, not （090-…）
    const open = text.startsWith('(') && !text.includes(')') ? 1 : 0;
    text = text.slice(open);
    const start = m.start + open;
    const d = digits(text);
    if (!plausible(d)) continue;
    const separated = /\D/.test(text.replace(/^\(/, ''));
    const context = PHONE_CONTEXT.test(ctx.before(start, 16)) || PHONE_CONTEXT.test(ctx.header(start) ?? '');
    // an unbroken run of digits is a phone number only beside a phone label
    if (!separated && !context) continue;
    // beside another number's label (お客様番号, 受付No.) it is that number, not a phone
    if (!context && OTHER_NUMBER_LABEL.test(ctx.before(start, 12))) continue;
    out.push({ start, end: start + text.length, score: context ? 0.97 : 0.9, why: context ? 'phone number beside a phone label' : 'Japanese phone number format' });
  }
  columnPhones(ctx, out);
  for (const m of matches(ctx.text, INTERNATIONAL)) {
    const text = m.text.replace(/[ ]+$/, '');
    const national = digits(text).slice(2).replace(/^0/, '');
    if (!plausible('0' + national)) continue;
    out.push({ start: m.start, end: m.start + text.length, score: 0.95, why: '+81 phone number' });
  }
  for (const m of matches(ctx.text, NANP)) {
    if (!NANP_CONTEXT.test(ctx.before(m.start, 40)) && !NANP_CONTEXT.test(ctx.header(m.start) ?? '')) continue;
    out.push({ start: m.start, end: m.end, score: 0.85, why: 'North American phone number beside a phone label' });
  }
  for (const m of matches(ctx.text, FOREIGN)) {
    const d = digits(m.text);
    if (d.length < 8 || d.length > 15) continue;
    out.push({ start: m.start, end: m.end, score: 0.85, why: 'international phone number' });
  }
  return out;
}

/** A column header that names phone numbers. */
const PHONE_HEADER = /電話|TEL|携帯|連絡先|phone|mobile/i;
/**
 * A number in a scanned cell: a 0, then digits with whatever a scan put
 * between them (a colon or 二 for a hyphen, a stray dot or space).
 */
const SCANNED_NUMBER = /0[\d\s\-ー()（）:：._・一二]{8,24}\d/gu;

/**
 * The cells of a phone column, judged with its header: a cell whose digits
 * make a plausible number is one, whatever OCR read between them
 * (0957-33:6528, 080二 4488-7540, 090-4006-1196W).
 */
function columnPhones(ctx: ScanContext, out: Candidate[]): void {
  for (const headerLine of ctx.headerLines()) {
    for (let col = 0; ; col++) {
      const header = ctx.cellBounds(headerLine, col);
      if (!header) break;
      const name = ctx.text.slice(header[0], header[1]);
      if (name.trim().length > 12 || !PHONE_HEADER.test(name)) continue;
      for (const [start, end] of cellsUnderHeader(ctx, header[0], name.length)?.cells ?? []) {
        for (const found of ctx.text.slice(start, end).matchAll(SCANNED_NUMBER)) {
          if (!plausible(digits(found[0]))) continue;
          const at = start + found.index!;
          out.push({ start: at, end: at + found[0].length, score: 0.9, why: 'phone number in a phone column' });
        }
      }
    }
  }
}

export const phone: Detector = {
  id: 'phone',
  kind: 'phone',
  severity: 'medium',
  triggers: ['0', '+', '-', '('],
  detect,
  examples: {
    positive: [
      { text: 'phone 03-5111-1111', expect: '03-5111-1111' },
      { text: '携帯 070-4774-3818', expect: '070-4774-3818' },
      { text: '電話番号 ____090-2231-4409____', expect: '090-2231-4409' },
      { text: '電話：０８０－４８８６－３９２０', expect: '０８０－４８８６－３９２０' },
      { text: 'TEL +81 80 2486 8983', expect: '+81 80 2486 8983' },
      { text: '+81-90-1419-8707', expect: '+81-90-1419-8707' },
      { text: '03(1234)5678', expect: '03(1234)5678' },
      { text: '連絡先 09012345678', expect: '09012345678' },
      { text: '022-353-2273', expect: '022-353-2273' },
      { text: 'Phone: +44 20 7946 0958', expect: '+44 20 7946 0958' },
      { text: '長男の佐野 誠一氏（090-8864-2231）は', expect: '090-8864-2231' },
      { text: '相談者\t080.3341.9027\t', expect: '080.3341.9027' },
      { text: '022(394)1187', expect: '022(394)1187' },
      // a phone column of a scan: what OCR read between the digits does not hide the number
      { text: 'No\t氏名\t電話番号\n40\t根本 悦子\t0957-33:6528\n41\t米田 武雄\t080二 4488-7540\n', expect: '0957-33:6528' },
      { text: 'No\t氏名\t電話番号\n38\t葛西 貞子\t090-4006-1196W\n', expect: '090-4006-1196' },
      { text: 'Phone: (415) 555-0132', expect: '(415) 555-0132' },
      { text: 'Emergency contact: Mrs. Linda Miller (wife), 415-555-0198', expect: '415-555-0198' },
    ],
    negative: [
      '電話：090-0000-0000（記入しないでください）',
      'TEL 03-1111-1111',
      '2024/06/10 10:20',
      '985-7674',
      '受付番号 0123456789012',
      '6282 7986 2774',
      '1.0.2030.1',
      '令和6年2月14日',
      '090-123',
      'version 0.12.3456.7',
      'お客様番号 0123-456-789',
      'Invoice 415-555-0132',
      'ISBN 978-4-123-45678-9',
    ],
  },
};
