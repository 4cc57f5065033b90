// Opening a document in the panel: its first page is shown at once, then the file
// is read, OCR'd and scanned (panel/load.ts) with progress, and can be cancelled
// as a whole or only its OCR. A newer opening always wins over an older one.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Finding, Kind } from '../../core/findings.ts';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { openDocument, type OpenedDocument, type PanelPlatform } from '../../panel/load.ts';
import { viewablePdf } from '../../pipeline/read-and-scan.ts';
import { DocumentError, isHiddenSheetNote } from '../../core/document.ts';
import { openForDisplay, viewerWorker } from '../../panel/viewer.ts';
import { t, lang } from '../../extension/i18n.ts';
import { kindName } from '../../core/kind-names.ts';
import type { Status } from './status.ts';

/** How long reading the document waits at most for the first page to be drawn. */
const FIRST_PAGE_HEAD_START_MS = 1500;

/** What the panel does as a file opens, besides the message and progress. */
export interface OpenEvents extends Status {
  /** a new file starts opening: nothing of the last one stays selected */
  started(): void;
  /** the new file's first page is on screen */
  shown(): void;
}

/** A file that cannot be opened, said in the officer's language, with the reader's own detail. */
function openError(err: unknown): string {
  const detail = err instanceof Error ? err.message : String(err);
  const code = err instanceof DocumentError ? err.code : undefined;
  const keys = { encrypted: 'errEncrypted', corrupt: 'errCorrupt', unsupported: 'errUnsupported', 'too-large': 'errTooLarge' } as const;
  const key = (code && code in keys ? keys[code as keyof typeof keys] : undefined) ?? 'errOpen';
  return `${t(key)} (${detail})`;
}

/**
 * What a spreadsheet or document hides, said first: each hidden sheet with
 * what was found in it (「原本」: 氏名 396 件), then the reader's other notes
 * (hidden rows, comments, tracked deletions).
 */
export function hiddenCallouts(opened: OpenedDocument): string[] {
  if (!opened.printed) return [];
  const { sheetOf, sheets } = opened.printed;
  return sheets.flatMap((sheet) =>
    sheet.hidden.map((note) => {
      if (!isHiddenSheetNote(note)) return `${t('hiddenContent')}: ${note.detail}`;
      const counts = new Map<Kind, number>();
      for (const f of opened.review.findings) {
        if (sheetOf[f.finding.page - 1] === sheet.number) counts.set(f.finding.kind, (counts.get(f.finding.kind) ?? 0) + 1);
      }
      const found = [...counts].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${kindName(kind, lang)} ${n}`);
      return `${t('hiddenSheet')}「${sheet.name ?? sheet.number}」: ${found.length ? found.join(', ') : t('hiddenSheetClean')}`;
    }),
  );
}

/** `platform`: the browser's (platform/browser.ts), handed in by the entry point. */
export function useOpenDocument(platform: PanelPlatform, events: OpenEvents) {
  const [opened, setOpened] = useState<OpenedDocument | null>(null);
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  /** the page in view has been drawn once: thumbnails wait for it */
  const [drawn, setDrawn] = useState(false);
  /** the findings of the pages read so far, while a long PDF opens */
  const [early, setEarly] = useState<{ findings: Finding[]; pagesRead: number } | null>(null);
  /** resolves the wait of the opening in progress for its first page to be drawn */
  const firstDrawn = useRef<(() => void) | null>(null);
  const onDrawn = useCallback(() => {
    setDrawn(true);
    firstDrawn.current?.();
  }, []);
  /** The opening in progress: cancels it all, or only its OCR. */
  const opening = useRef<{ all: AbortController; ocr: AbortController } | null>(null);
  // an opening outlives the render that started it: it reports through the latest events
  const latest = useRef(events);
  useEffect(() => {
    latest.current = events;
  });

  // the display worker boots while the officer picks a file
  useEffect(() => void platform.pdfjs.loadPdfjs().then(viewerWorker), [platform]);

  /** The document on screen; the one it replaces is released (its pages, fonts and worker port). */
  const shownDoc = useRef<PDFDocumentProxy | null>(null);
  function show(doc: PDFDocumentProxy | null) {
    if (shownDoc.current && shownDoc.current !== doc) void shownDoc.current.destroy();
    shownDoc.current = doc;
    setPdf(doc);
  }

  async function open(file: File) {
    opening.current?.all.abort();
    const mine = { all: new AbortController(), ocr: new AbortController() };
    opening.current = mine;
    const current = () => opening.current === mine;
    latest.current.say(null);
    setOpened(null);
    setEarly(null);
    show(null);
    setDrawn(false);
    latest.current.started();
    latest.current.progress({ label: 'read', done: 0, total: 1 });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      // show the first page at once while the text is read and scanned; that parse is read, OCR'd and exported too
      const shown = await openForDisplay(await viewablePdf(bytes), platform.pdfjs).catch(() => undefined);
      if (!current()) return void shown?.document.destroy();
      if (shown) {
        // the first page gets the machine to itself for a moment before the whole document is read
        const drawnOrLater = new Promise<void>((resolve) => {
          firstDrawn.current = resolve;
          setTimeout(resolve, FIRST_PAGE_HEAD_START_MS);
        });
        show(shown.document);
        latest.current.shown();
        await drawnOrLater;
        firstDrawn.current = null;
        if (!current()) return;
      }
      const doc = await openDocument(platform, file.name, bytes, {
        shown,
        onProgress: (label, done, total) => current() && latest.current.progress({ label, done, total }),
        signal: mine.all.signal,
        ocrSignal: mine.ocr.signal,
        onEarlyFindings: (findings, pagesRead) => current() && setEarly({ findings, pagesRead }),
      });
      if (!current()) return void (shown ? undefined : doc.source.pdf?.document.destroy());
      setEarly(null);
      // a spreadsheet or document is shown as its printed pages, made while it was read
      if (!shown && doc.source.pdf) show(doc.source.pdf.document);
      setOpened(doc);
      const notes = hiddenCallouts(doc);
      if (doc.resumed) notes.push(t('resumed'));
      if (doc.unread.length) notes.push(`${t('ocrCancelled')}: ${doc.unread.join(', ')}`);
      else if (doc.doc.ocrPages.length) notes.push(`${t('ocrDone')}: ${doc.doc.ocrPages.join(', ')}`);
      if (notes.length) latest.current.say({ kind: 'info', text: notes.join(' / ') });
    } catch (err) {
      if (!current()) return;
      setEarly(null);
      if ((err as { name?: string }).name === 'AbortError') {
        show(null);
        latest.current.say({ kind: 'info', text: t('openCancelled') });
      } else latest.current.say({ kind: 'error', text: openError(err) });
    } finally {
      if (current()) {
        latest.current.progress(null);
        opening.current = null;
      }
    }
  }

  /** Cancels the opening in progress, or only its OCR (the document then opens without the text of its scans). */
  function cancel(ocrOnly: boolean) {
    (ocrOnly ? opening.current?.ocr : opening.current?.all)?.abort();
  }

  return { opened, pdf, drawn, early, onDrawn, open, cancel };
}
