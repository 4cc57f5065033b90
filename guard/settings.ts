// The upload guard's decision log and which sites it checks (its settings are
// Sumi's settings: core/settings.ts, extension/settings-store.ts).
import { storage } from 'wxt/utils/storage';
import type { GuardSettings } from '../core/settings.ts';
import type { UploadLogEntry } from '../extension/messages.ts';

/** The decision log, oldest first (the background appends to it). */
export const uploadLogItem = storage.defineItem<UploadLogEntry[]>('local:sumi.guard.log', { fallback: [] });

export function shouldCheck(settings: GuardSettings, host: string): boolean {
  const matches = (list: string[]) => list.some((h) => host === h || host.endsWith(`.${h}`));
  return matches(settings.alwaysSites) || !matches(settings.neverSites);
}
