// OCR never reaches the network: no request from the main thread (hooks in
// this process), none from any thread of a child process (hooks preloaded into
// every thread), and no IP socket connect at the system-call level (strace,
// where installed).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import dns from 'node:dns';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ocrImage } from '../../ocr/ocr-document.ts';
import { nodePlatform } from '../../platform/node.ts';
import { grayTiff, pngToGray, renderTestPage, renderVerticalPage } from './fixtures.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sumi-ocr-net-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function testImage(): Uint8Array {
  return renderTestPage([{ text: '電話 090-1234-5678 E-mail: taro@example-city.jp', x: 40, baseline: 80, size: 50 }], { width: 1400, height: 130 }).png;
}

describe('OCR makes no network request', () => {
  it('in this process (fetch, http, https, net, tls, dns are watched)', async () => {
    const calls: string[] = [];
    const saved = {
      fetch: globalThis.fetch,
      httpRequest: http.request,
      httpGet: http.get,
      httpsRequest: https.request,
      httpsGet: https.get,
      netConnect: net.connect,
      netCreateConnection: net.createConnection,
      socketConnect: net.Socket.prototype.connect,
      tlsConnect: tls.connect,
      dnsLookup: dns.lookup,
    };
    const watch =
      (name: string) =>
      (...args: unknown[]): never => {
        calls.push(`${name} ${String(args[0])}`);
        throw new Error(`network access attempted: ${name}`);
      };
    globalThis.fetch = watch('fetch') as typeof fetch;
    http.request = watch('http.request') as typeof http.request;
    http.get = watch('http.get') as typeof http.get;
    https.request = watch('https.request') as typeof https.request;
    https.get = watch('https.get') as typeof https.get;
    net.connect = watch('net.connect') as typeof net.connect;
    net.createConnection = watch('net.createConnection') as typeof net.createConnection;
    net.Socket.prototype.connect = watch('Socket.connect') as typeof net.Socket.prototype.connect;
    tls.connect = watch('tls.connect') as typeof tls.connect;
    dns.lookup = watch('dns.lookup') as unknown as typeof dns.lookup;
    try {
      const doc = await ocrImage(testImage(), nodePlatform, { workers: 1 });
      expect(doc.pages[0].text.normalize('NFKC')).toContain('090-1234-5678');
    } finally {
      globalThis.fetch = saved.fetch;
      http.request = saved.httpRequest;
      http.get = saved.httpGet;
      https.request = saved.httpsRequest;
      https.get = saved.httpsGet;
      net.connect = saved.netConnect;
      net.createConnection = saved.netCreateConnection;
      net.Socket.prototype.connect = saved.socketConnect;
      tls.connect = saved.tlsConnect;
      dns.lookup = saved.dnsLookup;
    }
    expect(calls).toEqual([]);
  }, 120_000);

  it("in any thread of a child process, down to the system calls (the vertical model's worker too)", async () => {
    // a page across and a column of vertical writing: both of an engine's workers start
    const across = await pngToGray(testImage());
    const down = await pngToGray(renderVerticalPage([{ text: '電話：090-1234-5678', cx: 200, top: 60, size: 50 }], { width: 400, height: 1200 }).png);
    const image = join(dir, 'pages.tif');
    writeFileSync(image, grayTiff([across, down], 300));
    const guardLog = join(dir, 'guard.log');
    const straceLog = join(dir, 'strace.log');
    writeFileSync(guardLog, '');
    const node = [process.execPath, '--import', 'tsx', '--import', join(ROOT, 'test/ocr/net-guard.mjs'), join(ROOT, 'test/ocr/ocr-child.ts'), image];
    const strace = existsSync('/usr/bin/strace') && spawnSync('/usr/bin/strace', ['-V']).status === 0;
    const [cmd, ...args] = strace ? ['/usr/bin/strace', '-f', '-qq', '-e', 'trace=connect', '-o', straceLog, ...node] : node;
    const run = spawnSync(cmd, args, { cwd: ROOT, env: { ...process.env, NET_GUARD_LOG: guardLog }, encoding: 'utf8', timeout: 110_000 });
    expect(run.status, run.stderr).toBe(0);
    const { text } = JSON.parse(run.stdout.trim().split('\n').pop()!);
    expect(text.normalize('NFKC').split('090-1234-5678').length - 1).toBe(2);
    expect(readFileSync(guardLog, 'utf8')).toBe('');
    if (strace) {
      const connects = readFileSync(straceLog, 'utf8')
        .split('\n')
        .filter((l) => /connect\(/.test(l) && /AF_INET6?\b/.test(l));
      expect(connects).toEqual([]);
    }
  }, 120_000);
});
