// Maps a finding's page offsets back to where it sits in the DOM: a Range over
// text nodes, or the form field that holds it. Positions come from the page's
// segments, never from searching the text again.
import type { DomSegment } from './dom-text.ts';
import { firstEndingAfter } from '../core/ranges.ts';

export interface DomLocation {
  range?: Range;
  field?: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  /** page-text range of the finding inside the field's value (the label Sumi wrote before it is cut off) */
  clip?: [number, number];
  /** found in an HTML comment: reported, nothing to paint */
  comment?: Comment;
}

export function locate(segments: DomSegment[], start: number, end: number, doc: Document): DomLocation | null {
  let i = firstEndingAfter(segments, start);
  if (i >= segments.length || segments[i].start >= end) return null;
  const first = segments[i];
  if (first.source.type === 'field') return { field: first.source.element, clip: [Math.max(start, first.start), Math.min(end, first.end)] };
  if (first.source.type === 'comment') return { comment: first.source.node };
  // extend over the text segments the finding covers
  let last = first;
  while (i + 1 < segments.length && segments[i + 1].start < end && segments[i + 1].source.type === 'text') last = segments[++i];
  if (first.source.type !== 'text' || last.source.type !== 'text') return null;
  const range = doc.createRange();
  try {
    range.setStart(first.source.node, Math.max(0, start - first.start));
    range.setEnd(last.source.node, Math.min(last.end, end) - last.start);
  } catch {
    return null; // the node changed since it was read; the next rescan places it again
  }
  return { range };
}
