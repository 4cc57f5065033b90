// The interface in the browser's language, end to end: Chromium started with
// --lang=ja shows the popup and the panel in Japanese, with --lang=en in
// English, and the manifest's name comes from _locales in both.
import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { ROOT, launch, startServer, type SumiBrowser } from './harness.ts';
import { loadFile, PANEL_CORPUS } from './panel-helpers.ts';

const SHOTS = path.join(ROOT, 'test-results/screenshots');

const CASES = [
  { lang: 'ja', locale: 'ja-JP', name: /墨消し/, popup: 'このページの検出結果', panel: 'ファイルを開く（PDF・画像・Excel・Word）' },
  { lang: 'en', locale: 'en-US', name: /mask secrets/, popup: 'Findings on this page', panel: 'Open a PDF, scan, spreadsheet or document' },
];

describe('the interface in the browser’s language', () => {
  const open: SumiBrowser[] = [];
  afterAll(async () => {
    for (const b of open) await b.close();
  });

  for (const c of CASES) {
    it(`shows the popup and the panel in ${c.lang} with --lang=${c.lang}`, async () => {
      const browser = await launch({ lang: c.lang, locale: c.locale });
      open.push(browser);
      const worker = await browser.worker();
      const name = await worker.evaluate(() => (globalThis as unknown as { chrome: { i18n: { getMessage(n: string): string } } }).chrome.i18n.getMessage('manifest_name'));
      expect(name).toMatch(c.name);

      const popup = await browser.context.newPage();
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      await expect.poll(() => popup.locator('body').innerText()).toContain(c.popup);
      expect(await popup.locator('main').getAttribute('lang')).toBe(c.lang);

      // the popup with a page's findings: the page is the window's active tab when the popup asks
      const server = await startServer();
      try {
        const content = await browser.context.newPage();
        await content.goto(server.url('/showcase.html'));
        await content.bringToFront();
        await popup.reload();
        await expect.poll(() => popup.locator('main li').count(), { timeout: 15_000 }).toBeGreaterThan(2);
        await popup.screenshot({ path: path.join(SHOTS, `popup-findings-${c.lang}.png`) });
        await content.close();
      } finally {
        await server.close();
      }

      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await expect.poll(() => options.locator('main').getAttribute('lang')).toBe(c.lang);
      await options.screenshot({ path: path.join(SHOTS, `options-${c.lang}.png`), fullPage: true });
      await options.close();

      const panel = await browser.context.newPage();
      await panel.goto(`chrome-extension://${browser.extensionId}/redact.html`);
      await expect.poll(() => panel.locator('body').innerText()).toContain(c.panel);
      expect(await loadFile(panel, path.join(PANEL_CORPUS, 'd01_meeting-minutes.pdf'))).toBeGreaterThan(5);
      await panel.screenshot({ path: path.join(SHOTS, `panel-${c.lang}.png`) });
    });
  }
});
