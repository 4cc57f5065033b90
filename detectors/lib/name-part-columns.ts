// A name split over columns, as spreadsheets keep it: 姓 | 名, セイ | メイ,
// Surname | Given name, Last name | First name. Each cell under such a header
// is part of a person's name, however common or foreign the word.
import type { Candidate, ScanContext } from '../../engine/context.ts';
import { cellsUnderHeader } from './columns.ts';
import { matches } from './matches.ts';

/** A header cell, whole, that names one part of a name. */
const NAME_PART_HEADER =
  /(?<![^\t\n])[ 　]*(?:姓|名|氏|セイ|メイ|せい|めい|(?:姓|名)[ 　]*[(（](?:カナ|フリガナ|ふりがな|漢字)[)）]|(?:フリガナ|ふりがな|カナ)[ 　]*[(（]?(?:姓|名)[)）]?|(?:sur|family[ ]|last[ ]|first[ ]|given[ ]|fore|middle[ ])name)[ 　]*(?![^\t\n])/giu;

/** One word of a name: a capitalised Latin word (O'Neill, Kowalczyk), or kanji or kana alone. */
const NAME_PART = /^(?:[A-Z][A-Za-z'’-]{1,30}|[\p{Script=Han}々]{1,4}|[ァ-ヶー]{1,10}|[ぁ-ゖー]{1,10})$/u;

/**
 * The cells under name-part headers, where a header row holds two of them or more (one alone, a column headed 名,
 * is too little to go on); `rejects` says a word is not a name (未記入, 同上, None).
 */
export function namePartColumns(ctx: ScanContext, rejects: (word: string) => boolean, out: Candidate[]): void {
  const byLine = new Map<number, number[]>();
  for (const h of matches(ctx.text, NAME_PART_HEADER)) {
    const line = ctx.lineIndex(h.start);
    byLine.set(line, [...(byLine.get(line) ?? []), h.start]);
  }
  for (const headers of byLine.values()) {
    if (headers.length < 2) continue;
    for (const at of headers) {
      const column = cellsUnderHeader(ctx, at, 16);
      for (const [start, end] of column?.cells ?? []) {
        const text = ctx.text.slice(start, end);
        const word = text.trim();
        if (!NAME_PART.test(word) || rejects(word)) continue;
        const from = start + text.indexOf(word);
        out.push({ start: from, end: from + word.length, score: 0.85, why: `column ${column!.header}` });
      }
    }
  }
}
