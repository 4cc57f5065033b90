// The second reading of Latin runs (ocr/latin-pass.ts): how runs are found,
// cut out and put back, and, with real OCR, that English set among Japanese is
// read as English.
import { describe, expect, it } from 'vitest';
import type { TBox, TesseractPage, TLine, TWord } from '../../ocr/tesseract-page.ts';
import { isLatinWord, latinRuns, mergeLatin, stackRuns } from '../../ocr/latin-pass.ts';
import { ocrImage } from '../../ocr/ocr-document.ts';
import { decodePgm, encodePgm } from '../../pages/gray.ts';
import { nodePlatform } from '../../platform/node.ts';
import { expectWordWhereDrawn } from './drawn-box.ts';
import { benchLines, renderTestPage } from './fixtures.ts';

const box = (x0: number, y0: number, x1: number, y1: number): TBox => ({ x0, y0, x1, y1 });
const word = (text: string, x0: number, x1: number, y0 = 100, y1 = 130): TWord => ({ text, confidence: 90, bbox: box(x0, y0, x1, y1), symbols: [] });
const line = (...words: TWord[]): TLine => ({
  words,
  confidence: 90,
  bbox: box(Math.min(...words.map((w) => w.bbox.x0)), 100, Math.max(...words.map((w) => w.bbox.x1)), 130),
});
const pageOf = (...lines: TLine[]): TesseractPage => ({ blocks: [{ paragraphs: [{ lines }] }], confidence: 90 });

describe('Latin runs', () => {
  it('counts letters, digits and ASCII punctuation (full width too) as Latin, with a dash read as 一 or ー beside them; kana and kanji not', () => {
    for (const t of ['April', 'Osaka#2023pw', '/', 'ＩＤ：', '090-1234', 'notes一', '—']) expect(isLatinWord(t), t).toBe(t !== '—');
    for (const t of ['電話', 'パスワード', 'ID：山田', '・', '一', 'データー']) expect(isLatinWord(t), t).toBe(false);
  });

  it('finds the runs of Latin words on a line, split by Japanese words, and skips runs without letters', () => {
    const l = line(
      word('Login', 0, 50),
      word('ID:', 60, 90),
      word('/', 100, 110),
      word('電話', 120, 160),
      word('090-1234', 170, 250),
      word('利用者', 260, 320),
      word('pw', 330, 350),
      word('x1', 360, 380),
    );
    const runs = latinRuns(pageOf(l));
    expect(runs.map((r) => [r.first, r.count])).toEqual([
      [0, 3],
      [6, 2],
    ]);
    expect(runs[0].box).toEqual(box(0, 100, 110, 130));
  });

  it('keeps a dash read as a word of its own inside the run', () => {
    const l = line(word('notes', 0, 50), word('一', 60, 80), word('attendees:', 90, 190), word('一', 200, 220));
    expect(latinRuns(pageOf(l)).map((r) => [r.first, r.count])).toEqual([[0, 3]]);
  });
});

