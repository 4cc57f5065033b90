// What each column's header says, from one or more header rows. A header in
// an upper row often stands over several columns (職員 over 氏名 and フリガナ,
// "Account" centred over "User ID" and "Password"), but without ruling lines
// only its position shows it: it is placed over one column, or in the gap
// between two. So a column that has a header below but nothing above takes
// the nearest upper header on its row, unless a header that stands alone
// (nothing under it: 所属 spanning both header rows) lies between them. A
// header set flush with the header under it (both at their column's left
// edge) spans to the right only: the columns to its left are not under it
// (Name | Account: User ID, Passcode). Nor does a header whose own column has
// no header word right under it: it is written down its column (世帯 / 番号).
import { chunkText } from './chunks.ts';
import type { TableRow } from './analyse.ts';
import { joinHeaderParts } from '../core/header-words.ts';

export function columnHeaders(headerRows: readonly TableRow[], columns: readonly [number, number][]): string[] {
  const texts = headerRows.map((row) => {
    const cells: { text: string; centre: number; x0: number; em: number }[][] = columns.map(() => []);
    for (const l of row.lines)
      for (const c of l.chunks) for (const col of c.span) cells[col].push({ text: chunkText(c.chunk), centre: (c.chunk.x0 + c.chunk.x1) / 2, x0: c.chunk.x0, em: l.line.size });
    return cells;
  });
  const centre = (col: number) => (columns[col][0] + columns[col][1]) / 2;
  const out: string[][] = columns.map(() => []);
  texts.forEach((cells, r) => {
    const below = (col: number) => texts.slice(r + 1).some((t) => t[col].length > 0);
    columns.forEach((_, col) => {
      if (cells[col].length) {
        out[col].push(joinHeaderParts(cells[col].map((c) => c.text)));
        return;
      }
      if (!below(col)) return;
      // the nearest upper header on each side, unless one standing alone comes first
      const side = (step: number) => {
        for (let k = col + step; k >= 0 && k < columns.length; k += step) {
          if (!cells[k].length) continue;
          const header = cells[k][step > 0 ? 0 : cells[k].length - 1];
          // (one to the right set flush with the header under it, both at its column's left, reaches no further left)
          const under = texts.slice(r + 1).find((t) => t[k].length)?.[k][0];
          if (step > 0 && under && Math.abs(header.x0 - under.x0) <= 0.25 * header.em) return undefined;
          // (nor one whose column goes on down without a header word of its own under it: a header written
          // down its column, 世帯 / 番号 or 要介 / 護 / 度, with the other columns' one-line headers set beside it)
          const next = texts[r + 1]?.[k] ?? [];
          if (!next.some((c) => [...c.text.trim()].length >= 2)) return undefined;
          return below(k) ? header : undefined;
        }
        return undefined;
      };
      const options = [side(-1), side(1)].filter((c) => c !== undefined);
      if (!options.length) return;
      const nearest = options.reduce((a, b) => (Math.abs(a.centre - centre(col)) <= Math.abs(b.centre - centre(col)) ? a : b));
      out[col].push(nearest.text);
    });
  });
  return out.map(joinHeaderParts);
}
