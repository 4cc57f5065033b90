// Scans in the redaction panel, in a real Chromium with the built extension:
// a PDF page without text and a PNG scan are read by OCR inside the panel
// (progress shown, cancellable), their findings become masks, and the export
// passes the shared redaction check. Cancelling OCR opens the scan without it.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as UTIF from 'utif2';
import { describe, expect, it } from 'vitest';
import { PANEL_CORPUS, panelSession, checkRedaction, countMaskBoxes, exportDownloads, loadFile, openPanel } from './panel-helpers.ts';

const D02 = path.join(PANEL_CORPUS, 'd02_application-form_scan.pdf');
const LABELS = `${D02}.labels.json`;
/** OCR of one page is slow on a loaded machine */
const OCR_TIMEOUT = 420_000;

const session = panelSession('sumi-panel-scan-');

const ocrProgress = (page: import('playwright-core').Page) => page.getByRole('status').filter({ hasText: /OCRで文字を読み取り中|Reading scanned pages \(OCR\)/ });

async function acceptAllAndExport(page: import('playwright-core').Page, input: string) {
  await page.getByRole('button', { name: /^(すべて墨消し|Accept all)$/ }).click();
  await expect.poll(() => page.locator('aside li[data-decision="proposed"]').count()).toBe(0);
  const boxes = await countMaskBoxes(page, '.mask[data-decision="accepted"]');
  const out = await exportDownloads(page, session.dir, 300_000);
  const check = checkRedaction(input, out.pdf, LABELS);
  expect(check.last, check.output).toMatch(/leaked=0 .* ok$/);
  return { boxes, out };
}

describe('scans in the redaction panel', () => {
  it('a scanned PDF page is read by OCR with progress, its findings are masked, and the export passes check-redaction', async () => {
    const page = await openPanel(session.browser);
    const loading = loadFile(page, D02, OCR_TIMEOUT);
    // progress is shown with a way out, and page 1 is already on screen while OCR runs
    await ocrProgress(page).waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: /^(OCRを中止|Cancel OCR)$/ }).waitFor();
    await page.locator('.page canvas[aria-label="page 1"]').waitFor();
    const found = await loading;
    expect(found).toBeGreaterThanOrEqual(5);
    await page
      .getByRole('status')
      .filter({ hasText: /OCRで読み取ったページ: 1|Pages read by OCR: 1/ })
      .waitFor();
    // OCR words are selectable like a text layer
    expect(await page.locator('.text-layer span').count()).toBeGreaterThan(20);
    const { boxes } = await acceptAllAndExport(page, D02);
    expect(boxes).toBeGreaterThanOrEqual(found);
    await page.close();
  }, 900_000);

  it('a PNG scan opens as a one-page document, is read by OCR, and exports through the same exporter', async () => {
    execFileSync('pdftoppm', ['-r', '200', '-png', '-singlefile', D02, path.join(session.dir, 'application-form')]);
    const png = path.join(session.dir, 'application-form.png');
    expect(readdirSync(session.dir)).toContain('application-form.png');
    const page = await openPanel(session.browser);
    const found = await loadFile(page, png, OCR_TIMEOUT);
    expect(found).toBeGreaterThanOrEqual(5);
    expect(
      await page
        .getByRole('navigation')
        .getByRole('button', { name: /^(ページ|Page) \d+$/ })
        .count(),
    ).toBe(1);
    const { out } = await acceptAllAndExport(page, png);
    expect(path.basename(out.pdf)).toBe('application-form-masked.pdf');
    await page.close();
  }, 900_000);

  it('a TIFF scan opens too, is read by OCR, and its export passes check-redaction', async () => {
    const tif = path.join(session.dir, 'application-form.tif');
    execFileSync('pdftoppm', ['-r', '200', '-gray', '-singlefile', D02, path.join(session.dir, 'application-form')]);
    writeFileSync(tif, tiffOf(readFileSync(path.join(session.dir, 'application-form.pgm')), 200));
    const page = await openPanel(session.browser);
    const found = await loadFile(page, tif, OCR_TIMEOUT);
    expect(found).toBeGreaterThanOrEqual(5);
    await acceptAllAndExport(page, tif);
    await page.close();
  }, 900_000);

  it('cancelling OCR opens the scan without it and says which pages were not checked', async () => {
    const page = await openPanel(session.browser);
    const loading = loadFile(page, D02, 120_000);
    await page.getByRole('button', { name: /^(OCRを中止|Cancel OCR)$/ }).click({ timeout: 120_000 });
    expect(await loading).toBe(0);
    await page
      .getByRole('status')
      .filter({ hasText: /OCRを中止しました.*: 1$|OCR cancelled.*: 1$/ })
      .waitFor();
    // the page is there to be masked by hand
    await page.locator('.page canvas[aria-label="page 1"]').waitFor();
    await page.close();
  }, 300_000);
});

/** A TIFF (RGBA, with its resolution) of a binary PGM as pdftoppm -gray writes it. */
function tiffOf(pgm: Buffer, dpi: number): Buffer {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const gray = pgm.subarray(header[0].length);
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = gray[i];
    rgba[i * 4 + 3] = 255;
  }
  return Buffer.from(UTIF.encodeImage(rgba, width, height, { t282: [[dpi, 1]], t283: [[dpi, 1]], t296: [2] } as unknown as UTIF.IFD));
}
