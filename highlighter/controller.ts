// The content script's brain: reads the page in slices, scans it with the shared
// engine, paints the findings, rescans what changes, and answers the extension.
import { Slicer, scanSlice } from '../core/chunked.ts';
import type { Finding } from '../core/findings.ts';
import { kindName, pickLang, type Lang } from '../core/kind-names.ts';
import { DomTextBuilder, SUMI_HOST_ATTR, type DomPage } from './dom-text.ts';
import { locate, type DomLocation } from './locate.ts';
import { Painter, type FieldMark } from './paint.ts';
import { Tooltip } from './tooltip.ts';
import { Job, SLICE_MS, yieldToMain } from './scheduler.ts';
import { mark } from './profile.ts';

export interface PageFinding {
  finding: Finding;
  location: DomLocation;
}

export interface HighlighterEvents {
  /** after every completed scan */
  onScanned?(findings: PageFinding[]): void;
}

/** Mutations settle for this long before a rescan starts. */
const RESCAN_DELAY_MS = 250;

export class Highlighter {
  private findings: PageFinding[] = [];
  private scannedAt = 0;
  private job: Job | null = null;
  private running: Promise<void> | null = null;
  private rescanTimer: ReturnType<typeof setTimeout> | null = null;
  private observer: MutationObserver | null = null;
  private readonly painter: Painter;
  private tooltip: Tooltip | null = null;
  private current = -1;
  private paused = false;
  private readonly lang: Lang;
  private byNode = new Map<Node, number[]>();

  constructor(
    private readonly doc: Document,
    private readonly events: HighlighterEvents = {},
  ) {
    this.painter = new Painter(doc);
    this.lang = pickLang(doc.defaultView?.navigator.language);
  }

