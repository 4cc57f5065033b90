// The guard's scanning worker: reads and scans files off every main thread.
import { scanFileBytes } from './scan-file.ts';
import { browserPdfjsAssets, loadPdfjsBrowser } from '../panel/pdfjs-browser.ts';

self.onmessage = async (e: MessageEvent<{ id: string; name: string; bytes: ArrayBuffer }>) => {
  const { id, name, bytes } = e.data;
  const summary = await scanFileBytes(name, new Uint8Array(bytes), { pdf: { loadPdfjs: loadPdfjsBrowser, assets: browserPdfjsAssets() } });
  (self as unknown as Worker).postMessage({ id, summary });
};
