// The background side of the off-page scan: the service worker runs in the
// extension's own process, so detection never competes with the page's main
// thread (its layout, its scripts, the user's input).
import { scanSlice } from '../pipeline/scan.ts';
import type { ScanSliceReply, ScanSliceRequest } from '../extension/messages.ts';

export function answerScanSlice(request: ScanSliceRequest): ScanSliceReply {
  return { rows: scanSlice(request.slice, 1, request.preferences ?? {}).map((f) => [f.kind, f.severity, f.score, f.start, f.end, f.why, f.detector]) };
}
