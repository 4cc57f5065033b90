// A printed spreadsheet exported without its hidden sheets, when the officer
// chooses so: the printed pages of the sheets left are copied into a PDF of
// their own, and the document's pages and the masks renumbered to match.
import { PDFDocument } from 'pdf-lib';
import { isHiddenSheet } from '../core/document.ts';
import type { ExportRequest } from '../pipeline/export-verified.ts';
import type { OpenedDocument } from './load.ts';

/** Whether the document opened is a spreadsheet with a hidden sheet. */
export function hasHiddenSheets(opened: OpenedDocument): boolean {
  return Boolean(opened.printed?.sheets.some(isHiddenSheet));
}

/** The export request of `opened` with the pages of its hidden sheets left out. */
export async function withoutHiddenSheets(opened: OpenedDocument, request: Omit<ExportRequest, 'doc' | 'source'>, maskedTextsOn: (pages: Set<number>) => string[]): Promise<ExportRequest> {
  const { sheetOf, sheets } = opened.printed!;
  const kept = sheetOf.flatMap((sheet, i) => (isHiddenSheet(sheets[sheet - 1]) ? [] : [i + 1]));
  const newNumber = new Map(kept.map((page, i) => [page, i + 1]));
  const from = await PDFDocument.load(opened.source.bytes);
  const out = await PDFDocument.create({ updateMetadata: false });
  for (const page of await out.copyPages(
    from,
    kept.map((n) => n - 1),
  ))
    out.addPage(page);
  return {
    doc: { ...opened.doc, pages: kept.map((n) => ({ ...opened.doc.pages[n - 1], number: newNumber.get(n)! })) },
    source: { bytes: await out.save() },
    masks: request.masks.filter((m) => newNumber.has(m.page)).map((m) => ({ ...m, page: newNumber.get(m.page)! })),
    maskedTexts: maskedTextsOn(new Set(kept)),
  };
}
