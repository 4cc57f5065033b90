// A hidden extension frame the upload guard puts in pages: it receives files by
// postMessage and scans them in a worker of the extension's own origin.
import ScanWorker from '../../guard/scan.worker.ts?worker';
import { CHANNEL, isGuardMessage, type ScanReply } from '../../guard/protocol.ts';
import type { FileSummary } from '../../guard/summary.ts';

const worker = new ScanWorker();
const pending = new Map<string, (summary: FileSummary) => void>();
worker.onmessage = (e: MessageEvent<{ id: string; summary: FileSummary }>) => {
  pending.get(e.data.id)?.(e.data.summary);
  pending.delete(e.data.id);
};

window.addEventListener('message', async (e) => {
  if (!isGuardMessage(e.data) || e.data.type !== 'scan' || e.source !== window.parent) return;
  const { id, file } = e.data;
  const bytes = await file.arrayBuffer();
  const summary = await new Promise<FileSummary>((resolve) => {
    pending.set(id, resolve);
    worker.postMessage({ id, name: file.name, bytes }, [bytes]);
  });
  const reply: ScanReply = { channel: CHANNEL, type: 'scanned', id, summary };
  window.parent.postMessage(reply, '*');
});
window.parent.postMessage({ channel: CHANNEL, type: 'frame-ready' }, '*');
