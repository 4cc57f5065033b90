// Recognises a PDF written by Sumi's masked export and unchanged since: producer
// "Sumi", and every page nothing but one full-page image — no fonts, no text,
// no annotations, no forms. Such a file has nothing left to find.
import { PDFDocument, PDFDict, PDFName } from 'pdf-lib';

export async function isSumiExport(bytes: Uint8Array): Promise<boolean> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: false });
  } catch {
    return false;
  }
  if (doc.getProducer() !== 'Sumi' || doc.getCreator() || doc.getAuthor() || doc.getTitle()) return false;
  if (doc.catalog.get(PDFName.of('AcroForm')) || doc.catalog.get(PDFName.of('Names')) || doc.catalog.get(PDFName.of('Outlines'))) return false;
  return doc.getPages().every((page) => {
    // pdf-lib writes empty /Annots, /Font and /ExtGState entries on every page it makes
    if ((page.node.Annots()?.size() ?? 0) > 0) return false;
    const resources = page.node.Resources();
    if (!resources || (resources.lookupMaybe(PDFName.of('Font'), PDFDict)?.keys().length ?? 0) > 0) return false;
    const xobjects = resources.lookupMaybe(PDFName.of('XObject'), PDFDict);
    const keys = xobjects?.keys() ?? [];
    return keys.length === 1 && keys.every((k) => xobjects!.lookup(k)?.toString().includes('/Subtype /Image'));
  });
}
