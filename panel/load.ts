// Opening a document in the panel: read it, read its scanned pages by OCR,
// find everything, restore the officer's earlier review of the same file.
// Images are shown and exported as a one-page PDF of their own size.
import { readDocument } from '../documents/read.ts';
import { sniffImage } from '../documents/image.ts';
import { scanDocument } from '../pipeline/scan.ts';
import { textBoxes } from '../redaction/boxes.ts';
import { scanToPdf } from '../pages/scan-pdf.ts';
import { initialReview, type ReviewState } from '../redaction/review.ts';
import { DocumentError, type SumiDocument } from '../core/document.ts';
import { ocrDocument, type OcrPlatform } from '../ocr/ocr-document.ts';
import { loadReview, sha256 } from './review-store.ts';

/** What the panel needs from its platform (platform/browser.ts, handed in by entrypoints/redact). */
export type PanelPlatform = OcrPlatform;

export type OpenStep = 'read' | 'ocr' | 'scan';

export interface OpenedDocument {
  name: string;
  /** the PDF shown and exported (for an image: the image as a one-page PDF) */
  bytes: Uint8Array;
  /** SHA-256 of the file as opened, the key of its saved review */
  hash: string;
  doc: SumiDocument;
  review: ReviewState;
  resumed: boolean;
  /** pages that need OCR and were not read (the officer cancelled it) */
  unread: number[];
}

export interface OpenOptions {
  onProgress(step: OpenStep, done: number, total: number): void;
  /** cancels the opening */
  signal?: AbortSignal;
  /** cancels only the OCR: the document opens without the text of its scanned pages */
  ocrSignal?: AbortSignal;
}

/** The PDF to show for a file: a PDF as it is, a scan as the PDF the CLI makes of it too (pages/scan-pdf.ts). */
export async function viewablePdf(bytes: Uint8Array): Promise<Uint8Array> {
  return sniffImage(bytes) ? scanToPdf(bytes) : bytes;
}

const isAbort = (err: unknown) => (err as { name?: string } | null)?.name === 'AbortError';

/** `platform`: the browser's, handed in by the panel's entry point. */
export async function openDocument(platform: PanelPlatform, name: string, bytes: Uint8Array, view: Uint8Array, options: OpenOptions): Promise<OpenedDocument> {
  const { onProgress, signal } = options;
  const hash = await sha256(bytes);
  signal?.throwIfAborted();
  let doc = await readDocument(bytes, name, {
    pdf: {
      ...platform.pdfjs,
      onProgress: (done, total) => {
        signal?.throwIfAborted();
        onProgress('read', done, total);
      },
    },
  });
  if (doc.type !== 'pdf' && doc.type !== 'image') {
    throw new DocumentError(`the redaction panel opens PDF files and scans (PNG, JPEG, TIFF); this file is ${doc.type}`, 'unsupported');
  }
  let unread: number[] = [];
  if (doc.ocrPages.length) {
    const ocrSignal = options.ocrSignal && signal ? AbortSignal.any([options.ocrSignal, signal]) : (options.ocrSignal ?? signal);
    onProgress('ocr', 0, doc.ocrPages.length);
    try {
      doc = await ocrDocument(doc, bytes, platform, { signal: ocrSignal, onProgress: (done, total) => onProgress('ocr', done, total) });
    } catch (err) {
      signal?.throwIfAborted();
      if (!isAbort(err)) throw err;
      unread = doc.ocrPages;
    }
  }
  onProgress('scan', 0, 1);
  const found = scanDocument(doc).map((finding) => ({ finding, boxes: textBoxes(doc.pages[finding.page - 1], finding.start, finding.end) }));
  const saved = await loadReview(hash).catch(() => undefined);
  return { name, bytes: view, hash, doc, review: initialReview(found, saved), resumed: Boolean(saved), unread };
}
