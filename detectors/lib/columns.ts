// The cells of a table column, found from a word in its header cell.
import type { ScanContext } from '../../engine/context.ts';

/**
 * [start, end) of each cell under the header cell that holds offset `at`,
 * trimmed of spaces, empty cells left out. Null when `at` is not in the first
 * row of a table, or its cell is longer than a header (`maxHeader` chars).
 * The first-row test uses only the page's tab index, so it is cheap for the
 * many header words that stand in prose.
 */
export function cellsUnderHeader(ctx: ScanContext, at: number, maxHeader: number): { header: string; cells: [number, number][] } | null {
  const line = ctx.lineIndex(at);
  if (!ctx.isTableRow(line) || (line > 0 && ctx.isTableRow(line - 1))) return null;
  const cell = ctx.cellAt(at);
  if (!cell || cell[2] - cell[1] > maxHeader) return null;
  const cells: [number, number][] = [];
  for (let n = line + 1; n < ctx.lineCount() && ctx.isTableRow(n); n++) {
    const b = ctx.cellBounds(n, cell[0]);
    if (!b) continue;
    let [s, e] = b;
    while (s < e && /[ 　]/.test(ctx.text[s])) s++;
    while (e > s && /[ 　]/.test(ctx.text[e - 1])) e--;
    if (e > s) cells.push([s, e]);
  }
  return { header: ctx.text.slice(cell[1], cell[2]).trim(), cells };
}
