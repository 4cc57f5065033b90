// One page: rendered by pdf.js, with every proposed, accepted and manual mask
// drawn over it. Drag on the page to add an area; boxes are focusable buttons.
import { useEffect, useRef, useState, type MouseEvent } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { Box } from '../../review/boxes.ts';
import type { ReviewState } from '../../review/review.ts';
import type { Page } from '../../core/document.ts';
import { TextLayer } from './TextLayer.tsx';
import { KIND_NAMES } from '../../core/kind-names.ts';
import type { Decision } from '../../review/review.ts';
import { lang, t } from '../../extension/i18n.ts';

const DECISION_WORDS: Record<Decision, 'proposed' | 'accept' | 'reject' | 'disclose'> = { proposed: 'proposed', accepted: 'accept', rejected: 'reject', disclose: 'disclose' };

export interface PageViewProps {
  pdf: PDFDocumentProxy;
  page: number;
  zoom: number;
  review: ReviewState;
  selected: string | null;
  onSelect(id: string | null): void;
  onDraw(box: Box): void;
  /** a manual area moved or resized with the mouse */
  onEdit(id: string, box: Box): void;
  /** the page's text in the document model, for the selectable text layer */
  textPage?: Page;
  /** called once the page has been drawn */
  onDrawn?(): void;
}

type CssRect = { left: number; top: number; width: number; height: number };

interface Geometry {
  width: number;
  height: number;
  toCss(box: Box): CssRect;
  toPdf(x0: number, y0: number, x1: number, y1: number): Box;
}

const COLOURS = { proposed: 'rgba(255,165,0,0.35)', accepted: 'rgba(0,0,0,0.85)', rejected: 'rgba(0,128,0,0.15)', disclose: 'rgba(30,144,255,0.2)', manual: 'rgba(0,0,0,0.85)' };

