// npm run fuzz [-- --inputs N --seed S --seconds T --timeout-ms MS --out DIR]
//
// Mutates the corpus, the test documents and a few generated files of every
// format (bit flips, overwritten, deleted, inserted and repeated runs of bytes,
// truncation, splices of two files) and reads each result as every face does
// (./target.ts, in a worker thread). Reports how many inputs ran, how many
// crashed (an error other than Sumi's clear DocumentError), how many hung
// (no answer within the time limit: the worker is cut off and replaced) and
// the process's peak memory; every failing input is written to --out with
// its message, to become a regression test. Seeded: the same seed runs the
// same inputs.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { Outcome } from './target.ts';
import { random } from '../../bench/generate.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');

const { values } = parseArgs({
  options: {
    inputs: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    seconds: { type: 'string' },
    'timeout-ms': { type: 'string', default: '30000' },
    out: { type: 'string', default: path.join(ROOT, 'fuzz-failures') },
  },
});
const INPUTS = Number(values.inputs);
const TIMEOUT_MS = Number(values['timeout-ms']);
const DEADLINE = values.seconds ? Date.now() + Number(values.seconds) * 1000 : Infinity;

const rand = random(Number(values.seed));
const int = (n: number) => Math.floor(rand() * n);

interface Seed {
  name: string;
  bytes: Uint8Array;
}

/** Every seed file: the shared corpus, the test documents and pages, and a few made here. */
function seeds(): Seed[] {
  const out: Seed[] = [];
  const add = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const f of readdirSync(dir)) {
      const p = path.join(dir, f);
      if (f.endsWith('.labels.json') || f.endsWith('.ts') || !statSync(p).isFile() || statSync(p).size > 4 * 1024 * 1024) continue;
      out.push({ name: f, bytes: new Uint8Array(readFileSync(p)) });
    }
  };
  add(path.resolve(ROOT, '../shared/corpus'));
  add(path.join(ROOT, 'test/fixtures/generalise'));
  add(path.join(ROOT, 'test/e2e/fixtures'));
  const text = (name: string, s: string) => out.push({ name, bytes: new TextEncoder().encode(s) });
  text('made.csv', '氏名,電話,パスワード\n山田 太郎,090-1234-5678,Tokyo#2024pw\n"a,""b",x\n');
  text('made.txt', 'パスワード：Osaka#2023pw\nE-mail: a@example.jp\n個人番号 1234 5678 9018\n');
  text('made.html', '<!doctype html><table><tr><th>氏名</th><th>住所</th></tr><tr><td>佐藤 花子</td><td>宮城県北みなと市港南3丁目1番</td></tr></table>');
  text('made.json', '{"password": "S3cret!x", "user": "admin01", "list": [1, 2, {"token": "ghp_abc"}]}');
  return out;
}

const INTERESTING = [0x00, 0xff, 0x7f, 0x80, 0x25, 0x3c, 0x3e, 0x22, 0x0a, 0x0d, 0x30, 0x39, 0x2c, 0x09];

