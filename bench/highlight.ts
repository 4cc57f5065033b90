// bench highlight: the content script in Chromium on a generated 1 MB text page.
// Times run from "DOM ready" (domContentLoadedEventStart): the document is parsed and
// the content script can read all of it. Before that the browser is fetching and
// parsing 1 MB of HTML (0.4–1.6 s here), which no extension can shorten; the detail
// lines also give every time from navigation start.
// first_ms: DOM ready → the first sumi-* highlight is registered;
// all_ms: DOM ready → the scan that painted every finding completed
// (the `scannedAt` of the sumi:findings answer);
// longest_task_ms: the longest long task after the page's own parsing (DOMContentLoaded;
// the page has no script, so these are Sumi's — a run without the extension is printed for comparison);
// findings: what sumi:findings reports. Median of RUNS page loads.
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, ensureBuilt, launch, poll, startServer } from '../test/e2e/harness.ts';
import { random } from './generate.ts';

const TARGET_BYTES = 1024 * 1024;
const RUNS = Number(process.env.SUMI_BENCH_RUNS ?? 5);
/** Highlights unchanged for this long count as final. */
const STABLE_MS = 2000;

const PROSE = [
  '本日の会議では、地域医療連携システムの試行環境の運用について協議した。',
  '各課の担当者は、次回までに資料を取りまとめ、所管課へ提出すること。',
  '市民からの問い合わせについては、受付後三日以内に回答するものとする。',
  'The committee reviewed the annual budget and approved the revised schedule.',
  'Please submit the application form together with the required documents by the deadline.',
  '令和6年度の事業計画について、事務局から説明があり、了承された。',
  'サーバ移行作業は夜間に実施し、業務への影響を最小限にとどめる。',
  'Version 2.4.1 of the reporting tool was released on the intranet portal.',
  '予算額は1,234,567円であり、前年度比で3.2%の増加となった。',
];
const FAMILY = ['山本', '佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '中村', '小林', '加藤'];
const GIVEN = ['花子', '拓也', '愛', '幸雄', '美穂', '誠', '千代子', '健一', '芽衣', '一郎'];

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** About 1 MB of HTML: paragraphs of prose with labelled personal data and secrets, and staff tables. */
export function generatePage(bytes = TARGET_BYTES, seed = 7): { html: string; planted: number } {
  const r = random(seed);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)];
  const digits = (n: number) => String(Math.floor(r() * 10 ** n)).padStart(n, '0');
  const name = () => `${pick(FAMILY)} ${pick(GIVEN)}`;
  const phone = () => `090-${digits(4)}-${digits(4)}`;
  const email = () => `user${digits(5)}@example-mail.jp`;
  const password = () => `Pw#${digits(6)}x${pick(['Q', 'z', 'K'])}`;
  const parts: string[] = [];
  let size = 0;
  let planted = 0;
  let block = 0;
  while (size < bytes) {
    let html: string;
    if (block++ % 10 === 9) {
      const rows: string[] = [];
      for (let i = 0; i < 15; i++) {
        rows.push(`<tr><td>${i + 1}</td><td>${esc(name())}</td><td>${phone()}</td><td>${email()}</td><td>${esc(pick(PROSE).slice(0, 24))}</td></tr>`);
        planted += 3;
      }
      html = `<table><thead><tr><th>No.</th><th>氏名</th><th>電話</th><th>メール</th><th>備考</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>\n`;
    } else {
      const sentences: string[] = [];
      for (let i = 0; i < 8; i++) {
        const x = r();
        if (x < 0.06) {
          sentences.push(`氏名：${name()}　電話 ${phone()}。`);
          planted += 2;
        } else if (x < 0.1) {
          sentences.push(`連絡先 ${email()}。`);
          planted += 1;
        } else if (x < 0.13) {
          sentences.push(`ログインID：staff${digits(5)}　パスワード：${password()}。`);
          planted += 2;
        } else sentences.push(pick(PROSE));
      }
      html = `<p>${esc(sentences.join(' '))}</p>\n`;
    }
    parts.push(html);
    size += Buffer.byteLength(html);
  }
  const head =
    '<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>生成ページ</title>' +
    '<style>body{font-family:"Noto Sans CJK JP",sans-serif;margin:16px;font-size:14px} td,th{border:1px solid #aaa;padding:2px 4px} table{border-collapse:collapse;margin:8px 0}</style></head><body>\n';
  return { html: head + parts.join('') + '</body></html>\n', planted };
}

/**
 * Installed in the page's main world before any of its scripts. A string, not a
 * function: tsx's compiled functions call helpers (__name) the page does not have.
 */
const INSTRUMENT = `(() => {
  const state = { first: -1, last: -1, total: 0, sumiSeen: -1, longtasks: [], loafs: [] };
  window.__sumiBench = state;
  // asks the content script for its sumi:* performance marks (highlighter/profile.ts)
  performance.mark('sumi:profile');
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        state.loafs.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration, render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
          scripts: (e.scripts || []).map((s) => (s.sourceURL || '?').split('/').pop() + ' ' + s.invoker + ' ' + Math.round(s.duration) + 'ms') });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
  // CSS.highlights is the document's registry: the content script's highlights show here
  setInterval(() => {
    // the content script's first visible act: it adopts its ::highlight style sheet
    if (state.sumiSeen < 0 && document.adoptedStyleSheets.length) state.sumiSeen = performance.now();
    let total = 0;
    CSS.highlights.forEach((h, name) => { if (name.startsWith('sumi-') && name !== 'sumi-current') total += h.size; });
    if (total !== state.total) {
      state.total = total;
      state.last = performance.now();
      if (state.first < 0 && total > 0) state.first = state.last;
    }
  }, 5);
})();`;

