// The service worker: scanning page text for the content scripts, the toolbar badge,
// relaying sub-frame findings to the top frame, the upload decision log, the
// context menu ("Open in Sumi", "check the selection") and the keyboard commands.
import { browser } from 'wxt/browser';
import type { CheckSelectionRequest, StepRequest, SumiMessage, UploadLogEntry } from '../extension/messages.ts';
import { screenShareSafeItem } from '../highlighter/settings.ts';
import { pickLang } from '../core/kind-names.ts';
import { t } from '../extension/i18n.ts';
import { answerScanSlice } from '../highlighter/scan-service.ts';
import { uploadLogItem } from '../guard/settings.ts';

/** The upload decision log keeps this many entries, oldest dropped first. */
const LOG_LIMIT = 10_000;

let writing: Promise<void> = Promise.resolve();

/** Appends in order: each write waits for the one before, so no entry is lost to a race. */
function appendLog(entries: UploadLogEntry[]): Promise<void> {
  writing = writing.then(() => writeLog(entries)).catch(() => {});
  return writing;
}

async function writeLog(entries: UploadLogEntry[]): Promise<void> {
  const log = [...(await uploadLogItem.getValue()), ...entries].slice(-LOG_LIMIT);
  await uploadLogItem.setValue(log);
}

const MENU_ID = 'sumi-open-in-panel';
const CHECK_SELECTION_ID = 'sumi-check-selection';

/** "Open in Sumi" on a PDF or image link, or on a PDF shown in the tab: the redaction panel fetches it from its URL. */
function addContextMenu(): void {
  const documents = ['*://*/*.pdf', '*://*/*.pdf?*', '*://*/*.PDF', 'file:///*.pdf'];
  const images = ['*://*/*.png', '*://*/*.jpg', '*://*/*.jpeg', '*://*/*.tif', '*://*/*.tiff'];
  const language = pickLang(browser.i18n.getUILanguage());
  const title = t('menu.openInPanel', language);
  void browser.contextMenus.removeAll().then(() => {
    // a link to, or an image of, a document
    browser.contextMenus.create({ id: `${MENU_ID}:link`, title, contexts: ['link', 'image'], targetUrlPatterns: [...documents, ...images] });
    // the tab shows a PDF itself
    browser.contextMenus.create({ id: `${MENU_ID}:page`, title, contexts: ['page'], documentUrlPatterns: documents });
    // text selected on any page: what it holds, said beside it
    browser.contextMenus.create({ id: CHECK_SELECTION_ID, title: t('menu.checkSelection', language), contexts: ['selection'] });
  });
}

/** The keyboard commands (manifest `commands`; the officer may change the keys at chrome://extensions/shortcuts). */
async function onCommand(command: string, tab?: { id?: number }): Promise<void> {
  if (command === 'open-panel') await browser.tabs.create({ url: browser.runtime.getURL('/redact.html') });
  else if (command === 'toggle-blur') await screenShareSafeItem.setValue(!(await screenShareSafeItem.getValue()));
  else if ((command === 'next-finding' || command === 'previous-finding') && tab?.id !== undefined) {
    const step: StepRequest = { type: 'sumi:step', direction: command === 'next-finding' ? 1 : -1 };
    await browser.tabs.sendMessage(tab.id, step, { frameId: 0 }).catch(() => {});
  }
}

function openInPanel(info: { linkUrl?: string; srcUrl?: string; pageUrl?: string }): void {
  const url = info.linkUrl ?? info.srcUrl ?? info.pageUrl;
  if (url) void browser.tabs.create({ url: browser.runtime.getURL(`/redact.html#url=${encodeURIComponent(url)}`) });
}

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(addContextMenu);
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CHECK_SELECTION_ID && tab?.id !== undefined) {
      const check: CheckSelectionRequest = { type: 'sumi:check-selection' };
      void browser.tabs.sendMessage(tab.id, check, { frameId: info.frameId ?? 0 }).catch(() => {});
    } else if (String(info.menuItemId).startsWith(MENU_ID)) openInPanel(info);
  });
  browser.commands?.onCommand.addListener((command, tab) => void onCommand(command, tab));
  browser.runtime.onMessage.addListener((message: SumiMessage, sender, sendResponse) => {
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
    if (message.type === 'sumi:ask-officer') {
      // (no answer from the top frame: the asking frame shows the warning itself)
      browser.tabs.sendMessage(tabId, message, { frameId: 0 }).then(sendResponse, () => sendResponse(undefined));
      return true;
    }
    if (message.type === 'sumi:count') {
      void browser.action.setBadgeText({ tabId, text: message.count ? String(Math.min(message.count, 999)) : '' });
      // white on the red of a critical finding, black on amber: both read at toolbar size (contrast over 4.5:1)
      void browser.action.setBadgeBackgroundColor({ tabId, color: message.critical ? '#c8102e' : '#f2a900' });
      void browser.action.setBadgeTextColor?.({ tabId, color: message.critical ? '#ffffff' : '#000000' });
    } else if (message.type === 'sumi:frame-findings') {
      void browser.tabs.sendMessage(tabId, { ...message, frameId: sender.frameId }, { frameId: 0 }).catch(() => {});
    }
    return false;
  });
});
