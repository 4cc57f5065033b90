// A hidden extension frame the upload guard puts in pages: it receives files by
// postMessage and scans them (OCR for scans and images). An extension frame runs in the extension's own
// process, so the reading and scanning never block the page; pdf.js parses in
// its own worker.
import { browser } from 'wxt/browser';
import { CHANNEL, isGuardMessage, type FrameReady, type ScanProgress, type ScanReply } from '../../extension/messages.ts';
import { offerHandoff } from '../../panel/handoff.ts';
import { scanFileBytes } from '../../guard/scan-file.ts';
import { recordedExport } from '../../guard/export-record.ts';
import { browserPlatform } from '../../platform/browser.ts';
import { loadSettings } from '../../extension/settings-store.ts';
import { scanPreferences } from '../../core/settings.ts';

const platform = browserPlatform();

/** The files last checked, by name, for "open in the redaction panel". */
const recent = new Map<string, File>();

window.addEventListener('message', async (e) => {
  if (e.source !== window.parent || !isGuardMessage(e.data)) return;
  if (e.data.type === 'open-panel') {
    const file = recent.get(e.data.name);
    if (file) {
      const key = offerHandoff(file);
      await browser.tabs.create({ url: browser.runtime.getURL(`/redact.html#handoff=${key}`) });
    }
    return;
  }
  if (e.data.type !== 'scan') return;
  const { id, file } = e.data;
  recent.set(file.name, file);
  if (recent.size > 20) recent.delete(recent.keys().next().value!);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const onProgress = (done: number, total: number) => {
    const progress: ScanProgress = { channel: CHANNEL, type: 'scan-progress', id, done, total };
    window.parent.postMessage(progress, '*');
  };
  // scans and images are read by OCR here too, so what they show is checked like text
  // the office's dictionary, never-flag list and kinds, as set now
  const { settings } = await loadSettings();
  const summary = await scanFileBytes(file.name, bytes, { pdf: platform.pdfjs, ocr: platform, onOcrProgress: onProgress, recordedExport, preferences: scanPreferences(settings) });
  const reply: ScanReply = { channel: CHANNEL, type: 'scanned', id, summary };
  window.parent.postMessage(reply, '*');
});
const ready: FrameReady = { channel: CHANNEL, type: 'frame-ready' };
window.parent.postMessage(ready, '*');
