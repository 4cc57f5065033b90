// What the export came to, as a card beside the document: passed — what was
// checked, how many masks on how many pages, where the same text is still
// visible, and the PDF and log to save again — or refused, and where.
import { t } from '../../extension/i18n.ts';

export type ExportOutcome = { passed: true; masks: number; pages: number; visibleElsewhere: string | null; savePdf(): void; saveLog(): void } | { passed: false; text: string };

export function ExportCard({ outcome, onClose }: { outcome: ExportOutcome; onClose(): void }) {
  if (!outcome.passed) {
    return (
      <section className="export-card failed" role="alert">
        <p>
          <span aria-hidden="true">✕ </span>
          {outcome.text}
        </p>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </section>
    );
  }
  return (
    <section className="export-card passed" role="status" aria-label={t('verifyHeading')}>
      <h2>
        <span aria-hidden="true">✓ </span>
        {t('verifyHeading')}
      </h2>
      <p>
        {t('verified')} — {t('masksOnPages').replace('{masks}', String(outcome.masks)).replace('{pages}', String(outcome.pages))}
      </p>
      <ul>
        {(['checkText', 'checkMetadata', 'checkBytes', 'checkPixels'] as const).map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </ul>
      {outcome.visibleElsewhere && <p className="note">{outcome.visibleElsewhere}</p>}
      <div className="row">
        <button type="button" onClick={outcome.savePdf}>
          {t('saveAgain')}
        </button>
        <button type="button" onClick={outcome.saveLog}>
          {t('saveLog')}
        </button>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </section>
  );
}
