// The page-world half of the upload guard: script uploads (fetch, XHR,
// sendBeacon, form.submit()) that carry files are held until the isolated
// content script has checked them and the officer has decided.
import { CHANNEL, isGuardMessage, type HoldRequest } from '../extension/messages.ts';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  world: 'MAIN',
  main() {
    const waiting = new Map<string, (allow: boolean) => void>();
    window.addEventListener('message', (e) => {
      if (e.source !== window || !isGuardMessage(e.data) || e.data.type !== 'decision') return;
      waiting.get(e.data.id)?.(e.data.allow);
      waiting.delete(e.data.id);
    });

    let counter = 0;
    function hold(via: HoldRequest['via'], files: File[]): Promise<boolean> {
      const id = `${Date.now().toString(36)}-${++counter}`;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        const request: HoldRequest = { channel: CHANNEL, type: 'hold', id, via, files };
        window.postMessage(request, '*');
      });
    }

    function filesIn(body: unknown): File[] {
      if (body instanceof File) return [body];
      if (body instanceof Blob) return [new File([body], 'upload', { type: body.type })];
      if (body instanceof FormData) {
        const out: File[] = [];
        body.forEach((value) => {
          if (value instanceof File && value.size > 0) out.push(value);
        });
        return out;
      }
      return [];
    }

    const originalFetch = window.fetch;
    window.fetch = async function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
      const files = filesIn(init?.body);
      if (files.length && !(await hold('fetch', files))) throw new TypeError('Upload cancelled by Sumi: the file holds personal data or secrets.');
      return originalFetch.call(this ?? window, input, init);
    } as typeof fetch;

    const originalSend = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
      const files = filesIn(body);
      if (!files.length) return originalSend.call(this, body);
      void hold('xhr', files).then((allow) => {
        if (allow) return originalSend.call(this, body);
        // the page learns the request failed, as with a network error
        for (const type of ['error', 'loadend']) this.dispatchEvent(new ProgressEvent(type));
      });
    };

    const originalBeacon = navigator.sendBeacon?.bind(navigator);
    if (originalBeacon) {
      navigator.sendBeacon = function (url: string | URL, data?: BodyInit | null) {
        const files = filesIn(data);
        if (!files.length) return originalBeacon(url, data);
        void hold('beacon', files).then((allow) => allow && originalBeacon(url, data));
        return true;
      };
    }

    // form.submit() from a script fires no submit event: hold it here
    const originalSubmit = HTMLFormElement.prototype.submit;
    HTMLFormElement.prototype.submit = function (this: HTMLFormElement) {
      const files = [...this.querySelectorAll<HTMLInputElement>('input[type=file]')].flatMap((i) => [...(i.files ?? [])]);
      if (!files.length) return originalSubmit.call(this);
      void hold('form-submit', files).then((allow) => allow && originalSubmit.call(this));
    };
  },
});
