// Sumi's settings (detection, the office's dictionary, what is never flagged, the
// upload check), exported and imported as JSON; the office's reason labels; and
// the upload decision log (viewable, exportable as CSV). A value an
// administrator sets by policy shows locked. Saved settings reach open pages at
// once (extension/settings-store.ts: the content scripts watch them).
import { useEffect, useState, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { KINDS, SEVERITIES, type Severity } from '../core/findings.ts';
import { KIND_NAMES } from '../core/kind-names.ts';
import { DEFAULT_SETTINGS, dictionaryText, parseDictionary, readSettings, settingsFile, withPolicy, type PolicyKey, type Settings } from '../core/settings.ts';
import { lang, t } from '../extension/i18n.ts';
import { managedPolicy, settingsItem } from '../extension/settings-store.ts';
import { ReasonLabelsSetting } from './redact/ReasonLabelsSetting.tsx';
import { uploadLogItem } from '../guard/settings.ts';
import { uploadLogCsv } from '../guard/upload-log-csv.ts';
import type { UploadLogEntry } from '../extension/messages.ts';

const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean);

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const block = { display: 'block', margin: '6px 0' } as const;

/** A setting's control, or its policy value shown locked. */
function Field({ locked, label, children }: { locked: boolean; label: string; children: ReactNode }) {
  return (
    <div style={block} data-locked={locked || undefined}>
      {children}
      {locked ? (
        <span style={{ marginLeft: 8, color: 'var(--fg-muted)' }} aria-label={`${label}: ${t('options.locked')}`}>
          🔒 {t('options.locked')}
        </span>
      ) : null}
    </div>
  );
}

/** A setting edited as text, a line an entry: read-only when a policy sets it. */
function TextListField({ locked, label, help, rows, ...textarea }: { locked: boolean; label: string; help?: string; rows: number } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field locked={locked} label={label}>
      <label>
        {label}
        {help ? <span style={{ display: 'block', color: 'var(--fg-muted)' }}>{help}</span> : null}
        <textarea rows={rows} style={{ display: 'block', width: '100%' }} readOnly={locked} {...textarea} />
      </label>
    </Field>
  );
}

