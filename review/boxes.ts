// Where characters sit on a page: page-text offsets → rectangles in PDF user
// space, from the positions the reader recorded (PDF text items, OCR words).
import type { Page, Segment } from '../core/document.ts';
import type { Rect } from '../core/geometry.ts';
import { firstEndingAfter } from '../core/ranges.ts';
import { charWeight, weights } from '../core/char-weight.ts';

export { charWeight };

/** A rectangle on a page, in PDF user space. */
export type Box = Rect;

/** Padding around each masked box, as a fraction of the text height. */
const PAD_X = 0.35;
const PAD_Y = 0.2;

/** Boxes covering page text [start, end), one per source item it crosses, with a margin. */
export function textBoxes(page: Page, start: number, end: number): Box[] {
  const boxes: Box[] = [];
  for (const seg of overlapping(page.segments, start, end)) {
    const box = segmentPart(page, seg, Math.max(start, seg.start), Math.min(end, seg.end));
    if (box) boxes.push(box);
  }
  return boxes;
}

function overlapping(segments: Segment[], start: number, end: number): Segment[] {
  const out: Segment[] = [];
  for (let i = firstEndingAfter(segments, start); i < segments.length && segments[i].start < end; i++) out.push(segments[i]);
  return out;
}

function segmentPart(page: Page, seg: Segment, a: number, b: number): Box | null {
  const src = seg.source;
  // a form field or a note: where its characters sit inside the rectangle is not known, so all of it
  if (src.type === 'pdf-annotation') return { ...src.box };
  if (src.type !== 'pdf-item' && src.type !== 'ocr-word') return null;
  const { box } = src;
  const visible = page.text.slice(seg.start, seg.end);
  // the item's characters: skipped leading/trailing whitespace counts as spaces
  const lead = ' '.repeat(Math.max(0, src.offset));
  const trail = ' '.repeat(Math.max(0, src.length - src.offset - visible.length));
  const total = weights(lead + visible + trail) || 1;
  const before = weights(lead + visible.slice(0, a - seg.start));
  const inside = weights(visible.slice(a - seg.start, b - seg.start));
  const height = Math.abs(box.height) || 10;
  const scale = box.width / total;
  const padX = PAD_X * height;
  const padY = PAD_Y * height;
  if (src.type === 'ocr-word') {
    // OCR boxes are top-down in page space already converted by the reader: y is the lower edge
    return { x: box.x + before * scale - padX, y: box.y - padY, width: inside * scale + 2 * padX, height: height + 2 * padY };
  }
  // PDF text: y is the baseline; descenders reach about a quarter of the height below it
  return { x: box.x + before * scale - padX, y: box.y - 0.25 * height - padY, width: inside * scale + 2 * padX, height: 1.25 * height + 2 * padY };
}
