// End-to-end harness: the built extension in Debian's Chromium (playwright-core,
// no browser download), a local fixture server on 127.0.0.1, and a way to ask a
// page's content script for its findings (CONTRACT.md §3) through the service worker.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { SHARED_CORPUS, SHARED_EVAL } from '../shared-dir.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The unpacked extension; SUMI_EXT points at another build (then nothing is built). */
export const EXT = process.env.SUMI_EXT ? path.resolve(process.env.SUMI_EXT) : path.join(ROOT, '.output/chrome-mv3');
export const CORPUS = SHARED_CORPUS;
export const SCORE = path.join(SHARED_EVAL, 'score.mjs');
export const FIXTURES = path.join(ROOT, 'test/e2e/fixtures');
export const CHROMIUM = process.env.SUMI_CHROMIUM ?? '/usr/bin/chromium';

/**
 * What goes into the extension; a build older than any of these is rebuilt. Every
 * folder the entry points reach must be here, or a change made only there (a word
 * in extension/i18n.ts) is tested against the old build.
 */
const SOURCES = [
  'entrypoints',
  'highlighter',
  'core',
  'engine',
  'detectors',
  'components',
  'documents',
  'layout',
  'pages',
  'review',
  'export',
  'pipeline',
  'panel',
  'ocr',
  'guard',
  'extension',
  'platform',
  'public',
  'wxt.config.ts',
  'package.json',
];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

/**
 * Builds `.output/chrome-mv3` when it is missing or older than its sources
 * (`npm test` builds first, so this is usually a no-op). SUMI_E2E_BUILD=always
 * forces a build, SUMI_E2E_BUILD=never (or SUMI_EXT=dir) uses whatever is there.
 */
