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
 * they cannot hold text.
 */
function rawStrings(bytes: Uint8Array): string[] {
  const latin = new TextDecoder('latin1').decode(bytes);
  const kept: Uint8Array[] = [];
  const inflated: string[] = [];
  let from = 0;
  for (let at = latin.indexOf('stream'); at !== -1; at = latin.indexOf('stream', at + 6)) {
    const start = latin[at + 6] === '\r' ? at + 8 : at + 7;
    const end = latin.indexOf('endstream', start);
    if (end === -1) break;
    const dict = latin.slice(Math.max(latin.lastIndexOf(' obj', at), at - 4096), at);
    if (/\/Subtype\s*\/Image/.test(dict)) {
      kept.push(bytes.subarray(from, start));
      from = end;
    } else {
      try {
        // only small streams can hold text worth checking
        if (end - start < 2_000_000) {
          const text = unzlibSync(bytes.subarray(start, end));
          if (text.length < 4_000_000) inflated.push(new TextDecoder('latin1').decode(text));
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
  const out = [new TextDecoder('latin1').decode(rest), new TextDecoder('utf-8').decode(rest), new TextDecoder('utf-16be').decode(rest), ...inflated];
  // PDF's own names and keywords (/Root, /Filter, endobj) are syntax, not text: a masked account called root is not in them
  return out.map((t) => t.replace(PDF_SYNTAX, ' ').toLowerCase().replace(/\s+/g, ''));
}

const PDF_SYNTAX = /\/[^\s/<>[\](){}%]+|\b(?:endobj|obj|endstream|stream|xref|startxref|trailer)\b/g;
