// A spreadsheet or word-processor document as the pages of a PDF, for the
// panel to show, review and export like any PDF: every sheet (hidden ones
// included, since they are what leaks) printed onto pages
// (pages/print-layout.ts), drawn (pages/print-pdf.ts), and the findings of the
// document as it was read moved onto those pages. The findings stay the
// reader's, who knew each cell's column; only where they sit changes.
import { isHiddenSheet, type Page, type SumiDocument } from '../core/document.ts';
import type { Finding } from '../core/findings.ts';
import type { CanvasFactory } from '../pages/canvas.ts';
import { printPage, runBox, type PrintedPage } from '../pages/print-layout.ts';
import { printedPdf } from '../pages/print-pdf.ts';

export interface PrintedDocument {
  /** a page per printed page, its text a slice of its sheet's, every run placed */
  doc: SumiDocument;
  findings: Finding[];
  /** the PDF of the printed pages */
  pdf: Uint8Array;
  /** for each printed page, the sheet (source page) it shows */
  sheetOf: number[];
}

function caption(page: Page, part: number): string {
  const name = page.name ?? `${page.number}`;
  return [name, isHiddenSheet(page) ? '(hidden / 非表示)' : '', part > 1 ? `— ${part}` : ''].filter(Boolean).join(' ');
}

function toPage(printed: PrintedPage, number: number, name: string | undefined): Page {
  const segments = printed.runs.map((run) => ({
    start: run.start,
    end: run.end,
    source: { type: 'ocr-word' as const, box: runBox(printed.text, run), offset: 0, length: run.end - run.start },
  }));
  return { number, name, text: printed.text, segments, hidden: printed.hidden, size: { width: printed.width, height: printed.height } };
}

/** A finding of a sheet, on the printed page that holds its start (cut at that page's end). */
function moveFinding(finding: Finding, printed: PrintedPage[], firstOf: Map<number, number>): Finding | undefined {
  for (let i = firstOf.get(finding.page) ?? printed.length; i < printed.length && printed[i].of === finding.page; i++) {
    const p = printed[i];
    const end = p.offset + p.text.length;
    if (finding.start >= p.offset && finding.start < end) {
      const cut = Math.min(finding.end, end);
      return { ...finding, page: i + 1, start: finding.start - p.offset, end: cut - p.offset, text: finding.text.slice(0, cut - finding.start) };
    }
  }
  return undefined;
}

export async function printDocument(doc: SumiDocument, findings: Finding[], createCanvas: CanvasFactory, signal?: AbortSignal): Promise<PrintedDocument> {
  const printed = doc.pages.flatMap((page) => printPage(page, (part) => caption(page, part)));
  const firstOf = new Map<number, number>();
  printed.forEach((p, i) => firstOf.has(p.of) || firstOf.set(p.of, i));
  const pages = printed.map((p, i) => toPage(p, i + 1, doc.pages[p.of - 1].name));
  const moved = findings.map((f) => moveFinding(f, printed, firstOf)).filter((f): f is Finding => f !== undefined);
  const pdf = await printedPdf(printed, createCanvas, signal);
  return { doc: { ...doc, pages, ocrPages: [] }, findings: moved, pdf, sheetOf: printed.map((p) => p.of) };
}
