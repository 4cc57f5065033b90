// Test and benchmark pages: text drawn with Noto Sans CJK JP onto an A4 canvas
// at 300 dpi, with the position of every line recorded, so OCR output can be
// checked against what was drawn.
import { existsSync } from 'node:fs';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';

export const FONT_FILE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
export const FONT = 'Noto Sans CJK JP';

let registered = false;
export function registerFonts(): void {
  if (registered) return;
  registered = true;
  if (existsSync(FONT_FILE)) GlobalFonts.registerFromPath(FONT_FILE, FONT);
}

export interface DrawnLine {
  text: string;
  /** left edge and baseline, in pixels */
  x: number;
  baseline: number;
  /** font size in pixels */
  size: number;
}

export interface DrawnBox {
  text: string;
  /** pixels, top-left origin */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface RenderedTestPage {
  width: number;
  height: number;
  dpi: number;
  png: Uint8Array;
  /** every drawn line, and every space-separated word of it, with its box in pixels */
  lines: DrawnBox[];
  words: DrawnBox[];
}

/** A4 at `dpi` (default 300): 8.27 × 11.69 in. */
export function a4(dpi = 300): { width: number; height: number } {
  return { width: Math.round((595.28 / 72) * dpi), height: Math.round((841.89 / 72) * dpi) };
}

/** A white page (A4 at `dpi` unless sized), fonts registered, ready to draw on in black. */
function blankPage(dpi: number, options: { width?: number; height?: number }) {
  registerFonts();
  const size = a4(dpi);
  const width = options.width ?? size.width;
  const height = options.height ?? size.height;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  return { canvas, ctx, width, height };
}

/**
 * Draws the lines (black on white) and returns the PNG with the boxes of the
 * lines and words as drawn (advance width × em box from the font metrics).
 */
export function renderTestPage(lines: DrawnLine[], options: { dpi?: number; width?: number; height?: number; rules?: boolean } = {}): RenderedTestPage {
  const dpi = options.dpi ?? 300;
  const { canvas, ctx, width, height } = blankPage(dpi, options);
  ctx.textBaseline = 'alphabetic';
  const lineBoxes: DrawnBox[] = [];
  const words: DrawnBox[] = [];
  for (const line of lines) {
    ctx.font = `${line.size}px "${FONT}"`;
    ctx.fillText(line.text, line.x, line.baseline);
    const top = line.baseline - 0.88 * line.size;
    const bottom = line.baseline + 0.12 * line.size;
    lineBoxes.push({ text: line.text, x0: line.x, y0: top, x1: line.x + ctx.measureText(line.text).width, y1: bottom });
    let at = 0;
    for (const word of line.text.split(' ')) {
      if (word) {
        const before = ctx.measureText(line.text.slice(0, at)).width;
        const w = ctx.measureText(word).width;
        words.push({ text: word, x0: line.x + before, y0: top, x1: line.x + before + w, y1: bottom });
      }
      at += word.length + 1;
    }
    if (options.rules) {
      ctx.fillRect(line.x - 20, bottom + 0.2 * line.size, width - 2 * (line.x - 20), 3);
    }
  }
  return { width, height, dpi, png: new Uint8Array(canvas.toBuffer('image/png')), lines: lineBoxes, words };
}

/** The lines of the OCR acceptance page: personal data in Japanese and English, 12 pt at 300 dpi. */
export function formLines(dpi = 300): DrawnLine[] {
  const pt = dpi / 72;
  const size = Math.round(12 * pt);
  const texts = [
    '申請書（テスト用）',
    '氏名：山田 太郎',
    '電話 090-1234-5678',
    'パスワード：Tokyo#2024pw',
    'E-mail: taro@example-city.jp',
    '住所：東京都千代田区丸の内1丁目2番3号',
    '備考：本人確認のため保険証の写しを添付します。',
  ];
  return texts.map((text, i) => ({ text, x: Math.round(72 * pt), baseline: Math.round((110 + i * 30) * pt), size }));
}

// ---------------------------------------------------------------------------
// Benchmark pages: mixed Japanese/English prose, deterministic

const JA = [
  '本市では、市民の皆様からの申請に基づき、給付金の支給を行っています。',
  '申請書に記載された個人情報は、本事務の目的以外には利用しません。',
  '受付窓口は市役所本庁舎二階の福祉課です。平日の午前九時から午後五時まで対応します。',
  '添付書類として、本人確認書類の写しと振込先口座の通帳の写しを提出してください。',
  '審査の結果は、申請を受け付けた日から三十日以内に書面でお知らせします。',
  '担当者が不在の場合は、折り返しお電話を差し上げますのでご了承ください。',
];
const EN = [
  'The meeting was held on 12 March 2024 at the city office, room 301.',
  'Contact: support@city-office.example.jp or call 03-1234-5678 for details.',
  'Login ID: sato_k2024 / Password: Osaka#2023pw (change it after first use).',
  'Server 192.168.10.25 will be replaced by the new system in April.',
  'Please submit the form by Friday; late applications cannot be accepted.',
];

/** Page `n` of the benchmark: 40 lines of 10.5 pt text, Japanese and English alternating in runs. */
export function benchLines(n: number, dpi = 300): DrawnLine[] {
  const pt = dpi / 72;
  const size = Math.round(10.5 * pt);
  const lines: DrawnLine[] = [];
  for (let i = 0; i < 40; i++) {
    const k = n * 7 + i;
    const text = (k % 3 === 2 ? EN[k % EN.length] : JA[k % JA.length]) + (i % 5 === 0 ? ` 電話 090-${String(1000 + k).slice(-4)}-${String(5678 + n).slice(-4)}` : '');
    lines.push({ text, x: Math.round(60 * pt), baseline: Math.round((70 + i * 18) * pt), size });
  }
  return lines;
}

/** A minimal multi-page TIFF: 8-bit gray, uncompressed, one strip per page, with its resolution. */
export function grayTiff(pages: { width: number; height: number; data: Uint8Array }[], dpi: number): Uint8Array {
  const entries = 12;
  const ifdSize = 2 + entries * 12 + 4 + 16; // + two rationals
  let size = 8;
  for (const p of pages) size += ifdSize + p.data.length;
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0], 0);
  let at = 8;
  v.setUint32(4, at, true);
  pages.forEach((p, i) => {
    const ifd = at;
    const rationals = ifd + 2 + entries * 12 + 4;
    const pixels = rationals + 16;
    v.setUint16(ifd, entries, true);
    const tags: [number, number, number, number][] = [
      [256, 4, 1, p.width],
      [257, 4, 1, p.height],
      [258, 3, 1, 8],
      [259, 3, 1, 1],
      [262, 3, 1, 1],
      [273, 4, 1, pixels],
      [277, 3, 1, 1],
      [278, 4, 1, p.height],
      [279, 4, 1, p.data.length],
      [282, 5, 1, rationals],
      [283, 5, 1, rationals + 8],
      [296, 3, 1, 2],
    ];
    tags.forEach(([tag, type, count, value], k) => {
      const e = ifd + 2 + k * 12;
      v.setUint16(e, tag, true);
      v.setUint16(e + 2, type, true);
      v.setUint32(e + 4, count, true);
      if (type === 3) v.setUint16(e + 8, value, true);
      else v.setUint32(e + 8, value, true);
    });
    const next = pixels + p.data.length;
    v.setUint32(ifd + 2 + entries * 12, i + 1 < pages.length ? next : 0, true);
    v.setUint32(rationals, dpi, true);
    v.setUint32(rationals + 4, 1, true);
    v.setUint32(rationals + 8, dpi, true);
    v.setUint32(rationals + 12, 1, true);
    out.set(p.data, pixels);
    at = next;
  });
  return out;
}

