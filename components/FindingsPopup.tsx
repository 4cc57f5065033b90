// The toolbar popup, a compact summary: the current tab's five most severe
// findings and its counts by kind in their severity colours, each a jump to
// the finding on the page; the panel and settings; a pause switch for the
// site and the screen-share-safe switch.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { KIND_NAMES } from '../core/kind-names.ts';
import { lang, t } from '../extension/i18n.ts';
import { severityRank, type Kind, type Severity } from '../core/findings.ts';
import type { FindingsReply, FindingsRequest, RevealRequest } from '../extension/messages.ts';
import { pausedSitesItem, screenShareSafeItem } from '../highlighter/settings.ts';
import { loadSettings } from '../extension/settings-store.ts';
import { partlyMasked } from '../core/mask-text.ts';

export function FindingsPopup() {
  const [tabId, setTabId] = useState<number>();
  const [tabUrl, setTabUrl] = useState('');
  const [host, setHost] = useState('');
  const [reply, setReply] = useState<FindingsReply | null | undefined>();
  const [paused, setPaused] = useState(false);
  const [blur, setBlur] = useState(false);
  const [allowPause, setAllowPause] = useState(true);
  const [open, setOpen] = useState<Kind | null>(null);

  useEffect(() => {
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      setTabId(tab?.id);
      setTabUrl(tab?.url ?? '');
      const site = tab?.url ? new URL(tab.url).hostname : '';
      setHost(site);
      const [pausedSites, blurOn, inForce] = await Promise.all([pausedSitesItem.getValue(), screenShareSafeItem.getValue(), loadSettings()]);
      setPaused(pausedSites.includes(site));
      setAllowPause(inForce.settings.allowPause);
      setBlur(Boolean(blurOn));
      if (tab?.id === undefined) return setReply(null);
      try {
        setReply((await browser.tabs.sendMessage(tab.id, { type: 'sumi:findings' } satisfies FindingsRequest)) as FindingsReply);
      } catch {
        setReply(null);
      }
    })();
  }, []);

  async function togglePause(next: boolean) {
    const sites = new Set(await pausedSitesItem.getValue());
    if (next) sites.add(host);
    else sites.delete(host);
    await pausedSitesItem.setValue([...sites]);
    setPaused(next);
  }

  async function toggleBlur(next: boolean) {
    await screenShareSafeItem.setValue(next);
    setBlur(next);
  }

  const findings = reply?.findings ?? [];
  const byKind = new Map<Kind, number[]>();
  findings.forEach((f, i) => byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), i]));
  // kinds by their most severe finding, then by count
  const worst = (indexes: number[]) => Math.max(...indexes.map((i) => severityRank(findings[i].severity)));
  const kinds = [...byKind].sort(([, a], [, b]) => worst(b) - worst(a) || b.length - a.length);
  const mostSevere = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => severityRank(b.f.severity) - severityRank(a.f.severity) || a.i - b.i)
    .slice(0, 5);
  const reveal = (i: number) => tabId !== undefined && void browser.tabs.sendMessage(tabId, { type: 'sumi:reveal', index: i } satisfies RevealRequest);
  const severityOf = (indexes: number[]): Severity => findings[indexes.find((i) => severityRank(findings[i].severity) === worst(indexes))!].severity;

  return (
    <main lang={lang} className="popup">
      <h1>
        Sumi 墨 — {t('popup.title')} {reply && <span className="count">{findings.length}</span>}
      </h1>
      {reply === null && <p>{t('popup.unavailable')}</p>}
      {reply && !findings.length && <p>{t('popup.none')}</p>}
      {mostSevere.length > 0 && (
        <section aria-labelledby="sumi-most-severe">
          <h2 id="sumi-most-severe">{t('popup.mostSevere')}</h2>
          <ul className="findings">
            {mostSevere.map(({ f, i }) => (
              <li key={i} data-severity={f.severity}>
                <button type="button" onClick={() => reveal(i)} title={t('popup.jump')}>
                  <span className="dot" aria-hidden="true" />
                  <span className="kind">{KIND_NAMES[f.kind][lang]}</span> <span className="value">{partlyMasked(f.text)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {kinds.length > 0 && (
        <section aria-labelledby="sumi-by-kind">
          <h2 id="sumi-by-kind">{t('popup.byKind')}</h2>
          <ul className="kinds">
            {kinds.map(([kind, indexes]) => (
              <li key={kind} data-severity={severityOf(indexes)}>
                <button type="button" aria-expanded={open === kind} onClick={() => setOpen(open === kind ? null : kind)}>
                  <span className="dot" aria-hidden="true" />
                  <span className="kind">{KIND_NAMES[kind][lang]}</span> <span className="count">{indexes.length}</span>
                </button>
                {open === kind && (
                  <ul className="findings">
                    {indexes.map((i) => (
                      <li key={i}>
                        <button type="button" onClick={() => reveal(i)} title={t('popup.jump')}>
                          {partlyMasked(findings[i].text)}
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="actions">
        {/\.pdf($|[?#])/i.test(tabUrl) && (
          <button type="button" className="primary" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL(`/redact.html#url=${encodeURIComponent(tabUrl)}`) })}>
            {t('popup.openPdf')}
          </button>
        )}
        <button type="button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/redact.html') })}>
          {t('popup.panel')}
        </button>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup.options')}
        </button>
      </p>
      {/* a policy may take the pause away (allowPause: false): then there is no switch to offer */}
      {allowPause ? (
        <label className="switch">
          <input type="checkbox" role="switch" checked={paused} disabled={!host} onChange={(e) => void togglePause(e.target.checked)} /> {t('popup.pause')} {host && `(${host})`}
        </label>
      ) : null}
      <label className="switch">
        <input type="checkbox" role="switch" checked={blur} onChange={(e) => void toggleBlur(e.target.checked)} /> {t('popup.blur')}
      </label>
    </main>
  );
}