/** One to four random edits of a seed (and sometimes a piece of another). */
function mutate(bytes: Uint8Array, all: Seed[]): Uint8Array {
  let b: Uint8Array = Uint8Array.from(bytes);
  const edits = 1 + int(4);
  for (let e = 0; e < edits; e++) {
    const at = int(Math.max(1, b.length));
    switch (int(8)) {
      case 0: // flip bits
        for (let k = 0; k < 1 + int(8); k++) b[int(b.length)] ^= 1 << int(8);
        break;
      case 1: // overwrite with telling values
        for (let k = 0; k < 1 + int(16) && at + k < b.length; k++) b[at + k] = INTERESTING[int(INTERESTING.length)];
        break;
      case 2: {
        // delete a run
        const n = Math.min(b.length - at, 1 + int(256));
        b = concat(b.subarray(0, at), b.subarray(at + n));
        break;
      }
      case 3: {
        // insert random bytes
        const ins = new Uint8Array(1 + int(64));
        for (let k = 0; k < ins.length; k++) ins[k] = int(256);
        b = concat(b.subarray(0, at), ins, b.subarray(at));
        break;
      }
      case 4: {
        // repeat a run many times (a bomb in small)
        const n = Math.min(b.length - at, 1 + int(64));
        const run = b.slice(at, at + n);
        const times = 1 + int(200);
        b = concat(b.subarray(0, at), ...Array.from({ length: times }, () => run), b.subarray(at));
        break;
      }
      case 5: // truncate
        b = b.slice(0, at);
        break;
      case 6: {
        // splice in a piece of another file
        const other = all[int(all.length)].bytes;
        const from = int(Math.max(1, other.length));
        b = concat(b.subarray(0, at), other.subarray(from, from + 1 + int(512)), b.subarray(at));
        break;
      }
      default: // a random byte
        if (b.length) b[at] = int(256);
    }
    if (!b.length) b = new Uint8Array([int(256)]);
  }
  return b;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A worker running ./target.ts, TypeScript loaded through tsx's own hooks (a worker does not inherit the parent's). */
function startWorker(): Worker {
  const target = new URL('./target.ts', import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(target)}); });`, { eval: true });
}

/** Runs one input; resolves with its outcome, or 'hang' when the worker gives no answer in time (it is replaced). */
function runOne(state: { worker: Worker }, name: string, bytes: Uint8Array): Promise<{ outcome: Outcome; rss: number } | 'hang'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      state.worker.removeAllListeners();
      void state.worker.terminate();
      state.worker = startWorker();
      resolve('hang');
    }, TIMEOUT_MS);
    state.worker.once('message', (m: { outcome: Outcome; rss: number }) => {
      clearTimeout(timer);
      state.worker.removeAllListeners('error');
      resolve(m);
    });
    state.worker.once('error', (err) => {
      // the worker itself died (out of memory, a native crash): a crash, and a fresh worker
      clearTimeout(timer);
      state.worker.removeAllListeners();
      state.worker = startWorker();
      resolve({ outcome: { ok: false, clear: false, message: `worker died: ${String(err)}` }, rss: 0 });
    });
    state.worker.postMessage({ name, bytes });
  });
}

async function main(): Promise<void> {
  const all = seeds();
  if (!all.length) throw new Error('no seed files found');
  const state = { worker: startWorker() };
  const started = Date.now();
  let ran = 0;
  let crashes = 0;
  let hangs = 0;
  let clear = 0;
  let peak = process.memoryUsage().rss;
  for (; ran < INPUTS && Date.now() < DEADLINE; ran++) {
    const seed = all[int(all.length)];
    const bytes = mutate(seed.bytes, all);
    const result = await runOne(state, seed.name, bytes);
    if (result !== 'hang') {
      peak = Math.max(peak, result.rss);
      if (!result.outcome.ok && result.outcome.clear) clear++;
    }
    const failed = result === 'hang' ? 'hang' : !result.outcome.ok && !result.outcome.clear ? 'crash' : null;
    if (!failed) continue;
    if (failed === 'hang') hangs++;
    else crashes++;
    mkdirSync(values.out!, { recursive: true });
    const base = path.join(values.out!, `${failed}-${ran}-${seed.name}`);
    writeFileSync(base, bytes);
    writeFileSync(`${base}.txt`, result === 'hang' ? `no answer within ${TIMEOUT_MS} ms\n` : `${result.outcome.ok ? '' : result.outcome.message}\n`);
    console.error(`${failed}: ${seed.name} (input ${ran}) → ${base}${result === 'hang' ? '' : `: ${!result.outcome.ok ? result.outcome.message : ''}`}`);
  }
  await state.worker.terminate();
  const seconds = (Date.now() - started) / 1000;
  console.log(`inputs=${ran} crashes=${crashes} hangs=${hangs} clear_errors=${clear} peak_mb=${Math.round(peak / 1048576)} seconds=${seconds.toFixed(0)}`);
  process.exitCode = crashes || hangs ? 1 : 0;
}

await main();