/** Grayscale pixels of a rendered page (PNG bytes → gray). */
export async function pngToGray(png: Uint8Array): Promise<{ width: number; height: number; data: Uint8Array }> {
  const { loadImage, createCanvas } = await import('@napi-rs/canvas');
  const img = await loadImage(Buffer.from(png));
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const rgba = ctx.getImageData(0, 0, img.width, img.height).data;
  const data = new Uint8Array(img.width * img.height);
  for (let i = 0; i < data.length; i++) data[i] = rgba[i * 4];
  return { width: img.width, height: img.height, data };
}

/** Where `sub` (the first occurrence) was drawn in `line`: advance widths from the font, em box vertically. */
export function drawnSpan(line: DrawnLine, sub: string): DrawnBox {
  registerFonts();
  const ctx = createCanvas(10, 10).getContext('2d');
  ctx.font = `${line.size}px "${FONT}"`;
  const at = line.text.indexOf(sub);
  if (at < 0) throw new Error(`'${sub}' is not in '${line.text}'`);
  const x0 = line.x + ctx.measureText(line.text.slice(0, at)).width;
  const x1 = x0 + ctx.measureText(sub).width;
  return { text: sub, x0, x1, y0: line.baseline - 0.88 * line.size, y1: line.baseline + 0.12 * line.size };
}

