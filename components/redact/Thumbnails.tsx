// Page thumbnails: a button per page, each drawn by pdf.js only when it scrolls
// into view (a 300-page document draws the handful on screen, not 300), and
// after the page shown in full has been drawn.
import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { t } from '../../extension/i18n.ts';

const WIDTH = 72;

function Thumb({ pdf, n, current, ready, onOpen }: { pdf: PDFDocumentProxy; n: number; current: boolean; ready: boolean; onOpen(): void }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const seen = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setVisible(true));
    seen.observe(canvas);
    return () => seen.disconnect();
  }, []);

  useEffect(() => {
    if (!visible || !ready) return;
    let task: { cancel(): void; promise: Promise<void> } | null = null;
    let cancelled = false;
    void (async () => {
      const page = await pdf.getPage(n);
      const canvas = ref.current;
      if (cancelled || !canvas) return;
      const viewport = page.getViewport({ scale: WIDTH / page.getViewport({ scale: 1 }).width });
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      task = page.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport });
      await task.promise.then(() => (canvas.dataset.drawn = 'true')).catch(() => {});
    })();
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [pdf, n, visible, ready]);

  return (
    <button type="button" aria-current={current} onClick={onOpen} aria-label={`${t('page')} ${n}`}>
      <canvas ref={ref} width={WIDTH} height={Math.round(WIDTH * 1.414)} aria-hidden="true" />
      <span>{n}</span>
    </button>
  );
}

export function Thumbnails({ pdf, page, ready, onPage }: { pdf: PDFDocumentProxy; page: number; ready: boolean; onPage(n: number): void }) {
  return (
    <div className="thumb-list">
      {Array.from({ length: pdf.numPages }, (_, i) => (
        <Thumb key={i} pdf={pdf} n={i + 1} current={page === i + 1} ready={ready} onOpen={() => onPage(i + 1)} />
      ))}
    </div>
  );
}
