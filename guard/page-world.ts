// The page-world half of the upload guard (MAIN world, every frame, document
// start, before any page script). A file's bytes reach a page's scripts only by
// being read or sent, so both are held here until the isolated content script
// has checked the file and the officer has decided:
//   - reads: FileReader, Blob.arrayBuffer/text/bytes/stream, slices of a file,
//     blob: URLs made from a file and fetched back;
//   - sends: fetch (init bodies and Request objects), XMLHttpRequest,
//     sendBeacon, form.submit() (with inputs tied to the form by form=),
//     postMessage of a file to a worker or port, WebSocket.send of a file.
// Whatever the page does with the bytes afterwards (base64 in JSON, an
// ArrayBuffer through XHR, another realm) was decided when it read them.
//
// The decision comes back on a channel the page cannot reach: at document
// start, before any page script runs, the two halves agree on a random event
// type (./private-channel.ts); a page cannot listen to or dispatch an event
// type it does not know, so it can neither see nor forge a decision.
import { CHANNEL, type HoldRequest } from '../extension/messages.ts';
import { openReceivingEnd } from './private-channel.ts';
import { filesOfForm } from './form-files.ts';

type Via = HoldRequest['via'];

export function installPageWorldGuard(): void {
  const waiting = new Map<string, (allow: boolean) => void>();
  openReceivingEnd((message) => {
    const { id, allow } = message as { id?: unknown; allow?: unknown };
    if (typeof id !== 'string' || typeof allow !== 'boolean') return;
    waiting.get(id)?.(allow);
    waiting.delete(id);
  });

  // the page may replace these later: keep the originals now
  const post = window.postMessage.bind(window);
  const randomId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  /** file → its decision, so a file read and then sent is asked about once */
  const decisions = new WeakMap<Blob, Promise<boolean>>();

  function hold(via: Via, files: File[]): Promise<boolean> {
    const known = files.map((f) => decisions.get(f));
    if (known.every(Boolean)) return Promise.all(known).then((all) => all.every(Boolean));
    const id = randomId();
    const decision = new Promise<boolean>((resolve) => {
      waiting.set(id, resolve);
      const request: HoldRequest = { channel: CHANNEL, type: 'hold', id, via, files };
      post(request, '*');
    });
    for (const f of files) decisions.set(f, decision);
    // a refused file is asked about again when the page tries again
    void decision.then((allow) => {
      if (!allow) for (const f of files) decisions.delete(f);
    });
    return decision;
  }

  // ---- which files a value carries

  /** the file a blob was cut from (file.slice(…)), to hold reads of the piece */
  const sliceOf = new WeakMap<Blob, File>();
  /** blob: URLs made from a file */
  const urlOf = new Map<string, File>();

  // what a value is, by its built-in tag rather than instanceof: a File, Blob, FormData or Request made in
  // another realm (a same-origin frame's constructors) is one all the same
  const tagOf = Object.prototype.toString;
  const is = (value: unknown, ...tags: string[]) => typeof value === 'object' && value !== null && tags.includes(tagOf.call(value).slice(8, -1));
  const isBlob = (value: unknown): value is Blob => is(value, 'Blob', 'File');
  const formDataForEach = FormData.prototype.forEach;

  const fileBehind = (b: Blob): File | undefined => (is(b, 'File') ? (b as File) : sliceOf.get(b));

  function filesIn(body: unknown): File[] {
    if (isBlob(body)) {
      const f = fileBehind(body);
      return f ? [f] : [];
    }
    if (is(body, 'FormData')) {
      const out: File[] = [];
      try {
        formDataForEach.call(body as FormData, (value) => {
          if (is(value, 'File') && (value as File).size > 0) out.push(value as File);
        });
      } catch {
        // not a real FormData (a page object that only says it is one): no file in it
      }
      return out;
    }
    return [];
  }

  /** Files in a message for postMessage: the value itself, or one level into arrays and objects. */
  function filesInMessage(message: unknown): File[] {
    const direct = filesIn(message);
    if (direct.length || typeof message !== 'object' || message === null) return direct;
    const values = Array.isArray(message) ? message : Object.values(message as Record<string, unknown>);
    return values.flatMap((v) => filesIn(v));
  }

  const refused = () => new TypeError('Upload cancelled by Sumi: the file holds personal data or secrets.');

  // ---- reads

  const originalSlice = Blob.prototype.slice;
  Blob.prototype.slice = function (this: Blob, ...args: Parameters<Blob['slice']>) {
    const piece = originalSlice.apply(this, args);
    const f = fileBehind(this);
    if (f) sliceOf.set(piece, f);
    return piece;
  };

  for (const method of ['arrayBuffer', 'text', 'bytes'] as const) {
    const original = (Blob.prototype as unknown as Record<string, ((this: Blob) => Promise<unknown>) | undefined>)[method];
    if (!original) continue;
    (Blob.prototype as unknown as Record<string, unknown>)[method] = async function (this: Blob) {
      const f = fileBehind(this);
      if (f && !(await hold('read', [f]))) throw refused();
      return original.call(this);
    };
  }

  const originalStream = Blob.prototype.stream;
  Blob.prototype.stream = function (this: Blob) {
    const f = fileBehind(this);
    if (!f) return originalStream.call(this);
    // a stream that starts flowing once the file is allowed
    const decided = hold('read', [f]);
    let reader: ReadableStreamDefaultReader<Uint8Array<ArrayBuffer>> | undefined;
    return new ReadableStream<Uint8Array<ArrayBuffer>>({
      async pull(controller) {
        if (!reader) {
          if (!(await decided)) return controller.error(refused());
          reader = originalStream.call(this).getReader();
        }
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel: (reason) => reader?.cancel(reason),
    });
  };

  for (const method of ['readAsArrayBuffer', 'readAsDataURL', 'readAsText', 'readAsBinaryString'] as const) {
    const original = FileReader.prototype[method] as (this: FileReader, blob: Blob, encoding?: string) => void;
    (FileReader.prototype as unknown as Record<string, unknown>)[method] = function (this: FileReader, blob: Blob, encoding?: string) {
      const f = isBlob(blob) ? fileBehind(blob) : undefined;
      if (!f) return original.call(this, blob, encoding);
      void hold('read', [f]).then((allow) => {
        if (allow) return original.call(this, blob, encoding);
        // the page learns the read failed, as with an unreadable file
        for (const type of ['error', 'loadend']) this.dispatchEvent(new ProgressEvent(type));
      });
    };
  }

  const originalCreateUrl = URL.createObjectURL;
  URL.createObjectURL = function (obj: Blob | MediaSource) {
    const url = originalCreateUrl.call(URL, obj);
    const f = isBlob(obj) ? fileBehind(obj) : undefined;
    if (f) urlOf.set(url, f);
    return url;
  };
  const originalRevoke = URL.revokeObjectURL;
  URL.revokeObjectURL = function (url: string) {
    urlOf.delete(url);
    return originalRevoke.call(URL, url);
  };
  const fileAtUrl = (url: unknown): File[] => {
    const f = urlOf.get(String(is(url, 'Request') ? (url as Request).url : url));
    return f ? [f] : [];
  };

  // ---- sends

  /** The files a Request's body carries: its form's files, or the body itself when it is a file's bytes. */
  async function filesInRequest(request: Request): Promise<File[]> {
    if (!request.body) return [];
    const type = request.headers.get('content-type') ?? '';
    if (/multipart\/form-data/i.test(type)) {
      try {
        return filesIn(await request.clone().formData());
      } catch {
        // unreadable as a form: checked as raw bytes below
      }
    }
    const blob = await request.clone().blob();
    return blob.size ? [new File([blob], 'upload', { type: blob.type })] : [];
  }

  const originalFetch = window.fetch;
  window.fetch = async function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    const files = [...filesIn(init?.body), ...fileAtUrl(input)];
    if (!init?.body && is(input, 'Request')) files.push(...(await filesInRequest(input as Request)));
    if (files.length && !(await hold('fetch', files))) throw refused();
    return originalFetch.call(this ?? window, input, init);
  } as typeof fetch;

  const xhrUrl = new WeakMap<XMLHttpRequest, string>();
  const originalOpen = XMLHttpRequest.prototype.open as (this: XMLHttpRequest, ...args: unknown[]) => void;
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    xhrUrl.set(this, String(args[1]));
    return originalOpen.apply(this, args);
  } as typeof XMLHttpRequest.prototype.open;
  const originalSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const files = [...filesIn(body), ...fileAtUrl(xhrUrl.get(this))];
    if (!files.length) return originalSend.call(this, body);
    void hold('xhr', files).then((allow) => {
      if (allow) return originalSend.call(this, body);
      // the page learns the request failed, as with a network error
      for (const type of ['error', 'loadend']) this.dispatchEvent(new ProgressEvent(type));
    });
  };

  const originalBeacon = navigator.sendBeacon?.bind(navigator);
  if (originalBeacon) {
    // on the prototype too: Navigator.prototype.sendBeacon.call(navigator, …) must not pass by
    const beacon = function (this: unknown, url: string | URL, data?: BodyInit | null) {
      const files = filesIn(data);
      if (!files.length) return originalBeacon(url, data);
      void hold('beacon', files).then((allow) => allow && originalBeacon(url, data));
      return true;
    };
    navigator.sendBeacon = beacon;
    Navigator.prototype.sendBeacon = beacon;
  }

  const originalWsSend = WebSocket.prototype.send;
  WebSocket.prototype.send = function (this: WebSocket, data: string | ArrayBufferLike | Blob | ArrayBufferView) {
    const files = filesIn(data);
    if (!files.length) return originalWsSend.call(this, data);
    void hold('websocket', files).then((allow) => allow && originalWsSend.call(this, data));
  };

  // a file handed to a worker or another port is read there, out of reach: it goes once allowed
  for (const proto of [Worker.prototype, MessagePort.prototype] as { postMessage: (...args: unknown[]) => void }[]) {
    const original = proto.postMessage;
    proto.postMessage = function (this: unknown, ...args: unknown[]) {
      const files = filesInMessage(args[0]);
      if (!files.length) return original.apply(this, args);
      void hold('message', files).then((allow) => allow && original.apply(this, args));
    };
  }

  // form.submit() from a script fires no submit event: hold it here (inputs tied by form= included)
  const originalSubmit = HTMLFormElement.prototype.submit;
  HTMLFormElement.prototype.submit = function (this: HTMLFormElement) {
    const files = filesOfForm(this);
    if (!files.length) return originalSubmit.call(this);
    void hold('form-submit', files).then((allow) => allow && originalSubmit.call(this));
  };
}