// ---------------------------------------------------------------------------
// Vertical (縦書き) pages

export interface DrawnColumn {
  text: string;
  /** centre of the column and top of its first character, in pixels */
  cx: number;
  top: number;
  /** font size in pixels: every character takes one em down the column */
  size: number;
}

/** Characters set sideways in vertical writing (long vowel mark, dashes, hyphens). */
const SIDEWAYS = new Set(['ー', '－', '-', '—', '―', '〜', '~']);

/**
 * Draws columns of vertical Japanese, top to bottom, one em per character,
 * characters upright (dashes and the long vowel mark turned a quarter, as
 * vertical typesetting sets them).
 */
export function renderVerticalPage(columns: DrawnColumn[], options: { width?: number; height?: number } = {}): { width: number; height: number; png: Uint8Array } {
  const { canvas, ctx, width, height } = blankPage(300, options);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const col of columns) {
    ctx.font = `${col.size}px "${FONT}"`;
    Array.from(col.text).forEach((ch, i) => {
      const cy = col.top + (i + 0.5) * col.size;
      ctx.save();
      ctx.translate(col.cx, cy);
      if (SIDEWAYS.has(ch)) ctx.rotate(Math.PI / 2);
      ctx.fillText(ch, 0, 0);
      ctx.restore();
    });
  }
  return { width, height, png: new Uint8Array(canvas.toBuffer('image/png')) };
}

/** Where `sub` (the first occurrence) was drawn in a vertical column: one em per character. */
export function drawnColumnSpan(col: DrawnColumn, sub: string): DrawnBox {
  const chars = Array.from(col.text);
  const at = Array.from(col.text.slice(0, col.text.indexOf(sub))).length;
  if (col.text.indexOf(sub) < 0 || chars.length < at) throw new Error(`'${sub}' is not in '${col.text}'`);
  const n = Array.from(sub).length;
  return { text: sub, x0: col.cx - col.size / 2, x1: col.cx + col.size / 2, y0: col.top + at * col.size, y1: col.top + (at + n) * col.size };
}

/** The lines of formLines() set vertically, right to left, 12 pt at 300 dpi. */
export function verticalFormColumns(dpi = 300): DrawnColumn[] {
  const pt = dpi / 72;
  const size = Math.round(12 * pt);
  const texts = ['申請書（テスト用）', '氏名：山田太郎', '電話：090-1234-5678', '住所：東京都千代田区丸の内1丁目2番3号', '備考：本人確認のため保険証の写しを添付します。'];
  return texts.map((text, i) => ({ text, cx: Math.round((520 - i * 30) * pt), top: Math.round(80 * pt), size }));
}
