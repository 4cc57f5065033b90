// A page as grey pixels: the 8-bit image OCR reads and scans are stored as,
// made from a canvas's RGBA, boxes in its pixels, and its PGM ("P5") file
// form, which leptonica (inside tesseract) reads without any decoding cost.
// Platform-neutral.

export interface GrayImage {
  width: number;
  height: number;
  /** one byte per pixel, row by row, 0 = black */
  data: Uint8Array;
}

/** An axis-aligned box in pixels: left, top, right, bottom. */
export interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function rgbaToGray(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): GrayImage {
  const n = width * height;
  const data = new Uint8Array(n);
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const a = rgba[j + 3];
    // ITU-R BT.601 luma, in integers; transparent pixels count as white paper
    const y = (rgba[j] * 77 + rgba[j + 1] * 150 + rgba[j + 2] * 29) >> 8;
    data[i] = a === 255 ? y : 255 - (((255 - y) * a) >> 8);
  }
  return { width, height, data };
}

/** Binary or gray PGM ("P5") bytes: leptonica reads them directly. */
export function encodePgm(img: GrayImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${img.width} ${img.height}\n255\n`);
  const out = new Uint8Array(header.length + img.data.length);
  out.set(header, 0);
  out.set(img.data, header.length);
  return out;
}

/** Reads a binary PGM ("P5", 8-bit) as encodePgm writes it; undefined for anything else. */
export function decodePgm(bytes: Uint8Array): GrayImage | undefined {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x35) return undefined;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 64)));
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(head);
  if (!m || m[3] !== '255') return undefined;
  const width = Number(m[1]);
  const height = Number(m[2]);
  const start = m[0].length;
  if (bytes.length < start + width * height) return undefined;
  return { width, height, data: bytes.subarray(start, start + width * height) };
}
