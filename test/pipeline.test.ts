// One export for every face: the CLI's `sumi redact` and the redaction panel
// (its opening and its export of an officer's review, run here on the Node
// platform) burn and log the same boxes for the same document, findings and
// minimum mask width: the width is applied once, in pipeline/export-verified.ts.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sumi, CORPUS } from './cli-helpers.ts';
import { nodePlatform } from '../platform/node.ts';
import { openDocument } from '../panel/load.ts';
import { exportReview } from '../panel/export.ts';
import { masksOf, reduce } from '../review/review.ts';
import type { LogEntry } from '../export/log.ts';
import { readAndScan } from '../pipeline/read-and-scan.ts';
import { scanDocument } from '../pipeline/scan.ts';
import { exportVerified } from '../pipeline/export-verified.ts';

const MIN_WIDTH = 40;

describe('pipeline: one export, one log', () => {
  it('the panel logs the boxes the CLI logs, widened to the minimum mask width', async () => {
    const input = join(CORPUS, 'd01_meeting-minutes.pdf');
    const out = join(mkdtempSync(join(tmpdir(), 'sumi-pipeline-')), 'out.pdf');
    const r = sumi(['redact', input, out, `--min-mask-width=${MIN_WIDTH}`]);
    expect(r.status, r.stderr).toBe(0);
    const cliLog = (JSON.parse(readFileSync(`${out}.log.json`, 'utf8')) as { masks: LogEntry[] }).masks;

    const opened = await openDocument(nodePlatform, 'd01_meeting-minutes.pdf', new Uint8Array(readFileSync(input)), { onProgress: () => {} });
    // the officer accepts every finding, as `sumi redact` masks them all
    const review = reduce(opened.review, { type: 'decide', ids: opened.review.findings.map((f) => f.id), decision: 'accepted' });
    // the test means something only if some box is narrower than the minimum
    expect(masksOf(review).some((m) => m.box.width < MIN_WIDTH)).toBe(true);
    const panel = await exportReview(nodePlatform, opened, review, { minMaskWidth: MIN_WIDTH });
    expect(panel.verification.recoverable).toEqual([]);

    expect(panel.log).toEqual(cliLog);
    expect(cliLog.length).toBeGreaterThan(5);
    for (const entry of cliLog) expect(entry.width).toBeGreaterThanOrEqual(MIN_WIDTH - 0.05);
  });
});

describe('pipeline: cancellation by AbortSignal', () => {
  it('reading and exporting stop when the signal is aborted', async () => {
    const bytes = new Uint8Array(readFileSync(join(CORPUS, 'd01_meeting-minutes.pdf')));
    const reading = new AbortController();
    // aborted while pdf.js reads the first page
    const read = readAndScan(nodePlatform, 'd01.pdf', bytes, { signal: reading.signal, onProgress: (step) => step === 'read' && reading.abort() });
    await expect(read).rejects.toMatchObject({ name: 'AbortError' });

    const { doc, findings, source } = await readAndScan(nodePlatform, 'd01.pdf', bytes);
    const exporting = new AbortController();
    const masks = findings.map((f) => ({ page: f.page, box: { x: 0, y: 0, width: 10, height: 10 }, kind: f.kind, reason: '5条1号', source: 'finding' as const }));
    const out = exportVerified(nodePlatform, { doc, source, masks, maskedTexts: [] }, { signal: exporting.signal, onProgress: () => exporting.abort() });
    await expect(out).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('pipeline: OCR keeps what a page carries besides its picture', () => {
  it('a scanned page (no text layer) keeps its attached file after OCR', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const doc = await PDFDocument.create();
    doc.addPage([300, 200]); // blank: no text layer, read by OCR
    await doc.attach(new TextEncoder().encode('氏名,電話番号\n山田 太郎,090-2231-4409\n'), 'original.csv', { mimeType: 'text/csv' });
    const scanned = await readAndScan(nodePlatform, 'scan.pdf', await doc.save());
    expect(scanned.doc.ocrPages).toEqual([1]);
    expect(scanned.doc.pages[0].hidden.map((h) => h.kind)).toContain('attachment');
    expect(scanned.findings.some((f) => f.kind === 'phone' && f.text === '090-2231-4409')).toBe(true);
  });
});

describe('pipeline: early findings while a long PDF is read', () => {
  it('reports the findings of the pages read so far, at the first page and every ten, each the final findings of those pages', async () => {
    const { longPdf } = await import('./fixtures/long-pdf.ts');
    const reports: { pagesRead: number; findings: { page: number; start: number; kind: string }[] }[] = [];
    const { doc, findings } = await readAndScan(nodePlatform, 'long.pdf', await longPdf(25), { onEarlyFindings: (found, pagesRead) => reports.push({ pagesRead, findings: found }) });
    expect(reports.map((r) => r.pagesRead)).toEqual([1, 10, 20]);
    const key = (f: { page: number; start: number; kind: string }) => `${f.page}:${f.start}:${f.kind}`;
    // the result (taken from the pages scanned as they were read) is what a scan of the whole document finds
    const whole = scanDocument(doc).map(key);
    expect(findings.map(key)).toEqual(whole);
    for (const r of reports) {
      expect(r.findings.length).toBeGreaterThan(0);
      expect(r.findings.every((f) => f.page <= r.pagesRead)).toBe(true);
      expect(r.findings.map(key)).toEqual(whole.filter((_, i) => findings[i].page <= r.pagesRead));
    }
  });
});
