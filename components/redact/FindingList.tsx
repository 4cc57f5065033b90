// The side list: how far the review has come, filters, and the findings
// grouped by kind and then by value (review/groups.ts) — one row and one
// decision for every occurrence of a value, its occurrences listed on demand —
// and the manual areas below.
import type { Kind } from '../../core/findings.ts';
import { KIND_NAMES } from '../../core/kind-names.ts';
import { REASONS, type Reason } from '../../review/plan.ts';
import { pageList, type KindGroup, type ValueGroup } from '../../review/groups.ts';
import type { Decision, ReviewFinding, ReviewState } from '../../review/review.ts';
import { lang, t } from '../../extension/i18n.ts';
import { useEffect, useMemo, useRef, useState } from 'react';

export interface ListFilter {
  kind: Kind | '';
  undecidedOnly: boolean;
}

export interface FindingListProps {
  review: ReviewState;
  /** the findings shown, grouped (after the filter) */
  groups: KindGroup[];
  filter: ListFilter;
  onFilter(filter: ListFilter): void;
  selected: string | null;
  /** the selection is one occurrence (chosen in a group's list), not the whole group */
  selectedOne: boolean;
  reasons: readonly Reason[];
  onSelect(id: string, page: number, one: boolean): void;
  onDecide(ids: string[], decision: Decision): void;
  /** carry this finding's decision to every occurrence of its text in the document */
  onEveryOccurrence(id: string): void;
  onReason(ids: string[], reason: Reason): void;
  onRemoveManual(id: string): void;
}

const DECISIONS = [
  { decision: 'accepted', word: 'accept', icon: '■', key: 'A' },
  { decision: 'rejected', word: 'reject', icon: '✕', key: 'R' },
  { decision: 'disclose', word: 'disclose', icon: '○', key: 'D' },
] as const;

function ReasonSelect({ value, reasons, onChange, label }: { value: Reason; reasons: readonly Reason[]; onChange(r: Reason): void; label: string }) {
  return (
    <select className="chip" aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {[...new Set([...reasons, value])].map((r) => (
        <option key={r} value={r}>
          {r}
        </option>
      ))}
    </select>
  );
}

/** Compact decision buttons for a set of findings: pressed when they all share that decision. */
function DecisionButtons({ ids, decision, onDecide }: { ids: string[]; decision: Decision | 'mixed'; onDecide(ids: string[], d: Decision): void }) {
  return (
    <span className="decision" role="group" aria-label={decision === 'mixed' ? t('mixed') : t(decision === 'proposed' ? 'undecided' : DECISIONS.find((d) => d.decision === decision)!.word)}>
      {DECISIONS.map((d) => (
        <button
          key={d.decision}
          type="button"
          className={`icon ${d.decision}`}
          aria-pressed={decision === d.decision}
          aria-label={t(d.word)}
          title={`${t(d.word)} (${d.key})`}
          onClick={() => onDecide(ids, d.decision)}
        >
          <span aria-hidden="true">{d.icon}</span>
        </button>
      ))}
    </span>
  );
}

