// The isolated-world half of the upload guard: catches files as they are
// chosen, dropped, pasted or submitted, and the script uploads the page-world
// half holds; has them scanned in the extension's frame; and asks the officer.
import { browser } from 'wxt/browser';
import {
  CHANNEL,
  isGuardMessage,
  type AskOfficerRequest,
  type FileSummary,
  type HoldDecision,
  type OpenPanelRequest,
  type ScanRequest,
  type SumiMessage,
  type UploadLogEntry,
  type UploadLogMessage,
} from '../extension/messages.ts';
import { needsWarning } from './summary.ts';
import { showChecking, showDialog, type CheckingNote, type Choice } from './dialog.ts';
import { shouldCheck } from './settings.ts';
import { DEFAULT_GUARD_SETTINGS, type GuardSettings } from '../core/settings.ts';
import { loadSettings, watchSettings } from '../extension/settings-store.ts';
import { SUMI_HOST_ATTR } from '../highlighter/dom-text.ts';
import { filesOfForm } from './form-files.ts';
import { openSendingEnd } from './private-channel.ts';

const fileKey = (f: File) => `${f.name}|${f.size}|${f.lastModified}`;
/** How long the scanning frame may take to load before the file is reported as not checked. */
const FRAME_TIMEOUT_MS = 20_000;

export class UploadGuard {
  private settings: GuardSettings = DEFAULT_GUARD_SETTINGS;
  private root: ShadowRoot | null = null;
  private frame: HTMLIFrameElement | null = null;
  private frameReady: Promise<void> | null = null;
  private scans = new Map<string, (s: FileSummary) => void>();
  /** one decision per file, shared by every way the same file is sent */
  private decisions = new Map<string, Promise<boolean>>();
  /** events Sumi re-dispatches after an "upload anyway" pass through */
  private replayed = new WeakSet<Event>();
  private counter = 0;
  /** the progress note of the check under way */
  private checking?: CheckingNote;

  /** decisions to the page-world half, on a channel page scripts cannot reach */
  private toPage: (decision: HoldDecision) => void = () => {};
  /** file inputs whose chosen files wait for a decision */
  private pendingInputs = new WeakSet<HTMLInputElement>();

  async start(): Promise<void> {
    // first, at document start, before any page script: the private channel and the listeners
    this.toPage = openSendingEnd();
    window.addEventListener('input', (e) => this.onChosen(e), true);
    window.addEventListener('change', (e) => this.onChosen(e), true);
    window.addEventListener('submit', (e) => this.onSubmit(e as SubmitEvent), true);
    window.addEventListener('drop', (e) => this.onTransfer(e, (e as DragEvent).dataTransfer), true);
    window.addEventListener('paste', (e) => this.onTransfer(e, (e as ClipboardEvent).clipboardData), true);
    window.addEventListener('message', (e) => this.onMessage(e));
    // the top frame asks the officer for its frames (see ask())
    if (window === window.top) {
      browser.runtime.onMessage.addListener((message: SumiMessage, _sender, sendResponse) => {
        if (message.type !== 'sumi:ask-officer') return false;
        void showDialog(this.shadow(), message.summaries, message.requireChecker).then(sendResponse);
        return true;
      });
    }
    this.settings = (await loadSettings()).settings.guard;
    watchSettings(({ settings }) => (this.settings = settings.guard));
  }

  private active(): boolean {
    return shouldCheck(this.settings, location.hostname);
  }

  // ---- the ways files leave a page

  /** A file chosen in a file input: `input` comes first, then `change`; the page may upload on either. */
  private onChosen(e: Event): void {
    const input = e.target as HTMLInputElement;
    if (this.replayed.has(e) || !(input instanceof HTMLInputElement) || input.type !== 'file' || !input.files?.length || !this.active()) return;
    const files = [...input.files];
    if (files.every((f) => this.settled(f) === true)) return;
    // hold the page's own handlers (which may upload at once) until the officer decides
    e.stopImmediatePropagation();
    // the second event of the same choice waits for the decision the first one started
    if (this.pendingInputs.has(input)) return;
    this.pendingInputs.add(input);
    void this.decide(files, 'input').then((allow) => {
      this.pendingInputs.delete(input);
      if (!allow) {
        input.value = '';
        return;
      }
      for (const type of ['input', 'change']) {
        const again = new Event(type, { bubbles: true });
        this.replayed.add(again);
        input.dispatchEvent(again);
      }
    });
  }

