// Messages between the content script, the background and the popup.
import type { Slice } from '../engine/slices.ts';
import type { Finding } from '../core/findings.ts';

/** CONTRACT.md §3: answered by the top frame's content script. */
export interface FindingsRequest {
  type: 'sumi:findings';
}
export interface FindingsReply {
  findings: Pick<Finding, 'kind' | 'text' | 'severity'>[];
  scannedAt: number;
  paused?: boolean;
}

/** Popup → content script: scroll to the i-th finding. */
export interface RevealRequest {
  type: 'sumi:reveal';
  index: number;
}

/** Sub-frame → background → top frame: a frame's findings, so the top frame can answer for the whole tab. */
export interface FrameFindings {
  type: 'sumi:frame-findings';
  frameId?: number;
  findings: FindingsReply['findings'];
}

/** Top frame → background: the tab's total, for the badge. */
export interface CountUpdate {
  type: 'sumi:count';
  count: number;
  critical: number;
}

/** Content script → background: scan one slice of the page text there, off the page's main thread. */
export interface ScanSliceRequest {
  type: 'sumi:scan-slice';
  slice: Slice;
}
/**
 * The slice's findings as rows of [kind, severity, score, start, end, why, detector]
 * (offsets into the whole page text; the text itself is the page's own, cut out by
 * the content script): a 1 MB page has thousands of findings, and objects with their
 * key names and text would make the answer bigger than the page.
 */
export type FindingRow = [Finding['kind'], Finding['severity'], number, number, number, string, string];
export interface ScanSliceReply {
  rows: FindingRow[];
}

export type SumiMessage = FindingsRequest | RevealRequest | FrameFindings | CountUpdate | ScanSliceRequest;

/** Settings kept in browser.storage.local. */
export const STORAGE_KEYS = {
  pausedSites: 'sumi.pausedSites',
  screenShareSafe: 'sumi.screenShareSafe',
} as const;
