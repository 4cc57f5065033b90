// bench upload: the upload guard in Chromium, file chosen → warning dialog shown.
// A fixture page with <input type=file>; setInputFiles picks a generated file and
// the time runs from the input's `input` event (Chromium fires it just before
// `change`, which Sumi holds) to the first animation frame in which Sumi's
// role=alertdialog is rendered — all measured inside the page. Each run is a new
// page (so it includes creating Sumi's scanning frame, as a person's first upload
// on a page does). Files: a generated 20-page English text PDF (pdf-lib, standard
// font) with e-mail addresses, phone numbers and passwords on every page, and a
// generated 5,000-row XLSX (fflate; 氏名/電話/メール). Median of RUNS runs each.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { ensureBuilt, launch, startServer, type SumiBrowser, type FixtureServer } from '../test/e2e/harness.ts';
import { random } from './generate.ts';

const RUNS = Number(process.env.SUMI_BENCH_RUNS ?? 3);
const DIALOG_TIMEOUT_MS = 120_000;

const FIRST = ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Susan'];
const LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Taylor', 'Clark'];
const PROSE = [
  'The committee reviewed the annual budget and approved the revised schedule for the next fiscal year.',
  'Please submit the application form together with the required documents by the end of the month.',
  'Version 2.4.1 of the reporting tool was released on the intranet portal after the final review.',
  'The server migration will take place overnight to keep the impact on daily operations small.',
  'Each division is asked to collect its figures and send them to the coordinating office in time.',
  'Questions from residents are to be answered within three working days of their receipt.',
];

/** A 20-page A4 text PDF: prose with contact lines, e-mail addresses, phone numbers and account passwords on every page. */
export async function generatePdf(pages = 20, seed = 11): Promise<Uint8Array> {
  const r = random(seed);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)];
  const digits = (n: number) => String(Math.floor(r() * 10 ** n)).padStart(n, '0');
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595.28, 841.89]);
    let y = 800;
    const line = (text: string) => {
      page.drawText(text, { x: 50, y, size: 10, font });
      y -= 15;
    };
    line(`Staff contact sheet, page ${p + 1}`);
    while (y > 60) {
      const x = r();
      if (x < 0.2) {
        const first = pick(FIRST);
        const last = pick(LAST);
        line(`Contact: ${first} ${last}, e-mail ${first.toLowerCase()}.${last.toLowerCase()}${digits(3)}@example-mail.com, phone 090-${digits(4)}-${digits(4)}`);
      } else if (x < 0.32) {
        line(`Login ID: staff${digits(5)}   Password: Pw#${digits(6)}xQ`);
      } else if (x < 0.4) {
        line(`Call the help desk on 03-${digits(4)}-${digits(4)} or write to helpdesk${digits(2)}@example-mail.com.`);
      } else {
        line(pick(PROSE));
      }
    }
  }
  return doc.save();
}

const FAMILY = ['山本', '佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '中村', '小林', '加藤'];
const GIVEN = ['花子', '拓也', '愛', '幸雄', '美穂', '誠', '千代子', '健一', '芽衣', '一郎'];

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A workbook with one sheet: header 氏名/電話/メール and `rows` rows of names, phone numbers and e-mail addresses (inline strings). */
export function generateXlsx(rows = 5000, seed = 5): Uint8Array {
  const r = random(seed);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)];
  const digits = (n: number) => String(Math.floor(r() * 10 ** n)).padStart(n, '0');
  const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${xml(text)}</t></is></c>`;
  const out: string[] = [`<row r="1">${cell('A1', '氏名')}${cell('B1', '電話')}${cell('C1', 'メール')}</row>`];
  for (let i = 2; i <= rows + 1; i++) {
    out.push(`<row r="${i}">${cell(`A${i}`, `${pick(FAMILY)} ${pick(GIVEN)}`)}${cell(`B${i}`, `090-${digits(4)}-${digits(4)}`)}${cell(`C${i}`, `user${digits(5)}@example-mail.jp`)}</row>`);
  }
  const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  return zipSync({
    '[Content_Types].xml': strToU8(
      `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '</Types>',
    ),
    '_rels/.rels': strToU8(`${head}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`${head}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="職員名簿" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`${head}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    'xl/worksheets/sheet1.xml': strToU8(`${head}<worksheet xmlns="${MAIN}"><sheetData>${out.join('')}</sheetData></worksheet>`),
  });
}

interface Measure {
  ms: number;
  wallMs: number;
  text: string;
}

/** One run: a fresh page, the file chosen, time until Sumi's dialog is on screen. */
async function measure(browser: SumiBrowser, server: FixtureServer, file: string): Promise<Measure> {
  const page: Page = await browser.context.newPage();
  try {
    await page.goto(server.url('/upload-fetch.html'));
    // a string, not a function: tsx's helpers (__name) do not exist in the page
    await page.evaluate(`(() => {
      const look = () => {
        const d = document.querySelector('sumi-guard')?.shadowRoot?.querySelector('[role=alertdialog]');
        if (d && d.checkVisibility()) window.benchShown = performance.now();
        else requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    })()`);
    const t0 = Date.now();
    // the choice is marked just before it is made: Sumi holds the input's own events (input and change) until it decides
    await page.evaluate('window.benchStart = performance.now()');
    await page.setInputFiles('#file', file);
    await page.getByRole('alertdialog').waitFor({ state: 'visible', timeout: DIALOG_TIMEOUT_MS });
    const wallMs = Date.now() - t0;
    const { start, shown } = await page
      .waitForFunction(() => {
        const w = window as unknown as { benchStart?: number; benchShown?: number };
        return w.benchShown !== undefined && w.benchStart !== undefined ? { start: w.benchStart, shown: w.benchShown } : null;
      })
      .then((h) => h.jsonValue() as Promise<{ start: number; shown: number }>);
    const text = await page.getByRole('alertdialog').innerText();
    return { ms: shown - start, wallMs, text };
  } finally {
    await page.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function run(): Promise<string> {
  ensureBuilt(['guard', 'panel', 'redaction', 'ocr']);
  const dir = mkdtempSync(path.join(tmpdir(), 'sumi-bench-upload-'));
  const pdf = path.join(dir, 'staff-contacts-20p.pdf');
  const xlsx = path.join(dir, 'staff-5000.xlsx');
  writeFileSync(pdf, await generatePdf());
  writeFileSync(xlsx, generateXlsx());
  const server = await startServer();
  const browser = await launch();
  const lines: string[] = [];
  const result: Record<string, number> = {};
  try {
    for (const [key, file] of [
      ['pdf20_ms', pdf],
      ['xlsx5000_ms', xlsx],
    ] as const) {
      const runs: Measure[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, server, file));
      result[key] = Math.round(median(runs.map((m) => m.ms)));
      const size = statSync(file).size;
      lines.push(`${path.basename(file)} (${(size / 1024).toFixed(0)} KB): ${runs.map((m) => `${m.ms.toFixed(0)} ms (wall ${m.wallMs})`).join(', ')}; median ${result[key]} ms`);
      const said = runs[0].text.replace(/\s+/g, ' ');
      lines.push(`  dialog: ${said.slice(0, 300)}`);
      // a dialog that only says the file could not be read is not the measured path
      if (/確認できなかった内容があります|Some content could not be checked/.test(said)) lines.push(`  WARNING: the dialog says the file could not be checked — this is not the time to scan it`);
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  lines.push(`pdf20_ms=${result.pdf20_ms} xlsx5000_ms=${result.xlsx5000_ms}`);
  return lines.join('\n');
}
