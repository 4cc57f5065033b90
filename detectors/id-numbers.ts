// Identity document numbers, each found beside its own label.
import type { Candidate, ScanContext } from '../engine/context.ts';
import type { Detector } from '../engine/detector.ts';
import { matches } from './lib/matches.ts';
import type { Kind } from '../core/findings.ts';
import { isPlaceholder } from './lib/placeholders.ts';

interface LabelledNumber {
  kind: Kind;
  label: RegExp;
  value: RegExp;
  name: string;
  /** fewer digits than this is a count or a code, not an ID */
  minDigits: number;
  /** the number's own sample is well known (SSN 123-45-6789): a run of digits in order is a sample */
  samplesKnown?: boolean;
}

/** How far after its label a number may stand on the same line. */
const WINDOW = 40;

/**
 * Labels first, numbers second: each label's own line (up to WINDOW chars, to
 * the end of its cell) or, for a header cell, the column under it. Numbers
 * elsewhere are never looked at, which keeps number-heavy pages cheap.
 */
function labelledNumberDetector(def: LabelledNumber): (ctx: ScanContext) => Candidate[] {
  return (ctx) => {
    const out: Candidate[] = [];
    const push = (from: number, to: number) => {
      for (const m of matches(ctx.text, def.value, from, to)) {
        if (m.end > to) break;
        const digits = m.text.replace(/\D/g, '');
        if (digits.length < def.minDigits || /^(\d)\1+$/.test(digits) || (def.samplesKnown && isPlaceholder(digits))) continue;
        out.push({ start: m.start, end: m.end, score: 0.92, why: `${def.name} beside its label` });
        return;
      }
    };
    for (const label of matches(ctx.text, def.label)) {
      const line = ctx.lineIndex(label.start);
      const cell = ctx.cellAt(label.start);
      if (cell && ctx.header(label.start) === undefined && line + 1 < ctx.lineCount() && ctx.isTableRow(line + 1)) {
        for (let n = line + 1; n < ctx.lineCount() && ctx.isTableRow(n); n++) {
          const b = ctx.cellBounds(n, cell[0]);
          if (b) push(b[0], b[1]);
        }
        continue;
      }
      const [, lineEnd] = ctx.lineBounds(line);
      const next = cell ? ctx.cellBounds(line, cell[0] + 1) : null;
      const found = out.length;
      push(label.end, Math.min(lineEnd, Math.max(label.end + WINDOW, next ? next[1] : 0)));
      // a sentence wrapped after the label: the number starts the next line ("…card number as\n UT38264917LK.")
      if (out.length === found && !cell && lineEnd - label.end <= WINDOW && line + 1 < ctx.lineCount()) {
        const [nextStart, nextEnd] = ctx.lineBounds(line + 1);
        push(nextStart, Math.min(nextEnd, nextStart + WINDOW));
      }
    }
    return out;
  };
}

export const passportNumber: Detector = {
  id: 'passport-number',
  kind: 'passport-number',
  severity: 'high',
  triggers: ['旅券', 'パスポート', 'passport'],
  detect: labelledNumberDetector({
    kind: 'passport-number',
    name: 'passport number',
    minDigits: 7,
    label: /旅券|パスポート|passport/gi,
    // Japanese passports are two letters and seven digits; others one or two letters and seven or eight
    // a US passport is nine digits
    value: /(?<![A-Z0-9])(?:[A-Z]{1,2}\d{7,8}|\d{9})(?![A-Z0-9])/g,
  }),
  examples: {
    positive: [
      { text: '旅券番号：TK1234567', expect: 'TK1234567' },
      { text: 'Passport No. MZ7654321', expect: 'MZ7654321' },
      { text: '確認書類\t書類番号\n旅券\tC8823417\n', expect: 'C8823417' },
      { text: 'U.S. passport no.:         583920174', expect: '583920174' },
    ],
    negative: ['TK1234567', '旅券番号：XX0000000'],
  },
};

const japaneseLicence = labelledNumberDetector({
  kind: 'drivers-license',
  name: "driver's licence number",
  minDigits: 12,
  label: /免許|driver'?s?\s?licen[cs]e|licen[cs]e\s?no/gi,
  value: /(?<![\d-])\d{4}[ -]?\d{4}[ -]?\d{4}(?![\d-])/g,
});
// Licences abroad: letters and digits (a US state's D1234567, a UK MORGA657054SM9IJ), after an English label only
const westernLicence = labelledNumberDetector({
  kind: 'drivers-license',
  name: "driver's licence number",
  minDigits: 4,
  label: /driver'?s?\s?licen[cs]e|licen[cs]e\s?(?:no|number|#)|(?<![A-Za-z])DL\s?(?:no\.?|number|#)/gi,
  value: /(?<![A-Za-z0-9])[A-Z]{1,6}\d[A-Z0-9]{3,15}(?![A-Za-z0-9])/g,
});

