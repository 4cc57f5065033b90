// `sumi scan`: read each file, find what it holds, print JSON Lines or a table.
import { readFile, stat } from 'node:fs/promises';
import { readAndScan } from '../pipeline/read-and-scan.ts';
import { nodePlatform } from '../platform/node.ts';
import { ocrProgress } from './ocr.ts';
import { readStdin } from './inputs.ts';
import type { Finding } from '../core/findings.ts';
import type { HiddenNote } from '../core/document.ts';

/** Files larger than this are refused rather than read into memory. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

export interface FileResult {
  file: string;
  type?: string;
  pages?: number;
  ocrPages?: number[];
  hidden?: string[];
  /** pages that could not be read (OCR ran out of time): the file is not fully checked */
  unchecked?: number[];
  findings?: Omit<Finding, 'detector'>[];
  error?: string;
}

/** Scans one file; `-` is standard input. */
export async function scanFile(file: string): Promise<FileResult> {
  try {
    const bytes = file === '-' ? await readStdin(MAX_FILE_BYTES) : await readFileWithin(file);
    const scanned = await readAndScan(nodePlatform, file, bytes, { onProgress: ocrProgress(file) });
    const doc = scanned.doc;
    const findings = scanned.findings.map(({ detector: _detector, ...f }) => f);
    const hidden = doc.pages.flatMap((p) => p.hidden.map((h: HiddenNote) => h.detail));
    const unchecked = scanned.unread;
    return { file, type: doc.type, pages: doc.pages.length, ocrPages: doc.ocrPages, ...(hidden.length ? { hidden } : {}), ...(unchecked.length ? { unchecked } : {}), findings };
  } catch (err) {
    return { file, error: describeError(err) };
  }
}

async function readFileWithin(file: string): Promise<Uint8Array> {
  const info = await stat(file);
  if (info.isDirectory()) throw new Error('is a directory, not a file');
  if (info.size > MAX_FILE_BYTES) throw new Error(`file is too large to scan (${Math.round(info.size / 1048576)} MB; limit ${MAX_FILE_BYTES / 1048576} MB)`);
  return new Uint8Array(await readFile(file));
}

function describeError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'file not found';
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied: the file cannot be read';
  return e instanceof Error ? e.message : String(err);
}

export function formatTable(result: FileResult): string {
  if (result.error) return `${result.file}: ERROR ${result.error}\n`;
  const lines = [`${result.file} (${result.type}, ${result.pages} page${result.pages === 1 ? '' : 's'}${result.ocrPages?.length ? `, needs OCR: ${result.ocrPages.join(',')}` : ''})`];
  for (const h of result.hidden ?? []) lines.push(`  ! hidden content: ${h}`);
  if (result.unchecked?.length) lines.push(`  ! not fully checked: page${result.unchecked.length === 1 ? '' : 's'} ${result.unchecked.join(',')} could not be read`);
  const findings = result.findings ?? [];
  if (!findings.length) lines.push('  no findings');
  for (const f of findings) {
    const text = f.text.replace(/\s+/g, ' ');
    lines.push(`  p${String(f.page).padEnd(3)} ${f.severity.padEnd(8)} ${f.kind.padEnd(16)} ${text.length > 60 ? text.slice(0, 59) + '…' : text}`);
  }
  return lines.join('\n') + '\n';
}
