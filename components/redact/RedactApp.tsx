// The redaction panel: open a PDF, review every finding, add areas with a legal
// reason, export a masked PDF that is verified before it is offered, and the log.
// The work is done by hooks of one job each; this file puts them together and lays out the page.
import { useMemo, useState } from 'react';
import type { Reason } from '../../review/plan.ts';
import type { ReviewState } from '../../review/review.ts';
import { decideEveryOccurrence } from '../../review/occurrences.ts';
import type { PanelPlatform } from '../../panel/load.ts';
import { ExportOptionsForm } from './ExportOptionsForm.tsx';
import { hasHiddenSheets } from '../../panel/shown-sheets.ts';
import { ExportCard } from './ExportCard.tsx';
import { FindingList, type ListFilter } from './FindingList.tsx';
import { groupFindings, groupOf } from '../../review/groups.ts';
import { PageView } from './PageView.tsx';
import { Thumbnails } from './Thumbnails.tsx';
import { lang, t } from '../../extension/i18n.ts';
import { KIND_NAMES } from '../../core/kind-names.ts';
import { manualAreas, newMaskId } from './manual-areas.ts';
import type { Message, Progress } from './status.ts';
import { useExport } from './use-export.ts';
import { useHandedFile } from './use-handed-file.ts';
import { useOpenDocument } from './use-open-document.ts';
import { useReasons } from './use-reasons.ts';
import { useReviewHistory } from './use-review-history.ts';
import { useShortcuts } from './use-shortcuts.ts';

/** What the panel opens: PDFs and scans as they are, spreadsheets, documents and text printed onto pages. */
const OPENABLE = 'application/pdf,.pdf,image/png,image/jpeg,image/tiff,.png,.jpg,.jpeg,.tif,.tiff,.xlsx,.xlsm,.docx,.csv,.tsv,.txt,.md';

const EMPTY_REVIEW: ReviewState = { findings: [], manual: [] };

const STEP_WORDS = { read: 'reading', ocr: 'ocrRunning', scan: 'scanning', export: 'exporting' } as const;

