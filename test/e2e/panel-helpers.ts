// Helpers for the redaction panel's end-to-end tests: open /redact.html in the
// built extension, load a file through its file input, export and keep the
// downloads, and run the shared redaction check on the masked PDF.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Download, Locator, Page } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll } from 'vitest';
import { ensureBuilt, launch, type SumiBrowser } from './harness.ts';
import { SHARED_CORPUS, SHARED_EVAL } from '../shared-dir.ts';

/** What the panel is built from besides the harness's own list. */
export const PANEL_SOURCES = ['panel', 'review', 'export', 'ocr'];

export { SHARED } from '../shared-dir.ts';
export const PANEL_CORPUS = SHARED_CORPUS;
export const CHECK_REDACTION = path.join(SHARED_EVAL, 'check-redaction.sh');

/**
 * One Chromium with the built extension and one scratch folder for a suite's
 * tests, started before them and removed after (read `browser` and `dir` inside tests).
 */
export function panelSession(prefix: string): { readonly browser: SumiBrowser; readonly dir: string } {
  let browser: SumiBrowser | undefined;
  let dir: string | undefined;
  beforeAll(async () => {
    ensureBuilt(PANEL_SOURCES);
    browser = await launch({ viewport: { width: 1400, height: 1300 } });
    dir = mkdtempSync(path.join(tmpdir(), prefix));
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get browser() {
      if (!browser) throw new Error('the panel session has not started');
      return browser;
    },
    get dir() {
      if (!dir) throw new Error('the panel session has not started');
      return dir;
    },
  };
}

export async function openPanel(browser: SumiBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/redact.html`);
  return page;
}

/** The findings heading, e.g. "検出 (16)" / "Findings (16)". */
export const findingsHeading = (page: Page) => page.getByRole('heading', { name: /^(検出|Findings) \(\d+\)$/ });

/** Chooses the file in the panel's file input and waits until its findings are listed. */
export async function loadFile(page: Page, file: string, timeout = 60_000): Promise<number> {
  await page.locator('input[type=file]').setInputFiles(file);
  await findingsHeading(page).waitFor({ timeout });
  const text = (await findingsHeading(page).textContent()) ?? '';
  return Number(/\((\d+)\)/.exec(text)?.[1] ?? NaN);
}

export const pageButtons = (page: Page) => page.getByRole('navigation').getByRole('button', { name: /^(ページ|Page) \d+$/ });

/** Counts the mask boxes of a decision over every page, going through the pages as the officer would. */
export async function countMaskBoxes(page: Page, selector: string): Promise<number> {
  const pages = await pageButtons(page).count();
  let n = 0;
  for (let i = 0; i < pages; i++) {
    await pageButtons(page).nth(i).click();
    await page.locator(`.page canvas[aria-label="page ${i + 1}"]`).waitFor();
    n += await page.locator(`.page ${selector}`).count();
  }
  await pageButtons(page).first().click();
  return n;
}

export interface Exported {
  pdf: string;
  csv: string;
  json: string;
}

/** Presses Export (with the mouse, or Enter on the focused button) and saves the masked PDF and both logs into `dir`. */
export async function exportDownloads(page: Page, dir: string, timeout = 120_000, byKeyboard = false): Promise<Exported> {
  const downloads: Download[] = [];
  const three = new Promise<void>((resolve) => {
    const on = (d: Download) => {
      downloads.push(d);
      if (downloads.length === 3) {
        page.off('download', on);
        resolve();
      }
    };
    page.on('download', on);
  });
  const button = page.getByRole('button', { name: /^(墨消しして書き出す|Redact and export)$/ });
  if (byKeyboard) {
    await button.focus();
    await page.keyboard.press('Enter');
  } else await button.click();
  await Promise.race([
    three,
    page
      .getByRole('alert')
      .waitFor({ timeout })
      .then(async () => {
        throw new Error(`export failed: ${await page.getByRole('alert').textContent()}`);
      }),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`export gave ${downloads.length}/3 downloads in ${timeout} ms`)), timeout)),
  ]);
  const out: Partial<Exported> = {};
  for (const d of downloads) {
    const name = d.suggestedFilename();
    const file = path.join(dir, name);
    await d.saveAs(file);
    if (name.endsWith('.log.csv')) out.csv = file;
    else if (name.endsWith('.log.json')) out.json = file;
    else if (name.endsWith('.pdf')) out.pdf = file;
  }
  if (!out.pdf || !out.csv || !out.json) throw new Error(`unexpected downloads: ${downloads.map((d) => d.suggestedFilename()).join(', ')}`);
  return out as Exported;
}

/** Runs ../shared/eval/check-redaction.sh; returns its last line and the whole output. */
export function checkRedaction(input: string, output: string, labels: string): { last: string; output: string } {
  const run = spawnSync('bash', [CHECK_REDACTION, input, output, labels], { encoding: 'utf8', timeout: 300_000 });
  const text = `${run.stdout}${run.stderr}`;
  const lines = run.stdout.trim().split('\n');
  return { last: lines[lines.length - 1] ?? '', output: text };
}

/** Presses the mouse in the middle of `box`, moves it by (dx, dy) in steps, releases it. */
export async function dragBy(page: Page, box: { x: number; y: number; width: number; height: number }, dx: number, dy: number): Promise<void> {
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps: 5 });
  await page.mouse.up();
}

/** How many findings the list shows with this decision: each row is a value, `data-count` its occurrences. */
export function occurrencesDecided(page: Page, decision: string): Promise<number> {
  return page.locator(`aside li.group[data-decision="${decision}"]`).evaluateAll((rows) => rows.reduce((n, r) => n + Number(r.getAttribute('data-count')), 0));
}

/** Where screenshots of the extension's screens are kept as test artifacts (looked at, not compared). */
export const SCREENSHOTS = path.join(import.meta.dirname, '../../test-results/screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/** Chooses, in the list's kind filter (focused, as from the keyboard), the first kind whose name matches; returns the filter. */
export async function filterByKind(page: Page, kind: RegExp): Promise<Locator> {
  const filter = page.getByLabel(/種類で絞り込み|Filter by kind/);
  await filter.focus();
  await filter.selectOption((await filter.locator('option').filter({ hasText: kind }).first().getAttribute('value'))!);
  return filter;
}
