// The content script's side of the off-page scan: a slice of page text goes to
// the background, its findings come back. The page's main thread only reads
// the DOM and paints.
import { browser } from 'wxt/browser';
import type { Slice } from '../core/chunked.ts';
import type { Finding } from '../core/findings.ts';
import type { ScanSliceReply, ScanSliceRequest } from './messages.ts';

/**
 * A slice not answered in this long counts as lost. An MV3 service worker that was
 * stopped is started again by the message (well under a second); this only catches
 * one that never answers.
 */
const REPLY_TIMEOUT_MS = 5000;

/** The findings of one slice (offsets into the whole page text); rejects when the background cannot scan. */
export function askBackground(slice: Slice): Promise<Finding[]> {
  const request: ScanSliceRequest = { type: 'sumi:scan-slice', slice };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer from the background in ${REPLY_TIMEOUT_MS} ms`)), REPLY_TIMEOUT_MS);
    browser.runtime.sendMessage(request).then(
      (reply: ScanSliceReply | undefined) => {
        clearTimeout(timer);
        if (reply && Array.isArray(reply.findings)) resolve(reply.findings);
        else reject(new Error('the background did not scan the page text'));
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}
