// Sumi's masked exports, known by the hash of their bytes, recorded when the
// redaction panel writes one (extension storage, which no page can write). A
// file is taken for a Sumi export only when its hash is on the record: the
// producer field or the shape of a PDF can be copied by anyone, and a scanned
// original with "Sumi" written into it would otherwise skip OCR and pass.
// An export that left kinds unmasked (names the officer decided to disclose,
// say) is still read for those kinds when it is uploaded.
// An export from the command line is not on this record (the CLI keeps its own
// log): it is checked like any file, and an export with nothing left passes.
import { storage } from 'wxt/utils/storage';
import { sha256Hex } from '../core/sha256.ts';
import type { Kind } from '../core/findings.ts';

/** The newest exports kept on record. */
const KEPT = 1000;

/** An export on record: its hash, and the kinds the officer left unmasked in it (found, and decided not to mask). */
export interface ExportRecord {
  sha256: string;
  unmasked: Kind[];
}

/** Entries as stored: a bare hash (an earlier version's record: everything found was masked) or a record. */
export const exportRecordItem = storage.defineItem<(string | ExportRecord)[]>('local:sumi.exports', { fallback: [] });

const shaOf = (e: string | ExportRecord) => (typeof e === 'string' ? e : e.sha256);

/** Records an export the panel has just verified and offered, with the kinds it left unmasked. */
export async function recordExport(pdf: Uint8Array, unmasked: readonly Kind[] = []): Promise<void> {
  const sha256 = await sha256Hex(pdf);
  const known = (await exportRecordItem.getValue()).filter((e) => shaOf(e) !== sha256);
  await exportRecordItem.setValue([...known, { sha256, unmasked: [...new Set(unmasked)] }].slice(-KEPT));
}

/** The record of the export with this SHA-256, or null when the panel made no such file. */
export async function recordedExport(sha256: string): Promise<ExportRecord | null> {
  const entry = (await exportRecordItem.getValue()).find((e) => shaOf(e) === sha256);
  return entry === undefined ? null : typeof entry === 'string' ? { sha256, unmasked: [] } : entry;
}
