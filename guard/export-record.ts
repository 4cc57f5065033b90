// Sumi's masked exports, known by the hash of their bytes, recorded when the
// redaction panel writes one (extension storage, which no page can write). A
// file is taken for a Sumi export only when its hash is on the record: the
// producer field or the shape of a PDF can be copied by anyone, and a scanned
// original with "Sumi" written into it would otherwise skip OCR and pass.
// An export from the command line is not on this record (the CLI keeps its own
// log): it is checked like any file, and an export with nothing left passes.
import { storage } from 'wxt/utils/storage';
import { sha256Hex } from '../core/sha256.ts';

/** The newest exports kept on record. */
const KEPT = 1000;

export const exportRecordItem = storage.defineItem<string[]>('local:sumi.exports', { fallback: [] });

/** Records an export the panel has just verified and offered. */
export async function recordExport(pdf: Uint8Array): Promise<void> {
  const hash = await sha256Hex(pdf);
  const known = await exportRecordItem.getValue();
  if (!known.includes(hash)) await exportRecordItem.setValue([...known, hash].slice(-KEPT));
}

/** Whether a file with this SHA-256 is an export the panel made. */
export async function isRecordedExport(sha256: string): Promise<boolean> {
  return (await exportRecordItem.getValue()).includes(sha256);
}
