// The side list: findings grouped by kind with counts, a decision and a reason
// for each, and manual areas below.
import type { Kind } from '../../core/findings.ts';
import { KIND_NAMES } from '../../core/kind-names.ts';
import { REASONS, type Reason } from '../../review/plan.ts';
import type { Decision, ReviewState } from '../../review/review.ts';
import { lang, t } from '../../extension/i18n.ts';
import { useState } from 'react';

export interface FindingListProps {
  review: ReviewState;
  selected: string | null;
  reasons: readonly Reason[];
  onSelect(id: string, page: number): void;
  onDecide(ids: string[], decision: Decision): void;
  /** carry this finding's decision to every occurrence of its text in the document */
  onEveryOccurrence(id: string): void;
  onReason(ids: string[], reason: Reason): void;
  onRemoveManual(id: string): void;
}

function ReasonSelect({ value, reasons, onChange, label }: { value: Reason; reasons: readonly Reason[]; onChange(r: Reason): void; label: string }) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {[...new Set([...reasons, value])].map((r) => (
        <option key={r} value={r}>
          {r}
        </option>
      ))}
    </select>
  );
}

export function FindingList({ review, selected, reasons, onSelect, onDecide, onEveryOccurrence, onReason, onRemoveManual }: FindingListProps) {
  const [undecidedOnly, setUndecidedOnly] = useState(false);
  const undecided = review.findings.filter((f) => f.decision === 'proposed').length;
  const groups = new Map<Kind, ReviewState['findings']>();
  for (const f of review.findings) if (!undecidedOnly || f.decision === 'proposed' || f.id === selected) groups.set(f.finding.kind, [...(groups.get(f.finding.kind) ?? []), f]);
  return (
    <div className="findings">
      <h2>
        {t('findings')} ({review.findings.length})
      </h2>
      {/* how far the review has come: the findings still waiting for a decision */}
      <p className="progress">
        <label>
          <span role="status">
            {t('undecided')} {undecided} / {review.findings.length}
          </span>{' '}
          <progress max={review.findings.length || 1} value={review.findings.length - undecided} />
        </label>
      </p>
      <label className="row">
        <input type="checkbox" checked={undecidedOnly} onChange={(e) => setUndecidedOnly(e.target.checked)} /> {t('undecidedOnly')}
      </label>
      <div className="row">
        <button
          type="button"
          onClick={() =>
            onDecide(
              review.findings.map((f) => f.id),
              'accepted',
            )
          }
        >
          {t('acceptAll')}
        </button>
        <button
          type="button"
          onClick={() =>
            onDecide(
              review.findings.map((f) => f.id),
              'rejected',
            )
          }
        >
          {t('rejectAll')}
        </button>
      </div>
      {[...groups].map(([kind, items]) => (
        <section key={kind} aria-label={KIND_NAMES[kind][lang]}>
          <h3>
            {KIND_NAMES[kind][lang]} <span className="count">{items.length}</span>{' '}
            <button
              type="button"
              onClick={() =>
                onDecide(
                  items.map((f) => f.id),
                  'accepted',
                )
              }
            >
              {t('accept')}
            </button>
            <button
              type="button"
              onClick={() =>
                onDecide(
                  items.map((f) => f.id),
                  'rejected',
                )
              }
            >
              {t('reject')}
            </button>
          </h3>
          <ul>
            {items.map((f) => (
              <li key={f.id} className={selected === f.id ? 'selected' : ''} data-decision={f.decision}>
                <button type="button" className="text" onClick={() => onSelect(f.id, f.finding.page)} title={f.finding.why}>
                  p{f.finding.page} {f.finding.text.replace(/\s+/g, ' ').slice(0, 40)}
                </button>
                <span className="decision" role="group" aria-label={f.decision}>
                  {(['accepted', 'rejected', 'disclose'] as const).map((d) => (
                    <button key={d} type="button" aria-pressed={f.decision === d} onClick={() => onDecide([f.id], d)}>
                      {t(d === 'accepted' ? 'accept' : d === 'rejected' ? 'reject' : 'disclose')}
                    </button>
                  ))}
                  <button type="button" onClick={() => onEveryOccurrence(f.id)}>
                    {t('everyOccurrence')}
                  </button>
                </span>
                <ReasonSelect label={t('reason')} value={f.reason} reasons={reasons} onChange={(r) => onReason([f.id], r)} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h2>
        {t('manual')} ({review.manual.length})
      </h2>
      <ul>
        {review.manual.map((m) => (
          <li key={m.id} className={selected === m.id ? 'selected' : ''}>
            <button type="button" className="text" onClick={() => onSelect(m.id, m.page)}>
              p{m.page}
            </button>
            <ReasonSelect label={t('reason')} value={m.reason} reasons={reasons} onChange={(r) => onReason([m.id], r)} />
            <button type="button" onClick={() => onRemoveManual(m.id)}>
              {t('removeBox')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

export { REASONS };
