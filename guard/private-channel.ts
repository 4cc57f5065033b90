// A one-way channel from the isolated content script to the page-world script
// that page scripts can neither read nor write. Both halves start at document
// start, before any page script, in either order, and agree there on a random
// event type: the isolated half makes it and hands it over in a synchronous
// handshake of DOM events. Afterwards a message is a CustomEvent of that type
// on the document; a page cannot listen to, nor dispatch, an event type it
// does not know. Each side takes part in one handshake only, so a page that
// replays the handshake's public event names later learns nothing.
const HELLO_MAIN = 'sumi-guard-hello-main';
const HELLO_ISOLATED = 'sumi-guard-hello-isolated';
const HELLO_DONE = 'sumi-guard-hello-done';

/** The isolated half: returns the function that sends a message to the page-world half. */
export function openSendingEnd(): (message: unknown) => void {
  const type = `sumi-${crypto.getRandomValues(new Uint32Array(4)).join('-')}`;
  const announce = () => document.dispatchEvent(new CustomEvent(HELLO_ISOLATED, { detail: type }));
  const onHello = () => {
    stop();
    announce();
  };
  const stop = () => {
    document.removeEventListener(HELLO_MAIN, onHello);
    document.removeEventListener(HELLO_DONE, stop);
  };
  document.addEventListener(HELLO_MAIN, onHello);
  document.addEventListener(HELLO_DONE, stop);
  // the page-world half may be listening already
  announce();
  return (message) => document.dispatchEvent(new CustomEvent(type, { detail: JSON.stringify(message) }));
}

/** The page-world half: calls `onMessage` with each message the isolated half sends. */
export function openReceivingEnd(onMessage: (message: unknown) => void): void {
  // the page may replace these later: keep the originals now
  const listen = EventTarget.prototype.addEventListener;
  const unlisten = EventTarget.prototype.removeEventListener;
  const dispatch = EventTarget.prototype.dispatchEvent;
  const onHello = (e: Event) => {
    const type = (e as CustomEvent).detail;
    if (typeof type !== 'string' || !type.startsWith('sumi-')) return;
    unlisten.call(document, HELLO_ISOLATED, onHello);
    listen.call(document, type, (m: Event) => {
      const detail = (m as CustomEvent).detail;
      if (typeof detail === 'string') onMessage(JSON.parse(detail));
    });
    dispatch.call(document, new CustomEvent(HELLO_DONE));
  };
  listen.call(document, HELLO_ISOLATED, onHello);
  // the isolated half may have announced already, before this listener: ask it again
  dispatch.call(document, new CustomEvent(HELLO_MAIN));
}
