// The detection engine: normalise a page once, run every detector whose
// prefilter matches, merge overlapping candidates (the most severe wins) and
// map offsets back to the original text.
import { ScanContext, type Candidate } from './context.ts';
import { normalizeText, toOriginalRange } from '../core/normalize.ts';
import { pipeTablesAsTabs } from './pipe-tables.ts';
import { KIND_SEVERITY, severityRank, type Finding, type Kind, type Severity } from '../core/findings.ts';
import type { Page, SumiDocument } from '../core/document.ts';
import { continuedHeaders, tableEndsPage, tableStartsPage, type Table } from '../core/tables.ts';
import { tableView } from './table-view.ts';
import { exampleRanges, insideAny } from './examples.ts';
import { officeContactLines } from './office-contacts.ts';
import { columnConsensus } from './column-consensus.ts';
import { neverFlagKey, type CustomTerm } from '../core/settings.ts';
import { TriggerIndex } from './triggers.ts';
import type { Detector } from './detector.ts';
import { firstEndingAfter } from '../core/ranges.ts';

export interface ScanOptions {
  /** the detectors to run; pipeline/scan.ts hands in the full set */
  detectors: readonly Detector[];
  /** leave out the costly detectors (person names) */
  fast?: boolean;
  /** the office's own dictionary (detectors/custom.ts) */
  customTerms?: readonly (string | CustomTerm)[];
  /** texts never reported (published contacts, officials' names that are disclosed), compared by `neverFlagKey` */
  neverFlag?: readonly string[];
  kinds?: readonly Kind[];
  minSeverity?: Severity;
}

interface Scored extends Candidate {
  kind: Kind;
  severity: Severity;
  detector: string;
}

const triggerIndexes = new WeakMap<readonly Detector[], TriggerIndex>();

function triggerIndex(detectors: readonly Detector[]): TriggerIndex {
  let index = triggerIndexes.get(detectors);
  if (!index) triggerIndexes.set(detectors, (index = new TriggerIndex(detectors, EXAMPLE_HINTS)));
  return index;
}

/** The lines [start, end) among `lines` (sorted) with no person's name found from their `from` to their end. */
function withoutNames(lines: [number, number, number][], found: readonly Scored[]): [number, number][] {
  if (!lines.length) return [];
  const names = found.filter((c) => c.kind === 'person-name');
  // (a handful of lines a page, each looked at against the page's names)
  return lines.filter(([, e, from]) => !names.some((n) => n.start < e && n.end > from)).map(([s, e]) => [s, e]);
}

const EXAMPLE_WORDS = /例|見本|サンプル|(?<![@.\w-])(?:examples?|samples?|template|dummy)(?![@.\w-])|e\.g\./;
/** The words of EXAMPLE_WORDS, found in the trigger search's pass: the regex runs only on a page that has one. */
const EXAMPLE_HINTS = ['例', '見本', 'サンプル', 'example', 'sample', 'template', 'dummy', 'e.g.'];

const OFFICE_CONTACT_KINDS: ReadonlySet<Kind> = new Set<Kind>(['phone', 'email', 'address', 'postal-code']);

export function scanText(original: string, page: number, options: ScanOptions): Finding[] {
  const norm = normalizeText(original);
  const never = new Set((options.neverFlag ?? []).map(neverFlagKey));
  // the same length as norm.text: offsets map back unchanged
  const ctx = new ScanContext(pipeTablesAsTabs(norm.text), options.customTerms ?? []);
  const { detectors } = options;
  const present = triggerIndex(detectors).present(ctx.lower);
  const candidates: Scored[] = [];
  for (const d of detectors) {
    if (options.fast && d.costly) continue;
    if (d.triggers && !d.triggers.some((t) => present.has(t))) continue;
    for (const c of d.detect(ctx)) {
      const kind = c.kind ?? d.kind;
      const severity = c.severity ?? (c.kind ? KIND_SEVERITY[c.kind] : d.severity);
      // fields listed, not spread: spreading candidates of many shapes is slow
      candidates.push({ start: c.start, end: c.end, score: c.score, why: c.why, kind, severity, detector: d.id });
    }
  }
  const findings: Finding[] = [];
  // personal data in a form guide's filled-in example belongs to no one (./examples.ts); secrets are kept
  // looked for only where the page uses the words (not the example.com of an address): most pages cost nothing
  const examples = EXAMPLE_HINTS.some((w) => present.has(w)) && EXAMPLE_WORDS.test(ctx.lower) ? exampleRanges(ctx.text) : [];
  const merged = mergeOverlaps(candidates);
  // a column most of whose cells hold one kind of value: its other cells of that shape too (./column-consensus.ts)
  if (ctx.text.includes('\t')) {
    const more = columnConsensus(ctx, merged);
    for (const c of more) merged.push({ start: c.start, end: c.end, score: c.score, why: c.why, kind: c.kind, severity: KIND_SEVERITY[c.kind], detector: c.kind });
    if (more.length) merged.sort((a, b) => a.start - b.start);
  }
  // the issuing office's own phone, mail box and address (./office-contacts.ts), on a line that names no person
  const contacts = merged.filter((c) => OFFICE_CONTACT_KINDS.has(c.kind)).map((c) => c.start);
  const officeLines = withoutNames(officeContactLines(ctx.text, contacts), merged);
  for (const c of merged) {
    if (options.kinds && !options.kinds.includes(c.kind)) continue;
    if (examples.length && c.severity !== 'critical' && insideAny(examples, c.start, c.end)) continue;
    if (OFFICE_CONTACT_KINDS.has(c.kind) && insideAny(officeLines, c.start, c.end)) continue;
    if (options.minSeverity && severityRank(c.severity) < severityRank(options.minSeverity)) continue;
    let [start, end] = toOriginalRange(norm, c.start, c.end);
    // (a space normalising left out, next to the value, is not part of it: hgr0001 before パスワード)
    while (end > start && /\s/.test(original[end - 1])) end--;
    while (start < end && /\s/.test(original[start])) start++;
    if (never.size && never.has(neverFlagKey(original.slice(start, end)))) continue;
    findings.push({
      kind: c.kind,
      severity: c.severity,
      score: round(c.score),
      page,
      start,
      end,
      text: original.slice(start, end),
      why: c.why,
      detector: c.detector,
    });
  }
  return findings;
}

