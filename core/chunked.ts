// Scans a long text in slices so a caller can yield between them (the content
// script must never block the page for long). Each slice is given the lines
// before it, and the header row of the table it is in, as context, so labels on
// the previous line and column headers still work; findings in that context are
// dropped (the slice before reported them).
import { scanText, type ScanOptions } from './engine.ts';
import type { Finding } from './findings.ts';

export interface Slice {
  /** offset of the slice in the whole text */
  start: number;
  end: number;
  /** text given to the engine: context + slice */
  text: string;
  /** length of the context prefix inside `text` */
  contextLength: number;
}

const CONTEXT_LINES = 2;

/** Cuts text into slices of about `size` characters at line ends. */
export function sliceText(text: string, size = 16_384): Slice[] {
  const slices: Slice[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const nl = text.indexOf('\n', end);
      end = nl === -1 || nl - start > size * 2 ? end : nl + 1;
    }
    const context = contextBefore(text, start);
    slices.push({ start, end, text: context + text.slice(start, end), contextLength: context.length });
    start = end;
  }
  return slices;
}

/** The table header line (when start is inside a table) and the lines just before start. */
function contextBefore(text: string, start: number): string {
  if (start === 0) return '';
  let lineStart = start;
  for (let i = 0; i < CONTEXT_LINES && lineStart > 0; i++) lineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
  const lines = text.slice(lineStart, start);
  // walk up the block of tab-separated rows (bounded) to find its header
  let header = '';
  let at = lineStart;
  for (let steps = 0; steps < 5000 && at > 0; steps++) {
    const prevStart = text.lastIndexOf('\n', at - 2) + 1;
    const prev = text.slice(prevStart, at - 1);
    if (!prev.includes('\t')) break;
    header = prev;
    at = prevStart;
  }
  const firstContextLine = lines.slice(0, lines.indexOf('\n') + 1 || lines.length);
  return header && header + '\n' !== firstContextLine ? `${header}\n${lines}` : lines;
}

/** Scans one slice and returns its findings with offsets into the whole text. */
export function scanSlice(slice: Slice, page: number, options: ScanOptions = {}): Finding[] {
  return scanText(slice.text, page, options)
    .filter((f) => f.start >= slice.contextLength)
    .map((f) => ({ ...f, start: f.start - slice.contextLength + slice.start, end: f.end - slice.contextLength + slice.start }));
}
