// Masked export end to end: `sumi redact` output checked by the independent
// checker (pdftotext, metadata, raw objects, OCR of the pixels).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { jsonLines, sumi } from './cli-helpers.ts';
import { CORPUS } from './documents/helpers.ts';
import { grayTiff } from './ocr/fixtures.ts';

/** A binary PGM (pdftoppm -gray) as width, height and grey samples. */
function pgm(bytes: Buffer): { width: number; height: number; data: Uint8Array } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  return { width: Number(header[1]), height: Number(header[2]), data: new Uint8Array(bytes.subarray(header[0].length)) };
}

// the shared corpus and checker by absolute path, so the test also runs in a worktree
const EVAL = join(CORPUS, '..', 'eval');

const tmp = () => mkdtempSync(join(tmpdir(), 'sumi-redact-'));

describe('sumi redact', () => {
  it('masks the meeting minutes so that nothing masked can be recovered', () => {
    const input = join(CORPUS, 'd01_meeting-minutes.pdf');
    const out = join(tmp(), 'out.pdf');
    const r = sumi(['redact', input, out]);
    expect(r.status, r.stderr).toBe(0);
    const [line] = jsonLines(r.stdout) as { output: string; pages: number; masked: number; findings: { text: string }[] }[];
    expect(line.pages).toBe(2);
    expect(line.masked).toBeGreaterThan(10);
    const check = spawnSync('bash', [join(EVAL, 'check-redaction.sh'), input, out, `${input}.labels.json`], { encoding: 'utf8', timeout: 180_000 });
    expect(check.stdout.trim().split('\n').pop(), check.stdout).toMatch(/leaked=0 .* ok$/);

    // the log lists every mask with page, kind and reason, and never the masked text
    const log = readFileSync(`${out}.log.json`, 'utf8');
    const parsed = JSON.parse(log) as { masks: { page: number; kind: string; reason: string }[] };
    expect(parsed.masks.length).toBe(line.masked);
    expect(parsed.masks.every((m) => m.page >= 1 && m.kind && m.reason.startsWith('5条'))).toBe(true);
    for (const f of line.findings) expect(log).not.toContain(f.text);
    // the CSV opens in Excel on Japanese Windows as UTF-8: a byte-order mark first
    const csv = readFileSync(`${out}.log.csv`);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain('5条');
  });

  it('keeps only the chosen kinds and severities', () => {
    const input = join(CORPUS, 'd01_meeting-minutes.pdf');
    const out = join(tmp(), 'out.pdf');
    const r = sumi(['redact', input, out, '--kinds', 'password,login-id', '--min-severity', 'critical']);
    expect(r.status, r.stderr).toBe(0);
    const [line] = jsonLines(r.stdout) as { findings: { kind: string }[] }[];
    expect(new Set(line.findings.map((f) => f.kind))).toEqual(new Set(['password', 'login-id']));
  });

  it('masks a scanned PDF through OCR (d02) so the checker finds nothing', () => {
    const input = join(CORPUS, 'd02_application-form_scan.pdf');
    const out = join(tmp(), 'out.pdf');
    const r = sumi(['redact', input, out]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const check = spawnSync('bash', [join(EVAL, 'check-redaction.sh'), input, out, `${input}.labels.json`], { encoding: 'utf8', timeout: 180_000 });
    expect(check.stdout.trim().split('\n').pop(), check.stdout).toMatch(/leaked=0 .* ok$/);
  });

  it('masks a PNG scan into a one-page PDF', () => {
    const dir = tmp();
    const png = join(dir, 'scan.png');
    spawnSync('pdftoppm', ['-r', '150', '-png', '-singlefile', join(CORPUS, 'd02_application-form_scan.pdf'), join(dir, 'scan')]);
    const out = join(dir, 'out.pdf');
    const r = sumi(['redact', png, out]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const [line] = jsonLines(r.stdout) as { pages: number; findings: { kind: string }[] }[];
    expect(line.pages).toBe(1);
    expect(line.findings.map((f) => f.kind)).toContain('my-number');
    const check = spawnSync('bash', [join(EVAL, 'check-redaction.sh'), png, out, join(CORPUS, 'd02_application-form_scan.pdf.labels.json')], { encoding: 'utf8', timeout: 180_000 });
    expect(check.stdout.trim().split('\n').pop(), check.stdout).toMatch(/leaked=0 .* ok$/);
  });

  it('masks every page of a multi-page TIFF scan', () => {
    const dir = tmp();
    spawnSync('pdftoppm', ['-r', '150', '-gray', '-singlefile', join(CORPUS, 'd02_application-form_scan.pdf'), join(dir, 'scan')]);
    const page = pgm(readFileSync(join(dir, 'scan.pgm')));
    const tif = join(dir, 'fax.tif');
    writeFileSync(tif, grayTiff([page, page], 150));
    const out = join(dir, 'out.pdf');
    const r = sumi(['redact', tif, out]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const [line] = jsonLines(r.stdout) as { pages: number; findings: { kind: string; page: number }[] }[];
    expect(line.pages).toBe(2);
    for (const n of [1, 2])
      expect(
        line.findings.filter((f) => f.page === n).map((f) => f.kind),
        `page ${n}`,
      ).toContain('my-number');
    expect(spawnSync('pdfinfo', [out], { encoding: 'utf8' }).stdout).toMatch(/Pages:\s+2\b/);
    // the checker reads the output's text, metadata, objects and pixels: no labelled value of the form is left
    const check = spawnSync('bash', [join(EVAL, 'check-redaction.sh'), join(CORPUS, 'd02_application-form_scan.pdf'), out, join(CORPUS, 'd02_application-form_scan.pdf.labels.json')], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(check.stdout.trim().split('\n').pop(), check.stdout).toMatch(/leaked=0 /);
  });

  it('refuses a damaged PDF with a clear error', () => {
    const r = sumi(['redact', join(CORPUS, 'd04_inquiry-admin.html'), join(tmp(), 'x.pdf')]);
    expect(r.status).toBe(2);
    expect(String(jsonLines(r.stdout)[0].error)).toMatch(/PDF or an image/);
  });
});

describe('sumi redact export options', () => {
  it('writes colour pages with a text layer of what stays visible, and wider masks in the log', () => {
    const input = join(CORPUS, 'd01_meeting-minutes.pdf');
    const out = join(tmp(), 'out.pdf');
    const kinds = 'url,login-id,password,phone,email,ip-address,address,birth-date';
    const r = sumi(['redact', input, out, '--kinds', kinds, '--colour', '--searchable', '--min-mask-width', '60']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const [line] = jsonLines(r.stdout) as { findings: { text: string }[] }[];
    expect(line.findings.length).toBeGreaterThan(8);
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    expect(text).toContain('地域医療連携システム検討会');
    for (const f of line.findings) expect(text).not.toContain(f.text.replace(/\s+/g, ''));
    const images = spawnSync('pdfimages', ['-list', out], { encoding: 'utf8' }).stdout;
    expect(images).toMatch(/image\s+\d+\s+\d+\s+rgb\s+3\s+8/);
    const log = JSON.parse(readFileSync(`${out}.log.json`, 'utf8')) as { masks: { width: number }[] };
    expect(Math.min(...log.masks.map((m) => m.width))).toBeGreaterThanOrEqual(60);
  });

  it('makes a scan searchable from its OCR words without the masked ones (d02)', () => {
    const input = join(CORPUS, 'd02_application-form_scan.pdf');
    const out = join(tmp(), 'out.pdf');
    const r = sumi(['redact', input, out, '--searchable']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const [line] = jsonLines(r.stdout) as { findings: { text: string }[] }[];
    const text = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', out, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    expect(text).toContain('振込先口座');
    for (const f of line.findings) expect(text).not.toContain(f.text.replace(/\s+/g, ''));
    const check = spawnSync('bash', [join(EVAL, 'check-redaction.sh'), input, out, `${input}.labels.json`], { encoding: 'utf8', timeout: 180_000 });
    expect(check.stdout.trim().split('\n').pop(), check.stdout).toMatch(/leaked=0 .* ok$/);
  });

  it('refuses a bad mask width', () => {
    const r = sumi(['redact', join(CORPUS, 'd01_meeting-minutes.pdf'), join(tmp(), 'x.pdf'), '--min-mask-width', 'wide']);
    expect(r.status).toBe(2);
    expect(r.stderr + r.stdout).toMatch(/min-mask-width/);
  });
});
