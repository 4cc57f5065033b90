// The resolution an image file declares (PNG pHYs, JPEG JFIF or Exif), so a
// scan's page gets its real size in points. Platform-neutral.

/** Resolutions outside this range are taken as "not stated". */
const MIN_DPI = 50;
const MAX_DPI = 2400;

/** Declared horizontal resolution in dots per inch, or undefined when the file states none. */
export function imageDpi(bytes: Uint8Array): number | undefined {
  let dpi: number | undefined;
  if (bytes[0] === 0x89 && bytes[1] === 0x50) dpi = pngDpi(bytes);
  else if (bytes[0] === 0xff && bytes[1] === 0xd8) dpi = jpegDpi(bytes);
  return sane(dpi);
}

export function sane(dpi: number | undefined): number | undefined {
  return dpi !== undefined && Number.isFinite(dpi) && dpi >= MIN_DPI && dpi <= MAX_DPI ? Math.round(dpi * 100) / 100 : undefined;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function pngDpi(bytes: Uint8Array): number | undefined {
  const v = view(bytes);
  let at = 8;
  while (at + 8 <= bytes.length) {
    const length = v.getUint32(at);
    const type = String.fromCharCode(bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7]);
    if (type === 'pHYs' && length >= 9 && at + 17 <= bytes.length) {
      const ppuX = v.getUint32(at + 8);
      const unit = bytes[at + 16];
      return unit === 1 ? ppuX * 0.0254 : undefined;
    }
    if (type === 'IDAT' || type === 'IEND') return undefined;
    at += 12 + length;
  }
  return undefined;
}

function jpegDpi(bytes: Uint8Array): number | undefined {
  const v = view(bytes);
  let at = 2;
  let jfif: number | undefined;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1];
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break; // image data: no more headers
    const length = v.getUint16(at + 2);
    const body = at + 4;
    if (marker === 0xe0 && length >= 14 && bytes[body] === 0x4a && bytes[body + 1] === 0x46 && bytes[body + 2] === 0x49 && bytes[body + 3] === 0x46) {
      const units = bytes[body + 7];
      const x = v.getUint16(body + 8);
      if (units === 1) jfif = x;
      else if (units === 2) jfif = x * 2.54;
    } else if (marker === 0xe1 && length >= 16 && bytes[body] === 0x45 && bytes[body + 1] === 0x78 && bytes[body + 2] === 0x69 && bytes[body + 3] === 0x66) {
      const exif = exifDpi(bytes.subarray(body + 6, at + 2 + length));
      if (exif !== undefined) return exif;
    }
    at += 2 + length;
  }
  return jfif;
}

/** XResolution/ResolutionUnit from a TIFF header (Exif block or a TIFF file's first directory). */
export function exifDpi(tiff: Uint8Array): number | undefined {
  if (tiff.length < 8) return undefined;
  const v = view(tiff);
  const le = tiff[0] === 0x49;
  try {
    const ifd = v.getUint32(4, le);
    const count = v.getUint16(ifd, le);
    let x: number | undefined;
    let unit = 2;
    for (let i = 0; i < count; i++) {
      const e = ifd + 2 + i * 12;
      const tag = v.getUint16(e, le);
      if (tag === 0x011a) {
        const off = v.getUint32(e + 8, le);
        const den = v.getUint32(off + 4, le);
        x = den ? v.getUint32(off, le) / den : undefined;
      } else if (tag === 0x0128) unit = v.getUint16(e + 8, le);
    }
    if (x === undefined) return undefined;
    return unit === 3 ? x * 2.54 : unit === 2 ? x : undefined;
  } catch {
    return undefined;
  }
}
