// One entry point for every format: the content decides (magic bytes first,
// then what is inside a ZIP), the file name only breaks ties for text formats.
// A renamed file is still read as what it is.
import { DocumentError, type SumiDocument } from '../core/document.ts';
import { readCsv } from './csv.ts';
import { readDocx } from './docx.ts';
import { readHtml } from './html.ts';
import { readImage, sniffImage } from './image.ts';
import { readPdf, type ReadPdfOptions } from './pdf.ts';
import { readText } from './text.ts';
import { readXlsx } from './xlsx.ts';
import { isOle, isZip, oleError, ZipArchive } from './zip.ts';

export interface ReadOptions {
  /** passed to the PDF reader: pdf.js as the platform loads it (platform/node.ts, platform/browser.ts) */
  pdf: ReadPdfOptions;
  /** how deep inside attachments this file is (0: the file itself) */
  depth?: number;
}

/**
 * Text a file may hold to be checked here (CSV, HTML, plain text): its page
 * model, normalised copy and findings take several times the file's size, and
 * a list that long is better checked in parts than in one long wait.
 */
export const MAX_TEXT_BYTES = 48 * 1024 * 1024;

/** Refuses text too long to check, with what to do about it. */
function withinTextBudget(bytes: Uint8Array): Uint8Array {
  if (bytes.length <= MAX_TEXT_BYTES) return bytes;
  const mb = (n: number) => Math.round(n / 1048576);
  throw new DocumentError(`too large to check: ${mb(bytes.length)} MB of text (the limit is ${mb(MAX_TEXT_BYTES)} MB); split it into smaller files and check each`, 'too-large');
}

const TEXT_EXTENSIONS = new Set(['txt', 'md', 'log', 'json', 'xml', 'yaml', 'yml', 'ini', 'conf', 'cfg', 'env', 'properties', 'sql', 'sh', 'js', 'ts', 'py']);

export async function readDocument(bytes: Uint8Array, fileName: string, options: ReadOptions): Promise<SumiDocument> {
  if (bytes.length === 0) throw new DocumentError('the file is empty', 'unreadable');
  const ext = extensionOf(fileName);

  // a file attached to a PDF is read like any file, one level deep (an attachment's own attachments are named, not read)
  if (isPdf(bytes))
    return readPdf(bytes, {
      ...options.pdf,
      readAttached:
        (options.depth ?? 0) < 1 ? (b, name) => readDocument(b, name, { pdf: { loadPdfjs: options.pdf.loadPdfjs, assets: options.pdf.assets }, depth: (options.depth ?? 0) + 1 }) : undefined,
    });
  if (isZip(bytes)) return readZipDocument(bytes, ext);
  if (isOle(bytes)) throw oleError(bytes);
  const image = sniffImage(bytes);
  if (image) return readImage(bytes, image);
  if (looksLikeHtml(bytes)) return readHtml(withinTextBudget(bytes));

  switch (ext) {
    case 'csv':
      return readCsv(withinTextBudget(bytes));
    case 'tsv':
      return readCsv(withinTextBudget(bytes), { delimiter: '\t' });
    case 'html':
    case 'htm':
    case 'xhtml':
      return readHtml(withinTextBudget(bytes));
    case 'pdf':
      throw new DocumentError('not a valid PDF file: it does not start with a PDF header', 'corrupt');
    case 'xlsx':
    case 'xlsm':
    case 'docx':
    case 'docm':
      throw new DocumentError(`not a valid ${ext.toUpperCase()} file: it is not a ZIP container`, 'corrupt');
    case 'png':
    case 'jpg':
    case 'jpeg':
    case 'tif':
    case 'tiff':
      throw new DocumentError(`not a valid ${ext.toUpperCase()} image: the image header is missing`, 'corrupt');
    case '':
      return readText(withinTextBudget(bytes)); // no extension (README, a config file): text if it decodes as text
    default:
      if (TEXT_EXTENSIONS.has(ext)) return readText(withinTextBudget(bytes));
      throw new DocumentError(`unsupported file type '.${ext}': Sumi reads PDF, images (PNG, JPEG, TIFF), HTML, text, CSV, XLSX and DOCX`, 'unsupported');
  }
}

/** XLSX or DOCX by their main part, whatever the file is called. */
function readZipDocument(bytes: Uint8Array, ext: string): SumiDocument {
  const zip = new ZipArchive(bytes, ext === 'docx' ? 'DOCX' : ext === 'xlsx' ? 'XLSX' : 'ZIP');
  if (zip.has('xl/workbook.xml')) return readXlsx(bytes);
  if (zip.has('word/document.xml')) return readDocx(bytes);
  if (zip.names.some((n) => n.startsWith('ppt/'))) throw new DocumentError('PowerPoint presentations are not supported', 'unsupported');
  if (zip.has('mimetype') || zip.has('content.xml')) throw new DocumentError('OpenDocument files (.odt, .ods) are not supported: save as .docx or .xlsx and scan again', 'unsupported');
  if (ext === 'xlsx' || ext === 'docx') throw new DocumentError(`not a valid ${ext.toUpperCase()} file: the ZIP container holds no ${ext === 'xlsx' ? 'workbook' : 'document'}`, 'corrupt');
  throw new DocumentError('a ZIP archive, not a document: extract it and scan the files inside', 'unsupported');
}

function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** %PDF- within the first 1 KB (the header may follow a few junk bytes). */
function isPdf(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length - 4, 1024);
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) return true;
  }
  return false;
}

/** '<!doctype html' or '<html' at the start, after a BOM, whitespace, comments and an XML declaration. */
function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).toLowerCase();
  let i = head.startsWith('\u00ef\u00bb\u00bf') ? 3 : 0;
  for (;;) {
    while (i < head.length && /\s/.test(head[i])) i++;
    const close = head.startsWith('<!--', i) ? head.indexOf('-->', i) + 3 : head.startsWith('<?xml', i) ? head.indexOf('>', i) + 1 : 0;
    if (close <= 0) break;
    i = close;
  }
  return head.startsWith('<!doctype html', i) || head.startsWith('<html', i);
}
