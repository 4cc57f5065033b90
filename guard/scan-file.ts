// Reads and scans one file for the upload guard (runs in the scanning frame).
import type { SumiDocument } from '../core/document.ts';
import { readDocument, type ReadOptions } from '../documents/read.ts';
import { scanDocument } from '../pipeline/scan.ts';
import { summarize, type FileSummary } from './summary.ts';
import { isSumiExport } from './sumi-export.ts';

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes.slice().buffer);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface ScanFileOptions extends ReadOptions {
  /** OCR of the pages listed in doc.ocrPages (scans, images); without it those pages are reported as unchecked */
  ocr?: (doc: SumiDocument, bytes: Uint8Array) => Promise<SumiDocument>;
}

export async function scanFileBytes(name: string, bytes: Uint8Array, options: ScanFileOptions): Promise<FileSummary> {
  const sha256 = await sha256Hex(bytes);
  const base: FileSummary = { name, size: bytes.length, sha256, kinds: [], examples: [], hidden: [], unchecked: [], total: 0 };
  try {
    if (bytes[0] === 0x25 && (await isSumiExport(bytes))) return { ...base, type: 'pdf', sumiExport: true };
    let doc = await readDocument(bytes, name, options);
    const unchecked = options.ocr ? [] : doc.ocrPages;
    if (options.ocr && doc.ocrPages.length) doc = await options.ocr(doc, bytes);
    return summarize(name, bytes.length, sha256, doc, scanDocument(doc), unchecked);
  } catch (err) {
    return { ...base, error: err instanceof Error ? err.message : String(err) };
  }
}
