// The upload decision log as CSV, for the options page's download.
import { csvFile } from '../core/csv-cell.ts';
import type { UploadLogEntry } from '../extension/messages.ts';

/** The upload decision log as CSV for the options page's download (not the redaction log: export/log.ts). */
export function uploadLogCsv(entries: UploadLogEntry[]): string {
  const cols: (keyof UploadLogEntry)[] = ['time', 'site', 'file', 'sha256', 'found', 'choice', 'reason', 'checker', 'via'];
  return csvFile([cols, ...entries.map((e) => cols.map((c) => (e[c] === undefined ? '' : String(e[c]))))]);
}
