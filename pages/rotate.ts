// Rotation of a grey page: by a small angle (undoing the skew of a scan), and
// by quarter turns (a page fed sideways or upside down, or written vertically),
// with the way back for a box found on the turned page. Platform-neutral.
import type { GrayImage, PixelBox } from './gray.ts';

/**
 * Rotates by -angle around the centre (undoing a skew of `angle`), same size,
 * white where nothing comes in. Bilinear.
 */
export function rotate(img: GrayImage, angle: number): GrayImage {
  const { width, height, data } = img;
  const out = new Uint8Array(width * height).fill(255);
  // 16.16 fixed point: source = R(angle) · (dest - c) + c
  const ONE = 65536;
  const cos = Math.round(Math.cos(angle) * ONE);
  const sin = Math.round(Math.sin(angle) * ONE);
  const cx = width / 2;
  const cy = height / 2;
  const maxX = (width - 1) * ONE;
  const maxY = (height - 1) * ONE;
  for (let y = 0; y < height; y++) {
    const dy = y - cy;
    let sx = Math.round((cx - cx * Math.cos(angle) - dy * Math.sin(angle)) * ONE);
    let sy = Math.round((cy - cx * Math.sin(angle) + dy * Math.cos(angle)) * ONE);
    const row = y * width;
    for (let x = 0; x < width; x++, sx += cos, sy += sin) {
      if (sx < 0 || sy < 0 || sx >= maxX || sy >= maxY) continue;
      const x0 = sx >> 16;
      const y0 = sy >> 16;
      const fx = (sx & 0xffff) >> 8;
      const fy = (sy & 0xffff) >> 8;
      const i = y0 * width + x0;
      const a = data[i];
      const b = data[i + 1];
      const c = data[i + width];
      const d = data[i + width + 1];
      const top = (a << 8) + (b - a) * fx;
      const bottom = (c << 8) + (d - c) * fx;
      out[row + x] = ((top << 8) + (bottom - top) * fy + 32768) >> 16;
    }
  }
  return { width, height, data: out };
}

/** Quarter turns clockwise: 0, 90°, 180°, 270°. */
export type Quarter = 0 | 1 | 2 | 3;

/** The image turned `q` quarter turns clockwise. */
export function turn(img: GrayImage, q: Quarter): GrayImage {
  if (q === 0) return img;
  const { width: w, height: h, data } = img;
  const W = q === 2 ? w : h;
  const H = q === 2 ? h : w;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // where source pixel (x, y) lands
      const [X, Y] = q === 1 ? [h - 1 - y, x] : q === 2 ? [w - 1 - x, h - 1 - y] : [y, w - 1 - x];
      out[Y * W + X] = data[y * w + x];
    }
  }
  return { width: W, height: H, data: out };
}

/** A box in the image turned `q` quarters clockwise → the same box in the unturned image (`width`×`height`). */
export function unturnBox(b: PixelBox, q: Quarter, width: number, height: number): PixelBox {
  switch (q) {
    case 0:
      return b;
    case 1: // turned X = h - y, Y = x
      return { x0: b.y0, x1: b.y1, y0: height - b.x1, y1: height - b.x0 };
    case 2:
      return { x0: width - b.x1, x1: width - b.x0, y0: height - b.y1, y1: height - b.y0 };
    case 3: // turned X = y, Y = w - x
      return { x0: width - b.y1, x1: width - b.y0, y0: b.x0, y1: b.x1 };
  }
}