describe('stacking the runs and putting the second reading back', () => {
  // a 400×200 page: ink (0) in the run's words, different ink (7) in the Japanese word beside it
  const width = 400;
  const height = 200;
  const data = new Uint8Array(width * height).fill(255);
  const fill = (b: TBox, v: number) => {
    for (let y = b.y0; y < b.y1; y++) data.fill(v, y * width + b.x0, y * width + b.x1);
  };
  const first = line(word('0saka', 20, 120), word('pw', 130, 170), word('電話', 180, 240));
  fill(box(20, 100, 170, 130), 0);
  fill(box(180, 100, 240, 130), 7);
  const page = pageOf(first);
  const pgm = encodePgm({ width, height, data });

  it('reads back the PGM it is given', () => {
    const img = decodePgm(pgm)!;
    expect([img.width, img.height]).toEqual([width, height]);
    expect(img.data[100 * width + 20]).toBe(0);
    expect(decodePgm(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeUndefined();
  });

  it('cuts each run out with a white margin and none of its neighbours', () => {
    const stack = stackRuns(pgm, latinRuns(page))!;
    const img = decodePgm(stack.bytes)!;
    expect(stack.placements).toHaveLength(1);
    const values = new Set(img.data);
    expect(values.has(0)).toBe(true);
    expect(values.has(7)).toBe(false); // the Japanese word is not in the cut
    // margins all round are white
    for (let x = 0; x < img.width; x++) expect(img.data[x]).toBe(255);
    for (let y = 0; y < img.height; y++) expect(img.data[y * img.width]).toBe(255);
    // the run's top-left ink pixel lands where the placement says
    const p = stack.placements[0];
    expect(img.data[(100 - p.dy) * img.width + (20 - p.dx)]).toBe(0);
    expect(img.data[(100 - p.dy) * img.width + (20 - p.dx) - 1]).toBe(255);
  });

  it('puts the words read in the stack in place of the run, at their page position', () => {
    const runs = latinRuns(page);
    const stack = stackRuns(pgm, runs)!;
    const p = stack.placements[0];
    const secondWord = (text: string, x0: number, x1: number): TWord => word(text, x0 - p.dx, x1 - p.dx, 100 - p.dy, 130 - p.dy);
    mergeLatin(stack, pageOf(line(secondWord('Osaka', 20, 120), secondWord('pw', 130, 170))));
    expect(first.words.map((w) => w.text)).toEqual(['Osaka', 'pw', '電話']);
    expect(first.words[0].bbox).toEqual(box(20, 100, 120, 130));
    expect(first.words[2].bbox).toEqual(box(180, 100, 240, 130));
  });

  it('keeps the first reading of a run the second reading lost most of', () => {
    const l = line(word('Login', 20, 120), word('ID:', 130, 170), word('admin', 180, 280));
    const stack = stackRuns(pgm, latinRuns(pageOf(l)))!;
    const p = stack.placements[0];
    mergeLatin(stack, pageOf(line(word('ID:', 130 - p.dx, 170 - p.dx, 100 - p.dy, 130 - p.dy))));
    expect(l.words.map((w) => w.text)).toEqual(['Login', 'ID:', 'admin']);
  });

  it('keeps the first reading of a run nothing was read for', () => {
    const l = line(word('ApriL', 20, 120));
    const stack = stackRuns(pgm, latinRuns(pageOf(l)))!;
    mergeLatin(stack, pageOf());
    expect(l.words.map((w) => w.text)).toEqual(['ApriL']);
  });
});

describe('English among Japanese, read by OCR', () => {
  // lines of mixed Japanese and English on which the Japanese model, read
  // first, takes O for 0, l for L, s for S and ; for :
  const lines = benchLines(0).slice(0, 12);
  const rendered = renderTestPage(lines);

  it('reads the English as English and keeps the Japanese', async () => {
    const doc = await ocrImage(rendered.png, nodePlatform, { workers: 1 });
    const page = doc.pages[0];
    const read = page.text.normalize('NFKC').split('\n');
    expect(read).toHaveLength(lines.length);
    lines.forEach((l, i) => expect(read[i].replace(/\s+/g, ''), l.text).toBe(l.text.normalize('NFKC').replace(/\s+/g, '')));
    for (const [w, drawn] of [
      ['Osaka#2023pw', 'Osaka#2023pw'],
      ['April.', 'April.'],
      ['support@city-office.example.jp', 'support@city-office.example.jp'],
      ['電話', '電話'],
    ]) {
      expectWordWhereDrawn(
        page,
        w,
        lines.find((l) => l.text.includes(drawn))!,
        drawn,
        10.5,
      );
    }
  }, 120_000);

  it('reads an English runbook with a Japanese line exactly, dashes and mixed case included', async () => {
    const texts = [
      'Operations Runbook (Internal Use Only)',
      'Step 2. Use the shared account: ops-admin / Summer2023!',
      'Step 3. Open https://monitor.corp.example.net/grafana and check the CPU panel.',
      'Escalation: call Sato-san (080-1234-9876) or e-mail oncall@corp.example.net.',
      '注意: 本手順書の再配布を禁止します。',
      'Meeting notes — attendees: John Smith, Mary Johnson, Ken Watanabe.',
    ];
    const drawnLines = texts.map((text, k) => ({ text, x: 250, baseline: 300 + k * 75, size: 44 }));
    const doc = await ocrImage(renderTestPage(drawnLines).png, nodePlatform, { workers: 1 });
    const compact = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
    expect(doc.pages[0].text.split('\n').map(compact)).toEqual(texts.map(compact));
  }, 120_000);
});
