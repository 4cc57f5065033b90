// The highlighter content script: every page and frame, scanned and highlighted in place.
import { browser } from 'wxt/browser';
import { Highlighter } from '../highlighter/controller.ts';
import { mark } from '../highlighter/profile.ts';
import { yieldToMain } from '../highlighter/scheduler.ts';
import type { FindingsReply, SumiMessage } from '../extension/messages.ts';
import { pausedSitesItem, screenShareSafeItem } from '../highlighter/settings.ts';
import { neverFlagKey, scanPreferences, shownBy, type ScanPreferences } from '../core/settings.ts';
import { loadSettings, watchSettings, type SettingsInForce } from '../extension/settings-store.ts';

/** Runs `then` in a task of its own once the document is parsed (never inside the parser's DOMContentLoaded task). */
function whenDomReady(then: () => void): void {
  const later = () => void yieldToMain().then(then);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', later, { once: true });
  else later();
}

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  // blob:, data: and sandboxed frames too: a file input there is a way in like any other
  matchOriginAsFallback: true,
  // before the page is parsed: the highlight style sheet costs nothing on an empty document
  // (adding it to a styled 1 MB page restyles all of it), and the walk starts the moment
  // the DOM is ready instead of waiting for the browser's first layout to be done
  runAt: 'document_start',
  main() {
    mark('content-start');
    const isTop = window === window.top;
    const childFindings = new Map<number, FindingsReply['findings']>();
    const summary = (list: { kind: string; text: string; severity: string }[]) => list.map(({ kind, text, severity }) => ({ kind, text, severity })) as FindingsReply['findings'];

    const highlighter = new Highlighter(document, {
      onScanned(found) {
        const own = summary(found.map((f) => f.finding));
        if (isTop) {
          const all = [...own, ...[...childFindings.values()].flat()];
          void browser.runtime.sendMessage({ type: 'sumi:count', count: all.length, critical: all.filter((f) => f.severity === 'critical').length }).catch(() => {});
        } else {
          void browser.runtime.sendMessage({ type: 'sumi:frame-findings', findings: own }).catch(() => {});
        }
      },
    });

    browser.runtime.onMessage.addListener((message: SumiMessage, _sender, sendResponse) => {
      if (message.type === 'sumi:frame-findings' && isTop && message.frameId !== undefined) {
        childFindings.set(message.frameId, message.findings);
        return false;
      }
      if (message.type === 'sumi:step' && isTop) {
        highlighter.step(message.direction);
        return false;
      }
      if (message.type === 'sumi:check-selection') {
        highlighter.checkSelection(preferences);
        return false;
      }
      if (message.type === 'sumi:reveal' && isTop) {
        highlighter.reveal(message.index);
        return false;
      }
      if (message.type !== 'sumi:findings' || !isTop) return false;
      void highlighter.settled().then(({ findings, scannedAt }) => {
        const reply: FindingsReply = { findings: [...summary(findings), ...[...childFindings.values()].flat()], scannedAt };
        sendResponse(reply);
      });
      return true; // the answer comes once pending changes are rescanned
    });

    const site = location.hostname;
    // what to find and show, and whether the site may be paused (a policy can say no)
    let allowPause = true;
    let preferences: ScanPreferences | undefined;
    let pausedHere = false;
    const applySettings = ({ settings }: SettingsInForce) => {
      allowPause = settings.allowPause;
      preferences = scanPreferences(settings);
      highlighter.setPreferences(preferences, shownBy(settings, new Set(settings.neverFlag.map(neverFlagKey))));
      highlighter.setPaused(allowPause && pausedHere);
    };
    const settings = Promise.all([pausedSitesItem.getValue(), screenShareSafeItem.getValue(), loadSettings()]).then(([pausedSites, blur, inForce]) => {
      highlighter.setBlur(Boolean(blur));
      pausedHere = pausedSites.includes(site);
      applySettings(inForce);
    });
    // the walk starts with the DOM; the scan waits for the settings
    whenDomReady(() => highlighter.start(settings));
    pausedSitesItem.watch((pausedSites) => {
      pausedHere = pausedSites.includes(site);
      highlighter.setPaused(allowPause && pausedHere);
    });
    screenShareSafeItem.watch((blur) => highlighter.setBlur(Boolean(blur)));
    // a change on the options page or by policy reaches this page at once
    watchSettings(applySettings);
  },
});
