// How wide characters are relative to each other, where no font is known:
// where a character sits inside a text item or OCR word (review/boxes.ts),
// and where the printed pages of a spreadsheet put each one (pages/print-layout.ts).
/**
 * Relative advance of a character: full-width characters (kanji, kana,
 * full-width forms) take an em, Latin letters and digits about half of one.
 */
export function charWeight(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return ch === ' ' ? 0.3 : 0.55;
  if (c >= 0xff61 && c <= 0xff9f) return 0.5; // half-width katakana
  return 1;
}

export function weights(s: string): number {
  let w = 0;
  for (const ch of s) w += charWeight(ch);
  return w;
}
