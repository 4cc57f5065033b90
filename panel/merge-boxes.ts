// Joins the boxes of neighbouring characters on one line into one area, so a
// selection over a PDF that writes each glyph as its own text item becomes one
// mask per line instead of one per character.
import type { Box } from '../review/boxes.ts';

/** Same line: the vertical overlap is at least half the smaller height. */
function sameLine(a: Box, b: Box): boolean {
  const overlap = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return overlap >= 0.5 * Math.min(a.height, b.height);
}

function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

/** Merges boxes on the same line whose horizontal gap is under one line height; order: as first seen. */
export function mergeLineBoxes(boxes: Box[]): Box[] {
  const out: Box[] = [];
  for (const box of [...boxes].sort((a, b) => a.x - b.x)) {
    const i = out.findIndex((o) => sameLine(o, box) && box.x - (o.x + o.width) < Math.min(o.height, box.height));
    if (i >= 0) out[i] = union(out[i], box);
    else out.push(box);
  }
  return out;
}
