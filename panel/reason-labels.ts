// The office's own non-disclosure labels (e.g. a by-law clause), offered in the
// panel beside the Article 5 grounds. Set on the options page, kept in the
// extension's local storage.
import { browser } from 'wxt/browser';

export const REASON_LABELS_KEY = 'sumi:redactionReasonLabels';
const MAX_LABELS = 30;
const MAX_LENGTH = 40;

/** One label a line: trimmed, blank lines and repeats dropped, each at most 40 characters. */
export function parseReasonLabels(text: string): string[] {
  const labels = text.split(/\r?\n/).map((l) => l.trim().slice(0, MAX_LENGTH)).filter(Boolean);
  return [...new Set(labels)].slice(0, MAX_LABELS);
}

export async function loadReasonLabels(): Promise<string[]> {
  const stored = await browser.storage.local.get(REASON_LABELS_KEY);
  const value = stored[REASON_LABELS_KEY];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function saveReasonLabels(labels: string[]): Promise<void> {
  return browser.storage.local.set({ [REASON_LABELS_KEY]: labels });
}

/** Calls `onChange` whenever the labels are changed (on the options page, in another tab). */
export function watchReasonLabels(onChange: (labels: string[]) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && REASON_LABELS_KEY in changes) void loadReasonLabels().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
