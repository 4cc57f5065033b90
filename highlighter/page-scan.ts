// Reads a page and scans its text while it is being read. Slices of text go to the
// background as soon as the walk has read past them, so the top of the page (what
// is on screen when it opens) is scanned first and reading, scanning and painting
// overlap; detection itself never runs on the page's main thread. If the background
// does not answer, the page scans the rest itself, in slices short enough to keep
// every task brief.
import { Slicer, type Slice } from '../engine/slices.ts';
import { scanSlice } from '../pipeline/scan.ts';
import type { Finding } from '../core/findings.ts';
import type { ScanPreferences } from '../core/settings.ts';
import { DomTextBuilder, type DomPage } from './dom-text.ts';
import { askBackground } from './scan-client.ts';
import { Job, SLICE_MS, yieldToMain } from './scheduler.ts';

/** The first slice is small so the top of the page is highlighted soon; the rest go in bigger slices. */
const FIRST_SLICE_CHARS = 8192;
const SLICE_CHARS = 65_536;
/** Slices at the background at once: one scanned, one waiting, so it never waits for the page. */
const SLICES_IN_FLIGHT = 2;
/**
 * A slice is cut only once the walk has read this many slice lengths past its start:
 * the Slicer then cuts it where it would cut the finished text (at the next line end).
 */
const READ_AHEAD = 3;
/** Findings placed between two looks at the clock. */
const DELIVERY_BATCH = 128;

/** Called with each batch of findings, in page order (offsets into page.text), and the page as read so far. */
export type OnFindings = (findings: Finding[], page: DomPage) => void;

/** False once the background failed to scan: this page scans for itself from then on. */
let backgroundScans = true;

/** Reads and scans the page under `root`; the page once done, null when cancelled. */
export async function scanPage(root: Node, job: Job, onFindings: OnFindings, preferences?: ScanPreferences): Promise<DomPage | null> {
  const builder = new DomTextBuilder(root);
  let from = 0;
  if (backgroundScans) {
    const offPage = await scanOffPage(builder, job, onFindings, preferences);
    if (!offPage || !offPage.error) return offPage?.page ?? null;
    console.warn('Sumi: the background did not scan this page; scanning it here', offPage.error);
    backgroundScans = false;
    from = offPage.scannedTo;
  }
  return scanInPage(builder, job, from, onFindings, preferences);
}

interface InFlight {
  slice: Slice;
  findings?: Finding[];
  /** findings already handed to onFindings */
  delivered: number;
  error?: Error;
  reply: Promise<unknown>;
}

/**
 * Walks and sends slices to the background; on failure, says how far the findings
 * were delivered. Each turn does one kind of work within the time budget, then
 * gives the main thread back: answers are delivered first (they become highlights),
 * otherwise the walk goes on.
 */
async function scanOffPage(builder: DomTextBuilder, job: Job, onFindings: OnFindings, preferences?: ScanPreferences): Promise<{ page: DomPage; error?: Error; scannedTo: number } | null> {
  const slicer = new Slicer('');
  const queue: InFlight[] = [];
  let page = builder.result();
  let read = false;
  let size = FIRST_SLICE_CHARS;
  let scannedTo = 0;
  for (;;) {
    const deadline = performance.now() + SLICE_MS;
    if (queue[0]?.findings) {
      // deliver answered slices in order, a batch at a time (placing a finding builds a Range)
      while (queue[0]?.findings && performance.now() < deadline) {
        const item = queue[0];
        const end = Math.min(item.findings!.length, item.delivered + DELIVERY_BATCH);
        onFindings(item.findings!.slice(item.delivered, end), page);
        item.delivered = end;
        if (end === item.findings!.length) {
          queue.shift();
          scannedTo = item.slice.end;
        }
      }
    } else if (!read) read = builder.step(deadline);
    // hand out every slice the walk has read far enough past, up to the in-flight limit
    while (queue.length < SLICES_IN_FLIGHT && (read || builder.textLength - slicer.offset >= READ_AHEAD * size)) {
      page = builder.result();
      slicer.extend(page.text);
      if (slicer.done) break;
      const item: InFlight = { slice: slicer.next(size)!, delivered: 0, reply: Promise.resolve() };
      item.reply = askBackground(item.slice, preferences).then(
        (findings) => (item.findings = findings),
        (err: Error) => (item.error = err),
      );
      queue.push(item);
      size = SLICE_CHARS;
    }
    if (queue[0]?.error) return { page, error: queue[0].error, scannedTo }; // the in-page scan finishes the walk
    if (read && !queue.length && slicer.done) return { page, scannedTo };
    // once the walk is done and every answer delivered, wait for the next answer
    if (read && !queue[0].findings) await queue[0].reply;
    else await yieldToMain();
    if (job.cancelled) return null;
  }
}

/** Scans the page text from `from` on the main thread, in slices sized to the time budget. */
async function scanInPage(builder: DomTextBuilder, job: Job, from: number, onFindings: OnFindings, preferences: ScanPreferences = { customTerms: [], neverFlag: [] }): Promise<DomPage | null> {
  while (!builder.step(performance.now() + SLICE_MS)) {
    await yieldToMain();
    if (job.cancelled) return null;
  }
  const page = builder.result();
  const slicer = new Slicer(page.text, from);
  let batch: Finding[] = [];
  let deadline = performance.now() + SLICE_MS;
  // slices grow while they stay quick, so the per-slice cost is paid rarely on
  // big pages, and shrink when one runs long, so no task much outlasts the budget
  let size = 2048;
  while (!slicer.done) {
    const started = performance.now();
    for (const finding of scanSlice(slicer.next(size)!, 1, preferences)) batch.push(finding);
    const took = performance.now() - started;
    size = took < SLICE_MS / 4 ? Math.min(size * 2, SLICE_CHARS) : took > SLICE_MS / 2 ? Math.max(1024, size >> 1) : size;
    if (performance.now() + took > deadline) {
      onFindings(batch, page);
      batch = [];
      await yieldToMain();
      if (job.cancelled) return null;
      deadline = performance.now() + SLICE_MS;
    }
  }
  onFindings(batch, page);
  return page;
}
