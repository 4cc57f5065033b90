// Reads and scans one file for the upload guard (runs in the scanning frame).
import { sha256Hex } from '../core/sha256.ts';
import type { PdfjsLoader } from '../documents/pdf.ts';
import { readAndScan, type OcrPlatform } from '../pipeline/read-and-scan.ts';
import type { FileSummary } from '../extension/messages.ts';
import { summarize } from './summary.ts';
import type { ScanPreferences } from '../core/settings.ts';
import type { Kind } from '../core/findings.ts';

export interface ScanFileOptions {
  /** pdf.js as the platform loads it */
  pdf: PdfjsLoader;
  /** the platform's OCR, for the pages listed in doc.ocrPages (scans, images); without it those pages are reported as unchecked */
  ocr?: OcrPlatform;
  /** OCR progress: the page being read (1-based), pages to read */
  onOcrProgress?(done: number, total: number): void;
  /** the record of the masked export with this SHA-256, made when Sumi wrote it (./export-record.ts); none: no file is one */
  recordedExport?(sha256: string): Promise<{ unmasked: readonly Kind[] } | null>;
  signal?: AbortSignal;
  /** the office's dictionary, never-flag list and kinds (core/settings.ts) */
  preferences?: ScanPreferences;
}

export async function scanFileBytes(name: string, bytes: Uint8Array, options: ScanFileOptions): Promise<FileSummary> {
  const sha256 = await sha256Hex(bytes);
  const base: FileSummary = { name, size: bytes.length, sha256, kinds: [], examples: [], hidden: [], unchecked: [], total: 0 };
  try {
    // an export is known by the record made when it was written, never by what the file says of itself
    const record = await options.recordedExport?.(sha256);
    // everything found was masked: it passes unread; kinds left unmasked: it is read for those (and only those)
    if (record && !record.unmasked.length) return { ...base, type: 'pdf', sumiExport: true };
    const preferences = record ? { customTerms: [], neverFlag: [], ...options.preferences, kinds: [...record.unmasked] } : options.preferences;
    const { doc, findings, unread } = await readAndScan(options.ocr ?? { pdfjs: options.pdf }, name, bytes, {
      signal: options.signal,
      scan: preferences,
      // the page being read, from the start of each page: "1/1" shows while the only page is read, not just as it ends
      onProgress: (step, done, total) => step === 'ocr' && total > 0 && options.onOcrProgress?.(Math.min(done + 1, total), total),
    });
    return summarize(name, bytes.length, sha256, doc, findings, unread);
  } catch (err) {
    return { ...base, error: err instanceof Error ? err.message : String(err) };
  }
}
