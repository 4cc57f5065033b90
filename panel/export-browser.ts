// The panel's export: the same exporter and verifier as the CLI, with
// OffscreenCanvas for rendering.
import { exportMasked, type CanvasLike, type ExportOptions } from '../redaction/export.ts';
import { openPdfPages } from '../redaction/pdf-pages.ts';
import { verifyExport, type Verification } from '../redaction/verify.ts';
import type { Mask } from '../redaction/plan.ts';
import { withOcrText } from '../redaction/document-text.ts';
import type { SumiDocument } from '../core/document.ts';
import { browserPdfjsAssets, loadPdfjsBrowser } from './pdfjs-browser.ts';

export interface PanelExport {
  pdf: Uint8Array;
  verification: Verification;
}

export async function exportInPanel(
  bytes: Uint8Array,
  /** the document as read (with its OCR words), so scanned pages get a searchable layer too */
  doc: SumiDocument,
  masks: Mask[],
  maskedTexts: string[],
  options: ExportOptions & { onProgress(done: number, total: number): void; signal: AbortSignal },
): Promise<PanelExport> {
  const pdfjs = await loadPdfjsBrowser();
  const assets = browserPdfjsAssets();
  const pages = await openPdfPages(bytes, pdfjs, assets, (w, h) => new OffscreenCanvas(w, h) as unknown as CanvasLike);
  try {
    const pdf = await exportMasked(withOcrText(pages, doc), masks, { ...options, withheldTexts: maskedTexts });
    const verification = await verifyExport(pdf, maskedTexts, pdfjs, assets);
    return { pdf, verification };
  } finally {
    await pages.close();
  }
}
