// Opening a document in the panel: read it, read its scanned pages by OCR,
// find everything (pipeline/read-and-scan.ts), restore the officer's earlier
// review of the same file. Images are shown and exported as a one-page PDF of their own size;
// spreadsheets and documents as their sheets and pages printed (pipeline/print-document.ts).
import { readAndScan, type DocumentSource, type OcrPlatform, type ReadStep } from '../pipeline/read-and-scan.ts';
import type { OpenPdf } from '../pages/pdf-pages.ts';
import { textBoxes } from '../review/boxes.ts';
import { initialReview, type ReviewState } from '../review/review.ts';
import type { SumiDocument } from '../core/document.ts';
import type { Finding } from '../core/findings.ts';
import { sha256Hex } from '../core/sha256.ts';
import { loadReview } from './review-store.ts';
import { printDocument } from '../pipeline/print-document.ts';
import { openForDisplay } from './viewer.ts';

/** What the panel needs from its platform (platform/browser.ts, handed in by entrypoints/redact). */
export type PanelPlatform = OcrPlatform;

export type OpenStep = ReadStep;

export interface OpenedDocument {
  name: string;
  /** SHA-256 of the file as opened, the key of its saved review */
  hash: string;
  doc: SumiDocument;
  /** the file, and the PDF shown (for an image: the image as a one-page PDF), which the export draws */
  source: DocumentSource;
  review: ReviewState;
  resumed: boolean;
  /** pages that need OCR and were not read (the officer cancelled it) */
  unread: number[];
  /** a spreadsheet or document: the sheet (or 1, the document) each printed page shows, and the file's own pages as read */
  printed?: { sheetOf: number[]; sheets: SumiDocument['pages'] };
}

export interface OpenOptions {
  onProgress(step: OpenStep, done: number, total: number): void;
  /** the PDF on display (panel/viewer.ts): read, OCR'd and exported from that one parse */
  shown?: OpenPdf;
  /** cancels the opening */
  signal?: AbortSignal;
  /** cancels only the OCR: the document opens without the text of its scanned pages */
  ocrSignal?: AbortSignal;
  /** the findings of the pages read so far, while a long PDF opens (see readAndScan) */
  onEarlyFindings?(findings: Finding[], pagesRead: number): void;
}

/** `platform`: the browser's, handed in by the panel's entry point. */
export async function openDocument(platform: PanelPlatform, name: string, bytes: Uint8Array, options: OpenOptions): Promise<OpenedDocument> {
  const { signal } = options;
  const hash = await sha256Hex(bytes);
  const scanned = await readAndScan(platform, name, bytes, {
    pdf: options.shown,
    signal,
    ocrSignal: options.ocrSignal,
    onProgress: options.onProgress,
    onEarlyFindings: options.onEarlyFindings,
  });
  let { doc, findings, source } = scanned;
  let printed: OpenedDocument['printed'];
  if (doc.type !== 'pdf' && doc.type !== 'image') {
    // no pages of its own: printed onto pages, shown, reviewed and exported as that PDF
    const paper = await printDocument(doc, findings, platform.createCanvas, signal);
    printed = { sheetOf: paper.sheetOf, sheets: doc.pages };
    ({ doc, findings } = paper);
    source = { bytes: paper.pdf, pdf: await openForDisplay(paper.pdf, platform.pdfjs) };
  }
  const found = findings.map((finding) => ({ finding, boxes: textBoxes(doc.pages[finding.page - 1], finding.start, finding.end) }));
  const saved = await loadReview(hash).catch(() => undefined);
  return { name, hash, doc, source, review: initialReview(found, saved), resumed: Boolean(saved), unread: scanned.unread, printed };
}
