// Export: the review burned into a masked PDF and verified before it is offered
// (panel/export.ts); a PDF from which a masked text can be recovered is refused,
// one that passes is downloaded with its log. The officer's settings are kept.
import { recordExport } from '../../guard/export-record.ts';
import { useRef, useState } from 'react';
import type { ReviewState } from '../../review/review.ts';
import { unmaskedOccurrences } from '../../review/occurrences.ts';
import { logCsv } from '../../export/log.ts';
import type { OpenedDocument, PanelPlatform } from '../../panel/load.ts';
import { exportReview } from '../../panel/export.ts';
import type { VerifiedExport } from '../../pipeline/export-verified.ts';
import { KIND_NAMES } from '../../core/kind-names.ts';
import { lang, t } from '../../extension/i18n.ts';
import { loadExportOptions, saveExportOptions, type PanelExportOptions } from './ExportOptionsForm.tsx';
import type { Status } from './status.ts';
import type { ExportOutcome } from './ExportCard.tsx';

function download(name: string, data: BlobPart, type: string) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The masked PDF, and its log as CSV and JSON, named after the file opened. */
function savePdf(opened: OpenedDocument, result: VerifiedExport) {
  download(`${baseName(opened)}-masked.pdf`, result.pdf.slice().buffer, 'application/pdf');
}
function saveLog(opened: OpenedDocument, result: VerifiedExport) {
  // the log lists the masks as burned (widened to the minimum width), as the CLI's does
  download(`${baseName(opened)}-masked.log.csv`, logCsv(result.log), 'text/csv');
  download(`${baseName(opened)}-masked.log.json`, JSON.stringify({ file: opened.name, pages: opened.doc.pages.length, masks: result.log }, null, 2), 'application/json');
}
const baseName = (opened: OpenedDocument) => opened.name.replace(/\.[^.]+$/, '');

/** A refused export: where, never what — the page and kind of each finding whose text was found again. */
function refusal(review: ReviewState, recoverable: string[]): ExportOutcome {
  const found = new Set(recoverable);
  const where = review.findings.filter((f) => f.decision === 'accepted' && found.has(f.finding.text)).map((f) => `p${f.finding.page} ${KIND_NAMES[f.finding.kind][lang]}`);
  return { passed: false, text: `${t('refused')} (${recoverable.length}): ${[...new Set(where)].join(', ')}` };
}

/** A verified export, and the pages where the same text was left visible: not recoverable from a mask, but disclosed all the same. */
function verified(opened: OpenedDocument, review: ReviewState, result: VerifiedExport): ExportOutcome {
  const visible = unmaskedOccurrences(review, opened.doc);
  const pages = [...new Set(visible.map((o) => o.page))].map((p) => `p${p}`).join(', ');
  return {
    passed: true,
    masks: result.log.length,
    pages: new Set(result.log.map((m) => m.page)).size,
    visibleElsewhere: visible.length ? `${t('visibleElsewhere')} (${visible.length}: ${pages})` : null,
    savePdf: () => savePdf(opened, result),
    saveLog: () => saveLog(opened, result),
  };
}

/** `platform`: the browser's (platform/browser.ts), handed in by the entry point. */
export function useExport(platform: PanelPlatform, status: Status) {
  const [options, setOptions] = useState<PanelExportOptions>(loadExportOptions);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  /** cancels the export in progress */
  const abort = useRef<AbortController | null>(null);

  function changeOptions(next: PanelExportOptions) {
    setOptions(next);
    saveExportOptions(next);
  }

  async function exportPdf(opened: OpenedDocument | null, review: ReviewState | undefined) {
    if (!opened || !review) return;
    const controller = new AbortController();
    abort.current = controller;
    status.say(null);
    setOutcome(null);
    try {
      const result = await exportReview(platform, opened, review, {
        ...options,
        signal: controller.signal,
        onProgress: (done, total) => status.progress({ label: 'export', done, total }),
      });
      if (result.verification.recoverable.length) {
        setOutcome(refusal(review, result.verification.recoverable));
        return;
      }
      savePdf(opened, result);
      saveLog(opened, result);
      // on record, so the upload guard lets this very file pass without reading it again
      // (with the kinds the officer left unmasked: the guard still reads it for those)
      const unmasked = review.findings.filter((f) => f.decision !== 'accepted').map((f) => f.finding.kind);
      void recordExport(result.pdf, unmasked).catch(() => {});
      setOutcome(verified(opened, review, result));
    } catch (err) {
      status.say({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      status.progress(null);
      abort.current = null;
    }
  }

  return { options, changeOptions, exportPdf, outcome, dismiss: () => setOutcome(null), cancel: () => abort.current?.abort() };
}
