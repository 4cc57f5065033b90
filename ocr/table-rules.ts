// Table rules cleared from an ink mask: tesseract's layout analysis takes ruled
// form rows for images and reads nothing in them. Platform-neutral.

/**
 * Clears table rules from an ink mask, in place: horizontal runs of ink at
 * least `minLength` long, vertical runs as long, and shorter vertical runs (a
 * third of that) that end on a horizontal rule (the dividers of a ruled form's
 * cells). Runs may have gaps of up to 2 px and drift by a pixel (scanned lines
 * are ragged and never quite straight); a rule's edges go with it. Returns
 * the number of pixels cleared.
 */
export function removeRules(ink: Uint8Array, width: number, height: number, minLength: number, cleared?: Uint8Array): number {
  const GAP = 2;
  // a rule's ragged edges (scanned, anti-aliased) are cleared with it
  const FRINGE = 2;
  const horizontal = new Uint8Array(ink.length);
  // (the caller may want the rules' whole area, fringes included)
  const clear = cleared ?? new Uint8Array(ink.length);
  const markRow = (y: number, x0: number, x1: number) => {
    for (let yy = Math.max(0, y - FRINGE); yy <= Math.min(height - 1, y + FRINGE); yy++) {
      horizontal.fill(1, yy * width + x0, yy * width + x1 + 1);
      clear.fill(1, yy * width + x0, yy * width + x1 + 1);
    }
  };
  const markColumn = (x: number, y0: number, y1: number) => {
    const xa = Math.max(0, x - FRINGE);
    const xb = Math.min(width - 1, x + FRINGE);
    for (let k = y0; k <= y1; k++) clear.fill(1, k * width + xa, k * width + xb + 1);
  };

  // horizontal: a pixel counts when it or the one below is ink (1 px drift)
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const below = y + 1 < height ? width : 0;
    let start = -1;
    let last = -1;
    for (let x = 0; x < width; x++) {
      if (!(ink[row + x] | ink[row + below + x])) continue;
      if (start >= 0 && x - last > GAP + 1) {
        if (last - start + 1 >= minLength) markRow(y, start, last);
        start = -1;
      }
      if (start < 0) start = x;
      last = x;
    }
    if (start >= 0 && last - start + 1 >= minLength) markRow(y, start, last);
  }

  // dashed and dotted rules: runs with gaps of up to DASH_GAP that are thin
  // (blank THIN px above and below, or left and right): text never is
  const DASH_GAP = 12;
  const THIN = 4;
  const blankRows = (y: number, xa: number, xb: number) => {
    let count = 0;
    for (const yy of [y - THIN, y + THIN]) {
      if (yy < 0 || yy >= height) continue;
      const row = yy * width;
      for (let x = xa; x <= xb; x++) count += ink[row + x];
    }
    return count < 0.03 * (xb - xa + 1);
  };
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let start = -1;
    let last = -1;
    for (let x = 0; x <= width; x++) {
      const on = x < width && ink[row + x] === 1;
      if (on && start >= 0 && x - last <= DASH_GAP) {
        last = x;
        continue;
      }
      if (start >= 0 && last - start + 1 >= minLength && blankRows(y, start, last)) markRow(y, start, last);
      if (on) {
        start = x;
        last = x;
      } else if (x === width || x - last > DASH_GAP) start = -1;
    }
  }
  const blankColumns = (x: number, ya: number, yb: number) => {
    let count = 0;
    for (const xx of [x - THIN, x + THIN]) {
      if (xx < 0 || xx >= width) continue;
      for (let y = ya; y <= yb; y++) count += ink[y * width + xx];
    }
    return count < 0.03 * (yb - ya + 1);
  };
  for (let x = 0; x < width; x++) {
    let start = -1;
    let last = -1;
    for (let y = 0; y <= height; y++) {
      const on = y < height && ink[y * width + x] === 1;
      if (on && start >= 0 && y - last <= DASH_GAP) {
        last = y;
        continue;
      }
      if (start >= 0 && last - start + 1 >= minLength && blankColumns(x, start, last)) markColumn(x, start, last);
      if (on) {
        start = y;
        last = y;
      } else if (y === height || y - last > DASH_GAP) start = -1;
    }
  }

  // vertical: the same with the pixel to the right; short runs count when an end sits on a horizontal rule
  const shortLength = Math.max(20, Math.round(minLength / 3));
  const END = FRINGE + 3;
  const onRule = (x: number, y0: number, y1: number) => {
    for (let k = y0; k <= y1; k++) if (horizontal[k * width + x]) return true;
    return false;
  };
  const closeColumn = (x: number, y0: number, y1: number) => {
    const length = y1 - y0 + 1;
    if (length >= minLength || (length >= shortLength && (onRule(x, y0, Math.min(y1, y0 + END)) || onRule(x, Math.max(y0, y1 - END), y1)))) markColumn(x, y0, y1);
  };
  for (let x = 0; x < width; x++) {
    const right = x + 1 < width ? 1 : 0;
    let start = -1;
    let last = -1;
    for (let y = 0, i = x; y < height; y++, i += width) {
      if (!(ink[i] | ink[i + right])) continue;
      if (start >= 0 && y - last > GAP + 1) {
        closeColumn(x, start, last);
        start = -1;
      }
      if (start < 0) start = y;
      last = y;
    }
    if (start >= 0) closeColumn(x, start, last);
  }

  let count = 0;
  for (let i = 0; i < ink.length; i++) {
    if (clear[i] && ink[i]) {
      ink[i] = 0;
      count++;
    }
  }
  return count;
}

/** A rule found on a scan, in the prepared image's pixels. */
export interface PixelRules {
  horizontal: { y: number; x0: number; x1: number }[];
  vertical: { x: number; y0: number; y1: number }[];
}

/**
 * The rules in a mask of cleared rules (what `removeRules` fills in):
 * horizontal runs along its rows and vertical runs down its columns at least
 * `minLength` long. A rule comes out once per row or column of its thickness;
 * layout merges those (layout/rules.ts).
 */
export function ruleSegments(mask: Uint8Array, width: number, height: number, minLength: number): PixelRules {
  const out: PixelRules = { horizontal: [], vertical: [] };
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let start = -1;
    for (let x = 0; x <= width; x++) {
      const on = x < width && mask[row + x] === 1;
      if (on && start < 0) start = x;
      else if (!on && start >= 0) {
        if (x - start >= minLength) out.horizontal.push({ y, x0: start, x1: x - 1 });
        start = -1;
      }
    }
  }
  for (let x = 0; x < width; x++) {
    let start = -1;
    for (let y = 0; y <= height; y++) {
      const on = y < height && mask[y * width + x] === 1;
      if (on && start < 0) start = y;
      else if (!on && start >= 0) {
        if (y - start >= minLength) out.vertical.push({ x, y0: start, y1: y - 1 });
        start = -1;
      }
    }
  }
  return out;
}