export function ensureBuilt(extraSources: string[] = []): void {
  const manifest = path.join(EXT, 'manifest.json');
  const mode = process.env.SUMI_EXT ? 'never' : (process.env.SUMI_E2E_BUILD ?? 'auto');
  if (mode === 'never') {
    if (!existsSync(manifest)) throw new Error(`no built extension at ${EXT} (run npx wxt build)`);
    return;
  }
  const stale = !existsSync(manifest) || statSync(manifest).mtimeMs < Math.max(...[...SOURCES, ...extraSources].map((s) => newestMtime(path.join(ROOT, s))));
  if (mode !== 'always' && !stale) return;
  try {
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as { stdout?: Buffer; stderr?: Buffer };
    const out = `${e.stdout ?? ''}${e.stderr ?? ''}`.replace(/\x1b\[[\d;?]*[A-Za-z]/g, '');
    throw new Error(`npx wxt build failed:\n${out.slice(-3000)}`);
  }
  if (!existsSync(manifest)) throw new Error(`wxt build did not write ${manifest}`);
}

// ---------------------------------------------------------------- server

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

export interface FixtureServer {
  origin: string;
  /** Absolute URL of a path on this server. */
  url(p: string): string;
  /** Serves generated content at a path (takes precedence over files). */
  set(p: string, body: string | Buffer, type?: string): void;
  close(): Promise<void>;
}

function inside(base: string, rel: string): string | null {
  const file = path.resolve(base, '.' + path.posix.normalize('/' + rel));
  return file === base || file.startsWith(base + path.sep) ? file : null;
}

/** Handles a request itself (returns true) or leaves it to the static server (false). */
export type Route = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * node:http on 127.0.0.1, random port: `/shared/corpus/*` from ../shared/corpus, everything else from `dir`.
 * `route`, when given, sees every request first (e.g. `uploadRecorder().route` for POST /upload).
 */
export async function startServer(dir = FIXTURES, route?: Route): Promise<FixtureServer> {
  const generated = new Map<string, { body: string | Buffer; type: string }>();
  const server: Server = createServer((req, res) => {
    if (route?.(req, res)) return;
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const gen = generated.get(pathname);
    if (gen) {
      res.writeHead(200, { 'content-type': gen.type, 'cache-control': 'no-store' });
      res.end(gen.body);
      return;
    }
    const file = pathname.startsWith('/shared/corpus/') ? inside(CORPUS, pathname.slice('/shared/corpus'.length)) : inside(dir, pathname);
    if (!file || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fixture server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (p) => origin + (p.startsWith('/') ? p : '/' + p),
    set: (p, body, type = 'text/html; charset=utf-8') => void generated.set(p.startsWith('/') ? p : '/' + p, { body, type }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------- browser

export interface Finding {
  kind: string;
  text: string;
  severity: string;
}
export interface FindingsReply {
  findings: Finding[];
  scannedAt: number;
  paused?: boolean;
}

export interface SumiBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker (looked up again if Chromium restarted it). */
  worker(): Promise<Worker>;
  /** Asks the content script of `page`'s tab for its findings (`{type: 'sumi:findings'}`). */
  findings(page: Page): Promise<FindingsReply>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** navigator.language of the pages (the tooltip's language follows it). */
  locale?: string;
  /** the browser's own interface language (--lang): what browser.i18n and the extension's pages follow */
  lang?: string;
  viewport?: { width: number; height: number };
  /** no way out but 127.0.0.1: every other host goes to a dead proxy, so any outside fetch fails */
  offline?: boolean;
}

/** Chromium with only the built extension loaded, in a fresh profile. */
export async function launch(options: LaunchOptions = {}): Promise<SumiBrowser> {
  // let context.on('request') see the extension service worker's own fetches too
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS ??= '1';
  const profile = mkdtempSync(path.join(tmpdir(), 'sumi-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: options.locale ?? 'ja-JP',
    viewport: options.viewport ?? { width: 1100, height: 800 },
    args: [
      `--disable-extensions-except=${EXT}`,
      `--load-extension=${EXT}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-gpu',
      // the browser's own language follows the pages' unless a test sets it apart, as in a real browser
      // (Chromium's interface languages are plain `ja`, `en`: `ja-JP` would leave it, and browser.i18n, in English)
      `--lang=${options.lang ?? (options.locale ?? 'ja-JP').split('-')[0]}`,
      // loopback bypasses the proxy by default: only the test server stays reachable
      ...(options.offline ? ['--proxy-server=http://127.0.0.1:9'] : []),
    ],
  });
  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
  const worker = async (): Promise<Worker> => context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }));
  let sw: Worker;
  try {
    sw = await worker();
  } catch (err) {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`the extension's service worker did not start (is ${EXT} a built extension?): ${(err as Error).message}`);
  }
  const extensionId = new URL(sw.url()).host;

  async function findings(page: Page): Promise<FindingsReply> {
    const url = page.url();
    const ask = async (w: Worker) =>
      w.evaluate(async (target: string) => {
        type Tab = { id?: number; url?: string; active: boolean };
        const { chrome } = globalThis as unknown as {
          chrome: { tabs: { query(q: object): Promise<Tab[]>; sendMessage(id: number, m: object, o: object): Promise<unknown> } };
        };
        const tabs = await chrome.tabs.query({});
        // tab.url is visible through the content script's <all_urls> host access; fall back to the active tab
        const tab = tabs.find((t) => t.url === target) ?? (tabs.every((t) => t.url === undefined) ? tabs.find((t) => t.active) : undefined);
        if (tab?.id === undefined) throw new Error(`no tab for ${target} among ${JSON.stringify(tabs.map((t) => t.url))}`);
        return (await chrome.tabs.sendMessage(tab.id, { type: 'sumi:findings' }, { frameId: 0 })) as unknown;
      }, url);
    let reply: unknown;
    try {
      reply = await ask(sw);
    } catch (err) {
      // an idle MV3 worker may have been stopped and started again
      if (!/Target .*closed|has been closed|Execution context was destroyed/i.test(String(err))) throw err;
      sw = await worker();
      reply = await ask(sw);
    }
    if (!reply || typeof reply !== 'object' || !Array.isArray((reply as FindingsReply).findings)) {
      throw new Error(`sumi:findings answered ${JSON.stringify(reply)}`);
    }
    return reply as FindingsReply;
  }

  return {
    context,
    extensionId,
    worker: async () => (sw = await worker()),
    findings,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Polls `probe` until `done` holds or the time is up; returns the last value. */
export async function poll<T>(probe: () => Promise<T>, done: (v: T) => boolean, timeoutMs: number, intervalMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Sizes of the page's `sumi-*` CSS highlights (the main world sees the content script's registry). */
export function highlightSizes(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const [name, h] of CSS.highlights) if (name.startsWith('sumi-')) out[name] = h.size;
    return out;
  });
}

/** Field boxes drawn in Sumi's overlay (`<sumi-overlay data-sumi-host>`, open shadow root). */
export function fieldBoxes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('sumi-overlay[data-sumi-host]')?.shadowRoot;
    return root ? [...root.querySelectorAll<HTMLElement>('[data-sumi-field]')].map((b) => b.dataset.sumiField ?? '') : [];
  });
}

// ---------------------------------------------------------------- uploads

export interface ReceivedPart {
  field: string;
  filename?: string;
  data: Buffer;
}
export interface ReceivedUpload {
  path: string;
  contentType: string;
  /** body bytes received (the whole body once `complete`) */
  bytes: number;
  complete: boolean;
  parts: ReceivedPart[];
}
export interface UploadRecorder {
  /** Pass to startServer: records every POST under `prefix` (default /upload) and answers 200. */
  route: Route;
  uploads: ReceivedUpload[];
  /** Body bytes received so far by every recorded request, finished or not. */
  bytes(): number;
  /** The file parts (with a filename) of the finished uploads. */
  files(): ReceivedPart[];
  reset(): void;
}

/** The parts of a multipart/form-data body (enough for browsers' own encoders). */
export function parseMultipart(body: Buffer, contentType: string): ReceivedPart[] {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!m) return [];
  const delimiter = Buffer.from(`--${m[1] ?? m[2]}`);
  const parts: ReceivedPart[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    // CRLF after the delimiter, headers, blank line, content, CRLF before the next delimiter
    const chunk = body.subarray(start + 2, next - 2);
    const split = chunk.indexOf('\r\n\r\n');
    if (split >= 0) {
      const headers = chunk.subarray(0, split).toString('utf8');
      const field = /name="([^"]*)"/i.exec(headers)?.[1] ?? '';
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      parts.push({ field, filename, data: Buffer.from(chunk.subarray(split + 4)) });
    }
    at = next;
  }
  return parts;
}

/** Counts and keeps what arrives at POST /upload (or another prefix). */
export function uploadRecorder(prefix = '/upload'): UploadRecorder {
  const uploads: ReceivedUpload[] = [];
  const route: Route = (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method !== 'POST' || !pathname.startsWith(prefix)) return false;
    const record: ReceivedUpload = { path: req.url ?? '', contentType: String(req.headers['content-type'] ?? ''), bytes: 0, complete: false, parts: [] };
    uploads.push(record);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      chunks.push(c);
      record.bytes += c.length;
    });
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      record.parts = /multipart\/form-data/i.test(record.contentType) ? parseMultipart(body, record.contentType) : [{ field: '', data: body }];
      record.complete = true;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(`<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>受信</title></head><body><main><p>受信しました：${record.bytes} bytes</p></main></body></html>`);
    });
    return true;
  };
  return {
    route,
    uploads,
    bytes: () => uploads.reduce((n, u) => n + u.bytes, 0),
    files: () => uploads.filter((u) => u.complete).flatMap((u) => u.parts.filter((p) => p.filename !== undefined)),
    reset: () => void uploads.splice(0),
  };
}
