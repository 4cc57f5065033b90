// Verification after every export: reopen what was written and look for any
// masked string in its text layer and in its raw bytes. The officer sees
// "0 masked strings recoverable" or the export is refused.
import { unzlibSync } from 'fflate';
import { normalizeText } from '../core/normalize.ts';
import type { PdfjsLoader } from '../documents/pdf.ts';

export interface Verification {
  pages: number;
  /** masked strings found again (never shown in full in the UI) */
  recoverable: string[];
}

/** How text is compared when looking for a masked string: NFKC, case and spacing ignored. */
export const searchKey = (s: string) => normalizeText(s).text.toLowerCase().replace(/\s+/g, '');
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
    text += JSON.stringify(meta?.info ?? {});
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

/** The file's bytes read as Latin-1, UTF-8 and UTF-16BE, plus every Flate stream inflated. */
function rawStrings(bytes: Uint8Array): string[] {
  const out = [new TextDecoder('latin1').decode(bytes), new TextDecoder('utf-8').decode(bytes), new TextDecoder('utf-16be').decode(bytes)];
  const latin = out[0];
  for (let at = latin.indexOf('stream'); at !== -1; at = latin.indexOf('stream', at + 6)) {
    const start = latin[at + 6] === '\r' ? at + 8 : at + 7;
    const end = latin.indexOf('endstream', start);
    if (end === -1) break;
    try {
      // image streams inflate to pixels, not text; only small streams can hold text worth checking
      if (end - start < 2_000_000) {
        const inflated = unzlibSync(bytes.subarray(start, end));
        if (inflated.length < 4_000_000) out.push(new TextDecoder('latin1').decode(inflated));
      }
    } catch {
      // not Flate, or not a complete stream
    }
    at = end;
  }
  return out.map((s) => s.toLowerCase().replace(/\s+/g, ''));
}
