// The content script in a real Chromium: findings on a corpus page (scored like
// the CLI), rescans of dynamic content, visible highlights, keyboard steps, and
// no network traffic.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIND_NAMES } from '../../core/kind-names.ts';
import type { Kind } from '../../core/findings.ts';
import { CORPUS, ROOT, SCORE, ensureBuilt, fieldBoxes, highlightSizes, launch, poll, startServer, type FindingsReply, type FixtureServer, type SumiBrowser } from './harness.ts';

const D04 = 'd04_inquiry-admin.html';

interface Score {
  recall: number;
  precision: number;
  critical: number;
  report: string;
}

/** Scores JSON Lines from `scan --json` (or the same shape) with ../shared/eval/score.mjs against one corpus file's labels. */
function score(jsonl: string, file: string): Score {
  const dir = mkdtempSync(path.join(tmpdir(), 'sumi-labels-'));
  try {
    copyFileSync(path.join(CORPUS, `${file}.labels.json`), path.join(dir, `${file}.labels.json`));
    const run = spawnSync(process.execPath, [SCORE, dir], { input: jsonl, encoding: 'utf8' });
    const last = run.stdout.trim().split('\n').pop() ?? '';
    const m = /recall=([\d.]+) precision=([\d.]+) critical_recall=([\d.]+)/.exec(last);
    if (run.status !== 0 || !m) throw new Error(`score.mjs failed (${run.status}): ${run.stderr}${run.stdout}`);
    return { recall: Number(m[1]), precision: Number(m[2]), critical: Number(m[3]), report: run.stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The CLI's own JSON line for a corpus file, or null when the CLI cannot read HTML yet. */
function cliScan(file: string): string | null {
  if (!existsSync(path.join(ROOT, 'documents/read.ts'))) return null;
  const run = spawnSync('npm', ['run', '-s', 'sumi', '--', 'scan', '--json', path.join(CORPUS, file)], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  const line = run.stdout
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.startsWith('{') && l.includes('"findings"'));
  return line ?? null;
}

/** A finding of this kind whose text is exactly this value (CONTRACT §1: the matched text as it appears), spaces aside. */
function has(reply: FindingsReply, kind: string, text: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  return reply.findings.some((f) => f.kind === kind && norm(f.text) === norm(text));
}

function show(reply: FindingsReply): string {
  return reply.findings.map((f) => `${f.severity} ${f.kind} ${JSON.stringify(f.text)}`).join('\n');
}

describe('content script in Chromium', () => {
  let browser: SumiBrowser;
  let server: FixtureServer;
  const requests: string[] = [];

  beforeAll(async () => {
    ensureBuilt();
    server = await startServer();
    browser = await launch();
    browser.context.on('request', (r) => requests.push(r.url()));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds on d04_inquiry-admin.html what the CLI finds, including the row added by script', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url(`/shared/corpus/${D04}`));
    await page.waitForTimeout(1500); // the page adds a row after 1 s
    const reply = await browser.findings(page);
    await page.close();
    expect(reply.scannedAt).toBeGreaterThan(0);
    const browserScore = score(JSON.stringify({ file: D04, findings: reply.findings }) + '\n', D04);
    console.log(`browser: recall=${browserScore.recall} precision=${browserScore.precision} critical_recall=${browserScore.critical} findings=${reply.findings.length}`);
    console.log(browserScore.report);

    // the inserted row is found
    expect(has(reply, 'email', 'anakano1976@tsubame-net.ne.jp'), show(reply)).toBe(true);
    expect(has(reply, 'phone', '090-1958-1408'), show(reply)).toBe(true);

    expect(browserScore.recall).toBeGreaterThanOrEqual(0.8);
    const missed = /missed items[^\n]*\n((?:  .*\n)*)/.exec(browserScore.report)?.[1] ?? '';

    const cli = cliScan(D04);
    if (cli === null) {
      console.log('CLI: cannot scan HTML yet (documents/read.ts missing or no JSON line); comparison skipped, absolute check only');
    } else {
      const cliScore = score(cli + '\n', D04);
      console.log(`CLI:     recall=${cliScore.recall} precision=${cliScore.precision} critical_recall=${cliScore.critical}`);
      console.log(cliScore.report);
      expect(browserScore.recall, `browser recall vs CLI recall; the browser missed:\n${missed}`).toBeGreaterThanOrEqual(cliScore.recall);
      expect(browserScore.precision, 'browser precision vs CLI precision - 0.05').toBeGreaterThanOrEqual(cliScore.precision - 0.05);
    }
  });

  it('rescans a row added by script and a password typed into a field within 2 s', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/dynamic.html'));
    const before = await poll(
      () => browser.findings(page),
      (r) => has(r, 'person-name', '鈴木 一郎'),
      10_000,
    );
    expect(has(before, 'person-name', '鈴木 一郎'), show(before)).toBe(true);
    expect(has(before, 'person-name', '山田 花子')).toBe(false);
    const highlightsBefore = Object.values(await highlightSizes(page)).reduce((a, b) => a + b, 0);
    expect(await fieldBoxes(page)).toEqual([]);

    const t0 = Date.now();
    await page.evaluate(() => {
      const tr = document.createElement('tr');
      for (const v of ['山田 花子', '080-9876-5432', 'hanako.yamada@example-mail.jp']) {
        const td = document.createElement('td');
        td.textContent = v;
        tr.append(td);
      }
      document.querySelector('#staff tbody')!.append(tr);
    });
    await page.fill('#login', 'yamada-h01');
    await page.locator('#pw').pressSequentially('Kq7#vR2m!xPz', { delay: 5 });

    // without being asked, the page repaints on its own (mutation observer + input events)
    const painted = await poll(
      async () => ({ hl: Object.values(await highlightSizes(page)).reduce((a, b) => a + b, 0), boxes: await fieldBoxes(page) }),
      (v) => v.hl >= highlightsBefore + 2 && v.boxes.includes('critical'),
      2000 - (Date.now() - t0),
      50,
    );
    const paintedMs = Date.now() - t0;
    // and the findings message reports the new values
    const after = await poll(
      () => browser.findings(page),
      (r) => has(r, 'person-name', '山田 花子') && has(r, 'phone', '080-9876-5432') && has(r, 'password', 'Kq7#vR2m!xPz'),
      2000 - (Date.now() - t0),
      50,
    );
    const elapsed = Date.now() - t0;
    console.log(`dynamic: repainted in ${paintedMs} ms (highlights ${highlightsBefore} → ${painted.hl}, field boxes ${JSON.stringify(painted.boxes)}); findings complete after ${elapsed} ms`);
    await page.close();
    expect(has(after, 'person-name', '山田 花子'), show(after)).toBe(true);
    expect(has(after, 'phone', '080-9876-5432'), show(after)).toBe(true);
    expect(has(after, 'password', 'Kq7#vR2m!xPz'), show(after)).toBe(true);
    expect(elapsed).toBeLessThanOrEqual(2500);
    expect(painted.hl, 'new text highlighted without a findings request').toBeGreaterThanOrEqual(highlightsBefore + 2);
    expect(painted.boxes, 'password field boxed without a findings request').toContain('critical');
  });

  it('paints visible highlights (screenshot in artifacts/highlight.png)', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/showcase.html'));
    const reply = await poll(
      () => browser.findings(page),
      (r) => r.findings.length >= 5,
      10_000,
    );
    console.log(`showcase findings:\n${show(reply)}`);
    // the picture first, so it is there to look at whatever fails below
    const out = path.join(ROOT, 'artifacts/highlight.png');
    mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out, fullPage: true });
    expect(statSync(out).size).toBeGreaterThan(5000);
    for (const [kind, text] of [
      ['person-name', '山田 花子'],
      ['phone', '090-1234-5678'],
      ['email', 'hanako.yamada@example-mail.jp'],
      ['password', 'Osaka#2023pw'],
      ['password', 'NNf&A2Fn7dp'],
    ]) {
      expect(has(reply, kind, text), `${kind} ${text}\n${show(reply)}`).toBe(true);
    }
    const names = await page.evaluate(() => [...CSS.highlights.keys()]);
    console.log(`CSS.highlights: ${JSON.stringify(names)}; sizes ${JSON.stringify(await highlightSizes(page))}; field boxes ${JSON.stringify(await fieldBoxes(page))}`);
    expect(names.filter((n) => /^sumi-(critical|high|medium|low)$/.test(n)).length).toBeGreaterThan(0);
    expect(names).toContain('sumi-critical');
    expect(await fieldBoxes(page)).toContain('critical');
    // a ::highlight rule for every severity is in the page's style sheets
    const rules = await page.evaluate(() =>
      [...document.adoptedStyleSheets, ...document.styleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).filter((t) => t.includes('::highlight(sumi-')),
    );
    expect(rules.length).toBeGreaterThanOrEqual(4);
    await page.close();
  });

  it('Alt+Shift+N steps to the next finding and names its kind in a tooltip', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/showcase.html'));
    const reply = await poll(
      () => browser.findings(page),
      (r) => r.findings.length >= 5,
      10_000,
    );
    const lang = (await page.evaluate(() => navigator.language)).toLowerCase().startsWith('ja') ? 'ja' : 'en';
    const tooltip = () =>
      page.evaluate(() => {
        const tip = document.querySelector('sumi-overlay[data-sumi-host]')?.shadowRoot?.querySelector<HTMLElement>('[role=tooltip]');
        return tip ? { text: tip.textContent ?? '', hidden: tip.hidden, visible: tip.checkVisibility() } : null;
      });
    expect((await tooltip())?.visible ?? false).toBe(false);

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    for (let i = 0; i < 2; i++) {
      await page.keyboard.press('Alt+Shift+N');
      const expected = KIND_NAMES[reply.findings[i].kind as Kind][lang];
      const tip = await poll(tooltip, (t) => !!t?.visible && t.text.includes(expected), 2000, 50);
      console.log(`Alt+Shift+N #${i + 1}: ${JSON.stringify(tip)} (finding ${reply.findings[i].kind} ${JSON.stringify(reply.findings[i].text)})`);
      expect(tip?.visible).toBe(true);
      expect(tip?.text).toContain(expected);
    }
    const current = await page.evaluate(() => CSS.highlights.get('sumi-current')?.size ?? 0);
    expect(current).toBe(1);
    await page.close();
  });

  it('sends nothing anywhere but the local test server', async () => {
    // the recorder also sees the service worker's requests: prove it with one of our own
    const canary = server.url('/canary-from-worker');
    await (await browser.worker()).evaluate(async (u) => void (await fetch(u).catch(() => null)), canary);
    for (const p of [`/shared/corpus/${D04}`, '/showcase.html']) {
      const page = await browser.context.newPage();
      await page.goto(server.url(p));
      await page.waitForTimeout(1500);
      await browser.findings(page);
      await page.close();
    }
    const local = (u: string) => u.startsWith(server.origin + '/') || /^(chrome-extension|data|blob|about):/.test(u);
    console.log(`requests seen: ${requests.length}, e.g. ${JSON.stringify([...new Set(requests)].slice(0, 5))}`);
    expect(requests, 'the recorder saw the worker canary').toContain(canary);
    expect(requests.filter((u) => !local(u))).toEqual([]);
  });
});
