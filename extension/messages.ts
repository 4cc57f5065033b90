// Every message of the extension and its payload, in one place.
//
// Runtime messages (browser.runtime / browser.tabs) between the content scripts,
// the background and the popup are `SumiMessage`; `sumi:findings` and its reply
// are an external contract (CONTRACT.md §3) and keep their shape.
// The upload guard's window messages (between the page's MAIN world, the isolated
// content script and the scanning frame: window.postMessage, whose structured
// clone carries File objects) are `GuardMessage`.
import type { ScanPreferences } from '../core/settings.ts';
import type { Slice } from '../engine/slices.ts';
import type { Finding, Kind, Severity } from '../core/findings.ts';

// ---- runtime messages

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

/** Background → content script: step to the next or previous finding (a keyboard command). */
export interface StepRequest {
  type: 'sumi:step';
  direction: 1 | -1;
}

/** Background → content script of the frame: check the text selected there (context menu) and say what it holds. */
export interface CheckSelectionRequest {
  type: 'sumi:check-selection';
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
  /** the office's dictionary, never-flag list and kinds (core/settings.ts scanPreferences), as the page read them */
  preferences?: ScanPreferences;
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

/** Upload guard content script → background: decisions to append to the upload log. */
export interface UploadLogMessage {
  type: 'sumi:upload-log';
  entries: UploadLogEntry[];
}

/**
 * A frame's upload guard asks the officer through the top frame: a frame may
 * be hidden (a script's about:blank iframe) or too small to show the warning.
 * The background passes it to the tab's top frame, whose answer is the choice.
 */
export interface AskOfficerRequest {
  type: 'sumi:ask-officer';
  summaries: FileSummary[];
  requireChecker: boolean;
}
export type OfficerChoice = { action: 'cancel' } | { action: 'open-panel' } | { action: 'upload'; reason: string; checker?: string };

export type SumiMessage = FindingsRequest | RevealRequest | StepRequest | CheckSelectionRequest | FrameFindings | CountUpdate | ScanSliceRequest | UploadLogMessage | AskOfficerRequest;

// ---- payloads

/** One decision, logged locally: what was found by kind and count, never the values. */
export interface UploadLogEntry {
  time: string;
  site: string;
  file: string;
  sha256: string;
  found: string; // e.g. "person-name:396 health:12"
  choice: 'cancel' | 'open-panel' | 'upload';
  reason?: string;
  checker?: string;
  via: string;
}

/** What the upload warning says about a file (guard/summary.ts builds it). */
export interface FileSummary {
  name: string;
  size: number;
  sha256: string;
  type?: string;
  pages?: number;
  kinds: { kind: Kind; count: number; severity: Severity }[];
  examples: { kind: Kind; masked: string }[];
  hidden: string[];
  /** pages that could not be checked (no text, and OCR did not run) */
  unchecked: number[];
  total: number;
  worst?: Severity;
  /** a clear reason when the file could not be read */
  error?: string;
  /** a masked export the redaction panel wrote, known by its hash on the export record (guard/export-record.ts) */
  sumiExport?: boolean;
}

// ---- the upload guard's window messages

export const CHANNEL = 'sumi-upload-guard';

/** MAIN world → isolated: a script reads or sends these files (guard/page-world.ts). */
export interface HoldRequest {
  channel: typeof CHANNEL;
  type: 'hold';
  id: string;
  via: 'fetch' | 'xhr' | 'beacon' | 'form-submit' | 'read' | 'websocket' | 'message' | 'picker';
  files: File[];
}

/** isolated → MAIN world, on the private channel (guard/private-channel.ts): the officer's decision for a held upload. */
export interface HoldDecision {
  id: string;
  allow: boolean;
}

/** content script → scanning frame, and back. */
export interface ScanRequest {
  channel: typeof CHANNEL;
  type: 'scan';
  id: string;
  file: File;
}
export interface ScanReply {
  channel: typeof CHANNEL;
  type: 'scanned';
  id: string;
  summary: FileSummary;
}

/** scanning frame → content script: OCR progress on a scanned file. */
export interface ScanProgress {
  channel: typeof CHANNEL;
  type: 'scan-progress';
  id: string;
  done: number;
  total: number;
}

/** content script → scanning frame: open the checked file in the redaction panel. */
export interface OpenPanelRequest {
  channel: typeof CHANNEL;
  type: 'open-panel';
  name: string;
}

/** scanning frame → content script: ready for files. */
export interface FrameReady {
  channel: typeof CHANNEL;
  type: 'frame-ready';
}

export type GuardMessage = HoldRequest | ScanRequest | ScanReply | ScanProgress | OpenPanelRequest | FrameReady;

export function isGuardMessage(data: unknown): data is GuardMessage {
  return typeof data === 'object' && data !== null && (data as { channel?: unknown }).channel === CHANNEL;
}
