// The upload guard's platform-neutral parts on real files.
import { describe, expect, it } from 'vitest';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { sha256Hex } from '../core/sha256.ts';
import { scanFileBytes } from '../guard/scan-file.ts';
import { nodePlatform } from '../platform/node.ts';
import { needsWarning } from '../guard/summary.ts';
import { CORPUS, sumi } from './cli-helpers.ts';

describe('upload guard core', () => {
  it('takes a PDF for a Sumi export only by the record made when it was written, never by its producer field', async () => {
    const input = join(CORPUS, 'd01_meeting-minutes.pdf');
    const out = join(mkdtempSync(join(tmpdir(), 'sumi-guard-')), 'masked.pdf');
    expect(sumi(['redact', input, out]).status).toBe(0);
    const exported = new Uint8Array(readFileSync(out));
    const recorded = new Set([await sha256Hex(exported)]);
    const recordedExport = async (sha: string) => (recorded.has(sha) ? { unmasked: [] } : null);
    const summary = await scanFileBytes('masked.pdf', exported, { pdf: nodePlatform.pdfjs, recordedExport });
    expect(summary.sumiExport).toBe(true);
    expect(needsWarning(summary, 'low')).toBe(false);
    // the original, its producer set to Sumi and its text taken out of reach of the eye, is read like any file
    const doc = await PDFDocument.load(readFileSync(input));
    doc.setProducer('Sumi');
    const forged = await doc.save();
    const s = await scanFileBytes('forged.pdf', forged, { pdf: nodePlatform.pdfjs, recordedExport });
    expect(s.sumiExport).toBeFalsy();
    expect(needsWarning(s, 'medium')).toBe(true);
    // an export that is not on the record is read like any file too (here without OCR: its pages are not checked, which warns)
    const unrecorded = await scanFileBytes('masked.pdf', exported, { pdf: nodePlatform.pdfjs });
    expect(unrecorded.sumiExport).toBeFalsy();
    expect(unrecorded.unchecked.length).toBeGreaterThan(0);
    // an export on record that left a kind unmasked is read again, for that kind
    const partial = await scanFileBytes('masked.pdf', exported, { pdf: nodePlatform.pdfjs, recordedExport: async () => ({ unmasked: ['person-name'] }) });
    expect(partial.sumiExport).toBeFalsy();
    expect(partial.unchecked.length, 'read like any file: its pages need OCR, which this test leaves out').toBeGreaterThan(0);
    // and only for the kinds it left unmasked (a text PDF stands in for what OCR would read of one)
    const leftNames = await scanFileBytes('d01.pdf', new Uint8Array(readFileSync(input)), { pdf: nodePlatform.pdfjs, recordedExport: async () => ({ unmasked: ['person-name'] }) });
    expect(leftNames.kinds.map((k) => k.kind)).toEqual(['person-name']);
    expect(needsWarning(leftNames, 'medium')).toBe(true);
  });

  it('summarises a workbook by kind with partly masked examples and no values', async () => {
    const bytes = new Uint8Array(readFileSync(join(CORPUS, 'd06_inpatients.xlsx')));
    const s = await scanFileBytes('d06_inpatients.xlsx', bytes, { pdf: nodePlatform.pdfjs });
    expect(s.pages).toBe(2);
    expect(s.kinds.find((k) => k.kind === 'person-name')!.count).toBeGreaterThan(10);
    expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(needsWarning(s, 'medium')).toBe(true);
    expect(needsWarning(s, 'critical')).toBe(false);
    const shown = JSON.stringify(s);
    for (const value of ['022-303-8985', 'yumi.okamoto@yamabiko.ne.jp', '昭和6年11月18日']) expect(shown).not.toContain(value);
  });

  it('reports an unreadable file as not checked, which always warns', async () => {
    const s = await scanFileBytes('broken.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), { pdf: nodePlatform.pdfjs });
    expect(s.error).toBeTruthy();
    expect(needsWarning(s, 'critical')).toBe(true);
  });
});
