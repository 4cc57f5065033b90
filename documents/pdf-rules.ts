// The ruling lines a PDF page draws: the borders of a ruled table (a Word
// table, Excel gridlines, a form's boxes), read from the page's drawing
// operations so layout analysis can take a table's cells from its grid
// (layout/rules.ts; the lattice mode of Tabula and Camelot) instead of from
// the gaps between its text alone.
//
// A rule is a stroked straight segment that runs along an axis, or a filled
// rectangle thin in one direction (how word processors draw borders); a
// stroked rectangle gives its four sides. Curves, and shapes that are neither
// thin nor stroked (a shaded cell, a logo), are no rules.
import type { PDFPageProxy } from 'pdfjs-dist';
import type { Rules } from '../layout/types.ts';

/** Thickest fill that reads as a line, in points. */
const THIN = 2.5;
/** Shortest rule worth keeping, in points (a glyph's stroke, an underline of one word, is shorter). */
const MIN_LENGTH = 8;
/** Drift across a rule's axis still taken for straight, in points. */
const STRAIGHT = 0.8;
/** Most drawing operations read from one page (a map or a chart draws millions; its rules do not matter). */
const MAX_OPS = 200_000;

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3], m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5]];
}

/** The rules page `page` draws, in layout coordinates (x along the page, y growing down: -y of PDF user space). */
export async function pageRules(page: PDFPageProxy, pdfjs: { OPS: typeof import('pdfjs-dist').OPS }): Promise<Rules> {
  const rules: Rules = { horizontal: [], vertical: [] };
  const list = await page.getOperatorList();
  if (list.fnArray.length > MAX_OPS) return rules;
  const { OPS } = pdfjs;
  const strokes = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fills = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  let ctm: Matrix = IDENTITY;
  const stack: Matrix[] = [];
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.constructPath) {
      const [paint, data] = args as [number, ArrayLike<number>[] | undefined];
      const path = data?.[0];
      if (!path || !(strokes.has(paint) || fills.has(paint))) continue;
      addPath(rules, outline(path, ctm), strokes.has(paint), fills.has(paint));
    }
  }
  return rules;
}

/** The path's subpaths as lists of points in user space; a subpath with a curve is left out. */
function outline(path: ArrayLike<number>, m: Matrix): [number, number][][] {
  const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 };
  const subpaths: [number, number][][] = [];
  let current: [number, number][] | null = null;
  const at = (x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
  for (let k = 0; k < path.length;) {
    const op = path[k];
    if (op === DRAW.moveTo) {
      current = [at(path[k + 1], path[k + 2])];
      subpaths.push(current);
      k += 3;
    } else if (op === DRAW.lineTo) {
      current?.push(at(path[k + 1], path[k + 2]));
      k += 3;
    } else if (op === DRAW.closePath) {
      if (current?.length) current.push(current[0]);
      k += 1;
    } else {
      // a curve: this subpath is no rule
      if (current) current.length = 0;
      k += op === DRAW.curveTo ? 7 : op === DRAW.quadraticCurveTo ? 5 : 1;
    }
  }
  return subpaths.filter((s) => s.length >= 2);
}

function addPath(rules: Rules, subpaths: [number, number][][], stroked: boolean, filled: boolean): void {
  for (const points of subpaths) {
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => -p[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    // a thin filled box: a border drawn as a rectangle
    if (filled && points.length >= 4) {
      if (y1 - y0 <= THIN && x1 - x0 >= MIN_LENGTH) rules.horizontal.push({ y: (y0 + y1) / 2, x0, x1 });
      else if (x1 - x0 <= THIN && y1 - y0 >= MIN_LENGTH) rules.vertical.push({ x: (x0 + x1) / 2, y0, y1 });
      if (!stroked) continue;
    }
    if (!stroked) continue;
    // each straight segment along an axis
    for (let k = 1; k < points.length; k++) {
      const [ax, ay] = [points[k - 1][0], -points[k - 1][1]];
      const [bx, by] = [points[k][0], -points[k][1]];
      if (Math.abs(ay - by) <= STRAIGHT && Math.abs(ax - bx) >= MIN_LENGTH) rules.horizontal.push({ y: (ay + by) / 2, x0: Math.min(ax, bx), x1: Math.max(ax, bx) });
      else if (Math.abs(ax - bx) <= STRAIGHT && Math.abs(ay - by) >= MIN_LENGTH) rules.vertical.push({ x: (ax + bx) / 2, y0: Math.min(ay, by), y1: Math.max(ay, by) });
    }
  }
}
