// The searchable layer's text for pages whose words came from OCR (scans): a
// scanned page has no text of its own, but the document model holds the OCR
// words with their boxes, the same words the masks were placed from.
import type { Page, SumiDocument } from '../core/document.ts';
import type { PageSource, TextItem } from '../pages/canvas.ts';
import { INK_ABOVE, INK_BELOW } from './text-layer.ts';

/** The OCR words of a page as text items: an OCR box spans the ink, from below the descenders to the top. */
export function ocrTextItems(page: Page): TextItem[] {
  const items: TextItem[] = [];
  for (const seg of page.segments) {
    if (seg.source.type !== 'ocr-word') continue;
    const { box } = seg.source;
    const size = box.height / (INK_ABOVE + INK_BELOW);
    items.push({ text: page.text.slice(seg.start, seg.end), x: box.x, y: box.y + INK_BELOW * size, width: box.width, size });
  }
  return items;
}

/** `source`, with the text of OCR'd pages taken from `doc` (other pages keep the source's own text). */
export function withOcrText(source: PageSource, doc: SumiDocument): PageSource {
  const pages = new Map(doc.pages.map((p) => [p.number, p]));
  return {
    pageCount: source.pageCount,
    render: (n, scale) => source.render(n, scale),
    async text(n) {
      const page = pages.get(n);
      if (page?.segments.some((s) => s.source.type === 'ocr-word')) return ocrTextItems(page);
      return source.text ? source.text(n) : [];
    },
  };
}
