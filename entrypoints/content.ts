// The highlighter content script: every page and frame, scanned and highlighted in place.
import { browser } from 'wxt/browser';
import { Highlighter } from '../highlighter/controller.ts';
import { mark } from '../highlighter/profile.ts';
import { STORAGE_KEYS, type FindingsReply, type SumiMessage } from '../highlighter/messages.ts';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  // as soon as the document is parsed: a long page is highlighted while its images still load
  runAt: 'document_end',
  main() {
    mark('content-start');
    const isTop = window === window.top;
    const childFindings = new Map<number, FindingsReply['findings']>();
    const summary = (list: { kind: string; text: string; severity: string }[]) =>
      list.map(({ kind, text, severity }) => ({ kind, text, severity })) as FindingsReply['findings'];

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
    void browser.storage.local.get([STORAGE_KEYS.pausedSites, STORAGE_KEYS.screenShareSafe]).then((stored) => {
      const paused = ((stored[STORAGE_KEYS.pausedSites] as string[] | undefined) ?? []).includes(site);
      highlighter.setBlur(Boolean(stored[STORAGE_KEYS.screenShareSafe]));
      if (paused) highlighter.setPaused(true);
      highlighter.start();
    });
    browser.storage.onChanged.addListener((changes) => {
      if (changes[STORAGE_KEYS.pausedSites]) highlighter.setPaused(((changes[STORAGE_KEYS.pausedSites].newValue as string[]) ?? []).includes(site));
      if (changes[STORAGE_KEYS.screenShareSafe]) highlighter.setBlur(Boolean(changes[STORAGE_KEYS.screenShareSafe].newValue));
    });
  },
});
