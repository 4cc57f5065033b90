// Rotation of a grey page by a small angle (undoing the skew of a scan).
// Platform-neutral.
import type { GrayImage } from './gray.ts';

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
