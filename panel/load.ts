// Opening a document in the panel: read it, find everything, restore the
// officer's earlier review of the same file.
import { readDocument } from '../documents/read.ts';
import { scanDocument } from '../core/engine.ts';
import { textBoxes } from '../redaction/boxes.ts';
import { initialReview, type ReviewState } from '../redaction/review.ts';
import type { SumiDocument } from '../core/document.ts';
import { browserPdfjsAssets, loadPdfjsBrowser } from './pdfjs-browser.ts';
import { loadReview, sha256 } from './review-store.ts';

export interface OpenedDocument {
  name: string;
  bytes: Uint8Array;
  hash: string;
  doc: SumiDocument;
  review: ReviewState;
  resumed: boolean;
}

export async function openDocument(name: string, bytes: Uint8Array, onProgress: (label: string, done: number, total: number) => void): Promise<OpenedDocument> {
  onProgress('hash', 0, 1);
  const hash = await sha256(bytes);
  const doc = await readDocument(bytes, name, {
    pdf: { loadPdfjs: loadPdfjsBrowser, assets: browserPdfjsAssets(), onProgress: (done, total) => onProgress('read', done, total) },
  });
  if (doc.type !== 'pdf') throw new Error(`The redaction panel opens PDF files; this file is ${doc.type}. Scan it with the Sumi command line or convert it to PDF first.`);
  const found = scanDocument(doc).map((finding) => ({ finding, boxes: textBoxes(doc.pages[finding.page - 1], finding.start, finding.end) }));
  const saved = await loadReview(hash).catch(() => undefined);
  return { name, bytes, hash, doc, review: initialReview(found, saved), resumed: Boolean(saved) };
}