export const driversLicense: Detector = {
  id: 'drivers-license',
  kind: 'drivers-license',
  severity: 'high',
  triggers: ['免許', 'licen'],
  detect: (ctx) => [...japaneseLicence(ctx), ...westernLicence(ctx)],
  examples: {
    positive: [
      { text: '運転免許証番号 第123456789012号', expect: '123456789012' },
      { text: "Driver's license: 3012 3456 7890", expect: '3012 3456 7890' },
      { text: "Driver's License: D1234567 (CA)", expect: 'D1234567' },
      { text: 'Licence number MORGA657054SM9IJ', expect: 'MORGA657054SM9IJ' },
    ],
    negative: ['123456789012', '免許証番号：000000000000', "Driver's license: CLASS B", 'License no. see attached'],
  },
};

export const insuranceNumber: Detector = {
  id: 'insurance-number',
  kind: 'insurance-number',
  severity: 'high',
  triggers: ['保険', '記号', '番号', '年金', 'insurance', 'pension', 'nhs'],
  detect: labelledNumberDetector({
    kind: 'insurance-number',
    name: 'health insurance or pension number',
    minDigits: 4,
    // (the 保険者番号 alone is the insurer's, a public number: 国民健康保険（保険者番号 432185）)
    label: /保険証|被保険者|記号|基礎年金番号|年金手帳|insurance|pension (?:number|no)|NHS (?:number|no)/gi,
    // 記号・番号 are written with a middle dot, a hyphen or a space between them;
    // a UK National Insurance number is two letters, three pairs of digits and a letter (QQ 12 34 56 C)
    value: /(?<![A-Za-z0-9])[A-CEGHJ-PR-TW-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])|(?<![\d-])\d{1,10}(?:[・･\- ]\d{1,10}){0,2}(?![\d-])/g,
  }),
  examples: {
    positive: [
      { text: '被保険者証 記号・番号 5096・5841', expect: '5096・5841' },
      { text: '被保険者番号：12345678', expect: '12345678' },
      { text: '基礎年金番号 1234-567890', expect: '1234-567890' },
      { text: 'Basic Pension Number (JP): 4208-517736', expect: '4208-517736' },
      { text: 'National Insurance number JG 10 36 52 B', expect: 'JG 10 36 52 B' },
      { text: 'NHS number 943 476 5919', expect: '943 476 5919' },
    ],
    negative: ['記号 A', '保険料 3000 円の納付', '番号 5096', '被保険者数 25 人', '国民健康保険（保険者番号 432185）'],
  },
};

// A residence card (在留カード) or special permanent resident certificate number:
// two letters, eight digits, two letters. Its kind is the nearest of the identity
// documents the findings name: like a passport, it identifies a foreign resident.
export const residenceCardNumber: Detector = {
  id: 'residence-card-number',
  kind: 'passport-number',
  severity: 'high',
  triggers: ['在留', '特別永住', 'residen'],
  detect: labelledNumberDetector({
    kind: 'passport-number',
    name: 'residence card number',
    minDigits: 8,
    label: /在留カード|特別永住者証明書|residen(?:ce|t|cy) card/gi,
    value: /(?<![A-Za-z0-9])[A-Z]{2} ?\d{8} ?[A-Z]{2}(?![A-Za-z0-9])/g,
  }),
  examples: {
    positive: [
      { text: '在留カード番号：AB12345678CD', expect: 'AB12345678CD' },
      { text: 'Your resident card number was recorded as AB49505857CD and your date of birth as', expect: 'AB49505857CD' },
      { text: 'we hold your residence card number as\n     UT38264917LK. Please tell us', expect: 'UT38264917LK' },
      { text: '確認書類\t番号\n在留カード\tUH 20481736 ZK\n', expect: 'UH 20481736 ZK' },
    ],
    // no label, or a label with a product code in the wrong shape
    negative: ['AB12345678CD', '在留カード番号：AB1234567CD', '在留期間 2025年3月まで（更新申請中 REF12345678XY0）'],
  },
};

// A United States Social Security number, beside its label; the blocks the
// Social Security Administration never issues (000, 666, 9xx; 00; 0000) are left out.
export const socialSecurityNumber: Detector = {
  id: 'social-security-number',
  kind: 'insurance-number',
  severity: 'high',
  triggers: ['ssn', 'social security'],
  detect: labelledNumberDetector({
    kind: 'insurance-number',
    name: 'social security number',
    minDigits: 9,
    samplesKnown: true,
    label: /\bSSN\b|social security (?:number|no\.?|#)/gi,
    value: /(?<![\d-])(?!000|666|9\d\d)\d{3}([- ]?)(?!00)\d{2}\1(?!0000)\d{4}(?![\d-])/g,
  }),
  examples: {
    positive: [
      { text: 'SSN: 536-22-1937', expect: '536-22-1937' },
      { text: 'Social Security Number 412 55 0923 (verified)', expect: '412 55 0923' },
    ],
    negative: ['536-22-1937', 'SSN: 000-12-3456', 'SSN: 666-12-3456', 'SSN: 912-12-3456', 'Social security number: 123-00-4567', 'SSN on file: yes, phone 555-123-4567', 'Example SSN: 123-45-6789'],
  },
};
