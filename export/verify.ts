// Verification after every export: reopen what was written and look for any
// masked string in its text layer and in its raw bytes. The officer sees
// "0 masked strings recoverable" or the export is refused.
import { unzlibSync } from 'fflate';
import type { PdfjsLoader } from '../documents/pdf.ts';
import { searchKey } from '../review/occurrences.ts';

export interface Verification {
  pages: number;
  /** masked strings found again (never shown in full in the UI) */
  recoverable: string[];
}

// a masked string is looked for as the review matched it to its other occurrences
const squash = searchKey;

export async function verifyExport(bytes: Uint8Array, masked: string[], pdf: PdfjsLoader): Promise<Verification> {
  const pdfjs = await pdf.loadPdfjs();
  const { assets } = pdf;
  const task = pdfjs.getDocument({ data: bytes.slice(), ...assets, isEvalSupported: false, verbosity: pdfjs.VerbosityLevel.ERRORS });
  const doc = await task.promise;
  let text = '';
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      text += content.items.map((i) => ('str' in i ? i.str : '')).join('') + '\n';
      page.cleanup();
    }
    const meta = await doc.getMetadata().catch(() => null);
    // the text the metadata holds, not its JSON: its keys and false/true are no one's text ("als" is in "false")
    text += metadataText(meta?.info);
  } finally {
    await task.destroy();
  }
  const haystacks = [squash(text), ...rawStrings(bytes)];
  const recoverable = [...new Set(masked)].filter((m) => {
    const needle = squash(m);
    return needle.length >= 3 && haystacks.some((h) => h.includes(needle));
  });
  return { pages: doc.numPages, recoverable };
}

/** Every string in the document information (Title, Author, custom entries), one a line. */
function metadataText(info: unknown): string {
  if (typeof info === 'string') return `\n${info}`;
  if (!info || typeof info !== 'object') return '';
  return Object.values(info).map(metadataText).join('');
}

/**
 * The file's bytes read as Latin-1, UTF-8 and UTF-16BE, plus every Flate
 * stream inflated; image streams are left out of all of them: their bytes are
 * pixels, and compressed or not they hold any short string by chance while
 * they cannot hold text. Read over the bytes stream by stream: only the parts
 * outside image streams are ever decoded, so a 5,000-page export (hundreds of
 * megabytes of page images) costs no copy of itself as a string.
 */
function rawStrings(bytes: Uint8Array): string[] {
  const kept: Uint8Array[] = [];
  const inflated: string[] = [];
  const latin1 = new TextDecoder('latin1');
  let from = 0;
  for (let at = find(bytes, STREAM, 0); at !== -1; at = find(bytes, STREAM, at + STREAM.length)) {
    const start = bytes[at + 6] === 0x0d ? at + 8 : at + 7;
    const end = find(bytes, ENDSTREAM, start);
    if (end === -1) break;
    // the stream's dictionary: the text before it, back to its object's start
    const head = latin1.decode(bytes.subarray(Math.max(0, at - 4096), at));
    const dict = head.slice(Math.max(0, head.lastIndexOf(' obj')));
    if (/\/Subtype\s*\/Image/.test(dict)) {
      kept.push(bytes.subarray(from, start));
      from = end;
    } else {
      try {
        // only small streams can hold text worth checking
        if (end - start < 2_000_000) {
          const text = unzlibSync(bytes.subarray(start, end));
          if (text.length < 4_000_000) inflated.push(latin1.decode(text));
        }
      } catch {
        // not Flate, or not a complete stream
      }
    }
    at = end;
  }
  kept.push(bytes.subarray(from));
  const rest = new Uint8Array(kept.reduce((n, k) => n + k.length, 0));
  let o = 0;
  for (const k of kept) {
    rest.set(k, o);
    o += k.length;
  }
  const out = [latin1.decode(rest), new TextDecoder('utf-8').decode(rest), new TextDecoder('utf-16be').decode(rest), ...inflated];
  // PDF's own names and keywords (/Root, /Filter, endobj) are syntax, not text: a masked account called root is not in them
  return out.map((t) => t.replace(PDF_SYNTAX, ' ').toLowerCase().replace(/\s+/g, ''));
}

const STREAM = new TextEncoder().encode('stream');
const ENDSTREAM = new TextEncoder().encode('endstream');

/** The first index of `needle` in `bytes` at or after `from`, or -1. */
function find(bytes: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  for (let i = bytes.indexOf(first, from); i !== -1 && i + needle.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    let k = 1;
    while (k < needle.length && bytes[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

const PDF_SYNTAX = /\/[^\s/<>[\](){}%]+|\b(?:endobj|obj|endstream|stream|xref|startxref|trailer)\b/g;
