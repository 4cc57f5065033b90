// Which pixels of a grey page are ink: Otsu's global threshold, and the mask of
// the pixels below it. Platform-neutral.
import type { GrayImage } from './gray.ts';

/** Otsu's threshold over the whole image: pixels below it are ink. */
export function otsuThreshold(img: GrayImage): number {
  const hist = new Float64Array(256);
  const d = img.data;
  for (let i = 0; i < d.length; i++) hist[d[i]]++;
  const total = d.length;
  let sum = 0;
  for (let t = 0; t < 256; t++) sum += t * hist[t];
  let sumB = 0;
  let wB = 0;
  let best = -1;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t];
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t];
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      threshold = t + 1;
    }
  }
  // a blank or nearly blank page: Otsu splits paper noise; keep only real ink
  return Math.min(threshold, 200);
}

/** 1 where the pixel is ink (below the threshold), else 0. */
export function inkMask(img: GrayImage, threshold: number): Uint8Array {
  const d = img.data;
  const out = new Uint8Array(d.length);
  for (let i = 0; i < d.length; i++) out[i] = d[i] < threshold ? 1 : 0;
  return out;
}
