// The engine with Sumi's full set of detectors: what the CLI, the panel, the
// upload guard and the content script scan with. The engine itself knows no
// detector (it stands below them); this is where the two meet.
import { DETECTORS } from '../detectors/index.ts';
import * as engine from '../engine/engine.ts';
import { scanSlice as scanSliceWith, type Slice } from '../engine/slices.ts';
import type { Page, SumiDocument } from '../core/document.ts';
import type { Finding } from '../core/findings.ts';

export type ScanOptions = Partial<engine.ScanOptions>;

function withDetectors(options: ScanOptions): engine.ScanOptions {
  return { ...options, detectors: options.detectors ?? DETECTORS };
}

export function scanText(text: string, page = 1, options: ScanOptions = {}): Finding[] {
  return engine.scanText(text, page, withDetectors(options));
}

export function scanDocument(doc: SumiDocument, options: ScanOptions = {}): Finding[] {
  return engine.scanDocument(doc, withDetectors(options));
}

/** Scans pages one after another as they are read (a table may go on over a page break). */
export function pageScanner(options: ScanOptions = {}): (page: Page) => Finding[] {
  return engine.pageScanner(withDetectors(options));
}

/** Scans one slice of a long text (the content script's unit of work). */
export function scanSlice(slice: Slice, page: number, options: ScanOptions = {}): Finding[] {
  return scanSliceWith(slice, page, withDetectors(options));
}
