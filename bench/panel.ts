// `npm run -s bench -- panel`: the redaction panel in Chromium opening a
// generated 100-page text PDF — when page 1 is drawn, when the first findings
// are shown (the findings of the pages read so far, while the rest is read),
// and when the whole review is listed. Median of RUNS runs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureBuilt, launch, type SumiBrowser } from '../test/e2e/harness.ts';
import { longPdf } from '../test/fixtures/long-pdf.ts';

const RUNS = Number(process.env.SUMI_BENCH_RUNS ?? 3);
const PAGES = 100;

interface Times {
  firstPage: number;
  firstFindings: number;
  all: number;
}

async function measure(browser: SumiBrowser, file: string): Promise<Times> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/redact.html`);
    await page.evaluate(() => {
      const w = window as unknown as { times: Partial<Record<'firstPage' | 'firstFindings' | 'all', number>>; t0?: number };
      w.times = {};
      // from the moment the file is chosen (listened to on the document: the panel may render its input anew);
      // polled on a timer, since animation frames wait while the page is busy
      document.addEventListener(
        'change',
        (e) => {
          if (!(e.target as HTMLElement).matches('input[type=file]') || w.t0 !== undefined) return;
          const t0 = performance.now();
          w.t0 = t0;
          const timer = setInterval(() => {
            const at = performance.now() - t0;
            if (w.times.firstPage === undefined && document.querySelector('.page canvas[data-drawn]')) w.times.firstPage = at;
            if (w.times.firstFindings === undefined && document.querySelector('aside.early li, aside li.group')) w.times.firstFindings = at;
            if (w.times.all === undefined && document.querySelector('aside li.group')) w.times.all = at;
            if (w.times.all !== undefined && w.times.firstPage !== undefined) clearInterval(timer);
          }, 5);
        },
        true,
      );
    });
    await page.locator('input[type=file]').setInputFiles(file);
    const done = () => page.evaluate(() => (window as unknown as { times: Partial<Times> }).times);
    const deadline = Date.now() + 300_000;
    let times = await done();
    while (times.all === undefined || times.firstPage === undefined) {
      if (Date.now() > deadline) throw new Error(`the panel did not list the findings in 300 s: ${JSON.stringify(times)}`);
      await page.waitForTimeout(50);
      times = await done();
    }
    return times as Times;
  } finally {
    await page.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(): Promise<string> {
  ensureBuilt(['panel', 'review', 'export', 'ocr']);
  const dir = mkdtempSync(path.join(tmpdir(), 'sumi-bench-panel-'));
  const file = path.join(dir, `report-${PAGES}p.pdf`);
  writeFileSync(file, await longPdf(PAGES));
  const browser = await launch({ viewport: { width: 1400, height: 1000 } });
  const runs: Times[] = [];
  try {
    for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, file));
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const lines = runs.map((r, i) => `run ${i + 1}: page 1 drawn ${Math.round(r.firstPage)} ms, first findings ${Math.round(r.firstFindings)} ms, all listed ${Math.round(r.all)} ms`);
  const pick = (k: keyof Times) => Math.round(median(runs.map((r) => r[k])));
  lines.push(`first_page_ms=${pick('firstPage')} first_findings_ms=${pick('firstFindings')} all_findings_ms=${pick('all')} pages=${PAGES}`);
  return lines.join('\n');
}
