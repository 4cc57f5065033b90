// The content script's side of the off-page scan: a slice of page text goes to
// the background, its findings come back. The page's main thread only reads
// the DOM and paints.
import { browser } from 'wxt/browser';
import type { Slice } from '../engine/slices.ts';
import type { Finding } from '../core/findings.ts';
import type { ScanPreferences } from '../core/settings.ts';
import type { FindingRow, ScanSliceReply, ScanSliceRequest } from '../extension/messages.ts';

/**
 * A slice not answered in this long counts as lost. An MV3 service worker that was
 * stopped is started again by the message (well under a second); this only catches
 * one that never answers.
 */
const REPLY_TIMEOUT_MS = 5000;

/** A finding from its row; its text is cut from the slice that was sent (offsets are the original text's). */
function findingOf([kind, severity, score, start, end, why, detector]: FindingRow, slice: Slice): Finding {
  const at = slice.contextLength - slice.start;
  return { kind, severity, score, page: 1, start, end, text: slice.text.slice(start + at, end + at), why, detector };
}

/** The findings of one slice (offsets into the whole page text); rejects when the background cannot scan. */
export function askBackground(slice: Slice, preferences?: ScanPreferences): Promise<Finding[]> {
  const request: ScanSliceRequest = { type: 'sumi:scan-slice', slice, ...(preferences ? { preferences } : {}) };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer from the background in ${REPLY_TIMEOUT_MS} ms`)), REPLY_TIMEOUT_MS);
    browser.runtime.sendMessage(request).then(
      (reply: ScanSliceReply | undefined) => {
        clearTimeout(timer);
        if (reply && Array.isArray(reply.rows)) resolve(reply.rows.map((row) => findingOf(row, slice)));
        else reject(new Error('the background did not scan the page text'));
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}
