// Document + decisions → masked PDF → verification → log: the one export of
// the CLI and the redaction panel. The minimum mask width is applied here and
// only here, so the log lists every box exactly as it is burned.
import type { SumiDocument } from '../core/document.ts';
import { openPdfPages, pdfPages } from '../pages/pdf-pages.ts';
import type { PageSource } from '../pages/canvas.ts';
import type { PagePlatform } from '../pages/platform.ts';
import { exportMasked, type ExportOptions } from '../export/export.ts';
import { withOcrText } from '../export/document-text.ts';
import { widenMasks, type Mask } from '../review/plan.ts';
import { verifyExport, type Verification } from '../export/verify.ts';
import { logEntries, type LogEntry } from '../export/log.ts';
import { viewablePdf, type DocumentSource } from './read-and-scan.ts';

export interface ExportSettings extends Omit<ExportOptions, 'withheldTexts'> {
  /** masks narrower than this many points are widened about their centre, so a short name cannot be told from a long one */
  minMaskWidth?: number;
}

export interface ExportRequest {
  /** the document as read (with its OCR words, so scanned pages get a searchable layer too) */
  doc: SumiDocument;
  source: DocumentSource;
  /** the masks as decided (the plan of the findings, or the officer's review), before any minimum width */
  masks: Mask[];
  /** the texts masked: withheld from the text layer, and looked for in the output */
  maskedTexts: string[];
}

export interface VerifiedExport {
  pdf: Uint8Array;
  verification: Verification;
  /** the masks as burned (widened) */
  masks: Mask[];
  /** the redaction log of those masks */
  log: LogEntry[];
}

/** Draws the pages from the source's open PDF, or opens the PDF for the time of the export. */
async function withPages<T>(platform: PagePlatform, source: DocumentSource, use: (pages: PageSource) => Promise<T>): Promise<T> {
  if (source.pdf) return use(pdfPages(source.pdf, platform));
  const pages = await openPdfPages(await viewablePdf(source.bytes), platform);
  try {
    return await use(pages);
  } finally {
    await pages.close();
  }
}

/** Cancelled by `settings.signal` (AbortError) between and during the pages, and before the verification. */
export async function exportVerified(platform: PagePlatform, request: ExportRequest, settings: ExportSettings = {}): Promise<VerifiedExport> {
  const { doc, source, masks, maskedTexts } = request;
  const { minMaskWidth = 0, ...options } = settings;
  options.signal?.throwIfAborted();
  const burned = widenMasks(masks, minMaskWidth);
  const pdf = await withPages(platform, source, (pages) => exportMasked(withOcrText(pages, doc), burned, { ...options, withheldTexts: maskedTexts }));
  options.signal?.throwIfAborted();
  const verification = await verifyExport(pdf, maskedTexts, platform.pdfjs);
  return { pdf, verification, masks: burned, log: logEntries(burned) };
}
