// Hands a file from the upload guard to the redaction panel. The guard's
// scanning frame (an extension page inside the web page) keeps the file and
// opens the panel with a key; the panel asks for the file by that key over the
// extension's own messaging, a slice at a time. Storage is not used: an
// extension frame inside a web page has its storage partitioned, or refused
// outright where third-party storage is blocked, so the panel (a tab of its
// own) could not read what the frame stored. The file never leaves the machine.
import { browser } from 'wxt/browser';

/** Bytes per message (as base64, a third more: well under the 64 MB a message may carry). */
const SLICE = 8 * 1024 * 1024;

export interface HandoffSliceRequest {
  type: 'sumi:handoff-slice';
  key: string;
  index: number;
}
export interface HandoffSliceReply {
  name: string;
  type: string;
  size: number;
  /** base64 of bytes [index × SLICE, …) */
  data: string;
}

const offered = new Map<string, File>();
let listening = false;

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(data: string): Uint8Array {
  const s = atob(data);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Keeps `file` for the panel (in the frame that calls it, while it lives) and returns the key the panel asks with. */
export function offerHandoff(file: File): string {
  const key = `${Date.now().toString(36)}${crypto.getRandomValues(new Uint32Array(2)).join('')}`;
  offered.set(key, file);
  if (!listening) {
    listening = true;
    browser.runtime.onMessage.addListener((message: HandoffSliceRequest, _sender, sendResponse) => {
      if (message?.type !== 'sumi:handoff-slice') return false;
      const held = offered.get(message.key);
      if (!held) return false; // another frame's, or gone: that frame answers, or nobody does
      const from = message.index * SLICE;
      void held
        .slice(from, from + SLICE)
        .arrayBuffer()
        .then((buffer) => {
          // handed over once: the last slice lets it go
          if (from + SLICE >= held.size) offered.delete(message.key);
          const reply: HandoffSliceReply = { name: held.name, type: held.type, size: held.size, data: toBase64(new Uint8Array(buffer)) };
          sendResponse(reply);
        });
      return true;
    });
  }
  return key;
}

/** The file offered under `key`, fetched slice by slice; undefined when no frame holds it any more. */
export async function takeHandoff(key: string): Promise<File | undefined> {
  const parts: Uint8Array[] = [];
  let meta: HandoffSliceReply | undefined;
  for (let index = 0; ; index++) {
    const request: HandoffSliceRequest = { type: 'sumi:handoff-slice', key, index };
    const reply = (await browser.runtime.sendMessage(request).catch(() => undefined)) as HandoffSliceReply | undefined;
    if (!reply || typeof reply.data !== 'string') return undefined;
    meta = reply;
    parts.push(fromBase64(reply.data));
    if ((index + 1) * SLICE >= reply.size) break;
  }
  return new File(parts as BlobPart[], meta.name, { type: meta.type });
}
