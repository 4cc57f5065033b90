// `sumi redact IN OUT`: find, mask, export, verify, and write the redaction log beside OUT.
import { readFile, writeFile } from 'node:fs/promises';
import { readDocument } from '../documents/read.ts';
import { scanDocument } from '../pipeline/scan.ts';
import { planFromFindings } from '../redaction/plan.ts';
import { exportMasked } from '../redaction/export.ts';
import { openPdfPages } from '../pages/pdf-pages.ts';
import { withOcrText } from '../redaction/document-text.ts';
import { verifyExport } from '../redaction/verify.ts';
import { logCsv, logEntries } from '../redaction/log.ts';
import { scanToPdf } from '../pages/scan-pdf.ts';
import { nodePlatform } from '../platform/node.ts';
import { withOcr } from './ocr.ts';
import type { Command } from './args.ts';

export type RedactCommand = Extract<Command, { name: 'redact' }>;

export async function redactFile(cmd: RedactCommand): Promise<number> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(cmd.input));
  } catch (err) {
    return fail(cmd, (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String((err as Error).message));
  }
  let doc;
  try {
    doc = await readDocument(bytes, cmd.input, { pdf: nodePlatform.pdfjs });
  } catch (err) {
    return fail(cmd, (err as Error).message);
  }
  if (doc.type !== 'pdf' && doc.type !== 'image') return fail(cmd, `redact takes a PDF or an image; this is ${doc.type}`);
  try {
    doc = await withOcr(doc, bytes, cmd.input);
    // a scan is exported like a PDF: the image becomes a page of its own size
    if (doc.type === 'image') bytes = await scanToPdf(bytes);
  } catch (err) {
    return fail(cmd, (err as Error).message);
  }
  const findings = scanDocument(doc, { kinds: cmd.kinds, minSeverity: cmd.minSeverity });
  const maskedTexts = findings.map((f) => f.text);
  // widened in the plan already, so the log lists the boxes as they are burned
  const masks = planFromFindings(doc, findings, { minWidth: cmd.minMaskWidth ?? 0 });
  const pages = await openPdfPages(bytes, nodePlatform);
  let out: Uint8Array;
  try {
    out = await exportMasked(withOcrText(pages, doc), masks, {
      colour: cmd.colour ? 'colour' : 'grey',
      minMaskWidth: cmd.minMaskWidth,
      searchableText: cmd.searchable,
      withheldTexts: maskedTexts,
      onProgress: (done, total) => process.stderr.isTTY && process.stderr.write(`\rexporting page ${done}/${total}`),
    });
  } finally {
    await pages.close();
    if (process.stderr.isTTY) process.stderr.write('\n');
  }
  const check = await verifyExport(out, maskedTexts, nodePlatform.pdfjs);
  if (check.recoverable.length) {
    // with a text layer, a masked text that the page also shows unmasked elsewhere is found again
    const hint = cmd.searchable ? ' (the text layer holds what stays visible: a masked text that also appears unmasked elsewhere is recoverable)' : '';
    return fail(cmd, `export refused: ${check.recoverable.length} masked string(s) could still be recovered from the output${hint}`);
  }
  await writeFile(cmd.output, out);
  const entries = logEntries(masks);
  await writeFile(`${cmd.output}.log.json`, JSON.stringify({ file: cmd.input, output: cmd.output, pages: doc.pages.length, masks: entries }, null, 2));
  await writeFile(`${cmd.output}.log.csv`, logCsv(entries));
  const printable = findings.map(({ detector: _d, ...f }) => f);
  process.stdout.write(JSON.stringify({ file: cmd.input, output: cmd.output, pages: doc.pages.length, masked: masks.length, recoverable: 0, findings: printable }) + '\n');
  return 0;
}

function fail(cmd: RedactCommand, error: string): number {
  process.stdout.write(JSON.stringify({ file: cmd.input, output: cmd.output, error }) + '\n');
  return 2;
}
