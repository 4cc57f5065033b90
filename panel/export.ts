// The panel's export: the officer's review through the same export, verifier
// and log as the CLI (pipeline/export-verified.ts), on the platform the panel
// is given (OffscreenCanvas for rendering), drawn from the PDF on display.
import { exportVerified, type ExportSettings, type VerifiedExport } from '../pipeline/export-verified.ts';
import type { PagePlatform } from '../pages/platform.ts';
import { masksOf, type ReviewState } from '../review/review.ts';
import type { OpenedDocument } from './load.ts';
import { hasHiddenSheets, withoutHiddenSheets } from './shown-sheets.ts';

/** The texts of the accepted findings: what must not be recoverable from the output. */
export function acceptedTexts(review: ReviewState): string[] {
  return review.findings.filter((f) => f.decision === 'accepted').map((f) => f.finding.text);
}

/** `hiddenSheets: false` leaves a spreadsheet's hidden sheets out of the export (panel/shown-sheets.ts). */
export async function exportReview(platform: PagePlatform, opened: OpenedDocument, review: ReviewState, settings: ExportSettings & { hiddenSheets?: boolean }): Promise<VerifiedExport> {
  const { hiddenSheets = true, ...exportSettings } = settings;
  const request = { doc: opened.doc, source: opened.source, masks: masksOf(review), maskedTexts: acceptedTexts(review) };
  if (hiddenSheets || !hasHiddenSheets(opened)) return exportVerified(platform, request, exportSettings);
  const onPages = (pages: Set<number>) => acceptedTexts({ ...review, findings: review.findings.filter((f) => pages.has(f.finding.page)) });
  return exportVerified(platform, await withoutHiddenSheets(opened, request, onPages), exportSettings);
}
