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
// Other ways a file leaves for code out of reach are held too: a
// BroadcastChannel, a Response made of it (read, or put in a Cache), and
// IndexedDB (a worker could read it from there).
//
// Every realm of the page is guarded, not only the frame's own: a same-origin
// frame's window (an about:blank iframe made by script, whose content scripts
// have not run yet when the page reaches into it) is guarded the moment the
// page gets hold of it, through contentWindow, contentDocument, window.open or
// by inserting the frame.
//
// The decision comes back on a channel the page cannot reach: at document
// start, before any page script runs, the two halves agree on a random event
// type (./private-channel.ts); a page cannot listen to or dispatch an event
// type it does not know, so it can neither see nor forge a decision.
import { CHANNEL, type HoldRequest } from '../extension/messages.ts';
import { openReceivingEnd } from './private-channel.ts';
import { filesOfForm } from './form-files.ts';
import { guardFileHandles, guardOpenPicker } from './pickers.ts';

type Via = HoldRequest['via'];

/** Marks a realm whose globals are guarded already. */
const GUARDED = Symbol.for('sumi.upload-guard');

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
  /** file → the decision once it is made, for what must know at once (an IndexedDB write) */
  const settled = new WeakMap<Blob, boolean>();

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
    void decision.then((allow) => {
      for (const f of files) settled.set(f, allow);
      // a refused file is asked about again when the page tries again
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

  /**
   * Guards one realm: the frame's own window, or a same-origin frame's the
   * page reaches into. Once only: the realm is marked (on its Blob prototype,
   * since a frame that navigates keeps its window object but gets a new
   * realm), and a frame's own guard, run by its content scripts, sees it too.
   */
  function guardRealm(w: Window & typeof globalThis): void {
    if (Object.prototype.hasOwnProperty.call(w.Blob.prototype, GUARDED)) return;
    Object.defineProperty(w.Blob.prototype, GUARDED, { value: true });

    // ---- reads

    const originalSlice = w.Blob.prototype.slice;
    w.Blob.prototype.slice = function (this: Blob, ...args: Parameters<Blob['slice']>) {
      const piece = originalSlice.apply(this, args);
      const f = fileBehind(this);
      if (f) sliceOf.set(piece, f);
      return piece;
    };

    for (const method of ['arrayBuffer', 'text', 'bytes'] as const) {
      const original = (w.Blob.prototype as unknown as Record<string, ((this: Blob) => Promise<unknown>) | undefined>)[method];
      if (!original) continue;
      (w.Blob.prototype as unknown as Record<string, unknown>)[method] = async function (this: Blob) {
        const f = fileBehind(this);
        if (f && !(await hold('read', [f]))) throw refused();
        return original.call(this);
      };
    }

    const originalStream = w.Blob.prototype.stream;
    w.Blob.prototype.stream = function (this: Blob) {
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
      const original = w.FileReader.prototype[method] as (this: FileReader, blob: Blob, encoding?: string) => void;
      (w.FileReader.prototype as unknown as Record<string, unknown>)[method] = function (this: FileReader, blob: Blob, encoding?: string) {
        const f = isBlob(blob) ? fileBehind(blob) : undefined;
        if (!f) return original.call(this, blob, encoding);
        void hold('read', [f]).then((allow) => {
          if (allow) return original.call(this, blob, encoding);
          // the page learns the read failed, as with an unreadable file
          for (const type of ['error', 'loadend']) this.dispatchEvent(new ProgressEvent(type));
        });
      };
    }

    const originalCreateUrl = w.URL.createObjectURL;
    w.URL.createObjectURL = function (obj: Blob | MediaSource) {
      const url = originalCreateUrl.call(w.URL, obj);
      const f = isBlob(obj) ? fileBehind(obj) : undefined;
      if (f) urlOf.set(url, f);
      return url;
    };
    const originalRevoke = w.URL.revokeObjectURL;
    w.URL.revokeObjectURL = function (url: string) {
      urlOf.delete(url);
      return originalRevoke.call(w.URL, url);
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

    const originalFetch = w.fetch;
    w.fetch = async function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
      const files = [...filesIn(init?.body), ...fileAtUrl(input)];
      if (!init?.body && is(input, 'Request')) files.push(...(await filesInRequest(input as Request)));
      if (files.length && !(await hold('fetch', files))) throw refused();
      return originalFetch.call(this ?? w, input, init);
    } as typeof fetch;

    const xhrUrl = new WeakMap<XMLHttpRequest, string>();
    const originalOpen = w.XMLHttpRequest.prototype.open as (this: XMLHttpRequest, ...args: unknown[]) => void;
    w.XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: unknown[]) {
      xhrUrl.set(this, String(args[1]));
      return originalOpen.apply(this, args);
    } as typeof w.XMLHttpRequest.prototype.open;
    const originalSend = w.XMLHttpRequest.prototype.send;
    w.XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
      const files = [...filesIn(body), ...fileAtUrl(xhrUrl.get(this))];
      if (!files.length) return originalSend.call(this, body);
      void hold('xhr', files).then((allow) => {
        if (allow) return originalSend.call(this, body);
        // the page learns the request failed, as with a network error
        for (const type of ['error', 'loadend']) this.dispatchEvent(new ProgressEvent(type));
      });
    };

    const originalBeacon = w.navigator.sendBeacon?.bind(w.navigator);
    if (originalBeacon) {
      // on the prototype too: Navigator.prototype.sendBeacon.call(navigator, …) must not pass by
      const beacon = function (this: unknown, url: string | URL, data?: BodyInit | null) {
        const files = filesIn(data);
        if (!files.length) return originalBeacon(url, data);
        void hold('beacon', files).then((allow) => allow && originalBeacon(url, data));
        return true;
      };
      w.navigator.sendBeacon = beacon;
      w.Navigator.prototype.sendBeacon = beacon;
    }

    const originalWsSend = w.WebSocket.prototype.send;
    w.WebSocket.prototype.send = function (this: WebSocket, data: string | ArrayBufferLike | Blob | ArrayBufferView) {
      const files = filesIn(data);
      if (!files.length) return originalWsSend.call(this, data);
      void hold('websocket', files).then((allow) => allow && originalWsSend.call(this, data));
    };

    // a file handed to a worker or another port is read there, out of reach: it goes once allowed
    for (const proto of [w.Worker.prototype, w.MessagePort.prototype, w.BroadcastChannel.prototype] as { postMessage: (...args: unknown[]) => void }[]) {
      const original = proto.postMessage;
      proto.postMessage = function (this: unknown, ...args: unknown[]) {
        const files = filesInMessage(args[0]);
        if (!files.length) return original.apply(this, args);
        void hold('message', files).then((allow) => allow && original.apply(this, args));
      };
    }

    // form.submit() from a script fires no submit event: hold it here (inputs tied by form= included)
    const originalSubmit = w.HTMLFormElement.prototype.submit;
    w.HTMLFormElement.prototype.submit = function (this: HTMLFormElement) {
      const files = filesOfForm(this);
      if (!files.length) return originalSubmit.call(this);
      void hold('form-submit', files).then((allow) => allow && originalSubmit.call(this));
    };

    guardOtherStores(w);
    guardNewRealms(w);
    // a file picked with showOpenFilePicker: held at the pick, as a file input's is
    guardOpenPicker(w, (files) => hold('picker', files));
    // a file taken from a handle: a directory picker's entries, a dropped item's handle
    guardFileHandles(w, (files) => hold('picker', files));
  }

  /** Where else a file could be left for code out of reach (a worker) to pick up. */
  function guardOtherStores(w: Window & typeof globalThis): void {
    // a Response made of a file: its body is the file's bytes, read here or put in a Cache for a worker
    const fromFile = new WeakMap<Response, File[]>();
    const OriginalResponse = w.Response;
    w.Response = new Proxy(OriginalResponse, {
      construct(target, args: [BodyInit?, ResponseInit?], newTarget) {
        const response = Reflect.construct(target, args, newTarget) as Response;
        const files = filesIn(args[0]);
        if (files.length) fromFile.set(response, files);
        return response;
      },
    });
    for (const method of ['arrayBuffer', 'blob', 'bytes', 'formData', 'json', 'text'] as const) {
      const original = (OriginalResponse.prototype as unknown as Record<string, ((this: Response) => Promise<unknown>) | undefined>)[method];
      if (!original) continue;
      (OriginalResponse.prototype as unknown as Record<string, unknown>)[method] = async function (this: Response) {
        const files = fromFile.get(this);
        if (files && !(await hold('read', files))) throw refused();
        return original.call(this);
      };
    }
    const originalPut = w.Cache?.prototype.put;
    if (originalPut) {
      w.Cache.prototype.put = async function (this: Cache, request: RequestInfo | URL, response: Response) {
        const files = fromFile.get(response);
        if (files && !(await hold('message', files))) throw refused();
        return originalPut.call(this, request, response);
      };
    }
    // IndexedDB: a put must happen now or its transaction closes, so a file not yet decided is refused
    // (the page sees a failed write and may try again once the officer has decided)
    const idb = w.IDBObjectStore?.prototype as unknown as Record<'put' | 'add', (this: IDBObjectStore, ...args: unknown[]) => IDBRequest> | undefined;
    for (const method of ['put', 'add'] as const) {
      const original = idb?.[method];
      if (!idb || !original) continue;
      idb[method] = function (this: IDBObjectStore, ...args: unknown[]) {
        const files = filesInMessage(args[0]);
        if (files.length && !allowed(files)) {
          void hold('message', files);
          throw new DOMException('Sumi is checking this file before it can be stored.', 'DataError');
        }
        return original.apply(this, args);
      };
    }
  }

  /** Whether every file has been allowed already. */
  function allowed(files: File[]): boolean {
    return files.every((f) => settled.get(f) === true);
  }

  /** Guards a same-origin frame's window the moment the page can reach it. */
  function guardNewRealms(w: Window & typeof globalThis): void {
    const guardWindow = (child: Window | null | undefined) => {
      try {
        // a cross-origin window throws here: its own content scripts guard it
        if (child && child !== w && typeof (child as Window & typeof globalThis).Blob === 'function') guardRealm(child as Window & typeof globalThis);
      } catch {
        // cross-origin
      }
      return child;
    };
    for (const proto of [w.HTMLIFrameElement.prototype, w.HTMLFrameElement.prototype, w.HTMLObjectElement.prototype]) {
      const win = Object.getOwnPropertyDescriptor(proto, 'contentWindow');
      const doc = Object.getOwnPropertyDescriptor(proto, 'contentDocument');
      if (win?.get)
        Object.defineProperty(proto, 'contentWindow', {
          ...win,
          get: function (this: Element) {
            return guardWindow(win.get!.call(this) as Window | null);
          },
        });
      if (doc?.get)
        Object.defineProperty(proto, 'contentDocument', {
          ...doc,
          get: function (this: Element) {
            const d = doc.get!.call(this) as Document | null;
            guardWindow(d?.defaultView);
            return d;
          },
        });
    }
    // a frame put into the page: its window exists at once (window[0], frames[0] reach it with no getter)
    // (a page with no frame at all, most of them, pays one property read per insertion: window.length counts the
    // frames in the document, and a frame put into a detached tree has no window yet; read through the getter taken
    // now, since a page may assign window.length)
    const lengthGetter = (Object.getOwnPropertyDescriptor(w, 'length') ?? Object.getOwnPropertyDescriptor(Object.getPrototypeOf(w), 'length'))?.get;
    const noFrames = () => (lengthGetter ? lengthGetter.call(w) === 0 : false);
    const framesIn = (node: unknown) => {
      if (!node || typeof (node as Element).querySelectorAll !== 'function' || noFrames()) return;
      const el = node as Element;
      const all = /^(IFRAME|FRAME|OBJECT)$/.test(el.tagName) ? [el] : [];
      all.push(...el.querySelectorAll('iframe, frame, object'));
      for (const f of all) void (f as HTMLIFrameElement).contentWindow;
    };
    const nodeProto = w.Node.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const method of ['appendChild', 'insertBefore', 'replaceChild']) {
      const original = nodeProto[method];
      nodeProto[method] = function (this: Node, ...args: unknown[]) {
        const out = original.apply(this, args);
        framesIn(args[0]);
        return out;
      };
    }
    const elementProto = w.Element.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const method of ['append', 'prepend', 'after', 'before', 'replaceWith', 'insertAdjacentElement']) {
      const original = elementProto[method];
      if (!original) continue;
      elementProto[method] = function (this: Element, ...args: unknown[]) {
        const out = original.apply(this, args);
        for (const a of args) framesIn(a);
        return out;
      };
    }
    for (const [proto, prop] of [
      [w.Element.prototype, 'innerHTML'],
      [w.Element.prototype, 'outerHTML'],
    ] as const) {
      const d = Object.getOwnPropertyDescriptor(proto, prop);
      if (!d?.set) continue;
      Object.defineProperty(proto, prop, {
        ...d,
        set: function (this: Element, value: string) {
          const parent = this.parentElement;
          d.set!.call(this, value);
          framesIn(prop === 'innerHTML' ? this : parent);
        },
      });
    }
    const originalOpen = w.open;
    w.open = function (this: Window, ...args: Parameters<Window['open']>) {
      return guardWindow(originalOpen.apply(this, args)) ?? null;
    };
  }

  guardRealm(window);
}
