// Messages of the upload guard: between the page's MAIN world and the
// isolated content script (window.postMessage, structured clone carries the
// File objects), and between the content script and its scanning frame.
import type { FileSummary } from './summary.ts';

export const CHANNEL = 'sumi-upload-guard';

/** MAIN world → isolated: a script upload (fetch, XHR, sendBeacon, form.submit) carries these files. */
export interface HoldRequest {
  channel: typeof CHANNEL;
  type: 'hold';
  id: string;
  via: 'fetch' | 'xhr' | 'beacon' | 'form-submit';
  files: File[];
}

/** isolated → MAIN world: the officer's decision for a held upload. */
export interface HoldDecision {
  channel: typeof CHANNEL;
  type: 'decision';
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

export type GuardMessage = HoldRequest | HoldDecision | ScanRequest | ScanReply | ScanProgress | OpenPanelRequest | FrameReady;

export function isGuardMessage(data: unknown): data is GuardMessage {
  return typeof data === 'object' && data !== null && (data as { channel?: unknown }).channel === CHANNEL;
}