/** Scans one page, reading its tables' headers (and `carried`, the header its first table may continue). */
export function scanPage(page: Page, options: ScanOptions, carried?: Table): Finding[] {
  const tables = page.tables ?? [];
  if (!tables.length) return scanText(page.text, page.number, options);
  const first = tables[0];
  const continues = carried && tableStartsPage(page, first);
  const view = tableView(page.text, tables, (t) => (t === first && continues ? continuedHeaders(carried, t) : null));
  if (view.text === page.text) return scanText(page.text, page.number, options);
  return scanText(view.text, page.number, options).flatMap((f) => {
    const range = view.toPage(f.start, f.end);
    return range ? [{ ...f, start: range[0], end: range[1], text: page.text.slice(range[0], range[1]) }] : [];
  });
}

/**
 * Scans a document's pages one after another, as they are read. A table that
 * starts a page without a header of its own, its columns where the last
 * table of the page before had them, continues it and reads that table's
 * header.
 */
export function pageScanner(options: ScanOptions): (page: Page) => Finding[] {
  let carried: Table | undefined;
  return (page) => {
    const findings = scanPage(page, options, carried);
    const tables = page.tables ?? [];
    if (!tables.length) {
      carried = undefined;
      return findings;
    }
    const last = tables[tables.length - 1];
    const inherited = tables.length === 1 && carried && tableStartsPage(page, last) ? continuedHeaders(carried, last) : null;
    // only a table that ends its page runs on to the next
    carried = !tableEndsPage(page, last) ? undefined : inherited ? { ...last, columnHeaders: inherited } : last;
    return findings;
  };
}

/** Scans every page (see pageScanner). */
export function scanDocument(doc: SumiDocument, options: ScanOptions): Finding[] {
  const scan = pageScanner(options);
  return doc.pages.flatMap((page) => scan(page));
}

/** Keeps, among overlapping candidates, the most severe, then the surest, then the longest. */
function mergeOverlaps(candidates: Scored[]): Scored[] {
  const byStart = [...candidates].sort((a, b) => a.start - b.start);
  const kept: Scored[] = [];
  // sweep clusters of transitively overlapping candidates; each cluster is small
  for (let i = 0; i < byStart.length;) {
    let j = i + 1;
    let clusterEnd = byStart[i].end;
    while (j < byStart.length && byStart[j].start < clusterEnd) clusterEnd = Math.max(clusterEnd, byStart[j++].end);
    kept.push(...resolveCluster(byStart.slice(i, j)));
    i = j;
  }
  return kept;
}

function resolveCluster(cluster: Scored[]): Scored[] {
  if (cluster.length === 1) return cluster;
  const ranked = cluster.sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start);
  // kept in text order and never overlapping, so their ends are in order too: a binary
  // search finds the one candidate that could overlap (a cluster can hold thousands of
  // candidates on adversarial input, where testing each against all kept is quadratic)
  const kept: Scored[] = [];
  for (const c of ranked) {
    if (c.end <= c.start) continue;
    const lo = firstEndingAfter(kept, c.start);
    if (lo < kept.length && kept[lo].start < c.end) continue;
    kept.splice(lo, 0, c);
  }
  return kept;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