function SeveritySelect({ value, disabled, label, onChange }: { value: Severity; disabled: boolean; label: string; onChange: (s: Severity) => void }) {
  return (
    <label>
      {label}{' '}
      <select value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as Severity)}>
        {SEVERITIES.map((s) => (
          <option key={s} value={s}>
            {t(`severity.${s}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function OptionsPage() {
  // the officer's own settings, and what a policy sets over them
  const [own, setOwn] = useState<Settings>(DEFAULT_SETTINGS);
  const [policy, setPolicy] = useState<Record<string, unknown>>({});
  const [dictionary, setDictionary] = useState('');
  const [neverFlag, setNeverFlag] = useState('');
  const [log, setLog] = useState<UploadLogEntry[]>([]);
  const [status, setStatus] = useState('');

  const show = (s: Settings) => {
    setOwn(s);
    setDictionary(dictionaryText(s.customTerms));
    setNeverFlag(s.neverFlag.join('\n'));
  };

  useEffect(() => {
    void Promise.all([settingsItem.getValue(), managedPolicy(), uploadLogItem.getValue()]).then(([stored, managed, entries]) => {
      show(readSettings(stored));
      setPolicy(managed);
      setLog(entries);
    });
  }, []);

  const { settings, locked } = withPolicy(own, policy);
  const isLocked = (key: PolicyKey) => locked.includes(key);
  const edit = (change: Partial<Settings>) => setOwn({ ...own, ...change });
  const editGuard = (change: Partial<Settings['guard']>) => setOwn({ ...own, guard: { ...own.guard, ...change } });

  /** The settings as edited: the form's fields with the two edited as text read in. */
  const edited = () => readSettings({ ...own, customTerms: parseDictionary(dictionary), neverFlag: lines(neverFlag) });

  async function save() {
    const next = edited();
    await settingsItem.setValue(next);
    show(next);
    setStatus(t('options.saved'));
  }

  async function importFile(file: File) {
    try {
      const parsed: unknown = JSON.parse(await file.text());
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not settings');
      show(readSettings(parsed));
      setStatus(t('options.imported'));
    } catch {
      setStatus(t('options.importFailed'));
    }
  }

  const offKinds = new Set(settings.disabledKinds);
  return (
    <main lang={lang} style={{ font: '14px system-ui, "Noto Sans CJK JP", sans-serif', maxWidth: 900, margin: '16px auto' }}>
      <h1>{t('options.title')}</h1>

      <section aria-labelledby="detection-title">
        <h2 id="detection-title">{t('options.detection')}</h2>
        <Field locked={isLocked('disabledKinds')} label={t('options.kinds')}>
          <fieldset disabled={isLocked('disabledKinds')}>
            <legend>{t('options.kinds')}</legend>
            {KINDS.map((kind) => (
              <label key={kind} style={{ display: 'inline-block', minWidth: 210 }}>
                <input
                  type="checkbox"
                  checked={!offKinds.has(kind)}
                  onChange={(e) => edit({ disabledKinds: e.target.checked ? own.disabledKinds.filter((k) => k !== kind) : [...own.disabledKinds, kind] })}
                />{' '}
                {KIND_NAMES[kind][lang]}
              </label>
            ))}
          </fieldset>
        </Field>
        <Field locked={isLocked('highlightMinSeverity')} label={t('options.highlightSeverity')}>
          <SeveritySelect
            value={settings.highlightMinSeverity}
            disabled={isLocked('highlightMinSeverity')}
            label={t('options.highlightSeverity')}
            onChange={(s) => edit({ highlightMinSeverity: s })}
          />
        </Field>
        <TextListField
          locked={isLocked('customTerms')}
          label={t('options.dictionary')}
          help={t('options.dictionaryHelp')}
          rows={4}
          value={isLocked('customTerms') ? dictionaryText(settings.customTerms) : dictionary}
          onChange={(e) => setDictionary(e.target.value)}
        />
        <TextListField
          locked={isLocked('neverFlag')}
          label={t('options.neverFlag')}
          help={t('options.neverFlagHelp')}
          rows={3}
          value={isLocked('neverFlag') ? settings.neverFlag.join('\n') : neverFlag}
          onChange={(e) => setNeverFlag(e.target.value)}
        />
        <Field locked={isLocked('allowPause')} label={t('options.allowPause')}>
          <label>
            <input type="checkbox" checked={settings.allowPause} disabled={isLocked('allowPause')} onChange={(e) => edit({ allowPause: e.target.checked })} /> {t('options.allowPause')}
          </label>
        </Field>
      </section>

      <section aria-labelledby="guard-title">
        <h2 id="guard-title">{t('options.guard')}</h2>
        <Field locked={isLocked('guardMinSeverity')} label={t('options.minSeverity')}>
          <SeveritySelect value={settings.guard.minSeverity} disabled={isLocked('guardMinSeverity')} label={t('options.minSeverity')} onChange={(s) => editGuard({ minSeverity: s })} />
        </Field>
        <TextListField
          locked={isLocked('alwaysSites')}
          label={t('options.always')}
          rows={3}
          defaultValue={settings.guard.alwaysSites.join('\n')}
          key={`a${settings.guard.alwaysSites.join()}`}
          onBlur={(e) => editGuard({ alwaysSites: lines(e.target.value) })}
        />
        <TextListField
          locked={isLocked('neverSites')}
          label={t('options.never')}
          rows={3}
          defaultValue={settings.guard.neverSites.join('\n')}
          key={`n${settings.guard.neverSites.join()}`}
          onBlur={(e) => editGuard({ neverSites: lines(e.target.value) })}
        />
        <Field locked={isLocked('maxMegabytes')} label={t('options.maxMb')}>
          <label>
            {t('options.maxMb')}{' '}
            <input
              type="number"
              min={1}
              value={settings.guard.maxMegabytes}
              disabled={isLocked('maxMegabytes')}
              onChange={(e) => editGuard({ maxMegabytes: Math.max(1, Number(e.target.value) || 1) })}
            />
          </label>
        </Field>
        <Field locked={isLocked('requireSecondChecker')} label={t('options.checker')}>
          <label>
            <input type="checkbox" checked={settings.guard.requireSecondChecker} disabled={isLocked('requireSecondChecker')} onChange={(e) => editGuard({ requireSecondChecker: e.target.checked })} />{' '}
            {t('options.checker')}
          </label>
        </Field>
      </section>

      <p>
        <button type="button" onClick={() => void save()}>
          {t('options.save')}
        </button>{' '}
        <button type="button" onClick={() => download('sumi-settings.json', settingsFile(edited()), 'application/json')}>
          {t('options.exportSettings')}
        </button>{' '}
        <label>
          {t('options.importSettings')} <input type="file" accept="application/json,.json" onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])} />
        </label>{' '}
        <span role="status">{status}</span>
      </p>

      <ReasonLabelsSetting />

      <section aria-labelledby="log-title">
        <h2 id="log-title">
          {t('options.log')} ({log.length})
        </h2>
        <button type="button" onClick={() => download('sumi-upload-log.csv', uploadLogCsv(log), 'text/csv')} disabled={!log.length}>
          {t('options.exportCsv')}
        </button>
        {log.length ? (
          <table style={{ borderCollapse: 'collapse', marginTop: 8, width: '100%' }}>
            <thead>
              <tr>
                {(['time', 'site', 'file', 'found', 'choice', 'reason', 'checker'] as const).map((h) => (
                  <th key={h} style={{ textAlign: 'left', borderBottom: '1px solid var(--border)' }}>
                    {t(`log.${h}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...log]
                .reverse()
                .slice(0, 500)
                .map((e, i) => (
                  <tr key={i}>
                    {[e.time, e.site, e.file, e.found, e.choice, e.reason ?? '', e.checker ?? ''].map((v, j) => (
                      <td key={j} style={{ borderBottom: '1px solid var(--border)' }}>
                        {v}
                      </td>
                    ))}
                  </tr>
                ))}
            </tbody>
          </table>
        ) : (
          <p>{t('options.empty')}</p>
        )}
      </section>
    </main>
  );
}
