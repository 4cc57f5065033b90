// What the upload warning says about a file: kinds and counts, a few partly
// masked examples, and content the file hides. Never the values themselves.
import type { SumiDocument } from '../core/document.ts';
import { severityRank, type Finding, type Kind, type Severity } from '../core/findings.ts';
import { partlyMasked } from '../core/mask-text.ts';
import type { FileSummary } from '../extension/messages.ts';

export function summarize(name: string, size: number, sha256: string, doc: SumiDocument, findings: Finding[], unchecked = doc.ocrPages): FileSummary {
  const byKind = new Map<Kind, { count: number; severity: Severity }>();
  for (const f of findings) {
    const k = byKind.get(f.kind) ?? { count: 0, severity: f.severity };
    k.count++;
    if (severityRank(f.severity) > severityRank(k.severity)) k.severity = f.severity;
    byKind.set(f.kind, k);
  }
  const kinds = [...byKind].map(([kind, v]) => ({ kind, ...v })).sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || b.count - a.count);
  const examples = kinds.slice(0, 4).map(({ kind }) => ({ kind, masked: partlyMasked(findings.find((f) => f.kind === kind)!.text) }));
  const hidden = doc.pages.flatMap((p) => {
    const names = findings.filter((f) => f.page === p.number && f.kind === 'person-name').length;
    return p.hidden.map((h) => (names && /sheet/.test(h.kind) ? `${h.detail} — ${names} names` : h.detail));
  });
  const worst = kinds[0]?.severity;
  return { name, size, sha256, type: doc.type, pages: doc.pages.length, kinds, examples, hidden, unchecked, total: findings.length, worst };
}

/** Whether a summary calls for the dialog at the configured severity. */
export function needsWarning(s: FileSummary, minSeverity: Severity): boolean {
  if (s.sumiExport) return false;
  if (s.error || s.unchecked.length) return true; // the officer must be told it could not be checked
  return s.worst !== undefined && severityRank(s.worst) >= severityRank(minSeverity);
}
