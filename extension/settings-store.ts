// Where the extension keeps Sumi's settings (core/settings.ts): the officer's own
// in local storage, versioned; an IT department's in managed storage (Chrome and
// Edge policy, Firefox enterprise policies), which win and are locked.
import { storage } from 'wxt/utils/storage';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, readSettings, withPolicy, type PolicyKey, type Settings } from '../core/settings.ts';

/**
 * The officer's settings. Version 1 (this key's first use) held the upload
 * guard's settings alone; version 2 holds all of them, the guard's under `guard`.
 */
export const settingsItem = storage.defineItem<Settings>('local:sumi.guard.settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: { 2: (guardOnly: unknown) => readSettings({ guard: guardOnly }) },
});

export interface SettingsInForce {
  settings: Settings;
  /** the settings a policy sets: shown locked, never changed here */
  locked: PolicyKey[];
}

/** The policy set for Sumi, or none (no policy, or a browser without managed storage). */
export async function managedPolicy(): Promise<Record<string, unknown>> {
  try {
    return ((await browser.storage.managed.get(null)) as Record<string, unknown> | undefined) ?? {};
  } catch {
    return {};
  }
}

export async function loadSettings(): Promise<SettingsInForce> {
  const [own, policy] = await Promise.all([settingsItem.getValue(), managedPolicy()]);
  return withPolicy(readSettings(own), policy);
}

/** Calls `onChange` with the settings in force whenever the officer's or the policy's change (another tab, the options page, an administrator). */
export function watchSettings(onChange: (s: SettingsInForce) => void): () => void {
  const reload = () => void loadSettings().then(onChange);
  const unwatch = settingsItem.watch(reload);
  const onManaged = (_changes: unknown, area: string) => {
    if (area === 'managed') reload();
  };
  browser.storage.onChanged.addListener(onManaged);
  return () => {
    unwatch();
    browser.storage.onChanged.removeListener(onManaged);
  };
}