export function PageView({ pdf, page, zoom, review, selected, onSelect, onDraw, onEdit, textPage, onDrawn }: PageViewProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [geometry, setGeometry] = useState<Geometry | null>(null);
  const [drag, setDrag] = useState<{ x0: number; y0: number; x1: number; y1: number } | null>(null);
  const pageRef = useRef<HTMLDivElement>(null);

  // the finding chosen in the list (or with J/K) comes into view on the page
  useEffect(() => {
    pageRef.current?.querySelector('.mask[aria-pressed="true"]')?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [selected, geometry]);

  useEffect(() => {
    let cancelled = false;
    let task: { cancel(): void } | null = null;
    void (async () => {
      const p = await pdf.getPage(page);
      const viewport = p.getViewport({ scale: zoom });
      const canvas = canvasRef.current;
      if (!canvas || cancelled) return;
      const ratio = window.devicePixelRatio || 1;
      delete canvas.dataset.drawn;
      canvas.width = Math.ceil(viewport.width * ratio);
      canvas.height = Math.ceil(viewport.height * ratio);
      canvas.style.width = `${viewport.width}px`;
      canvas.style.height = `${viewport.height}px`;
      const render = p.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined });
      task = render;
      setGeometry({
        width: viewport.width,
        height: viewport.height,
        toCss(b) {
          const [x0, y0, x1, y1] = viewport.convertToViewportRectangle([b.x, b.y, b.x + b.width, b.y + b.height]);
          return { left: Math.min(x0, x1), top: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) };
        },
        toPdf(x0, y0, x1, y1) {
          const [a, b] = viewport.convertToPdfPoint(x0, y0);
          const [c, d] = viewport.convertToPdfPoint(x1, y1);
          return { x: Math.min(a, c), y: Math.min(b, d), width: Math.abs(c - a), height: Math.abs(d - b) };
        },
      });
      await render.promise.then(
        () => {
          canvas.dataset.drawn = 'true';
          onDrawn?.();
        },
        () => {},
      );
    })();
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [pdf, page, zoom]);

  // moving or resizing a manual area with the mouse: previewed while dragging, one change (one undo step) on release
  const [edit, setEdit] = useState<{ id: string; mode: 'move' | 'resize'; x0: number; y0: number; dx: number; dy: number } | null>(null);
  const edited = (id: string, css: CssRect): CssRect => {
    if (edit?.id !== id) return css;
    return edit.mode === 'move' ? { ...css, left: css.left + edit.dx, top: css.top + edit.dy } : { ...css, width: Math.max(4, css.width + edit.dx), height: Math.max(4, css.height + edit.dy) };
  };
  const startEdit = (e: MouseEvent, id: string, mode: 'move' | 'resize') => {
    e.stopPropagation();
    onSelect(id);
    setEdit({ id, mode, x0: e.clientX, y0: e.clientY, dx: 0, dy: 0 });
  };
  useEffect(() => {
    if (!edit) return;
    const move = (e: globalThis.MouseEvent) => setEdit((d) => d && { ...d, dx: e.clientX - d.x0, dy: e.clientY - d.y0 });
    const up = () => {
      const manual = review.manual.find((m) => m.id === edit.id);
      if (manual && geometry && (Math.abs(edit.dx) > 1 || Math.abs(edit.dy) > 1)) {
        const r = edited(edit.id, geometry.toCss(manual.box));
        onEdit(edit.id, geometry.toPdf(r.left, r.top, r.left + r.width, r.top + r.height));
      }
      setEdit(null);
    };
    window.addEventListener('mousemove', move);
    window.addEventListener('mouseup', up);
    return () => {
      window.removeEventListener('mousemove', move);
      window.removeEventListener('mouseup', up);
    };
  });

  const point = (e: MouseEvent) => {
    const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  return (
    <div
      ref={pageRef}
      className="page"
      style={{ position: 'relative', width: geometry?.width, height: geometry?.height }}
      onMouseDown={(e) => {
        if (e.target !== e.currentTarget && (e.target as HTMLElement).tagName !== 'CANVAS') return;
        const p = point(e);
        setDrag({ x0: p.x, y0: p.y, x1: p.x, y1: p.y });
      }}
      onMouseMove={(e) => drag && setDrag({ ...drag, ...(({ x, y }) => ({ x1: x, y1: y }))(point(e)) })}
      onMouseUp={() => {
        if (drag && geometry && Math.abs(drag.x1 - drag.x0) > 4 && Math.abs(drag.y1 - drag.y0) > 4) onDraw(geometry.toPdf(drag.x0, drag.y0, drag.x1, drag.y1));
        else if (drag) onSelect(null);
        setDrag(null);
      }}
    >
      <canvas ref={canvasRef} aria-label={`page ${page}`} />
      {geometry && textPage && <TextLayer page={textPage} toCss={geometry.toCss} />}
      {geometry &&
        review.findings
          .filter((f) => f.finding.page === page)
          .flatMap((f) =>
            f.boxes.map((b, i) => (
              <button
                type="button"
                key={`${f.id}/${i}`}
                className="mask"
                data-decision={f.decision}
                aria-label={`${KIND_NAMES[f.finding.kind][lang]} ${t(DECISION_WORDS[f.decision])}`}
                aria-pressed={selected === f.id}
                onClick={() => onSelect(f.id)}
                style={{ position: 'absolute', ...geometry.toCss(b), background: COLOURS[f.decision], border: selected === f.id ? '2px solid var(--accent)' : '1px solid rgba(0,0,0,.4)', padding: 0 }}
              />
            )),
          )}
      {geometry &&
        review.manual
          .filter((m) => m.page === page)
          .map((m) => (
            <button
              type="button"
              key={m.id}
              className="mask manual"
              aria-label={`${t('manualArea')} ${m.reason}`}
              aria-pressed={selected === m.id}
              onClick={() => onSelect(m.id)}
              onMouseDown={(e) => startEdit(e, m.id, 'move')}
              style={{
                position: 'absolute',
                ...edited(m.id, geometry.toCss(m.box)),
                background: COLOURS.manual,
                border: selected === m.id ? '2px solid var(--accent)' : '1px solid #000',
                padding: 0,
                cursor: 'move',
              }}
            >
              <span className="resize-handle" aria-hidden="true" onMouseDown={(e) => startEdit(e, m.id, 'resize')} />
            </button>
          ))}
      {drag && (
        <div
          style={{
            position: 'absolute',
            left: Math.min(drag.x0, drag.x1),
            top: Math.min(drag.y0, drag.y1),
            width: Math.abs(drag.x1 - drag.x0),
            height: Math.abs(drag.y1 - drag.y0),
            outline: '2px dashed var(--accent)',
          }}
        />
      )}
    </div>
  );
}
