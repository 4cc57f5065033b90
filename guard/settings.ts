// The upload guard's settings (options page) and its decision log, and the
// typed storage items that keep them.
import { storage } from 'wxt/utils/storage';
import type { Severity } from '../core/findings.ts';
import type { UploadLogEntry } from '../extension/messages.ts';

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

/** The options page's settings as stored (older versions may lack a field: read them with `withDefaults`). */
export const guardSettingsItem = storage.defineItem<Partial<GuardSettings>>('local:sumi.guard.settings');

/** The decision log, oldest first (the background appends to it). */
export const uploadLogItem = storage.defineItem<UploadLogEntry[]>('local:sumi.guard.log', { fallback: [] });

/** Stored settings over the defaults. */
export function withDefaults(stored: Partial<GuardSettings> | null | undefined): GuardSettings {
  return { ...DEFAULT_GUARD_SETTINGS, ...(stored ?? {}) };
}

export function shouldCheck(settings: GuardSettings, host: string): boolean {
  const matches = (list: string[]) => list.some((h) => host === h || host.endsWith(`.${h}`));
  return matches(settings.alwaysSites) || !matches(settings.neverSites);
}
