// Bytes → document → OCR where needed → findings: how every face reads a file
// (the CLI's scan and redact, the redaction panel, the upload guard). pdf.js,
// the canvas and the OCR engines come from the platform the caller hands in.
// A PDF is parsed by pdf.js once: that parse is read, OCR'd and, when kept
// open, exported (./export-verified.ts).
import type { Page, SumiDocument } from '../core/document.ts';
import type { Finding } from '../core/findings.ts';
import { readDocument } from '../documents/read.ts';
import { sniffImage } from '../documents/image.ts';
import type { PdfjsLoader } from '../documents/pdf.ts';
import { openPdf, type OpenPdf } from '../pages/pdf-pages.ts';
import { scanToPdf } from '../pages/scan-pdf.ts';
import { ocrDocument, type OcrPlatform } from '../ocr/ocr-document.ts';
import { pageScanner, scanDocument, type ScanOptions } from './scan.ts';

export type { OcrPlatform };

/** Reading needs pdf.js; a platform that also starts OCR engines (platform/node.ts, platform/browser.ts) reads scanned pages too. */
export type ReadPlatform = { pdfjs: PdfjsLoader } | OcrPlatform;

export type ReadStep = 'read' | 'ocr' | 'scan';

/** Where a document came from: the file, and pdf.js's parse of the PDF it is shown and exported as, while that is open. */
export interface DocumentSource {
  /** the file as given */
  bytes: Uint8Array;
  /** the PDF open in pdf.js (the file itself, or for a scan the PDF made of it: `viewablePdf`) */
  pdf?: OpenPdf;
}

export interface ReadAndScanOptions {
  /** false: pages that need OCR are left unread even when the platform can read them */
  ocr?: boolean;
  scan?: ScanOptions;
  /** the PDF already open (the panel's display): read, OCR'd and exported from that parse; whoever opened it destroys it */
  pdf?: OpenPdf;
  /** keep the PDF the pipeline opens, for the export: `close()` of the result destroys it */
  keepOpen?: boolean;
  /** called with the document as read, before OCR: throws when the caller cannot take it */
  check?(doc: SumiDocument): void;
  onProgress?(step: ReadStep, done: number, total: number): void;
  /**
   * The findings of a PDF's text as its pages are read, before the whole
   * document is (at the first page, then every EARLY_EVERY pages): what a
   * panel can show while a long file opens. The result's findings are final.
   */
  onEarlyFindings?(findings: Finding[], pagesRead: number): void;
  /** cancels it all: the promise rejects with the signal's AbortError */
  signal?: AbortSignal;
  /** cancels only the OCR: the document is scanned without the pages OCR did not read (`unread`) */
  ocrSignal?: AbortSignal;
}

export interface ScannedDocument {
  doc: SumiDocument;
  findings: Finding[];
  source: DocumentSource;
  /** pages that need OCR and were not read (no OCR on this platform, or it was cancelled) */
  unread: number[];
  /** destroys the PDF the pipeline kept open (`keepOpen`); one handed in stays open */
  close(): Promise<void>;
}

/** The PDF a file is shown and exported as: a PDF as it is, a scan as a PDF of its own (pages/scan-pdf.ts). */
export async function viewablePdf(bytes: Uint8Array): Promise<Uint8Array> {
  return sniffImage(bytes) ? scanToPdf(bytes) : bytes;
}

const isAbort = (err: unknown) => (err as { name?: string } | null)?.name === 'AbortError';

function either(a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined {
  return a && b ? AbortSignal.any([a, b]) : (a ?? b);
}

/** Pages between two reports of early findings. */
const EARLY_EVERY = 10;

/**
 * Scans each page as it is read, and reports what was found at the first page
 * and every EARLY_EVERY pages. `of(doc)` gives the findings of the whole
 * document when it is the very pages scanned (no OCR replaced one), so they
 * are not scanned twice.
 */
function earlyFindings(report: NonNullable<ReadAndScanOptions['onEarlyFindings']>, scan?: ScanOptions) {
  const scanPage = pageScanner(scan);
  const found: Finding[] = [];
  const seen: Page[] = [];
  return {
    onPage(page: Page): void {
      found.push(...scanPage(page));
      seen.push(page);
      if (seen.length === 1 || seen.length % EARLY_EVERY === 0) report([...found], seen.length);
    },
    of(doc: SumiDocument): Finding[] | undefined {
      return seen.length === doc.pages.length && seen.every((p, i) => p === doc.pages[i]) ? found : undefined;
    },
  };
}

export async function readAndScan(platform: ReadPlatform, name: string, bytes: Uint8Array, options: ReadAndScanOptions = {}): Promise<ScannedDocument> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  // opened when the reader finds a PDF, unless the caller has it open already
  let opened: Promise<OpenPdf> | undefined = options.pdf && Promise.resolve(options.pdf);
  const ours = () => !options.pdf && opened;
  let kept = false;
  const early = options.onEarlyFindings && earlyFindings(options.onEarlyFindings, options.scan);
  try {
    let doc = await readDocument(bytes, name, {
      pdf: {
        ...platform.pdfjs,
        open: async () => (await (opened ??= openPdf(bytes, platform.pdfjs))).document,
        onProgress: (done, total) => {
          signal?.throwIfAborted();
          onProgress?.('read', done, total);
        },
        ...(early ? { onPage: early.onPage } : {}),
      },
    });
    options.check?.(doc);
    const pdf = doc.type === 'pdf' ? await opened : options.pdf;
    let unread: number[] = [];
    if (doc.ocrPages.length) {
      if (options.ocr !== false && 'startOcrEngine' in platform) {
        onProgress?.('ocr', 0, doc.ocrPages.length);
        try {
          doc = await ocrDocument(doc, bytes, platform, { pdf, signal: either(options.ocrSignal, signal), onProgress: (done, total) => onProgress?.('ocr', done, total) });
        } catch (err) {
          signal?.throwIfAborted();
          if (!isAbort(err)) throw err;
          unread = doc.ocrPages;
        }
      } else unread = doc.ocrPages;
    }
    // pages OCR could not finish are as unread as pages it never reached
    for (const p of doc.pages) if (p.unread && !unread.includes(p.number)) unread.push(p.number);
    signal?.throwIfAborted();
    onProgress?.('scan', 0, 1);
    const findings = early?.of(doc) ?? scanDocument(doc, options.scan);
    kept = Boolean(options.keepOpen);
    const own = ours() ? pdf : undefined;
    const close = async () => {
      if (kept) await own?.document.destroy();
    };
    return { doc, findings, unread, source: { bytes, pdf: options.pdf ?? (kept ? own : undefined) }, close };
  } finally {
    const mine = ours();
    if (mine && !kept) await (await mine.catch(() => undefined))?.document.destroy();
  }
}