  private onSubmit(e: SubmitEvent): void {
    const form = e.target as HTMLFormElement;
    if (!(form instanceof HTMLFormElement) || !this.active()) return;
    const files = filesOfForm(form);
    if (!files.length || files.every((f) => this.settled(f) === true)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    const submitter = e.submitter;
    void this.decide(files, 'form').then((allow) => {
      if (!allow) return;
      // submitted again with the button that was pressed, so its name and value (and formaction…) arrive; the page's
      // submit handlers, held back the first time, run now; the files are decided, so this submit passes
      if (submitter?.isConnected && (submitter as HTMLButtonElement | HTMLInputElement).form === form) HTMLFormElement.prototype.requestSubmit.call(form, submitter);
      // (no button, or it is gone: the isolated world's own submit, which no page wrapper sees)
      else HTMLFormElement.prototype.submit.call(form);
    });
  }

  private onTransfer(e: Event, data: DataTransfer | null): void {
    if (this.replayed.has(e) || !data?.files.length || !this.active()) return;
    const files = [...data.files];
    if (files.every((f) => this.settled(f) === true)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    const target = e.target as EventTarget;
    const init = e instanceof MouseEvent ? { clientX: e.clientX, clientY: e.clientY, screenX: e.screenX, screenY: e.screenY } : {};
    void this.decide(files, e.type).then((allow) => {
      if (!allow) return;
      const dt = new DataTransfer();
      for (const f of files) dt.items.add(f);
      const again =
        e.type === 'drop'
          ? new DragEvent('drop', { bubbles: true, cancelable: true, composed: true, dataTransfer: dt, ...init })
          : new ClipboardEvent('paste', { bubbles: true, cancelable: true, composed: true, clipboardData: dt });
      this.replayed.add(again);
      target.dispatchEvent(again);
    });
  }

  private onMessage(e: MessageEvent): void {
    if (!isGuardMessage(e.data)) return;
    if (e.data.type === 'hold' && e.source === window) {
      const { id, files, via } = e.data;
      const answer = (allow: boolean) => this.toPage({ id, allow });
      if (!this.active()) return answer(true);
      void this.decide(files, via).then(answer);
    } else if (e.data.type === 'scanned' && e.source === this.frame?.contentWindow) {
      this.scans.get(e.data.id)?.(e.data.summary);
      this.scans.delete(e.data.id);
    } else if (e.data.type === 'scan-progress' && e.source === this.frame?.contentWindow) {
      this.checking?.progress(e.data.done, e.data.total);
    }
  }

  // ---- deciding

  /** true/false when this file was decided already, undefined when not. */
  private settled(file: File): boolean | undefined {
    return this.decided.get(fileKey(file));
  }
  private decided = new Map<string, boolean>();

  private decide(files: File[], via: string): Promise<boolean> {
    const keys = files.map(fileKey);
    const pending = keys.map((k) => this.decisions.get(k)).filter(Boolean);
    if (pending.length === keys.length) return Promise.all(pending).then((all) => all.every(Boolean));
    const decision = this.check(files, via);
    for (const k of keys) this.decisions.set(k, decision);
    void decision.then((allow) => {
      for (const k of keys) this.decided.set(k, allow);
      // a cancelled file is asked about again if the page tries to send it later
      if (!allow) for (const k of keys) this.decisions.delete(k);
    });
    return decision;
  }

  private async check(files: File[], via: string): Promise<boolean> {
    const note = showChecking(this.shadow());
    this.checking = note;
    let summaries: FileSummary[];
    try {
      summaries = await Promise.all(files.map((f) => this.scan(f)));
    } finally {
      note.close();
      if (this.checking === note) this.checking = undefined;
    }
    const flagged = summaries.filter((s) => needsWarning(s, this.settings.minSeverity));
    if (!flagged.length) return true;
    const choice = await this.ask(flagged);
    this.log(flagged, choice, via);
    if (choice.action === 'open-panel') {
      const request: OpenPanelRequest = { channel: CHANNEL, type: 'open-panel', name: files[0].name };
      this.frame?.contentWindow?.postMessage(request, '*');
    }
    return choice.action === 'upload';
  }

  /**
   * The officer's choice. A frame asks through the top frame, where the
   * warning covers the whole tab: a frame may be hidden (a script's
   * about:blank iframe), tiny, or scrolled out of view. The top frame, or a
   * frame whose top frame cannot answer, asks here.
   */
  private async ask(flagged: FileSummary[]): Promise<Choice> {
    const requireChecker = this.settings.requireSecondChecker;
    if (window !== window.top) {
      const request: AskOfficerRequest = { type: 'sumi:ask-officer', summaries: flagged, requireChecker };
      const choice = (await browser.runtime.sendMessage(request).catch(() => undefined)) as Choice | undefined;
      if (choice && typeof choice.action === 'string') return choice;
    }
    return showDialog(this.shadow(), flagged, requireChecker);
  }

  private async scan(file: File): Promise<FileSummary> {
    const limit = this.settings.maxMegabytes * 1024 * 1024;
    if (file.size > limit) {
      return { name: file.name, size: file.size, sha256: '', kinds: [], examples: [], hidden: [], unchecked: [], total: 0, error: `larger than ${this.settings.maxMegabytes} MB: not checked` };
    }
    // a frame that cannot load Sumi's scanning frame (a sandboxed or opaque-origin frame) cannot check: it says so, and the officer decides
    const ready = await Promise.race([this.ensureFrame().then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), FRAME_TIMEOUT_MS))]);
    if (!ready) {
      return {
        name: file.name,
        size: file.size,
        sha256: '',
        kinds: [],
        examples: [],
        hidden: [],
        unchecked: [],
        total: 0,
        error: 'Sumi cannot check files inside this frame (a sandboxed frame): not checked',
      };
    }
    const id = `s${++this.counter}`;
    return new Promise((resolve) => {
      this.scans.set(id, resolve);
      const request: ScanRequest = { channel: CHANNEL, type: 'scan', id, file };
      this.frame!.contentWindow!.postMessage(request, '*');
    });
  }

  private log(summaries: FileSummary[], choice: Choice, via: string): void {
    const entries: UploadLogEntry[] = summaries.map((s) => ({
      time: new Date().toISOString(),
      site: location.host,
      file: s.name,
      sha256: s.sha256,
      found: [...s.kinds.map((k) => `${k.kind}:${k.count}`), ...(s.unchecked.length ? [`unchecked-pages:${s.unchecked.length}`] : []), ...(s.error ? ['not-checked'] : [])].join(' '),
      choice: choice.action,
      reason: choice.action === 'upload' ? choice.reason : undefined,
      checker: choice.action === 'upload' ? choice.checker : undefined,
      via,
    }));
    void browser.runtime.sendMessage({ type: 'sumi:upload-log', entries } satisfies UploadLogMessage).catch(() => {});
  }

  // ---- Sumi's own elements

  private shadow(): ShadowRoot {
    if (!this.root) {
      const host = document.createElement('sumi-guard');
      host.setAttribute(SUMI_HOST_ATTR, '');
      this.root = host.attachShadow({ mode: 'open' });
      document.documentElement.append(host);
    }
    return this.root;
  }

  private ensureFrame(): Promise<void> {
    if (!this.frameReady) {
      this.frameReady = new Promise((resolve) => {
        const frame = document.createElement('iframe');
        frame.src = browser.runtime.getURL('/scan-frame.html');
        frame.style.cssText = 'display:none';
        frame.setAttribute('aria-hidden', 'true');
        const onReady = (e: MessageEvent) => {
          if (e.source === frame.contentWindow && isGuardMessage(e.data)) {
            window.removeEventListener('message', onReady);
            resolve();
          }
        };
        window.addEventListener('message', onReady);
        this.frame = frame;
        this.shadow().append(frame);
      });
    }
    return this.frameReady;
  }
}
