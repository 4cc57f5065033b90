// The toolbar popup: the current tab's findings by kind, a pause switch for the
// site and the screen-share-safe switch.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { KIND_NAMES } from '../core/kind-names.ts';
import { lang, t } from '../extension/i18n.ts';
import type { Kind } from '../core/findings.ts';
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

  return (
    <main lang={lang} style={{ fontSize: 13, width: 320, padding: 8 }}>
      <h1 style={{ fontSize: 15, margin: '0 0 8px' }}>Sumi 墨 — {t('popup.title')}</h1>
      {reply === null && <p>{t('popup.unavailable')}</p>}
      {reply && !findings.length && <p>{t('popup.none')}</p>}
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {[...byKind].map(([kind, indexes]) => (
          <li key={kind}>
            <button type="button" aria-expanded={open === kind} onClick={() => setOpen(open === kind ? null : kind)} style={{ width: '100%', textAlign: 'left' }}>
              {KIND_NAMES[kind][lang]} <strong>{indexes.length}</strong>
            </button>
            {open === kind && (
              <ul>
                {indexes.map((i) => (
                  <li key={i}>
                    <button type="button" onClick={() => tabId !== undefined && void browser.tabs.sendMessage(tabId, { type: 'sumi:reveal', index: i } satisfies RevealRequest)}>
                      {partlyMasked(findings[i].text)}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <p style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
        {/\.pdf($|[?#])/i.test(tabUrl) && (
          <button type="button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL(`/redact.html#url=${encodeURIComponent(tabUrl)}`) })}>
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
        <label style={{ display: 'block', marginTop: 8 }}>
          <input type="checkbox" checked={paused} disabled={!host} onChange={(e) => void togglePause(e.target.checked)} /> {t('popup.pause')} {host && `(${host})`}
        </label>
      ) : null}
      <label style={{ display: 'block' }}>
        <input type="checkbox" checked={blur} onChange={(e) => void toggleBlur(e.target.checked)} /> {t('popup.blur')}
      </label>
    </main>
  );
}
