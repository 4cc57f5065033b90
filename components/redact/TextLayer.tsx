// The page's text, transparent over the rendered page so it can be selected:
// one span per text segment of the document model (PDF text items, OCR words),
// placed on its box and stretched to its width. A selection maps back to page
// text offsets through each span's data-start, and from there to mask boxes.
import { useLayoutEffect, useRef } from 'react';
import type { Page } from '../../core/document.ts';
import type { Box } from '../../review/boxes.ts';

interface Props {
  page: Page;
  toCss(box: Box): { left: number; top: number; width: number; height: number };
}

export function TextLayer({ page, toCss }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  // stretch each span to its box once laid out (the font's advance differs from the PDF's)
  useLayoutEffect(() => {
    for (const span of ref.current?.querySelectorAll<HTMLElement>('span[data-start]') ?? []) {
      span.style.transform = '';
      const natural = span.getBoundingClientRect().width;
      const wanted = Number(span.dataset.width);
      if (natural > 0 && wanted > 0) span.style.transform = `scaleX(${wanted / natural})`;
    }
  }, [page, toCss]);
  return (
    <div ref={ref} className="text-layer" aria-hidden="true">
      {page.segments.map((seg) => {
        const src = seg.source;
        if (src.type !== 'pdf-item' && src.type !== 'ocr-word') return null;
        const text = page.text.slice(seg.start, seg.end);
        if (!text.trim()) return null;
        const h = Math.abs(src.box.height) || 10;
        // PDF items are placed by their baseline, OCR words by their lower edge
        const lower = src.type === 'pdf-item' ? src.box.y - 0.2 * h : src.box.y;
        const css = toCss({ x: src.box.x, y: lower, width: src.box.width, height: h * (src.type === 'pdf-item' ? 1.2 : 1) });
        return (
          <span key={seg.start} data-start={seg.start} data-width={css.width} style={{ left: css.left, top: css.top, height: css.height, fontSize: css.height * 0.85, lineHeight: `${css.height}px` }}>
            {text}
          </span>
        );
      })}
    </div>
  );
}

/** Page text ranges [start, end) of the current selection inside `layer`, one per span it touches. */
export function selectedRanges(layer: Element | null): [number, number][] {
  const selection = window.getSelection();
  if (!layer || !selection || selection.isCollapsed) return [];
  const ranges: [number, number][] = [];
  for (let r = 0; r < selection.rangeCount; r++) {
    const range = selection.getRangeAt(r);
    for (const span of layer.querySelectorAll<HTMLElement>('span[data-start]')) {
      const node = span.firstChild;
      if (!node || !range.intersectsNode(node)) continue;
      const length = node.textContent?.length ?? 0;
      const a = node === range.startContainer ? range.startOffset : 0;
      const b = node === range.endContainer ? range.endOffset : length;
      if (b > a) ranges.push([Number(span.dataset.start) + a, Number(span.dataset.start) + b]);
    }
  }
  return ranges;
}
