// The fuzz target, in a worker thread of its own so that a hang can be cut
// off: reads one input the way every face does (readAndScan, without OCR:
// a mutated scan costs seconds of OCR and adds nothing the readers do not
// see) and answers how it ended. A DocumentError is a clear answer; any other
// error is a crash.
import { parentPort } from 'node:worker_threads';
import { DocumentError } from '../../core/document.ts';
import { readAndScan } from '../../pipeline/read-and-scan.ts';
import { nodePlatform } from '../../platform/node.ts';

export type Outcome = { ok: true; findings: number } | { ok: false; clear: true; message: string } | { ok: false; clear: false; message: string };

parentPort!.on('message', async ({ name, bytes }: { name: string; bytes: Uint8Array }) => {
  let outcome: Outcome;
  try {
    const result = await readAndScan({ pdfjs: nodePlatform.pdfjs }, name, bytes, { ocr: false });
    await result.close();
    outcome = { ok: true, findings: result.findings.length };
  } catch (err) {
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    outcome = { ok: false, clear: err instanceof DocumentError, message };
  }
  parentPort!.postMessage({ outcome, rss: process.memoryUsage().rss });
});
