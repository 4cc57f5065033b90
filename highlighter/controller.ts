// The content script's brain: reads the page in slices, scans it with the shared
// engine, paints the findings, rescans what changes, and answers the extension.
import type { Finding } from '../core/findings.ts';
import type { ScanPreferences } from '../core/settings.ts';
import { scanText } from '../pipeline/scan.ts';
import { t } from '../extension/i18n.ts';
import { kindName, pickLang, type Lang } from '../core/kind-names.ts';
import { SUMI_HOST_ATTR, type DomPage } from './dom-text.ts';
import { locate, type DomLocation } from './locate.ts';
import { Painter, type FieldMark } from './paint.ts';
import { Tooltip } from './tooltip.ts';
import { Job } from './scheduler.ts';
import { mark } from './profile.ts';
import { scanPage } from './page-scan.ts';

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
/** Partial results are painted at most this often. */
const REPAINT_MS = 1000;

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
  /** what the settings say to look for, and which findings to show */
  private preferences?: ScanPreferences;
  private shown: (f: Finding) => boolean = () => true;
  private readonly lang: Lang;
  private byNode: Map<Node, number[]> | null = null;
  private started = false;
  private gate: Promise<unknown> = Promise.resolve();
  private begin!: () => void;
  /** settles when start() is called: a question asked before then waits for the first scan */
  private readonly begun = new Promise<void>((resolve) => (this.begin = resolve));

  constructor(
    private readonly doc: Document,
    private readonly events: HighlighterEvents = {},
  ) {
    this.painter = new Painter(doc);
    this.lang = pickLang(doc.defaultView?.navigator.language);
  }

  /** Reads the page and watches it for changes. `gate` settles once the site's settings are known: nothing is read before. */
  start(gate: Promise<unknown> = Promise.resolve()): void {
    this.gate = gate;
    this.started = true;
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
    this.begin();
  }

  setPaused(paused: boolean): void {
    // unchanged (another site paused, or settings that leave the pause as it was): nothing to clear or scan again
    if (paused === this.paused) return;
    this.paused = paused;
    if (paused) {
      if (this.job) this.job.cancelled = true;
      this.findings = [];
      this.painter.clear();
      this.events.onScanned?.([]);
    } else void this.rescan();
  }

  /** Settings changed (options page, policy): the page is scanned again with them, no reload. */
  setPreferences(preferences: ScanPreferences, shown: (f: Finding) => boolean): void {
    this.preferences = preferences;
    this.shown = shown;
    if (this.started) void this.rescan();
  }

  setBlur(blur: boolean): void {
    this.painter.setBlur(blur);
  }

  /** The page's findings once pending changes have been rescanned. */
  async settled(): Promise<{ findings: Finding[]; scannedAt: number }> {
    await this.begun;
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
    if (this.paused || !this.started) return Promise.resolve();
    if (this.job) this.job.cancelled = true;
    const job = new Job();
    this.job = job;
    const run = this.readAndScan(job)
      .catch((err: unknown) => console.warn('Sumi: page scan failed', err))
      .finally(() => {
        if (this.running === run) this.running = null;
      });
    this.running = run;
    return run;
  }

  private async readAndScan(job: Job): Promise<void> {
    await this.gate; // nothing is read before the site's settings say Sumi may
    if (job.cancelled || this.paused) return;
    mark('walk-start');
    const found: PageFinding[] = [];
    let paintedAt = -1;
    // a rescan keeps the highlights it replaces (their live Ranges follow the DOM) until it is done
    const partialPaints = this.findings.length === 0;
    const page = await scanPage(
      this.doc.documentElement,
      job,
      (findings, pageSoFar) => {
        this.place(findings, pageSoFar, found);
        // the first findings at once, then now and then: every paint makes the browser rebuild all highlights
        if (partialPaints && found.length && (paintedAt < 0 || performance.now() - paintedAt > REPAINT_MS)) {
          this.apply(found.slice(), false);
          if (paintedAt < 0) mark('painted-first');
          paintedAt = performance.now();
        }
      },
      this.preferences,
    );
    if (!page || job.cancelled) return;
    mark('scan-end');
    this.apply(found, true);
    mark('painted-all');
  }

  /** Maps findings to where they sit in the DOM; a finding in a field keeps only the field's own value. */
  private place(findings: Finding[], page: DomPage, into: PageFinding[]): void {
    for (const finding of findings) {
      if (!this.shown(finding)) continue;
      const location = locate(page.segments, finding.start, finding.end, this.doc);
      if (!location) continue;
      const clipped = location.clip ? { ...finding, start: location.clip[0], end: location.clip[1], text: page.text.slice(...location.clip) } : finding;
      into.push({ finding: clipped, location });
    }
  }

  private apply(found: PageFinding[], complete: boolean): void {
    this.findings = found;
    this.byNode = null;
    const ranges: { range: Range; severity: Finding['severity'] }[] = [];
    const fields: FieldMark[] = [];
    for (const f of found) {
      if (f.location.range) ranges.push({ range: f.location.range, severity: f.finding.severity });
      else if (f.location.field) fields.push({ element: f.location.field, severity: f.finding.severity });
    }
    this.painter.paint(ranges, fields);
    if (complete) {
      this.scannedAt = Date.now();
      this.current = -1;
      this.events.onScanned?.(found);
    }
  }

  /** The findings that start or end in each text node, for hovering; built at the first hover after a paint. */
  private findingsByNode(): Map<Node, number[]> {
    if (this.byNode) return this.byNode;
    const byNode = new Map<Node, number[]>();
    this.findings.forEach((f, index) => {
      if (!f.location.range) return;
      for (const node of [f.location.range.startContainer, f.location.range.endContainer]) {
        const list = byNode.get(node) ?? [];
        if (!list.includes(index)) list.push(index);
        byNode.set(node, list);
      }
    });
    this.byNode = byNode;
    return byNode;
  }

  describe(f: Finding): string {
    return `${kindName(f.kind, this.lang)} — ${f.why}`;
  }

  private hover(e: MouseEvent): void {
    if (!this.findings.length) return;
    const caret = this.doc.caretRangeFromPoint?.(e.clientX, e.clientY);
    const hits = caret ? this.findingsByNode().get(caret.startContainer) : undefined;
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

  /** Scans the text selected on the page and says next to it what it holds (the context menu's "check the selection"). */
  checkSelection(preferences?: ScanPreferences): void {
    const selection = this.doc.getSelection();
    const text = selection?.toString() ?? '';
    if (!selection || !selection.rangeCount || !text.trim()) return;
    const found = scanText(text, 1, preferences ?? {}).filter((f) => this.shown(f));
    const counts = new Map<string, number>();
    for (const f of found) counts.set(kindName(f.kind, this.lang), (counts.get(kindName(f.kind, this.lang)) ?? 0) + 1);
    const summary = [...counts].map(([kind, n]) => `${kind} ${n}`).join(this.lang === 'ja' ? '、' : ', ');
    const message = found.length ? t('tip.selectionFound', this.lang) + summary : t('tip.selectionNone', this.lang);
    this.tip().show(message, selection.getRangeAt(0).getBoundingClientRect());
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
