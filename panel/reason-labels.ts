// The office's own non-disclosure labels (e.g. a by-law clause), offered in the
// panel beside the Article 5 grounds. Set on the options page, kept in the
// extension's local storage.
import { storage } from 'wxt/utils/storage';

const reasonLabelsItem = storage.defineItem<unknown>('local:sumi:redactionReasonLabels');
const MAX_LABELS = 30;
const MAX_LENGTH = 40;

/** One label a line: trimmed, blank lines and repeats dropped, each at most 40 characters. */
export function parseReasonLabels(text: string): string[] {
  const labels = text
    .split(/\r?\n/)
    .map((l) => l.trim().slice(0, MAX_LENGTH))
    .filter(Boolean);
  return [...new Set(labels)].slice(0, MAX_LABELS);
}

/** Only the strings of what is stored (it may come from an older version or be edited by hand). */
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

export async function loadReasonLabels(): Promise<string[]> {
  return strings(await reasonLabelsItem.getValue());
}

export function saveReasonLabels(labels: string[]): Promise<void> {
  return reasonLabelsItem.setValue(labels);
}

/** Calls `onChange` whenever the labels are changed (on the options page, in another tab). */
export function watchReasonLabels(onChange: (labels: string[]) => void): () => void {
  return reasonLabelsItem.watch((value) => onChange(strings(value)));
}