function GroupRow({ group, byId, props }: { group: ValueGroup; byId: ReadonlyMap<string, ReviewFinding>; props: FindingListProps }) {
  const { selected, selectedOne, reasons, onSelect, onDecide, onEveryOccurrence, onReason } = props;
  const [open, setOpen] = useState(false);
  const selectedHere = selected !== null && group.ids.includes(selected);
  const row = useRef<HTMLLIElement>(null);
  // the finding chosen on the page (or with J/K) comes into view in the list
  useEffect(() => {
    if (selectedHere) row.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selectedHere]);
  const first = byId.get(group.ids[0])!;
  const count = group.ids.length;
  return (
    <li ref={row} className={`group${selectedHere && !selectedOne ? ' selected' : ''}`} data-decision={group.decision} data-count={count} data-severity={first.finding.severity}>
      <button type="button" className="text" onClick={() => onSelect(group.ids[0], first.finding.page, false)} title={first.finding.why}>
        <span className="value">{group.text.replace(/\s+/g, ' ').slice(0, 40)}</span>{' '}
        <span className="meta">
          {count > 1 ? `×${count} · ` : ''}
          {pageList(group.pages)}
        </span>
      </button>
      <DecisionButtons ids={group.ids} decision={group.decision} onDecide={onDecide} />
      <button type="button" className="icon" aria-label={t('everyOccurrence')} title={t('everyOccurrence')} onClick={() => onEveryOccurrence(group.ids[0])}>
        <span aria-hidden="true">{t('everyOccurrenceShort')}</span>
      </button>
      <ReasonSelect label={t('reason')} value={group.reason} reasons={reasons} onChange={(r) => onReason(group.ids, r)} />
      {count > 1 && (
        <button type="button" className="icon expand" aria-expanded={open} aria-label={`${t('occurrences')} (${count})`} onClick={() => setOpen((o) => !o)}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span>
        </button>
      )}
      {open && (
        <ul className="occurrences" aria-label={t('occurrences')}>
          {group.ids.map((id) => {
            const f = byId.get(id)!;
            return (
              <li key={id} className={selected === id && selectedOne ? 'selected' : ''} data-occurrence={f.decision}>
                <button type="button" className="text" onClick={() => onSelect(id, f.finding.page, true)}>
                  p{f.finding.page}
                </button>
                <DecisionButtons ids={[id]} decision={f.decision} onDecide={onDecide} />
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}

export function FindingList(props: FindingListProps) {
  const { review, groups, filter, onFilter, selected, reasons, onSelect, onDecide, onReason, onRemoveManual } = props;
  // each row finds its findings here, not by a search of them all
  const byId = useMemo(() => new Map(review.findings.map((f) => [f.id, f])), [review.findings]);
  const undecided = review.findings.filter((f) => f.decision === 'proposed').length;
  const kinds = [...new Set(review.findings.map((f) => f.finding.kind))];
  const decidedShare = review.findings.length ? (review.findings.length - undecided) / review.findings.length : 1;
  return (
    <div className="findings">
      <h2>
        {t('findings')} ({review.findings.length})
      </h2>
      {/* how far the review has come: the findings still waiting for a decision */}
      <div className="progress">
        <span role="status">
          {t('undecided')} {undecided} / {review.findings.length}
        </span>
        <div className="bar" role="progressbar" aria-label={t('undecided')} aria-valuemin={0} aria-valuemax={review.findings.length} aria-valuenow={review.findings.length - undecided}>
          <div style={{ width: `${Math.round(decidedShare * 100)}%` }} />
        </div>
      </div>
      <div className="filters">
        <select aria-label={t('kindFilter')} value={filter.kind} onChange={(e) => onFilter({ ...filter, kind: e.target.value as Kind | '' })}>
          <option value="">{t('allKinds')}</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {KIND_NAMES[k][lang]}
            </option>
          ))}
        </select>
        <label className="switch">
          <input type="checkbox" role="switch" checked={filter.undecidedOnly} onChange={(e) => onFilter({ ...filter, undecidedOnly: e.target.checked })} /> {t('undecidedOnly')}
        </label>
      </div>
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
      {groups.map(({ kind, count, values }) => (
        <section key={kind} aria-label={KIND_NAMES[kind][lang]}>
          <h3>
            <span>
              {KIND_NAMES[kind][lang]} <span className="count">{count}</span>
            </span>
            <DecisionButtons ids={values.flatMap((v) => v.ids)} decision={kindDecision(values)} onDecide={onDecide} />
          </h3>
          <ul>
            {values.map((g) => (
              <GroupRow key={g.key} group={g} byId={byId} props={props} />
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
            <button type="button" className="text" onClick={() => onSelect(m.id, m.page, true)}>
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

/** The decision every value of a kind shares, or 'mixed'. */
function kindDecision(values: readonly ValueGroup[]): Decision | 'mixed' {
  const all = new Set(values.map((v) => v.decision));
  return all.size === 1 ? values[0].decision : 'mixed';
}

export { REASONS };
