// A short, seeded run of the fuzz suite (test/fuzz/fuzz.ts; `npm run fuzz` runs
// 10,000 inputs): mutated files of every format are read without a crash (an
// error other than a clear DocumentError) or a hang, in bounded memory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('fuzz suite (short run)', () => {
  it('reads 200 mutated inputs with no crash, no hang and under 1.5 GB', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'sumi-fuzz-'));
    try {
      const run = spawnSync('npx', ['tsx', 'test/fuzz/fuzz.ts', '--inputs', '200', '--seed', '20261204', '--timeout-ms', '30000', '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 });
      const last = run.stdout.trim().split('\n').pop() ?? '';
      const report = `${last}\n${run.stderr.slice(-2000)}`;
      const m = /inputs=(\d+) crashes=(\d+) hangs=(\d+) clear_errors=(\d+) peak_mb=(\d+)/.exec(last);
      expect(m, report).not.toBeNull();
      const [, inputs, crashes, hangs, , peak] = m!.map(Number);
      expect(inputs).toBe(200);
      expect(crashes, report).toBe(0);
      expect(hangs, report).toBe(0);
      expect(peak, report).toBeLessThanOrEqual(1536);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 620_000);
});
