// The redaction log for the decision notice (開示決定通知書): page, kind, reason
// and position of every mask — never the masked content.
import { csvFile } from '../core/csv-cell.ts';
import type { Mask } from '../review/plan.ts';

export interface LogEntry {
  page: number;
  kind: string;
  reason: string;
  source: Mask['source'];
  /** in PDF points, lower-left origin, rounded */
  x: number;
  y: number;
  width: number;
  height: number;
}

export function logEntries(masks: Mask[]): LogEntry[] {
  const r = (v: number) => Math.round(v * 10) / 10;
  return masks.map((m) => ({ page: m.page, kind: m.kind, reason: m.reason, source: m.source, x: r(m.box.x), y: r(m.box.y), width: r(m.box.width), height: r(m.box.height) }));
}

/** The redaction log as CSV, written beside the masked PDF (the upload guard's own log is guard/settings.ts). */
export function logCsv(entries: LogEntry[]): string {
  const header = ['page', 'kind', 'reason', 'source', 'x', 'y', 'width', 'height'];
  return csvFile([header, ...entries.map((e) => [e.page, e.kind, e.reason, e.source, e.x, e.y, e.width, e.height])]);
}
