// `sumi redact IN OUT`: find, mask, export, verify, and write the redaction log beside OUT.
import { readFile, writeFile } from 'node:fs/promises';
import { readAndScan, type ScannedDocument } from '../pipeline/read-and-scan.ts';
import { exportVerified } from '../pipeline/export-verified.ts';
import { planFromFindings } from '../review/plan.ts';
import { logCsv } from '../export/log.ts';
import { nodePlatform } from '../platform/node.ts';
import { ocrProgress } from './ocr.ts';
import type { Command } from './args.ts';

export type RedactCommand = Extract<Command, { name: 'redact' }>;

export async function redactFile(cmd: RedactCommand): Promise<number> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(cmd.input));
  } catch (err) {
    return fail(cmd, (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String((err as Error).message));
  }
  let scanned: ScannedDocument;
  try {
    scanned = await readAndScan(nodePlatform, cmd.input, bytes, {
      scan: { kinds: cmd.kinds, minSeverity: cmd.minSeverity },
      // the PDF parsed for reading is the one the export draws
      keepOpen: true,
      check: (doc) => {
        if (doc.type !== 'pdf' && doc.type !== 'image') throw new Error(`redact takes a PDF or an image; this is ${doc.type}`);
      },
      onProgress: ocrProgress(cmd.input),
    });
  } catch (err) {
    return fail(cmd, (err as Error).message);
  }
  const { doc, findings, source } = scanned;
  const maskedTexts = findings.map((f) => f.text);
  let result;
  try {
    result = await exportVerified(
      nodePlatform,
      { doc, source, masks: planFromFindings(doc, findings), maskedTexts },
      {
        colour: cmd.colour ? 'colour' : 'grey',
        minMaskWidth: cmd.minMaskWidth,
        searchableText: cmd.searchable,
        onProgress: (done, total) => process.stderr.isTTY && process.stderr.write(`\rexporting page ${done}/${total}`),
      },
    );
  } finally {
    await scanned.close();
    if (process.stderr.isTTY) process.stderr.write('\n');
  }
  const { pdf, verification, log } = result;
  if (verification.recoverable.length) {
    // with a text layer, a masked text that the page also shows unmasked elsewhere is found again
    const hint = cmd.searchable ? ' (the text layer holds what stays visible: a masked text that also appears unmasked elsewhere is recoverable)' : '';
    return fail(cmd, `export refused: ${verification.recoverable.length} masked string(s) could still be recovered from the output${hint}`);
  }
  await writeFile(cmd.output, pdf);
  await writeFile(`${cmd.output}.log.json`, JSON.stringify({ file: cmd.input, output: cmd.output, pages: doc.pages.length, masks: log }, null, 2));
  await writeFile(`${cmd.output}.log.csv`, logCsv(log));
  const printable = findings.map(({ detector: _d, ...f }) => f);
  process.stdout.write(JSON.stringify({ file: cmd.input, output: cmd.output, pages: doc.pages.length, masked: log.length, recoverable: 0, findings: printable }) + '\n');
  return 0;
}

function fail(cmd: RedactCommand, error: string): number {
  process.stdout.write(JSON.stringify({ file: cmd.input, output: cmd.output, error }) + '\n');
  return 2;
}
