// The interface in the browser's language, end to end: Chromium started with
// --lang=ja shows the popup and the panel in Japanese, with --lang=en in
// English, and the manifest's name comes from _locales in both.
import { afterAll, describe, expect, it } from 'vitest';
import { launch, type SumiBrowser } from './harness.ts';

const CASES = [
  { lang: 'ja', locale: 'ja-JP', name: /墨消し/, popup: 'このページの検出結果', panel: 'PDF・画像を開く' },
  { lang: 'en', locale: 'en-US', name: /mask secrets/, popup: 'Findings on this page', panel: 'Open a PDF or scan' },
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

      const panel = await browser.context.newPage();
      await panel.goto(`chrome-extension://${browser.extensionId}/redact.html`);
      await expect.poll(() => panel.locator('body').innerText()).toContain(c.panel);
    });
  }
});
