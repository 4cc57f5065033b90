// The panel's export: the officer's review through the same export, verifier
// and log as the CLI (pipeline/export-verified.ts), on the platform the panel
// is given (OffscreenCanvas for rendering), drawn from the PDF on display.
import { exportVerified, type ExportSettings, type VerifiedExport } from '../pipeline/export-verified.ts';
import type { PagePlatform } from '../pages/platform.ts';
import { masksOf, type ReviewState } from '../review/review.ts';
import type { OpenedDocument } from './load.ts';

/** The texts of the accepted findings: what must not be recoverable from the output. */
export function acceptedTexts(review: ReviewState): string[] {
  return review.findings.filter((f) => f.decision === 'accepted').map((f) => f.finding.text);
}

export function exportReview(platform: PagePlatform, opened: OpenedDocument, review: ReviewState, settings: ExportSettings): Promise<VerifiedExport> {
  return exportVerified(platform, { doc: opened.doc, source: opened.source, masks: masksOf(review), maskedTexts: acceptedTexts(review) }, settings);
}
