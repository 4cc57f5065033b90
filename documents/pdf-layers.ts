// Text in a PDF's optional content (layers): a layer switched off does not show
// on screen or in print, yet its text is in the file and pdf.js reads it. Sumi
// reads it like the page's own text and calls it out. pdf.js does not say which
// layer a run of text belongs to (its marker carries no id), so when any layer
// is off, all text inside optional-content markers is called out as possibly
// hidden, with the names of the layers that are off.
import type { Page } from '../core/document.ts';

/** The names of the layers switched off in the document's default view (none when it has no layers). */
export async function hiddenLayerNames(doc: { getOptionalContentConfig(): Promise<Iterable<[string, { name?: string | null; visible?: boolean }]>> }): Promise<string[]> {
  try {
    const config = await doc.getOptionalContentConfig();
    return [...config].filter(([, g]) => g.visible === false).map(([, g]) => g.name || '(unnamed)');
  } catch {
    return [];
  }
}

/**
 * Text content read with its markers (includeMarkedContent): the text items
 * alone, as getTextContent() gives them without markers, and the indices of
 * those that stand inside an optional-content marker.
 */
export function splitMarkedContent(items: readonly unknown[]): { items: unknown[]; inLayer: Set<number> } {
  const out: unknown[] = [];
  const inLayer = new Set<number>();
  const open: string[] = [];
  for (const raw of items) {
    const item = raw as { type?: string; tag?: string; str?: unknown };
    if (item?.type === 'beginMarkedContent' || item?.type === 'beginMarkedContentProps') open.push(item.tag ?? '');
    else if (item?.type === 'endMarkedContent') open.pop();
    else {
      if (open.includes('OC')) inLayer.add(out.length);
      out.push(raw);
    }
  }
  return { items: out, inLayer };
}

/** Adds a hidden note for each run of the page's text that comes from items inside an optional-content marker. */
export function noteLayerText(page: Page, inLayer: ReadonlySet<number>, hiddenLayers: readonly string[]): void {
  if (!inLayer.size || !hiddenLayers.length) return;
  const detail = `text in optional content layers, some switched off (${hiddenLayers.map((n) => `'${n}'`).join(', ')})`;
  let run: { start: number; end: number } | undefined;
  const flush = () => {
    if (run) page.hidden.push({ kind: 'hidden-layer', detail, ...run });
    run = undefined;
  };
  for (const s of page.segments) {
    if (s.source.type !== 'pdf-item' || !inLayer.has(s.source.item)) continue;
    // runs joined across what lies between them only when that is blank (a space, a line end)
    if (run && !page.text.slice(run.end, s.start).trim()) run.end = s.end;
    else {
      flush();
      run = { start: s.start, end: s.end };
    }
  }
  flush();
}
