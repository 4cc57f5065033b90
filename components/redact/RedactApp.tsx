// The redaction panel: open a PDF, review every finding, add areas with a legal
// reason, export a masked PDF that is verified before it is offered, and the log.
import { useEffect, useMemo, useState } from 'react';
import { REASONS, type Reason } from '../../redaction/plan.ts';
import type { ReviewAction, ReviewState } from '../../redaction/review.ts';
import { decideEveryOccurrence } from '../../redaction/occurrences.ts';
import { textBoxes, type Box } from '../../redaction/boxes.ts';
import type { PanelPlatform } from '../../panel/load.ts';
import { loadReasonLabels, watchReasonLabels } from '../../panel/reason-labels.ts';
import { mergeLineBoxes } from '../../panel/merge-boxes.ts';
import { ExportOptionsForm } from './ExportOptionsForm.tsx';
import { FindingList } from './FindingList.tsx';
import { PageView } from './PageView.tsx';
import { Thumbnails } from './Thumbnails.tsx';
import { selectedRanges } from './TextLayer.tsx';
import { t } from '../../extension/i18n.ts';
import type { Message, Progress } from './status.ts';
import { useExport } from './use-export.ts';
import { useHandedFile } from './use-handed-file.ts';
import { useOpenDocument } from './use-open-document.ts';
import { useReviewHistory } from './use-review-history.ts';

const EMPTY_REVIEW: ReviewState = { findings: [], manual: [] };

const STEP_WORDS = { read: 'reading', ocr: 'ocrRunning', scan: 'scanning', export: 'exporting' } as const;

