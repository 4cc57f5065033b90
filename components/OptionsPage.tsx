// Settings of the upload guard and its decision log (viewable, exportable as CSV).
import { useEffect, useState } from 'react';
import { SEVERITIES, type Severity } from '../core/findings.ts';
import { lang, t } from '../extension/i18n.ts';
import { ReasonLabelsSetting } from './redact/ReasonLabelsSetting.tsx';
import { DEFAULT_GUARD_SETTINGS, guardSettingsItem, uploadLogItem, withDefaults, type GuardSettings } from '../guard/settings.ts';
import { uploadLogCsv } from '../guard/upload-log-csv.ts';
import type { UploadLogEntry } from '../extension/messages.ts';

const lines = (s: string) =>
  s
    .split(/\s+/)
    .map((x) => x.trim())
    .filter(Boolean);

export function OptionsPage() {
  const [settings, setSettings] = useState<GuardSettings>(DEFAULT_GUARD_SETTINGS);
  const [log, setLog] = useState<UploadLogEntry[]>([]);
  const [status, setStatus] = useState('');

  useEffect(() => {
    void Promise.all([guardSettingsItem.getValue(), uploadLogItem.getValue()]).then(([stored, entries]) => {
      setSettings(withDefaults(stored));
      setLog(entries);
    });
  }, []);

  async function save() {
    await guardSettingsItem.setValue(settings);
    setStatus(t('options.saved'));
  }

  function exportCsv() {
    const url = URL.createObjectURL(new Blob([uploadLogCsv(log)], { type: 'text/csv' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: 'sumi-upload-log.csv' });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  return (
    <main lang={lang} style={{ font: '14px system-ui, "Noto Sans CJK JP", sans-serif', maxWidth: 900, margin: '16px auto' }}>
      <h1>{t('options.title')}</h1>
      <h2>{t('options.guard')}</h2>
      <label style={{ display: 'block' }}>
        {t('options.minSeverity')}{' '}
        <select value={settings.minSeverity} onChange={(e) => setSettings({ ...settings, minSeverity: e.target.value as Severity })}>
          {SEVERITIES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <label style={{ display: 'block' }}>
        {t('options.always')}
        <textarea
          rows={3}
          style={{ display: 'block', width: '100%' }}
          defaultValue={settings.alwaysSites.join('\n')}
          key={`a${settings.alwaysSites.join()}`}
          onBlur={(e) => setSettings({ ...settings, alwaysSites: lines(e.target.value) })}
        />
      </label>
      <label style={{ display: 'block' }}>
        {t('options.never')}
        <textarea
          rows={3}
          style={{ display: 'block', width: '100%' }}
          defaultValue={settings.neverSites.join('\n')}
          key={`n${settings.neverSites.join()}`}
          onBlur={(e) => setSettings({ ...settings, neverSites: lines(e.target.value) })}
        />
      </label>
      <label style={{ display: 'block' }}>
        {t('options.maxMb')} <input type="number" min={1} value={settings.maxMegabytes} onChange={(e) => setSettings({ ...settings, maxMegabytes: Math.max(1, Number(e.target.value) || 1) })} />
      </label>
      <label style={{ display: 'block' }}>
        <input type="checkbox" checked={settings.requireSecondChecker} onChange={(e) => setSettings({ ...settings, requireSecondChecker: e.target.checked })} /> {t('options.checker')}
      </label>
      <button type="button" onClick={() => void save()}>
        {t('options.save')}
      </button>{' '}
      <span role="status">{status}</span>
      <ReasonLabelsSetting />
      <h2>
        {t('options.log')} ({log.length})
      </h2>
      <button type="button" onClick={exportCsv} disabled={!log.length}>
        {t('options.exportCsv')}
      </button>
      {log.length ? (
        <table style={{ borderCollapse: 'collapse', marginTop: 8, width: '100%' }}>
          <thead>
            <tr>
              {['time', 'site', 'file', 'found', 'choice', 'reason', 'checker'].map((h) => (
                <th key={h} style={{ textAlign: 'left', borderBottom: '1px solid #999' }}>
                  {h}
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
                    <td key={j} style={{ borderBottom: '1px solid #eee' }}>
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
    </main>
  );
}
