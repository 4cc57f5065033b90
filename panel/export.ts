// The panel's export: the same exporter and verifier as the CLI, on the
// platform the panel is given (OffscreenCanvas for rendering).
import { exportMasked, type ExportOptions } from '../redaction/export.ts';
import { openPdfPages } from '../pages/pdf-pages.ts';
import type { PagePlatform } from '../pages/platform.ts';
import { verifyExport, type Verification } from '../redaction/verify.ts';
import type { Mask } from '../redaction/plan.ts';
import { withOcrText } from '../redaction/document-text.ts';
import type { SumiDocument } from '../core/document.ts';

export interface PanelExport {
  pdf: Uint8Array;
  verification: Verification;
}

export async function exportInPanel(
  platform: PagePlatform,
  bytes: Uint8Array,
  /** the document as read (with its OCR words), so scanned pages get a searchable layer too */
  doc: SumiDocument,
  masks: Mask[],
  maskedTexts: string[],
  options: ExportOptions & { onProgress(done: number, total: number): void; signal: AbortSignal },
): Promise<PanelExport> {
  const pages = await openPdfPages(bytes, platform);
  try {
    const pdf = await exportMasked(withOcrText(pages, doc), masks, { ...options, withheldTexts: maskedTexts });
    const verification = await verifyExport(pdf, maskedTexts, platform.pdfjs);
    return { pdf, verification };
  } finally {
    await pages.close();
  }
}
