// The upload guard's settings (options page) and its decision log.
import type { Severity } from '../core/findings.ts';

export interface GuardSettings {
  minSeverity: Severity;
  /** host names always checked, even when listed as never */
  alwaysSites: string[];
  /** host names never checked */
  neverSites: string[];
  /** files larger than this are not read; the officer is told they were not checked */
  maxMegabytes: number;
  /** "upload anyway" asks for the name of a second person who checked the file */
  requireSecondChecker: boolean;
}

export const DEFAULT_GUARD_SETTINGS: GuardSettings = {
  minSeverity: 'medium',
  alwaysSites: [],
  neverSites: [],
  maxMegabytes: 200,
  requireSecondChecker: false,
};

export const GUARD_KEYS = { settings: 'sumi.guard.settings', log: 'sumi.guard.log' } as const;

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

export function shouldCheck(settings: GuardSettings, host: string): boolean {
  const matches = (list: string[]) => list.some((h) => host === h || host.endsWith(`.${h}`));
  return matches(settings.alwaysSites) || !matches(settings.neverSites);
}

export function logCsv(entries: UploadLogEntry[]): string {
  const cols: (keyof UploadLogEntry)[] = ['time', 'site', 'file', 'sha256', 'found', 'choice', 'reason', 'checker', 'via'];
  const q = (v: unknown) => `"${String(v ?? '').replace(/"/g, '""')}"`;
  return [cols.join(','), ...entries.map((e) => cols.map((c) => q(e[c])).join(','))].join('\r\n') + '\r\n';
}
