// Repairs of common OCR confusions, applied to the words OCR read while the
// page text is built (so the page text, its offsets and the finding texts are
// all "the text after OCR"). Every repair replaces one character by one
// character: a word keeps its length and its box.
//
// Conservative on purpose: each rule fires only where the reading it fixes is
// implausible as written, so clean text is never changed:
//   - inside numbers (a run that is mostly digits): O/o/〇 → 0, l/I/|/! → 1;
//   - a dash-like character between digits (一 ー － — ‐ ~ etc.) → '-';
//   - an apostrophe between digit groups (090'1234'5678: the short upright
//     stroke a hyphen is set as in vertical writing) → '-';
//   - 一 (kanji "one") between katakana → ー (パスワ一ド);
//   - a few misread labels: バスワード/ハスワード → パスワード, 干123-4567 → 〒123-4567;
//   - a date's slash read as 7 (1935705717 → 1935/05/17: a year, month and day where the slashes were).

const DIGIT = /[0-9]/;
/** Letters OCR reads for 0 and 1 inside numbers. */
const AS_ZERO = new Set(['O', 'o', '〇']);
const AS_ONE = new Set(['l', 'I', '|', '!', 'ｌ', 'Ｉ', '｜']);
/** Dash-like characters that stand for a hyphen between digits. */
const DASH_LIKE = new Set(['一', 'ー', '－', '—', '―', '‐', '‑', '‒', '–', '−', '─', '━', '~', '～', '〜', '_']);
const APOSTROPHE_LIKE = new Set(["'", '’', '′', '‘', '`']);
const KATAKANA = /[\u30A1-\u30FA\u30FC\uFF66-\uFF9F]/;

const LABEL_REPAIRS: [RegExp, string][] = [
  [/[バハ]スワ[ー一]ド/gu, 'パスワード'],
  [/[パバハ]スワ一ド/gu, 'パスワード'],
  [/(?<![\p{Script=Han}])干(?=[0-9]{3}-?[0-9]{4}(?![0-9]))/gu, '〒'],
];

/**
 * Repairs one word. `before` and `after` are the characters next to it in the
 * line ('' at the ends), so that a dash read as a word of its own between two
 * numbers is still recognised.
 */
export function repairWord(word: string, before = '', after = ''): string {
  if (!word) return word;
  const chars = Array.from(word);
  const n = chars.length;
  const at = (i: number): string => (i < 0 ? before : i >= n ? after : chars[i]);

  // numbers: confusable letters inside a run that is mostly digits
  if (mostlyDigits(chars)) {
    for (let i = 0; i < n; i++) {
      const c = chars[i];
      if (!AS_ZERO.has(c) && !AS_ONE.has(c)) continue;
      if (!nearDigit(at, i)) continue;
      chars[i] = AS_ZERO.has(c) ? '0' : '1';
    }
  }

  // a dash between digits
  for (let i = 0; i < n; i++) {
    if (DASH_LIKE.has(chars[i]) && DIGIT.test(at(i - 1)) && DIGIT.test(at(i + 1))) chars[i] = '-';
  }

  // a hyphen of vertical writing, read as an apostrophe between digit groups (not 5'10")
  for (let i = 0; i < n; i++) {
    if (APOSTROPHE_LIKE.has(chars[i]) && DIGIT.test(at(i - 1)) && DIGIT.test(at(i - 2)) && DIGIT.test(at(i + 1)) && DIGIT.test(at(i + 2))) chars[i] = '-';
  }

  // 一 in a katakana word is the long-vowel mark
  for (let i = 0; i < n; i++) {
    if (chars[i] === '一' && KATAKANA.test(at(i - 1)) && (KATAKANA.test(at(i + 1)) || at(i + 1) === '')) {
      // (only when the previous char is katakana: 一 after kanji stays "one")
      chars[i] = 'ー';
    }
  }

  let out = chars.join('');
  for (const [re, to] of LABEL_REPAIRS) out = out.replace(re, to);
  // the era letter of a short era date read as 5$, $ or § (S48.12.11): no date starts with a dollar
  out = out.replace(ERA_S_MISREAD, 'S');
  // a slash of a date read as 7 (1935705717 for 1935/05/17): a year, a month and a day stand where the slashes were
  return out.replace(SLASH_AS_SEVEN, (_, y: string, a: string, m: string, b: string, d: string) => `${y}${a === '7' ? '/' : a}${m}${b === '7' ? '/' : b}${d}`);
}

const ERA_S_MISREAD = /^(?:5?[$§])(?=\d{1,2}[./]\d{1,2}[./]\d{1,2}$)/u;
const SLASH_AS_SEVEN = /^((?:19|20)\d\d)([/7])(0[1-9]|1[0-2])([/7])(0[1-9]|[12]\d|3[01])$/u;

/**
 * Whether the confusable letters of a word sit in a number: at least two real
 * digits, and digits (with the confusables counted as letters) make up at
 * least 60% of the letters and digits.
 */
function mostlyDigits(chars: string[]): boolean {
  let digits = 0;
  let alnum = 0;
  for (const c of chars) {
    if (DIGIT.test(c)) {
      digits++;
      alnum++;
    } else if (/[A-Za-z]/.test(c) || AS_ZERO.has(c) || AS_ONE.has(c)) alnum++;
  }
  return digits >= 2 && digits >= 0.6 * alnum;
}

/** The char at i has a digit next to it, possibly across other confusables of the same run. */
function nearDigit(at: (i: number) => string, i: number): boolean {
  const isConf = (c: string) => AS_ZERO.has(c) || AS_ONE.has(c);
  for (let k = i - 1; ; k--) {
    const c = at(k);
    if (DIGIT.test(c)) return true;
    if (!isConf(c)) break;
  }
  for (let k = i + 1; ; k++) {
    const c = at(k);
    if (DIGIT.test(c)) return true;
    if (!isConf(c)) break;
  }
  return false;
}

/** Characters of the Japanese writing system: kana, kanji, full-width forms and punctuation. */
export function isWide(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (
    (c >= 0x3000 && c <= 0x30ff) || // CJK punctuation, hiragana, katakana
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff01 && c <= 0xff60) || // full-width forms
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x31f0 && c <= 0x31ff) ||
    (c >= 0x20000 && c <= 0x2fa1f)
  );
}