/** A manual area's id: unique within a review, and saying nothing of the document. */
function newMaskId(): string {
  return `m${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** `platform`: the browser's (platform/browser.ts), handed in by the entry point. */
export function RedactApp({ platform }: { platform: PanelPlatform }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(1.25);
  const [selected, setSelected] = useState<string | null>(null);
  const [reason, setReason] = useState<Reason>('5条1号');
  const status = { say: setMessage, progress: setProgress };

  // the office's own reason labels, beside the Article 5 grounds
  const [ownReasons, setOwnReasons] = useState<string[]>([]);
  useEffect(() => {
    void loadReasonLabels().then(setOwnReasons, () => {});
    return watchReasonLabels(setOwnReasons);
  }, []);
  const reasons = useMemo(() => [...new Set<Reason>([...REASONS, ...ownReasons])], [ownReasons]);

  const { opened, pdf, drawn, onDrawn, open, cancel: cancelOpening } = useOpenDocument(platform, { ...status, started: () => setSelected(null), shown: () => setPage(1) });
  useHandedFile(open, setMessage);
  const history = useReviewHistory(opened, setMessage);
  const { review, dispatch } = history;
  const exporter = useExport(platform, status);

  function cancelProgress() {
    if (progress?.label === 'export') exporter.cancel();
    else cancelOpening(progress?.label === 'ocr');
  }

  /** Adds manual areas on the current page with the current reason, as one undo step. */
  function addBoxes(boxes: Box[]) {
    if (!boxes.length) return;
    const masks = boxes.map((box) => ({ id: newMaskId(), page, box, reason }));
    dispatch(...masks.map((mask): ReviewAction => ({ type: 'add-manual', mask })));
    setSelected(masks[masks.length - 1].id);
  }

  /** Masks the text selected in the page's text layer. */
  function maskSelection(): boolean {
    const textPage = opened?.doc.pages[page - 1];
    const ranges = selectedRanges(document.querySelector('.page .text-layer'));
    if (!textPage || !ranges.length) return false;
    addBoxes(mergeLineBoxes(ranges.flatMap(([start, end]) => textBoxes(textPage, start, end))));
    window.getSelection()?.removeAllRanges();
    return true;
  }

  // keyboard: move/resize the selected manual area, delete, undo/redo
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement).closest('select, input, textarea')) return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') return void (e.preventDefault(), history.undo());
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'y') return void (e.preventDefault(), history.redo());
      if (e.key.toLowerCase() === 'm' && !e.ctrlKey && !e.metaKey && !e.altKey && maskSelection()) return void e.preventDefault();
      // a, r, d: accept, reject or disclose the selected finding
      const finding = review?.findings.find((f) => f.id === selected);
      const decision = ({ a: 'accepted', r: 'rejected', d: 'disclose' } as const)[e.key.toLowerCase()];
      if (finding && decision && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        dispatch({ type: 'decide', ids: [finding.id], decision });
        return;
      }
      const manual = review?.manual.find((m) => m.id === selected);
      if (!manual) return;
      if (e.key === 'Delete' || e.key === 'Backspace') {
        e.preventDefault();
        dispatch({ type: 'remove-manual', id: manual.id });
        setSelected(null);
        return;
      }
      const step = e.shiftKey ? 10 : 1;
      const d = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] }[e.key];
      if (!d) return;
      e.preventDefault();
      const b = manual.box;
      const box = e.altKey ? { ...b, width: Math.max(2, b.width + d[0]), height: Math.max(2, b.height - d[1]), y: b.y + d[1] } : { ...b, x: b.x + d[0], y: b.y + d[1] };
      dispatch({ type: 'update-manual', id: manual.id, box });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const counts = useMemo(() => review && { accepted: review.findings.filter((f) => f.decision === 'accepted').length, total: review.findings.length }, [review]);

  return (
    <div
      className="app"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        const file = e.dataTransfer.files[0];
        if (file) void open(file);
      }}
    >
      <header>
        <h1>{t('title')}</h1>
        <label className="open">
          {t('open')} <input type="file" accept="application/pdf,.pdf,image/png,image/jpeg,image/tiff,.png,.jpg,.jpeg,.tif,.tiff" onChange={(e) => e.target.files?.[0] && void open(e.target.files[0])} />
        </label>
        <span>{t('drop')}</span>
        {opened && (
          <>
            <button type="button" onClick={history.undo} disabled={!history.canUndo}>{t('undo')}</button>
            <button type="button" onClick={history.redo} disabled={!history.canRedo}>{t('redo')}</button>
            <label>
              {t('reason')}{' '}
              <select value={reason} onChange={(e) => setReason(e.target.value)} aria-label={t('reason')}>
                {reasons.map((r) => <option key={r}>{r}</option>)}
              </select>
            </label>
            <button type="button" onClick={() => addBoxes([{ x: 72, y: 700, width: 144, height: 20 }])}>{t('addBox')}</button>
            <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => maskSelection() || setMessage({ kind: 'info', text: t('selectFirst') })} aria-keyshortcuts="M">
              {t('maskSelection')}
            </button>
            <ExportOptionsForm value={exporter.options} onChange={exporter.changeOptions} />
            <button type="button" className="primary" onClick={() => void exporter.exportPdf(opened, review)} disabled={!!progress}>{t('export')}</button>
          </>
        )}
      </header>
      {progress && (
        <div className="progress" role="status">
          {t(STEP_WORDS[progress.label])} <progress max={progress.total} value={progress.done} aria-label={t(STEP_WORDS[progress.label])} /> {progress.done}/{progress.total}{' '}
          <button type="button" onClick={cancelProgress}>{progress.label === 'ocr' ? t('skipOcr') : t('cancel')}</button>
        </div>
      )}
      {message && <p className={`message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
      {counts && <p className="summary">{counts.accepted}/{counts.total}</p>}
      <p className="keys">{opened && t('keys')}</p>
      <main>
        {pdf && (
          <nav className="thumbs" aria-label={t('page')}>
            <div className="row">
              <button type="button" onClick={() => setZoom((z) => Math.min(3, z + 0.25))} aria-label={t('zoomIn')}>＋</button>
              <button type="button" onClick={() => setZoom((z) => Math.max(0.5, z - 0.25))} aria-label={t('zoomOut')}>－</button>
            </div>
            <Thumbnails pdf={pdf} page={page} ready={drawn} onPage={setPage} />
          </nav>
        )}
        <div className="viewer">
          {pdf && (
            <PageView
              pdf={pdf}
              page={page}
              zoom={zoom}
              review={review ?? EMPTY_REVIEW}
              selected={selected}
              onSelect={setSelected}
              onDraw={(box) => (review ? addBoxes([box]) : undefined)}
              onEdit={(id, box) => dispatch({ type: 'update-manual', id, box })}
              textPage={opened?.doc.pages[page - 1]}
              onDrawn={onDrawn}
            />
          )}
        </div>
        {review && (
          <aside>
            <FindingList
              review={review}
              selected={selected}
              reasons={reasons}
              onSelect={(id, p) => {
                setSelected(id);
                setPage(p);
              }}
              onDecide={(ids, decision) => dispatch({ type: 'decide', ids, decision })}
              onEveryOccurrence={(id) => opened && history.change((r) => decideEveryOccurrence(r, id, opened.doc, newMaskId))}
              onReason={(ids, r) => dispatch({ type: 'reason', ids, reason: r })}
              onRemoveManual={(id) => dispatch({ type: 'remove-manual', id })}
            />
          </aside>
        )}
      </main>
    </div>
  );
}
