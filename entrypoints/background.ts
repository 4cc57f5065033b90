// The service worker: scanning page text for the content scripts, the toolbar badge
// and relaying sub-frame findings to the top frame.
import { browser } from 'wxt/browser';
import type { SumiMessage } from '../highlighter/messages.ts';
import { answerScanSlice } from '../highlighter/scan-service.ts';
import { GUARD_KEYS, type UploadLogEntry } from '../guard/settings.ts';

/** The upload decision log keeps this many entries, oldest dropped first. */
const LOG_LIMIT = 10_000;

let writing: Promise<void> = Promise.resolve();

/** Appends in order: each write waits for the one before, so no entry is lost to a race. */
function appendLog(entries: UploadLogEntry[]): Promise<void> {
  writing = writing.then(() => writeLog(entries)).catch(() => {});
  return writing;
}

async function writeLog(entries: UploadLogEntry[]): Promise<void> {
  const stored = await browser.storage.local.get(GUARD_KEYS.log);
  const log = [...((stored[GUARD_KEYS.log] as UploadLogEntry[] | undefined) ?? []), ...entries].slice(-LOG_LIMIT);
  await browser.storage.local.set({ [GUARD_KEYS.log]: log });
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: SumiMessage | { type: 'sumi:upload-log'; entries: UploadLogEntry[] }, sender, sendResponse) => {
    if (message.type === 'sumi:scan-slice') {
      sendResponse(answerScanSlice(message));
      return false;
    }
    if (message.type === 'sumi:upload-log') {
      void appendLog(message.entries);
      return false;
    }
    const tabId = sender.tab?.id;
    if (tabId === undefined) return false;
    if (message.type === 'sumi:count') {
      void browser.action.setBadgeText({ tabId, text: message.count ? String(Math.min(message.count, 999)) : '' });
      void browser.action.setBadgeBackgroundColor({ tabId, color: message.critical ? '#c8102e' : '#d98c00' });
    } else if (message.type === 'sumi:frame-findings') {
      void browser.tabs.sendMessage(tabId, { ...message, frameId: sender.frameId }, { frameId: 0 }).catch(() => {});
    }
    return false;
  });
});