interface BenchState {
  sumiSeen: number;
  first: number;
  last: number;
  total: number;
  longtasks: { start: number; duration: number }[];
  marks: { name: string; start: number }[];
  loafs: { start: number; duration: number; blocking: number; render: number; scripts: string[] }[];
}

interface RunResult {
  /** the longest animation frame after DOMContentLoaded: its tasks and the rendering after them (where the browser builds the highlights) together */
  frame: number;
  first: number;
  all: number;
  longest: number;
  findings: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const ms = (x: number) => x.toFixed(0);

interface Timing {
  origin: number;
  load: number;
  dcl: number;
  /** domContentLoadedEventStart: the document is parsed, the DOM is ready for the content script */
  ready: number;
}
const navTiming = (page: Page): Promise<Timing> =>
  page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { origin: performance.timeOrigin, load: n?.loadEventEnd ?? 0, dcl: n?.domContentLoadedEventEnd ?? 0, ready: n?.domContentLoadedEventStart ?? 0 };
  });
const benchState = (page: Page) =>
  page.evaluate(() => ({
    ...(window as unknown as { __sumiBench: BenchState }).__sumiBench,
    marks: performance
      .getEntriesByType('mark')
      .filter((m) => m.name.startsWith('sumi:') && m.name !== 'sumi:profile')
      .map((m) => ({ name: m.name.slice(5), start: m.startTime })),
    now: performance.now(),
  }));

/** The same page in Chromium without the extension: what the page's own long tasks look like. */
async function baseline(url: string): Promise<string> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(INSTRUMENT);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForTimeout(STABLE_MS + 1000);
    const s = await benchState(page);
    const nav = await navTiming(page);
    const longest = (from: number) => ms(Math.max(0, ...s.longtasks.filter((t) => t.start >= from).map((t) => t.duration)));
    const tasks = JSON.stringify(s.longtasks.map((t) => [Math.round(t.start), Math.round(t.duration)]));
    return `without Sumi: DOMContentLoaded ${ms(nav.dcl)} ms, load ${ms(nav.load)} ms, long tasks ${tasks}, longest after DOMContentLoaded ${longest(nav.dcl)} ms`;
  } finally {
    await browser.close();
  }
}

export async function run(): Promise<string> {
  ensureBuilt();
  const { html, planted } = generatePage();
  console.error(`  page: ${(Buffer.byteLength(html) / 1024 / 1024).toFixed(2)} MB HTML, ${planted} planted values`);
  const server = await startServer();
  server.set('/big.html', html);
  const url = server.url('/big.html');
  const results: RunResult[] = [];
  try {
    console.error(`  ${await baseline(url)}`);
    const browser = await launch({ viewport: { width: 1280, height: 900 } });
    try {
      await browser.context.addInitScript(INSTRUMENT);
      for (let i = 0; i < RUNS; i++) {
        const page = await browser.context.newPage();
        await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
        const stable = await poll(
          () => benchState(page),
          (s) => s.first >= 0 && s.now - s.last > STABLE_MS,
          120_000,
          250,
        );
        if (stable.first < 0) throw new Error('no sumi-* highlight appeared within 120 s');
        const reply = await browser.findings(page);
        const s = await benchState(page);
        const nav = await navTiming(page);
        // the page has no script and is parsed by DOMContentLoaded: later long tasks are Sumi's
        // (document_idle content scripts start after DOMContentLoaded; the baseline shows the page alone)
        const ours = s.longtasks.filter((t) => t.start >= nav.dcl);
        const worstLoaf = Math.max(0, ...s.loafs.filter((l) => l.start >= nav.dcl).map((l) => l.duration));
        const allFromNavigation = reply.scannedAt - nav.origin;
        const result: RunResult = {
          frame: worstLoaf,
          first: s.first - nav.ready,
          all: allFromNavigation - nav.ready,
          longest: Math.max(0, ...ours.map((t) => t.duration)),
          findings: reply.findings.length,
        };
        results.push(result);
        const marks = s.marks.map((m) => `${m.name} ${ms(m.start - nav.ready)}`).join(', ');
        console.error(
          `  run ${i + 1} (ms from navigation start): DOM ready ${ms(nav.ready)}, DOMContentLoaded end ${ms(nav.dcl)}, load ${ms(nav.load)}, Sumi seen ${ms(s.sumiSeen)}, first highlight ${ms(s.first)}, ` +
            `scan done ${ms(allFromNavigation)} (last highlight change seen ${ms(s.last)}); long tasks ${JSON.stringify(s.longtasks.map((t) => [Math.round(t.start), Math.round(t.duration)]))}, ` +
            `longest of Sumi's ${ms(result.longest)}, worst animation frame ${ms(worstLoaf)}; findings ${result.findings}, highlighted ranges ${s.total}` +
            (marks ? `\n    content script (ms from DOM ready): ${marks}` : '') +
            s.loafs
              .filter((l) => l.start >= nav.ready && l.blocking > 0)
              .map((l) => `\n    long frame at ${ms(l.start - nav.ready)}: ${ms(l.duration)} ms, rendering ${ms(l.render)} ms, scripts ${l.scripts.join('; ') || 'none'}`)
              .join(''),
        );
        if (s.total !== result.findings) console.error(`  note: ${result.findings} findings but ${s.total} highlighted ranges`);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
  const m = (k: keyof RunResult) => Math.round(median(results.map((r) => r[k])));
  console.error(`  worst animation frame after DOMContentLoaded (long-animation-frame: tasks and rendering together): median ${m('frame')} ms`);
  return `first_ms=${m('first')} all_ms=${m('all')} longest_task_ms=${m('longest')} findings=${m('findings')}`;
}