/** `platform`: the browser's (platform/browser.ts), handed in by the entry point. */
export function RedactApp({ platform }: { platform: PanelPlatform }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(1.25);
  const [selected, setSelected] = useState<string | null>(null);
  // a finding chosen in its group's list of occurrences is decided alone; otherwise with its whole group
  const [selectedOne, setSelectedOne] = useState(false);
  const [filter, setFilter] = useState<ListFilter>({ kind: '', undecidedOnly: false });
  const [reason, setReason] = useState<Reason>('5条1号');
  const status = { say: setMessage, progress: setProgress };

  const reasons = useReasons();
  const { opened, pdf, drawn, early, onDrawn, open, cancel: cancelOpening } = useOpenDocument(platform, { ...status, started: () => setSelected(null), shown: () => setPage(1) });
  useHandedFile(open, setMessage);
  const history = useReviewHistory(opened, setMessage);
  const { review, dispatch } = history;
  const exporter = useExport(platform, status);
  const textPage = opened?.doc.pages[page - 1];
  const areas = manualAreas({ page, reason, textPage, dispatch, select: setSelected });
  // the list as shown: filtered (the selected finding stays, so deciding it does not make it vanish), grouped by kind and value
  const groups = useMemo(
    () => groupFindings(review?.findings ?? [], (f) => (!filter.kind || f.finding.kind === filter.kind) && (!filter.undecidedOnly || f.decision === 'proposed' || f.id === selected)),
    [review, filter, selected],
  );
  const select = (id: string | null, one = false) => {
    setSelected(id);
    setSelectedOne(one);
    const f = id ? review?.findings.find((x) => x.id === id) : undefined;
    if (f) setPage(f.finding.page);
  };
  /** J/K: the next or previous group in the list as shown */
  const step = (delta: number) => {
    const rows = groups.flatMap((k) => k.values);
    if (!rows.length) return;
    const at = selected ? rows.findIndex((g) => g.ids.includes(selected)) : -1;
    const from = at === -1 ? (delta > 0 ? -1 : rows.length) : at;
    const next = rows[Math.min(rows.length - 1, Math.max(0, from + delta))];
    select(next.ids[0]);
  };
  const selectedIds = selected ? (selectedOne ? [selected] : (groupOf(groups, selected)?.ids ?? [selected])) : [];
  useShortcuts({ review, selected, selectedIds, step, dispatch, undo: history.undo, redo: history.redo, maskSelection: areas.maskSelection, deselect: () => setSelected(null) });

  function cancelProgress() {
    if (progress?.label === 'export') exporter.cancel();
    else cancelOpening(progress?.label === 'ocr');
  }

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
          {t('open')} <input type="file" accept={OPENABLE} onChange={(e) => e.target.files?.[0] && void open(e.target.files[0])} />
        </label>
        <span>{t('drop')}</span>
        {opened && (
          <>
            <button type="button" onClick={history.undo} disabled={!history.canUndo}>
              {t('undo')}
            </button>
            <button type="button" onClick={history.redo} disabled={!history.canRedo}>
              {t('redo')}
            </button>
            <label>
              {t('reason')}{' '}
              <select value={reason} onChange={(e) => setReason(e.target.value)} aria-label={t('reason')}>
                {reasons.map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
            </label>
            <button type="button" onClick={() => areas.add([{ x: 72, y: 700, width: 144, height: 20 }])}>
              {t('addBox')}
            </button>
            <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => areas.maskSelection() || setMessage({ kind: 'info', text: t('selectFirst') })} aria-keyshortcuts="M">
              {t('maskSelection')}
            </button>
            <ExportOptionsForm value={exporter.options} onChange={exporter.changeOptions} hiddenSheets={opened ? hasHiddenSheets(opened) : false} />
            <button type="button" className="primary" onClick={() => void exporter.exportPdf(opened, review)} disabled={!!progress}>
              {t('export')}
            </button>
          </>
        )}
      </header>
      {progress && (
        <div className="progress" role="status">
          {t(STEP_WORDS[progress.label])} <progress max={progress.total} value={progress.done} aria-label={t(STEP_WORDS[progress.label])} /> {progress.done}/{progress.total}{' '}
          <button type="button" onClick={cancelProgress}>
            {progress.label === 'ocr' ? t('skipOcr') : t('cancel')}
          </button>
        </div>
      )}
      {message && (
        <p className={`message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {exporter.outcome && <ExportCard outcome={exporter.outcome} onClose={exporter.dismiss} />}
      {counts && (
        <p className="summary">
          {counts.accepted}/{counts.total}
        </p>
      )}
      {opened && (
        // the shortcuts on demand (? opens them), not a paragraph across the top
        <details className="keys" id="sumi-shortcuts">
          <summary aria-keyshortcuts="?">{t('shortcuts')}</summary>
          <p>{t('keys')}</p>
        </details>
      )}
      <main>
        {pdf && (
          <nav className="thumbs" aria-label={t('page')}>
            <div className="row">
              <button type="button" onClick={() => setZoom((z) => Math.min(3, z + 0.25))} aria-label={t('zoomIn')}>
                ＋
              </button>
              <button type="button" onClick={() => setZoom((z) => Math.max(0.5, z - 0.25))} aria-label={t('zoomOut')}>
                －
              </button>
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
              onSelect={(id) => select(id)}
              onDraw={(box) => (review ? areas.add([box]) : undefined)}
              onEdit={(id, box) => dispatch({ type: 'update-manual', id, box })}
              textPage={textPage}
              onDrawn={onDrawn}
            />
          )}
        </div>
        {!review && early && (
          // while a long file opens: what its first pages hold, to look at before the review can start
          <aside className="early" aria-busy="true">
            <h2>
              {t('earlyFindings')} ({early.findings.length}, p1–{early.pagesRead})
            </h2>
            <ul>
              {early.findings.slice(0, 200).map((f) => (
                <li key={`${f.page}:${f.start}:${f.kind}`} data-early={f.kind}>
                  <button type="button" className="text" onClick={() => setPage(f.page)}>
                    <span className="value">{f.text.replace(/\s+/g, ' ').slice(0, 40)}</span>{' '}
                    <span className="meta">
                      {KIND_NAMES[f.kind][lang]} · p{f.page}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </aside>
        )}
        {review && (
          <aside>
            <FindingList
              review={review}
              groups={groups}
              filter={filter}
              onFilter={setFilter}
              selected={selected}
              selectedOne={selectedOne}
              reasons={reasons}
              onSelect={(id, p, one) => {
                select(id, one);
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
