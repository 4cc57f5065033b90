// Images painted over a page's text: a photo or a scanned patch pasted over a
// name hides it in the picture, while the text stays in the file. The export's
// pixels do not show it, so the searchable layer must not bring it back; the
// pixel test (export/covers.ts) finds flat boxes but not a textured image.
// Read from pdf.js's operator list in drawing order: the graphics state's
// matrix, the line origin of every piece of text shown, and the rectangle of
// every image painted. An image painted after text whose line runs under it is
// returned as a cover. Text drawn after the image (the OCR layer of a scan, a
// form printed over its background) is on top of it and stays.
import type { Rect } from '../core/geometry.ts';

type Matrix = [number, number, number, number, number, number];

/** The numbers of the pdf.js operators read here (pdfjs.OPS). */
export interface PaintOps {
  save: number;
  restore: number;
  transform: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  beginText: number;
  setFont: number;
  setTextMatrix: number;
  moveText: number;
  setLeadingMoveText: number;
  setLeading: number;
  nextLine: number;
  showText: number;
  showSpacedText: number;
  nextLineShowText: number;
  nextLineSetSpacingShowText: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
  paintImageMaskXObject: number;
  paintSolidColorImageMask: number;
  paintImageXObjectRepeat: number;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m × n: n's transform applied after m's (PDF's row-vector order: a point goes through m first). */
function multiply(m: ArrayLike<number>, n: ArrayLike<number>): Matrix {
  return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3], m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** The rectangle (user space) that the unit square takes under `m`: where an image is painted. */
function unitSquare(m: Matrix): Rect {
  const corners = [apply(m, 0, 0), apply(m, 1, 0), apply(m, 0, 1), apply(m, 1, 1)];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** A line of text shown: its origin in user space and its text height there. */
interface Shown {
  x: number;
  y: number;
  size: number;
}

/**
 * The images painted over text shown before them, as rectangles in user
 * space. `fnArray` and `argsArray` are pdf.js's operator list of the page.
 */
export function imagesOverText(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, OPS: PaintOps): Rect[] {
  let ctm: Matrix = IDENTITY;
  const stack: Matrix[] = [];
  let line: Matrix = IDENTITY;
  let leading = 0;
  let size = 1;
  const shown: Shown[] = [];
  const covers: Rect[] = [];
  const show = () => {
    const m = multiply(line, ctm);
    const [x, y] = apply(m, 0, 0);
    shown.push({ x, y, size: Math.hypot(m[2], m[3]) * size });
  };
  const moveLine = (tx: number, ty: number) => {
    line = multiply([1, 0, 0, 1, tx, ty], line);
  };
  const painted = (rect: Rect) => {
    // a line shown before runs under it: its baseline within the image's height, starting left of its right edge
    const under = shown.some((s) => s.x < rect.x + rect.width && s.y > rect.y - 0.2 * s.size && s.y + 0.8 * s.size < rect.y + rect.height + 0.2 * s.size);
    if (under && rect.width > 0 && rect.height > 0) covers.push(rect);
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = (argsArray[i] ?? []) as ArrayLike<unknown>;
    const n = (k: number) => Number(args[k]) || 0;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform) ctm = multiply([n(0), n(1), n(2), n(3), n(4), n(5)], ctm);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = args[0] as ArrayLike<number> | null;
      if (matrix && matrix.length === 6) ctm = multiply(matrix, ctm);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.beginText) line = IDENTITY;
    else if (fn === OPS.setFont) size = n(1) || 1;
    else if (fn === OPS.setTextMatrix) {
      // (pdf.js 5 hands the six numbers as one array; older versions as six arguments)
      const m = typeof args[0] === 'object' && args[0] ? (args[0] as ArrayLike<number>) : args;
      line = [0, 1, 2, 3, 4, 5].map((k) => Number(m[k]) || 0) as Matrix;
    } else if (fn === OPS.moveText) moveLine(n(0), n(1));
    else if (fn === OPS.setLeadingMoveText) {
      leading = -n(1);
      moveLine(n(0), n(1));
    } else if (fn === OPS.setLeading) leading = n(0);
    else if (fn === OPS.nextLine) moveLine(0, -leading);
    else if (fn === OPS.showText || fn === OPS.showSpacedText) show();
    else if (fn === OPS.nextLineShowText || fn === OPS.nextLineSetSpacingShowText) {
      moveLine(0, -leading);
      show();
    } else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject || fn === OPS.paintSolidColorImageMask) painted(unitSquare(ctm));
    else if (fn === OPS.paintImageXObjectRepeat) {
      // one image at many places: [id, scaleX, scaleY, positions]
      const positions = (args[3] ?? []) as ArrayLike<number>;
      for (let k = 0; k + 1 < positions.length; k += 2) painted(unitSquare(multiply([n(1), 0, 0, n(2), positions[k], positions[k + 1]], ctm)));
    }
  }
  return covers;
}
