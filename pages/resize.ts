// Resizing a grey page (enlarging small text for OCR). Platform-neutral.
import type { GrayImage } from './gray.ts';

/** Bilinear resize by `scale` (> 1 to enlarge). */
export function resize(img: GrayImage, scale: number): GrayImage {
  const width = Math.max(1, Math.round(img.width * scale));
  const height = Math.max(1, Math.round(img.height * scale));
  const out = new Uint8Array(width * height);
  const src = img.data;
  const sw = img.width;
  const sh = img.height;
  const xi = new Int32Array(width);
  const xf = new Float32Array(width);
  for (let x = 0; x < width; x++) {
    const sx = Math.min(sw - 1, Math.max(0, (x + 0.5) / scale - 0.5));
    xi[x] = Math.min(sw - 2, Math.floor(sx));
    xf[x] = sx - xi[x];
    if (sw === 1) {
      xi[x] = 0;
      xf[x] = 0;
    }
  }
  for (let y = 0; y < height; y++) {
    const sy = Math.min(sh - 1, Math.max(0, (y + 0.5) / scale - 0.5));
    const y0 = sh === 1 ? 0 : Math.min(sh - 2, Math.floor(sy));
    const fy = sh === 1 ? 0 : sy - y0;
    const r0 = y0 * sw;
    const r1 = sh === 1 ? r0 : r0 + sw;
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const i = xi[x];
      const fx = xf[x];
      const j = sw === 1 ? i : i + 1;
      const top = src[r0 + i] + (src[r0 + j] - src[r0 + i]) * fx;
      const bottom = src[r1 + i] + (src[r1 + j] - src[r1 + i]) * fx;
      out[row + x] = top + (bottom - top) * fy + 0.5;
    }
  }
  return { width, height, data: out };
}
