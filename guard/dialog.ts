// The upload warning: an accessible alert dialog in Sumi's own shadow root.
// Focus moves into it and stays there, Escape cancels, and it speaks the
// browser's language. It says what the files hold, never the values.
import { KIND_NAMES, pickLang } from '../core/kind-names.ts';
import type { FileSummary } from '../extension/messages.ts';

export type Choice = { action: 'cancel' } | { action: 'open-panel' } | { action: 'upload'; reason: string; checker?: string };

const lang = pickLang(navigator.language);
const W = {
  title: { ja: 'アップロードを保留しました', en: 'Upload held' },
  intro: { ja: '次のファイルに個人情報または秘密情報が含まれています。送信する前に確認してください。', en: 'These files hold personal data or secrets. Check them before they are sent.' },
  unchecked: { ja: '確認できなかった内容があります', en: 'Some content could not be checked' },
  hidden: { ja: '隠れた内容', en: 'Hidden content' },
  examples: { ja: '例', en: 'Examples' },
  reason: { ja: 'このままアップロードする理由', en: 'Reason for uploading anyway' },
  checker: { ja: '確認者（ダブルチェックした職員の氏名）', en: 'Second checker (who checked this file)' },
  needReason: { ja: '理由を入力してください', en: 'Type a reason first' },
  needChecker: { ja: '確認者の氏名を入力してください', en: 'Type the name of the second checker' },
  cancel: { ja: 'アップロードを中止 (Cancel upload)', en: 'Cancel upload' },
  panel: { ja: '墨消しパネルで開く', en: 'Open in the redaction panel' },
  upload: { ja: 'このままアップロード (Upload anyway)', en: 'Upload anyway' },
  pages: { ja: 'ページ（文字情報なし・OCR未実施）', en: 'page(s) without text, not read by OCR' },
  checking: { ja: 'ファイルを確認しています…', en: 'Checking the file…' },
  reading: { ja: 'スキャン画像を文字認識しています', en: 'Reading scanned pages' },
} as const;
const w = (k: keyof typeof W) => W[k][lang];

const STYLE = `
.backdrop{position:fixed;inset:0;background:rgba(0,0,0,.45);display:flex;align-items:center;justify-content:center;z-index:2147483647}
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
.status{position:fixed;right:16px;bottom:16px;background:#1f2328;color:#fff;padding:8px 12px;border-radius:6px;font:13px system-ui,sans-serif;z-index:2147483647}`;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

function describe(s: FileSummary): HTMLElement {
  const box = el('div');
  box.append(el('div', { className: 'file' }, `${s.name}${s.pages ? ` (${s.pages})` : ''}`));
  if (s.error) box.append(el('p', {}, `${w('unchecked')}: ${s.error}`));
  const list = el('ul');
  for (const k of s.kinds) list.append(el('li', {}, `${KIND_NAMES[k.kind][lang]}: ${k.count}`));
  if (s.unchecked.length) list.append(el('li', {}, `${w('unchecked')}: ${s.unchecked.length} ${w('pages')}`));
  box.append(list);
  if (s.examples.length) box.append(el('p', {}, `${w('examples')}: ${s.examples.map((e) => `${KIND_NAMES[e.kind][lang]} ${e.masked}`).join(' / ')}`));
  if (s.hidden.length) box.append(el('p', {}, `${w('hidden')}: ${s.hidden.join(' / ')}`));
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
  const note = el('div', { className: 'status' }, w('checking'));
  note.setAttribute('role', 'status');
  note.setAttribute('aria-live', 'polite');
  root.append(note);
  return {
    progress: (done, total) => {
      note.textContent = `${w('checking')} ${w('reading')} ${done}/${total}`;
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
    const cancel = el('button', { type: 'button', className: 'primary' }, w('cancel'));
    const panel = el('button', { type: 'button' }, w('panel'));
    const upload = el('button', { type: 'button' }, w('upload'));
    const dialog = el('div', { className: 'dialog' });
    dialog.setAttribute('role', 'alertdialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-labelledby', 'sumi-title');
    dialog.setAttribute('aria-describedby', 'sumi-intro');
    dialog.append(
      el('h2', { id: 'sumi-title' }, w('title')),
      el('p', { id: 'sumi-intro' }, w('intro')),
      ...summaries.map(describe),
      el('label', { htmlFor: 'sumi-reason' }, w('reason')),
      reason,
      ...(requireChecker ? [el('label', { htmlFor: 'sumi-checker' }, w('checker')), checker] : []),
      error,
      el('div', { className: 'buttons' }, cancel, panel, upload),
    );
    const backdrop = el('div', { className: 'backdrop' }, dialog);
    root.append(backdrop);
    cancel.focus();

    const finish = (choice: Choice) => {
      backdrop.remove();
      document.removeEventListener('keydown', trap, true);
      previouslyFocused?.focus?.();
      resolve(choice);
    };
    cancel.onclick = () => finish({ action: 'cancel' });
    panel.onclick = () => finish({ action: 'open-panel' });
    upload.onclick = () => {
      if (reason.value.trim().length < 2) {
        error.textContent = w('needReason');
        return reason.focus();
      }
      if (requireChecker && checker.value.trim().length < 2) {
        error.textContent = w('needChecker');
        return checker.focus();
      }
      finish({ action: 'upload', reason: reason.value.trim(), checker: requireChecker ? checker.value.trim() : undefined });
    };
    // focus stays in the dialog; Escape cancels the upload
    const focusables = () => [...dialog.querySelectorAll<HTMLElement>('button, textarea, input')];
    const trap = (e: KeyboardEvent) => {
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
