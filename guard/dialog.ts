// The upload warning: an accessible alert dialog in Sumi's own shadow root.
// Focus moves into it and stays there, Escape cancels, and it speaks the
// browser's language. It says what the files hold, never the values.
import { KIND_NAMES } from '../core/kind-names.ts';
import { lang, t } from '../extension/i18n.ts';
import type { FileSummary, OfficerChoice } from '../extension/messages.ts';

export type Choice = OfficerChoice;

// (the page's own theme is unknown: the dialog follows the system's, in the colours of components/theme.css)
const STYLE = `
.backdrop{position:fixed;inset:0;background:rgba(0,0,0,.45);display:flex;align-items:center;justify-content:center;z-index:2147483647;
  margin:0;padding:0;border:0;width:100%;height:100%;max-width:none;max-height:none;box-sizing:border-box}
.backdrop::backdrop{background:transparent}
.dialog{background:#fff;color:#1f2328;max-width:560px;width:calc(100% - 32px);max-height:calc(100% - 32px);overflow:auto;border-radius:8px;padding:20px;
  font:14px/1.5 system-ui,"Noto Sans CJK JP",sans-serif;box-shadow:0 8px 30px rgba(0,0,0,.4);border-top:6px solid #c8102e}
h2{margin:0 0 8px;font-size:18px;color:#8b0000}
ul{margin:4px 0 8px;padding-left:20px} .file{font-weight:bold;margin-top:8px}
label{display:block;margin-top:8px;font-weight:bold} textarea,input{width:100%;box-sizing:border-box;font:inherit;margin-top:2px}
.error{color:#b00020;font-weight:bold;min-height:1.5em}
.buttons{display:flex;flex-wrap:wrap;gap:8px;margin-top:12px}
button{font:inherit;padding:6px 12px;border-radius:4px;border:1px solid #888;background:#f6f8fa;cursor:pointer}
button.primary{background:#1f2328;color:#fff;border-color:#1f2328}
button:focus-visible,textarea:focus-visible,input:focus-visible{outline:3px solid #1e90ff;outline-offset:2px}
.status{position:fixed;right:16px;bottom:16px;background:#1f2328;color:#fff;padding:8px 12px;border-radius:6px;font:13px system-ui,sans-serif;z-index:2147483647}
@media (prefers-color-scheme: dark){
.dialog{background:#1f2328;color:#e6e8eb;border-top-color:#f28b82;box-shadow:0 8px 30px rgba(0,0,0,.7)}
h2{color:#f28b82} .error{color:#f28b82}
button{background:#2b3138;color:#e6e8eb;border-color:#5a636e}
button.primary{background:#e6e8eb;color:#16181c;border-color:#e6e8eb}
textarea,input{background:#16181c;color:#e6e8eb;border:1px solid #5a636e}
button:focus-visible,textarea:focus-visible,input:focus-visible{outline-color:#8ab4f8}
.status{background:#e6e8eb;color:#16181c}}`;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

function describe(s: FileSummary): HTMLElement {
  const box = el('div');
  box.append(el('div', { className: 'file' }, `${s.name}${s.pages ? ` (${s.pages})` : ''}`));
  if (s.error) box.append(el('p', {}, `${t('guard.unchecked')}: ${s.error}`));
  const list = el('ul');
  for (const k of s.kinds) list.append(el('li', {}, `${KIND_NAMES[k.kind][lang]}: ${k.count}`));
  if (s.unchecked.length) list.append(el('li', {}, `${t('guard.unchecked')}: ${s.unchecked.length} ${t('guard.pages')}`));
  box.append(list);
  if (s.examples.length) box.append(el('p', {}, `${t('guard.examples')}: ${s.examples.map((e) => `${KIND_NAMES[e.kind][lang]} ${e.masked}`).join(' / ')}`));
  if (s.hidden.length) box.append(el('p', {}, `${t('guard.hidden')}: ${s.hidden.join(' / ')}`));
  return box;
}

function ensureStyle(root: ShadowRoot): void {
  if (root.querySelector('style[data-sumi]')) return;
  const style = el('style', { textContent: STYLE });
  style.dataset.sumi = '';
  root.append(style);
}

export interface CheckingNote {
  /** OCR progress: pages read of pages to read */
  progress(done: number, total: number): void;
  close(): void;
}

/** A small progress note while files are checked. */
export function showChecking(root: ShadowRoot): CheckingNote {
  ensureStyle(root);
  const note = el('div', { className: 'status' }, t('guard.checking'));
  note.setAttribute('role', 'status');
  note.setAttribute('aria-live', 'polite');
  root.append(note);
  return {
    progress: (done, total) => {
      note.textContent = `${t('guard.checking')} ${t('guard.reading')} ${done}/${total}`;
    },
    close: () => note.remove(),
  };
}

