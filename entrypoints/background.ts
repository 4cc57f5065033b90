// The service worker: the toolbar badge and relaying sub-frame findings to the top frame.
import { browser } from 'wxt/browser';
import type { SumiMessage } from '../highlighter/messages.ts';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: SumiMessage, sender) => {
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
