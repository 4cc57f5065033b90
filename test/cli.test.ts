// The command line end to end: real files in, JSON Lines and exit codes out.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, copyFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { CORPUS, EVAL, jsonLines, sumi } from './cli-helpers.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'sumi-cli-'));

describe('sumi scan', () => {
  it('prints one JSON line per file with findings and exits 1', () => {
    const dir = tmp();
    const file = join(dir, 'note.txt');
    writeFileSync(file, 'ログインID：admin01\nパスワード：Kt9#wLp2vQ\n連絡先 090-1234-5678\n');
    const r = sumi(['scan', '--json', file]);
    expect(r.status).toBe(1);
    const [line] = jsonLines(r.stdout) as {
      file: string;
      type: string;
      pages: number;
      ocrPages: number[];
      findings: { kind: string; text: string; page: number; start: number; end: number; severity: string; score: number }[];
    }[];
    expect(line.file).toBe(file);
    expect(line.type).toBe('text');
    expect(line.pages).toBe(1);
    expect(line.ocrPages).toEqual([]);
    const byKind = Object.fromEntries(line.findings.map((f) => [f.kind, f]));
    expect(byKind.password.text).toBe('Kt9#wLp2vQ');
    expect(byKind.password.severity).toBe('critical');
    expect(byKind['login-id'].text).toBe('admin01');
    expect(byKind.phone.text).toBe('090-1234-5678');
    for (const f of line.findings) expect(f.end).toBeGreaterThan(f.start);
  });

  it('exits 0 on a clean file', () => {
    const dir = tmp();
    const file = join(dir, 'clean.txt');
    writeFileSync(file, '本日の会議では予算について協議した。\n');
    const r = sumi(['scan', '--json', file]);
    expect(r.status).toBe(0);
    expect(jsonLines(r.stdout)[0].findings).toEqual([]);
  });

  it('reports a missing or damaged file and still scans the others (exit 2)', () => {
    const dir = tmp();
    const bad = join(dir, 'broken.pdf');
    writeFileSync(bad, '%PDF-1.7\nthis is not really a pdf');
    const good = join(dir, 'good.txt');
    writeFileSync(good, 'パスワード：Abc12345x');
    const r = sumi(['scan', '--json', join(dir, 'missing.txt'), bad, good]);
    expect(r.status).toBe(2);
    const lines = jsonLines(r.stdout) as { file: string; error?: string; findings?: unknown[] }[];
    expect(lines).toHaveLength(3);
    expect(lines[0].error).toMatch(/not found/);
    expect(lines[1].error).toMatch(/damaged|corrupt/i);
    expect(lines[2].findings?.length).toBeGreaterThan(0);
  });

  it('prints a readable table without --json', () => {
    const dir = tmp();
    const file = join(dir, 'a.txt');
    writeFileSync(file, 'メール taro.yamada@city-office.jp');
    const r = sumi(['scan', file]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('email');
    expect(r.stdout).toContain('taro.yamada@city-office.jp');
  });

  it('scans a folder with everything under it that Sumi reads, in name order', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'b', 'deeper'), { recursive: true });
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, 'a.txt'), 'パスワード：Abc12345x');
    writeFileSync(join(dir, 'b', 'deeper', 'c.csv'), '氏名,電話番号\n山田 太郎,090-1234-5678\n');
    writeFileSync(join(dir, 'b', '.env'), 'DB_PASSWORD=Kt9#wLp2vQ\n');
    // tools' folders and files Sumi does not read are left out
    writeFileSync(join(dir, '.git', 'config.txt'), 'password = hunter2x9');
    writeFileSync(join(dir, 'b', 'photo.heic'), 'not read');
    const r = sumi(['scan', '--json', dir]);
    expect(r.status).toBe(1);
    const files = (jsonLines(r.stdout) as { file: string; findings: unknown[] }[]).map((l) => l.file.slice(dir.length + 1));
    expect(files).toEqual(['a.txt', join('b', '.env'), join('b', 'deeper', 'c.csv')]);
  });

  it('reads standard input for -', () => {
    const r = sumi(['scan', '--json', '-'], 'ログインID：admin01\nパスワード：Kt9#wLp2vQ\n');
    expect(r.status).toBe(1);
    const [line] = jsonLines(r.stdout) as { file: string; findings: { kind: string; text: string }[] }[];
    expect(line.file).toBe('-');
    expect(line.findings.map((f) => f.text)).toEqual(['admin01', 'Kt9#wLp2vQ']);
  });

  it('prints its help and version and exits 0', () => {
    const help = sumi(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('sumi scan [--json]');
    expect(help.stdout).toContain('--min-severity');
    expect(sumi(['scan', '--help']).status).toBe(0);
    const version = sumi(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^sumi \d+\.\d+\.\d+$/);
  });

  it('rejects bad usage with exit 2', () => {
    expect(sumi([]).status).toBe(2);
    expect(sumi(['scan']).status).toBe(2);
    expect(sumi(['frobnicate', 'x']).status).toBe(2);
    expect(sumi(['redact', 'in.pdf', 'out.pdf', '--min-severity', 'extreme']).status).toBe(2);
  });

  it('meets the corpus targets on the documents with text', () => {
    const dir = tmp();
    const files = readdirSync(CORPUS).filter((f) => !f.endsWith('.labels.json') && !f.endsWith('.md') && !f.includes('_scan'));
    for (const f of files) {
      copyFileSync(join(CORPUS, f), join(dir, f));
      copyFileSync(join(CORPUS, `${f}.labels.json`), join(dir, `${f}.labels.json`));
    }
    const r = sumi(['scan', '--json', ...files.map((f) => join(dir, f))]);
    const score = spawnSync(process.execPath, [join(EVAL, 'score.mjs'), dir], { input: r.stdout, encoding: 'utf8' });
    const last = score.stdout.trim().split('\n').pop()!;
    const m = /recall=([\d.]+) precision=([\d.]+) critical_recall=([\d.]+)/.exec(last);
    expect(m, score.stdout).not.toBeNull();
    const [recall, precision, critical] = m!.slice(1).map(Number);
    expect(critical, score.stdout).toBe(1);
    expect(recall, score.stdout).toBeGreaterThanOrEqual(0.95);
    expect(precision, score.stdout).toBeGreaterThanOrEqual(0.9);
  });
});
