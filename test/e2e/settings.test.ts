// Settings end to end in Chromium: a change on the options page reaches a page
// that is already open (no reload): a kind switched off loses its highlights, a
// term added to the office's dictionary gains one. A policy (a Chromium policy
// file for the extension's managed storage) locks a setting: the options page
// shows it locked and the popup offers no pause.
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EXT, launch, startServer, type FixtureServer, type SumiBrowser } from './harness.ts';

const PAGE = `<!doctype html><meta charset="utf-8"><title>settings</title>
<p>担当者の連絡先は 090-2231-4409 です。</p>
<p>サーバー aoba-db01 の保守について。</p>`;

/** The texts the page's findings hold, as the content script reports them. */
async function texts(browser: SumiBrowser, page: Page): Promise<string[]> {
  return (await browser.findings(page)).findings.map((f) => f.text);
}

async function optionsPage(browser: SumiBrowser): Promise<Page> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByRole('button', { name: '保存', exact: true }).waitFor();
  return options;
}

describe('settings reach open pages, and a policy locks them', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startServer();
    server.set('/settings.html', PAGE, 'text/html; charset=utf-8');
  });
  afterAll(async () => server?.close());

  it('a kind switched off and a dictionary term added on the options page change the highlights of an open page, without reload', async () => {
    const browser = await launch({ locale: 'ja-JP', lang: 'ja' });
    try {
      const page = await browser.context.newPage();
      await page.goto(server.url('/settings.html'));
      await expect.poll(() => texts(browser, page), { timeout: 15_000 }).toContain('090-2231-4409');
      expect(await texts(browser, page)).not.toContain('aoba-db01');

      const options = await optionsPage(browser);
      await options.getByRole('checkbox', { name: '電話番号' }).uncheck();
      await options.getByRole('textbox', { name: /登録語/ }).fill('aoba-db01 @high');
      await options.getByRole('button', { name: '保存', exact: true }).click();
      await options.getByRole('status').filter({ hasText: '保存しました' }).waitFor();

      // the open page, never reloaded, follows
      await expect.poll(() => texts(browser, page), { timeout: 15_000 }).toContain('aoba-db01');
      expect(await texts(browser, page)).not.toContain('090-2231-4409');
      const custom = (await browser.findings(page)).findings.find((f) => f.text === 'aoba-db01');
      expect(custom?.kind).toBe('custom');
      expect(custom?.severity).toBe('high');
    } finally {
      await browser.close();
    }
  });

  it('a policy sets and locks a setting: the options page shows it locked, the popup has no pause switch', async (ctx) => {
    // Chromium reads machine policy from here (Debian's chromium); writing it needs root, as CI runs
    const dir = '/etc/chromium/policies/managed';
    const file = path.join(dir, 'sumi-e2e.json');
    try {
      mkdirSync(dir, { recursive: true });
    } catch {
      ctx.skip();
    }
    // an unpacked extension's id is the SHA-256 of its folder's path, in the letters a–p
    const id = [...createHash('sha256').update(EXT).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
    writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [id]: { allowPause: false, guardMinSeverity: 'low' } } } }));
    const browser = await launch({ locale: 'ja-JP', lang: 'ja' });
    try {
      expect(browser.extensionId).toBe(id);
      const options = await optionsPage(browser);
      const allowPause = options.getByRole('checkbox', { name: 'サイトごとの一時停止を許可する' });
      await expect.poll(() => allowPause.isDisabled(), { timeout: 10_000 }).toBe(true);
      expect(await allowPause.isChecked()).toBe(false);
      expect(await options.getByLabel(/警告する重要度（以上）: 管理者が設定/).count()).toBe(1);
      expect(await options.getByRole('combobox', { name: '警告する重要度（以上）' }).inputValue()).toBe('low');
      // a setting the policy leaves alone stays the officer's to change
      expect(await options.getByRole('combobox', { name: 'ページ上で強調表示する重要度（以上）' }).isDisabled()).toBe(false);

      const popup = await browser.context.newPage();
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      await popup.getByText('画面共有モード').waitFor();
      expect(await popup.getByText('このサイトで一時停止').count()).toBe(0);
    } finally {
      await browser.close();
      rmSync(file, { force: true });
    }
  });
});
