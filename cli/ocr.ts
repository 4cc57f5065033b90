// OCR for the command line: pages without text go through the OCR worker
// pool, with a progress bar on stderr when it is a terminal.
import type { SumiDocument } from '../core/document.ts';

export async function withOcr(doc: SumiDocument, bytes: Uint8Array, label: string): Promise<SumiDocument> {
  if (!doc.ocrPages.length) return doc;
  // loaded only when needed: most documents have text and never pay for tesseract.js
  const [{ ocrDocument }, { nodePlatform }] = await Promise.all([import('../ocr/ocr-document.ts'), import('../platform/node.ts')]);
  const tty = process.stderr.isTTY;
  const result = await ocrDocument(doc, bytes, nodePlatform, {
    onProgress: (done, total) => {
      if (!tty) return;
      const width = 24;
      const filled = Math.round((done / total) * width);
      process.stderr.write(`\r${label}: OCR [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    },
  });
  if (tty) process.stderr.write('\n');
  return result;
}