export function showDialog(root: ShadowRoot, summaries: FileSummary[], requireChecker: boolean): Promise<Choice> {
  ensureStyle(root);
  const previouslyFocused = document.activeElement as HTMLElement | null;
  return new Promise((resolve) => {
    const reason = el('textarea', { id: 'sumi-reason', rows: 2 });
    const checker = el('input', { id: 'sumi-checker', type: 'text', autocomplete: 'name' });
    const error = el('p', { className: 'error' });
    error.setAttribute('role', 'alert');
    const cancel = el('button', { type: 'button', className: 'primary' }, t('guard.cancel'));
    const panel = el('button', { type: 'button' }, t('guard.panel'));
    const upload = el('button', { type: 'button' }, t('guard.upload'));
    const dialog = el('div', { className: 'dialog' });
    dialog.setAttribute('role', 'alertdialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-labelledby', 'sumi-title');
    dialog.setAttribute('aria-describedby', 'sumi-intro');
    dialog.append(
      el('h2', { id: 'sumi-title' }, t('guard.title')),
      el('p', { id: 'sumi-intro' }, t('guard.intro')),
      ...summaries.map(describe),
      el('label', { htmlFor: 'sumi-reason' }, t('guard.reason')),
      reason,
      ...(requireChecker ? [el('label', { htmlFor: 'sumi-checker' }, t('guard.checker')), checker] : []),
      error,
      el('div', { className: 'buttons' }, cancel, panel, upload),
    );
    // a native modal <dialog>: the top layer, above whatever the page shows (its own modal too), and inert below
    const backdrop = el('dialog', { className: 'backdrop' }, dialog);
    root.append(backdrop);
    showOnTop(backdrop);
    cancel.focus();
    const watch = keepShown(root, backdrop);

    const finish = (choice: Choice) => {
      backdrop.dataset.finished = '';
      watch.disconnect();
      backdrop.remove();
      document.removeEventListener('keydown', trap, true);
      previouslyFocused?.focus?.();
      resolve(choice);
    };
    // only a person's click counts: a page script's click() or dispatched event is not trusted
    cancel.onclick = (e) => e.isTrusted && finish({ action: 'cancel' });
    panel.onclick = (e) => e.isTrusted && finish({ action: 'open-panel' });
    upload.onclick = (e) => {
      if (!e.isTrusted) return;
      if (reason.value.trim().length < 2) {
        error.textContent = t('guard.needReason');
        return reason.focus();
      }
      if (requireChecker && checker.value.trim().length < 2) {
        error.textContent = t('guard.needChecker');
        return checker.focus();
      }
      finish({ action: 'upload', reason: reason.value.trim(), checker: requireChecker ? checker.value.trim() : undefined });
    };
    // focus stays in the dialog; Escape cancels the upload
    const focusables = () => [...dialog.querySelectorAll<HTMLElement>('button, textarea, input')];
    const trap = (e: KeyboardEvent) => {
      if (!e.isTrusted) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        return finish({ action: 'cancel' });
      }
      if (e.key !== 'Tab') return;
      const items = focusables();
      const active = root.activeElement as HTMLElement | null;
      const i = active ? items.indexOf(active) : -1;
      e.preventDefault();
      e.stopPropagation();
      items[(i + (e.shiftKey ? -1 : 1) + items.length) % items.length].focus();
    };
    document.addEventListener('keydown', trap, true);
  });
}

/** Shows the dialog modal (in the top layer) unless it is already; where showModal is refused (a document that is not fully active), it stays shown as it is. */
function showOnTop(dialog: HTMLDialogElement): void {
  if (!dialog.isConnected || dialog.open) return;
  try {
    dialog.showModal();
  } catch {
    dialog.setAttribute('open', '');
  }
}

/**
 * Keeps the dialog on screen while it waits: a page that removes Sumi's host
 * element or the dialog, or hides the host with a style, gets it back at once
 * (the upload stays held either way).
 */
function keepShown(root: ShadowRoot, backdrop: HTMLDialogElement): MutationObserver {
  const host = root.host as HTMLElement;
  const restore = () => {
    if (backdrop.dataset.finished !== undefined) return;
    if (!host.isConnected) document.documentElement.append(host);
    if (!backdrop.isConnected) root.append(backdrop);
    showOnTop(backdrop);
    for (const [name, value] of HOST_STYLE) if (host.style.getPropertyValue(name) !== value || host.style.getPropertyPriority(name) !== 'important') host.style.setProperty(name, value, 'important');
  };
  restore();
  // a page that closes the dialog (through the open shadow root) sees it shown again
  backdrop.addEventListener('close', restore);
  const watch = new MutationObserver(restore);
  watch.observe(document.documentElement, { childList: true });
  watch.observe(root, { childList: true });
  watch.observe(host, { attributes: true });
  return watch;
}

const HOST_STYLE: [string, string][] = [
  ['display', 'block'],
  ['visibility', 'visible'],
  ['opacity', '1'],
];
