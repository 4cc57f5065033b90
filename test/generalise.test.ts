// Scores the engine on documents its detectors were not written against
// (test/fixtures/generalise: labelled like the shared corpus), with the real
// scorer, so that overfitting the corpus shows up as a drop here.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanFile } from '../cli/scan.ts';
import { EVAL, ROOT } from './cli-helpers.ts';

const SET = join(ROOT, 'test', 'fixtures', 'generalise');
// the shared scorer (test/shared-dir.ts finds ../shared, also from a git worktree)
const SCORER = [join(EVAL, 'score.mjs')].find((f) => existsSync(f))!;
const DOCUMENTS = readdirSync(SET)
  .filter((f) => /^g\d+_/.test(f) && !f.endsWith('.labels.json'))
  .sort();

/** The scorer's last line as numbers, and the lines above it (misses and false positives). */
function score(jsonl: string): { metrics: Record<string, number>; report: string } {
  const r = spawnSync(process.execPath, [SCORER, SET], { input: jsonl, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const lines = r.stdout.trimEnd().split('\n');
  const metrics = Object.fromEntries(
    lines.at(-1)!.split(' ').map((kv) => kv.split('=')).map(([k, v]) => [k, Number(v)]),
  );
  return { metrics, report: r.stdout };
}

describe('generalisation set', () => {
  it('has the shared scorer and every document labelled, in every format the readers take', () => {
    expect(SCORER, 'score.mjs of ../shared/eval').toBeDefined();
    expect(DOCUMENTS.length).toBeGreaterThanOrEqual(12);
    const labelled = new Set(readdirSync(SET).filter((f) => f.endsWith('.labels.json')).map((f) => f.replace(/\.labels\.json$/, '')));
    expect(DOCUMENTS.filter((d) => !labelled.has(d))).toEqual([]);
    expect(new Set(DOCUMENTS.map((d) => d.split('.').pop()))).toEqual(new Set(['txt', 'md', 'csv', 'html', 'xlsx', 'docx']));
  });

  it('finds every critical item and keeps recall and precision at 0.99 or more (1.000 when last tuned)', async () => {
    const results = [];
    for (const doc of DOCUMENTS) results.push(await scanFile(join(SET, doc)));
    expect(results.filter((r) => r.error)).toEqual([]);
    const { metrics, report } = score(results.map((r) => JSON.stringify(r)).join('\n'));
    expect(metrics.files, report).toBe(DOCUMENTS.length);
    expect(metrics.critical_recall, report).toBe(1);
    expect(metrics.recall, report).toBeGreaterThanOrEqual(0.99);
    expect(metrics.precision, report).toBeGreaterThanOrEqual(0.99);
  });
});
