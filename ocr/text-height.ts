// How tall a page's text is in pixels: tesseract wants a text height of about
// 30 px, so smaller text is enlarged first. Platform-neutral.

/**
 * Median height (pixels) of the bands of rows holding ink: about the text line
 * height on a deskewed page without rules. undefined when nothing is found.
 */
export function medianTextHeight(ink: Uint8Array, width: number, height: number): number | undefined {
  const counts = new Int32Array(height);
  for (let y = 0; y < height; y++) {
    let c = 0;
    const row = y * width;
    for (let x = 0; x < width; x++) c += ink[row + x];
    counts[y] = c;
  }
  const minInk = Math.max(2, Math.round(width * 0.0015));
  const bands: number[] = [];
  let start = -1;
  let gap = 0;
  for (let y = 0; y <= height; y++) {
    const on = y < height && counts[y] >= minInk;
    if (on) {
      if (start < 0) start = y;
      gap = 0;
    } else if (start >= 0) {
      gap++;
      if (gap > 1 || y === height) {
        const h = y - gap + 1 - start;
        if (h >= 4) bands.push(h);
        start = -1;
        gap = 0;
      }
    }
  }
  if (bands.length === 0) return undefined;
  bands.sort((a, b) => a - b);
  return bands[Math.floor(bands.length / 2)];
}
