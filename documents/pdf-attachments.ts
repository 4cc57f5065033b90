// Files attached to a PDF (the EmbeddedFiles name tree and file attachment
// annotations, as pdf.js lists them): the original spreadsheet attached to its
// published summary is exactly the Aichi incident. Each is read as a document
// of its own (by the reader the caller hands in, so that this file does not
// import them all) and its text is added after the last page's own text,
// called out as hidden content with the attachment's name. What cannot be read
// (an image that would need OCR, a damaged or unsupported file, one too large)
// is named too: it was not checked, and nothing here reports it clean.
import type { PageBuilder, SumiDocument } from '../core/document.ts';

/** Attachments larger than this are not read (named as not checked). */
export const MAX_ATTACHMENT_BYTES = 64 * 1024 * 1024;

export interface Attachment {
  filename: string;
  content: Uint8Array;
}

/** Reads one attached file as a document; rejects when it cannot. */
export type ReadAttached = (bytes: Uint8Array, name: string) => Promise<SumiDocument>;

/** pdf.js's getAttachments() result as a list (null, or entries without content, give none). */
export function attachmentsOf(raw: unknown): Attachment[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const out: Attachment[] = [];
  for (const value of Object.values(raw as Record<string, unknown>)) {
    const a = value as { filename?: unknown; content?: unknown } | null;
    if (a && typeof a.filename === 'string' && a.content instanceof Uint8Array) out.push({ filename: a.filename, content: a.content });
  }
  return out;
}

/** An attachment as read: its name, its text ('' when it has none or was not read) and what the hidden note says of it. */
export interface AttachedText {
  name: string;
  text: string;
  detail: string;
}

/** Reads each attachment (never throws: what cannot be read is named as not checked). */
export async function readAttachments(attachments: readonly Attachment[], read: ReadAttached | undefined): Promise<AttachedText[]> {
  const out: AttachedText[] = [];
  for (const { filename, content } of attachments) {
    const name = filename.replace(/[\r\n]+/g, ' ').slice(0, 200);
    if (!read) out.push({ name, text: '', detail: `attached file '${name}' (not read here)` });
    else if (content.length > MAX_ATTACHMENT_BYTES) out.push({ name, text: '', detail: `attached file '${name}' (not checked: over ${MAX_ATTACHMENT_BYTES / 1048576} MB)` });
    else {
      try {
        const doc = await read(content, name);
        const text = doc.pages
          .map((p) => p.text)
          .join('\n')
          .trim();
        const unread = doc.ocrPages.length ? `; ${doc.ocrPages.length} page(s) without text not checked` : '';
        out.push({ name, text, detail: `attached file '${name}' (${doc.type}${unread})` });
      } catch (err) {
        out.push({ name, text: '', detail: `attached file '${name}' (not checked: ${err instanceof Error ? err.message : String(err)})` });
      }
    }
  }
  return out;
}

/** Writes each attachment's text after the page's own, one block each, with a hidden note naming it. */
export function addAttachments(b: PageBuilder, attached: readonly AttachedText[]): void {
  for (const { name, text, detail } of attached) {
    b.newline();
    const start = b.offset;
    b.separator(`${name}: `);
    if (text) b.add(text, { type: 'text', offset: 0 });
    b.hidden.push({ kind: 'attachment', detail, start, end: b.offset });
  }
}
