// The extension's own pages in Chromium: the popup, the options page and the
// redaction panel pass axe-core with no serious or critical violation; the
// context menu's "check the selection" says what the selected text holds.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT, launch, startServer, type FixtureServer, type SumiBrowser } from './harness.ts';

type Result = { id: string; impact: string | null; help: string; nodes: { target: unknown }[] };
const AXE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on a page (its source evaluated in the page: extension pages allow no inline script). */
async function axeProblems(page: Page): Promise<{ bad: string; passed: number }> {
  await page.evaluate(AXE);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown): Promise<{ violations: Result[]; passes: Result[] }> } }).axe;
    const r = await axe.run(document);
    return { violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })), passed: r.passes.length };
  });
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return { bad: bad.map((v) => `${v.impact} ${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`).join('\n'), passed: results.passed };
}

describe('the extension’s pages', () => {
  let browser: SumiBrowser;
  let server: FixtureServer;
  beforeAll(async () => {
    browser = await launch({ locale: 'ja-JP', lang: 'ja' });
    server = await startServer();
    server.set('/selection.html', '<!doctype html><meta charset="utf-8"><p id="p">問合せは担当 山田 太郎（090-2231-4409）まで。</p>', 'text/html; charset=utf-8');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const [name, file, ready] of [
      ['popup', 'popup.html', '画面共有モード'],
      ['options page', 'options.html', 'Sumi 設定'],
      ['redaction panel', 'redact.html', 'ファイルを開く'],
    ] as const) {
      it(`the ${name} (${scheme} theme) has no serious or critical axe-core violation`, async () => {
        const page = await browser.context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`chrome-extension://${browser.extensionId}/${file}`);
        await page.getByText(ready).first().waitFor();
        const { bad, passed } = await axeProblems(page);
        expect(passed, 'axe did check the page').toBeGreaterThan(5);
        expect(bad).toBe('');
        await page.screenshot({ path: path.join(ROOT, 'test-results/screenshots', `${file.replace('.html', '')}-ja-${scheme}.png`) });
        await page.close();
      });
    }
  }

  it('checks the selected text when the context menu asks, and says what it holds beside it', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/selection.html'));
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('p')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    // what the menu item does: the service worker asks the tab's content script
    const worker = await browser.worker();
    await worker.evaluate(async (url: string) => {
      const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]>; sendMessage(id: number, m: object, o: object): Promise<unknown> } } };
      const tab = (await chrome.tabs.query({})).find((t) => t.url === url)!;
      await chrome.tabs.sendMessage(tab.id!, { type: 'sumi:check-selection' }, { frameId: 0 }).catch(() => {});
    }, page.url());
    const tip = page.locator('#sumi-tooltip');
    await expect.poll(() => tip.textContent(), { timeout: 10_000 }).toContain('選択範囲の検出');
    expect(await tip.textContent()).toContain('電話番号 1');
    expect(await tip.textContent()).toContain('氏名 1');
  });
});
