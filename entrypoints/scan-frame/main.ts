// A hidden extension frame the upload guard puts in pages: it receives files by
// postMessage and scans them in a worker of the extension's own origin.
import { browser } from 'wxt/browser';
import ScanWorker from '../../guard/scan.worker.ts?worker';
import { putHandoff } from '../../panel/handoff.ts';
import { CHANNEL, isGuardMessage, type FrameReady, type ScanReply } from '../../guard/protocol.ts';
import type { FileSummary } from '../../guard/summary.ts';

const worker = new ScanWorker();
const pending = new Map<string, (summary: FileSummary) => void>();
worker.onmessage = (e: MessageEvent<{ id: string; summary: FileSummary }>) => {
  pending.get(e.data.id)?.(e.data.summary);
  pending.delete(e.data.id);
};

/** The files last checked, by name, for "open in the redaction panel". */
const recent = new Map<string, File>();

window.addEventListener('message', async (e) => {
  if (e.source !== window.parent || !isGuardMessage(e.data)) return;
  if (e.data.type === 'open-panel') {
    const file = recent.get(e.data.name);
    if (file) {
      const key = await putHandoff(file);
      await browser.tabs.create({ url: browser.runtime.getURL(`/redact.html#handoff=${key}`) });
    }
    return;
  }
  if (e.data.type !== 'scan') return;
  const { id, file } = e.data;
  recent.set(file.name, file);
  if (recent.size > 20) recent.delete(recent.keys().next().value!);
  const bytes = await file.arrayBuffer();
  const summary = await new Promise<FileSummary>((resolve) => {
    pending.set(id, resolve);
    worker.postMessage({ id, name: file.name, bytes }, [bytes]);
  });
  const reply: ScanReply = { channel: CHANNEL, type: 'scanned', id, summary };
  window.parent.postMessage(reply, '*');
});
const ready: FrameReady = { channel: CHANNEL, type: 'frame-ready' };
window.parent.postMessage(ready, '*');