  start(): void {
    this.observer = new MutationObserver((records) => {
      if (records.some((r) => !this.isOurs(r.target))) this.scheduleRescan();
    });
    this.observer.observe(this.doc, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['value', 'hidden', 'style', 'class'] });
    // typing changes field values without any mutation
    this.doc.addEventListener('input', () => this.scheduleRescan(), true);
    this.doc.addEventListener('change', () => this.scheduleRescan(), true);
    this.doc.defaultView?.addEventListener('resize', () => this.painter.placeFieldBoxes());
    this.doc.addEventListener('mousemove', (e) => this.hover(e), { passive: true });
    this.doc.addEventListener('keydown', (e) => this.key(e), true);
    void this.rescan();
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    if (paused) {
      if (this.job) this.job.cancelled = true;
      this.findings = [];
      this.painter.clear();
      this.events.onScanned?.([]);
    } else void this.rescan();
  }

  setBlur(blur: boolean): void {
    this.painter.setBlur(blur);
  }

  /** The page's findings once pending changes have been rescanned. */
  async settled(): Promise<{ findings: Finding[]; scannedAt: number }> {
    while (this.rescanTimer !== null || this.running) {
      if (this.rescanTimer !== null) {
        clearTimeout(this.rescanTimer);
        this.rescanTimer = null;
        void this.rescan();
      }
      await this.running;
    }
    return { findings: this.findings.map((f) => f.finding), scannedAt: this.scannedAt };
  }

  list(): PageFinding[] {
    return this.findings;
  }

  private isOurs(node: Node): boolean {
    const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    return !!el?.closest(`[${SUMI_HOST_ATTR}]`);
  }

  private scheduleRescan(): void {
    if (this.paused) return;
    if (this.rescanTimer !== null) clearTimeout(this.rescanTimer);
    this.rescanTimer = setTimeout(() => {
      this.rescanTimer = null;
      void this.rescan();
    }, RESCAN_DELAY_MS);
  }

  /** Reads and scans the whole page in slices; a newer rescan cancels an older one. */
  private rescan(): Promise<void> {
    if (this.paused) return Promise.resolve();
    if (this.job) this.job.cancelled = true;
    const job = new Job();
    this.job = job;
    const run = this.scanPage(job).finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }

  private async scanPage(job: Job): Promise<void> {
    mark('walk-start');
    const builder = new DomTextBuilder(this.doc.documentElement);
    while (!builder.step(performance.now() + SLICE_MS)) {
      await yieldToMain();
      if (job.cancelled) return;
    }
    const page = builder.result();
    mark('walk-end');
    const found: PageFinding[] = [];
    let deadline = performance.now() + SLICE_MS;
    let paintedOnce = false;
    // slices grow while they stay quick, so the per-slice cost is paid rarely on
    // big pages, and shrink when one runs long, so no task much outlasts the budget
    const slicer = new Slicer(page.text);
    let size = 2048;
    while (!slicer.done) {
      const started = performance.now();
      for (const finding of scanSlice(slicer.next(size)!, 1)) {
        const location = locate(page.segments, finding.start, finding.end, this.doc);
        if (!location) continue;
        // a finding in a field keeps only the field's own value
        const clipped = location.clip ? { ...finding, start: location.clip[0], end: location.clip[1], text: page.text.slice(...location.clip) } : finding;
        found.push({ finding: clipped, location });
      }
      const took = performance.now() - started;
      size = took < SLICE_MS / 4 ? Math.min(size * 2, 65_536) : took > SLICE_MS / 2 ? Math.max(1024, size >> 1) : size;
      if (performance.now() + took > deadline) {
        // show the first findings early, then keep going
        if (!paintedOnce) {
          this.apply(found.slice(), page, false);
          mark('painted-first');
          paintedOnce = true;
        }
        await yieldToMain();
        if (job.cancelled) return;
        deadline = performance.now() + SLICE_MS;
      }
    }
    mark('scan-end');
    this.apply(found, page, true);
    mark('painted-all');
  }

  private apply(found: PageFinding[], _page: DomPage, complete: boolean): void {
    this.findings = found;
    const ranges: { range: Range; severity: Finding['severity'] }[] = [];
    const fields: FieldMark[] = [];
    this.byNode = new Map();
    found.forEach((f, index) => {
      if (f.location.range) {
        ranges.push({ range: f.location.range, severity: f.finding.severity });
        for (const node of [f.location.range.startContainer, f.location.range.endContainer]) {
          const list = this.byNode.get(node) ?? [];
          if (!list.includes(index)) list.push(index);
          this.byNode.set(node, list);
        }
      } else if (f.location.field) fields.push({ element: f.location.field, severity: f.finding.severity });
    });
    this.painter.paint(ranges, fields);
    if (complete) {
      this.scannedAt = Date.now();
      this.current = -1;
      this.events.onScanned?.(found);
    }
  }

  describe(f: Finding): string {
    return `${kindName(f.kind, this.lang)} — ${f.why}`;
  }

  private hover(e: MouseEvent): void {
    if (!this.findings.length) return;
    const caret = this.doc.caretRangeFromPoint?.(e.clientX, e.clientY);
    const hits = caret ? this.byNode.get(caret.startContainer) : undefined;
    const hit = hits?.map((i) => this.findings[i]).find((f) => f.location.range?.isPointInRange(caret!.startContainer, caret!.startOffset));
    if (!hit?.location.range) {
      if (this.current === -1) this.tooltip?.hide();
      return;
    }
    this.tip().show(this.describe(hit.finding), hit.location.range.getBoundingClientRect());
  }

  private tip(): Tooltip {
    this.tooltip ??= new Tooltip(this.painter.shadow());
    return this.tooltip;
  }

  /** Alt+Shift+N / Alt+Shift+P step through the findings. */
  private key(e: KeyboardEvent): void {
    if (!e.altKey || !e.shiftKey || (e.code !== 'KeyN' && e.code !== 'KeyP')) return;
    e.preventDefault();
    this.step(e.code === 'KeyN' ? 1 : -1);
  }

  step(direction: 1 | -1): void {
    if (!this.findings.length) return;
    this.current = (this.current + direction + this.findings.length) % this.findings.length;
    this.reveal(this.current);
  }

  /** Scrolls to finding i, marks it current and names it in the tooltip. */
  reveal(i: number): void {
    const f = this.findings[i];
    if (!f || (!f.location.range && !f.location.field)) return;
    this.current = i;
    const target = f.location.range ?? null;
    const el = f.location.field ?? target?.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    this.painter.setCurrent(target);
    const rect = target ? target.getBoundingClientRect() : f.location.field!.getBoundingClientRect();
    this.tip().show(this.describe(f.finding), rect);
  }
}
