// The masked export's options on real PDFs: colour or grey samples, masks that
// stay opaque black, minimum mask width, and the invisible text layer read back
// by poppler's pdftotext and by pdf.js.
import { describe, expect, it } from 'vitest';
import {
  PDFDocument,
  StandardFonts,
  TextRenderingMode,
  beginText,
  clip,
  degrees,
  endPath,
  endText,
  moveText,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFontAndSize,
  setTextRenderingMode,
  showText,
} from 'pdf-lib';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createCanvas } from '@napi-rs/canvas';
import { readPdf } from '../../documents/pdf.ts';
import { nodePlatform } from '../../platform/node.ts';
import { scanDocument } from '../../pipeline/scan.ts';
import { planFromFindings } from '../../review/plan.ts';
import { verifyExport } from '../../export/verify.ts';
import { CORPUS } from '../documents/helpers.ts';
import { exportPdf, imageDicts, manualMask, renderedPage } from './helpers.ts';

/** An A4 page with a red stamp area, a blue band and a line of black text. */
async function colourPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595.28, 841.89]);
  page.drawRectangle({ x: 400, y: 650, width: 120, height: 120, color: rgb(0.85, 0.1, 0.1) });
  page.drawRectangle({ x: 50, y: 500, width: 495, height: 40, color: rgb(0.1, 0.2, 0.8) });
  page.drawText('Applicant: Tanaka Hanako, reviewed by the records office', { x: 50, y: 600, size: 12, font });
  return doc.save();
}

/** The text poppler extracts, whitespace runs squeezed to one space. */
const pdftotext = (pdf: Uint8Array) => {
  const file = join(mkdtempSync(join(tmpdir(), 'sumi-export-')), 'out.pdf');
  writeFileSync(file, pdf);
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.replace(/\s+/g, ' ');
};

const near = (value: number, target: number, tolerance = 24) => Math.abs(value - target) <= tolerance;

describe('masked export colour', () => {
  it('writes 8-bit RGB samples with colour: "colour", and the colours survive', async () => {
    const out = await exportPdf(await colourPdf(), [], { colour: 'colour' });
    const [image, ...others] = await imageDicts(out);
    expect(others).toHaveLength(0);
    expect(image.ColorSpace).toBe('DeviceRGB');
    expect(image.BitsPerComponent).toBe('8');
    const page = await renderedPage(out);
    const [r, g, b] = page.rgb(460, 710);
    expect(near(r, 217) && near(g, 26) && near(b, 26), `stamp pixel ${[r, g, b]}`).toBe(true);
    const [r2, g2, b2] = page.rgb(300, 520);
    expect(near(r2, 26) && near(g2, 51) && near(b2, 204), `band pixel ${[r2, g2, b2]}`).toBe(true);
  });

  it('stays 4-bit grey by default', async () => {
    const out = await exportPdf(await colourPdf(), []);
    const [image] = await imageDicts(out);
    expect(image.ColorSpace).toBe('DeviceGray');
    expect(image.BitsPerComponent).toBe('4');
    const [r, g, b] = (await renderedPage(out)).rgb(460, 710);
    expect(r === g && g === b, `grey pixel ${[r, g, b]}`).toBe(true);
  });

  it('burns opaque black masks over coloured areas and text in colour mode', async () => {
    const stamp = { x: 420, y: 670, width: 60, height: 60 };
    const name = { x: 108, y: 595, width: 95, height: 18 };
    const out = await exportPdf(await colourPdf(), [manualMask(1, stamp), manualMask(1, name)], { colour: 'colour' });
    const page = await renderedPage(out);
    for (const box of [stamp, name]) {
      for (const [fx, fy] of [
        [0.1, 0.1],
        [0.5, 0.5],
        [0.9, 0.9],
        [0.1, 0.9],
        [0.9, 0.1],
      ]) {
        const px = page.rgb(box.x + fx * box.width, box.y + fy * box.height);
        expect(Math.max(...px), `pixel at ${fx},${fy} of ${JSON.stringify(box)}: ${px}`).toBeLessThanOrEqual(8);
      }
    }
    // the stamp outside the mask keeps its colour
    const [r, g] = page.rgb(405, 655);
    expect(r).toBeGreaterThan(150);
    expect(g).toBeLessThan(80);
  });
});

describe('masked export reasons', () => {
  it('prints the legal ground in white on the black box when asked', async () => {
    const box = { x: 100, y: 300, width: 120, height: 24 };
    const pdf = await colourPdf();
    const grid = async (printReason: boolean) => {
      const page = await renderedPage(await exportPdf(pdf, [manualMask(1, box)], { printReason }), 1, 3);
      const values: number[] = [];
      for (let x = box.x + 1; x < box.x + box.width - 1; x += 0.5) for (let y = box.y + 2; y < box.y + box.height - 2; y += 0.5) values.push(Math.max(...page.rgb(x, y)));
      return { light: values.filter((v) => v > 128).length, corner: Math.max(...page.rgb(box.x + 1, box.y + 1)) };
    };
    const plain = await grid(false);
    const printed = await grid(true);
    expect(plain.light).toBe(0);
    expect(printed.light).toBeGreaterThan(20);
    expect(printed.corner).toBeLessThanOrEqual(8);
  });
});

describe('masked export minimum mask width', () => {
  const white = (px: number[]) => Math.min(...px) >= 240;
  const black = (px: number[]) => Math.max(...px) <= 8;

  it('widens every narrow mask, manual or from a finding, about its centre', async () => {
    const manual = manualMask(1, { x: 195, y: 700, width: 10, height: 20 });
    const finding = { ...manualMask(1, { x: 290, y: 400, width: 20, height: 20 }), kind: 'person-name' as const, source: 'finding' as const };
    const wide = manualMask(1, { x: 100, y: 300, width: 100, height: 20 });
    const pdf = await colourPdf();
    const page = await renderedPage(await exportPdf(pdf, [manual, finding, wide], { minMaskWidth: 60 }));
    for (const centre of [200, 300]) {
      const y = centre === 200 ? 710 : 410;
      expect(black(page.rgb(centre - 28, y)) && black(page.rgb(centre + 28, y)), `widened to 60 pt around ${centre}`).toBe(true);
      expect(white(page.rgb(centre - 33, y)) && white(page.rgb(centre + 33, y)), `not wider than 60 pt around ${centre}`).toBe(true);
    }
    // a mask already wider than the minimum keeps its size
    expect(black(page.rgb(102, 310)) && black(page.rgb(198, 310))).toBe(true);
    expect(white(page.rgb(96, 310)) && white(page.rgb(204, 310))).toBe(true);

    const plain = await renderedPage(await exportPdf(pdf, [manual]));
    expect(white(plain.rgb(200 - 28, 710)), 'without the option the mask stays narrow').toBe(true);
  });
});

describe('masked export searchable text', () => {
  /** One line of 12-point Helvetica at (50, 700), and where each of its words lies. */
  async function linePdf(line: string) {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage([595.28, 841.89]).drawText(line, { x: 50, y: 700, size: 12, font });
    const bytes = await doc.save();
    const boxOf = (word: string) => {
      const x = 50 + font.widthOfTextAtSize(line.slice(0, line.indexOf(word)), 12);
      return { x, y: 697, width: font.widthOfTextAtSize(word, 12), height: 12 };
    };
    return { bytes, boxOf };
  }

  it('holds the words that stay visible and none of the masked ones', async () => {
    const { bytes, boxOf } = await linePdf('Contact Hanako at hanako.tanaka@example.jp about the building permit for the new community hall');
    const email = boxOf('hanako.tanaka@example.jp');
    const name = boxOf('Hanako');
    const out = await exportPdf(bytes, [manualMask(1, email), manualMask(1, { ...name, x: name.x + 10, width: 8 })], { searchableText: true });
    const text = pdftotext(out);
    expect(text).toContain('Contact');
    expect(text).toContain('permit for the new community hall');
    // a word a mask only partly covers is left out whole
    for (const hidden of ['Hanako', 'hanako', 'tanaka', 'example', 'Han', 'ako']) expect(text).not.toContain(hidden);
    // and the picture is unchanged: the masks are still black
    const page = await renderedPage(out);
    expect(Math.max(...page.rgb(email.x + email.width / 2, 701))).toBeLessThanOrEqual(8);
  });

  it('leaves out a visible run that holds a text masked elsewhere, so the verifier finds nothing', async () => {
    // the name is masked where it was found and missed in "Hanako's"; its pixels stay for the officer, but the layer must not hold it
    const { bytes, boxOf } = await linePdf('Hanako filed it. Ask Hanako about the permit for the community hall');
    const out = await exportPdf(bytes, [manualMask(1, boxOf('Hanako'))], { searchableText: true, withheldTexts: ['Hanako', 'tanaka'] });
    expect(pdftotext(out)).not.toContain('Hanako');
    const withoutWithheld = pdftotext(await exportPdf(bytes, [manualMask(1, boxOf('Hanako'))], { searchableText: true }));
    expect(withoutWithheld, 'the control: the missed occurrence reaches the layer when nothing is withheld').toContain('Ask Hanako');
    expect((await verifyExport(out, ['Hanako'], nodePlatform.pdfjs)).recoverable).toEqual([]);
  });

  it('does not take PDF syntax, metadata keys or image bytes for a masked text (root, ALS)', async () => {
    const { bytes, boxOf } = await linePdf('Login root with the password Qz7!mK2p; the patient has ALS since 2019');
    const masked = ['root', 'Qz7!mK2p', 'ALS'];
    const out = await exportPdf(
      bytes,
      masked.map((m) => manualMask(1, boxOf(m))),
    );
    // the trailer's /Root, the information's false and the page image are no one's text
    expect((await verifyExport(out, masked, nodePlatform.pdfjs)).recoverable).toEqual([]);
    // the control: a text that really is in the file is still found
    const visible = await exportPdf(bytes, [manualMask(1, boxOf('Qz7!mK2p'))], { searchableText: true });
    expect((await verifyExport(visible, ['root', 'ALS'], nodePlatform.pdfjs)).recoverable).toEqual(['root', 'ALS']);
  });

  it('places the words where the page shows them', async () => {
    const { bytes, boxOf } = await linePdf('Contact Hanako at hanako.tanaka@example.jp about the building permit for the new community hall');
    const out = await exportPdf(bytes, [manualMask(1, boxOf('hanako.tanaka@example.jp'))], { searchableText: true });
    const items = async (pdf: Uint8Array) => {
      const doc = await (await nodePlatform.pdfjs.loadPdfjs()).getDocument({ data: pdf.slice(), ...nodePlatform.pdfjs.assets }).promise;
      const content = await (await doc.getPage(1)).getTextContent();
      await doc.destroy();
      return content.items.filter((i) => 'str' in i && i.str.trim()) as { str: string; transform: number[]; width: number }[];
    };
    const [line] = await items(bytes);
    const written = await items(out);
    // the runs start and end where the line does (what lies between is estimated), on its baseline
    const first = written.find((i) => i.str.startsWith('Contact'))!;
    const last = written.find((i) => i.str.endsWith('hall'))!;
    expect(Math.abs(first.transform[4] - line.transform[4])).toBeLessThan(1);
    expect(Math.abs(last.transform[4] + last.width - (line.transform[4] + line.width))).toBeLessThan(1);
    for (const run of [first, last]) expect(Math.abs(run.transform[5] - line.transform[5])).toBeLessThan(0.5);
  });

  it('leaves out the words a widened mask covers', async () => {
    const { bytes, boxOf } = await linePdf('Code X9 granted to the applicant today');
    const code = boxOf('X9');
    const out = await exportPdf(bytes, [manualMask(1, code)], { searchableText: true, minMaskWidth: 120 });
    const text = pdftotext(out);
    expect(text).not.toContain('X9');
    expect(text).not.toContain('granted'); // within 60 pt of the code's centre: under the widened mask
    expect(text).toContain('today');
  });

  it('follows the page rotation', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([595.28, 841.89]);
    page.setRotation(degrees(90));
    const line = 'Rotated page line with the secret Zebra42 inside it';
    page.drawText(line, { x: 50, y: 700, size: 14, font });
    const x = 50 + font.widthOfTextAtSize(line.slice(0, line.indexOf('Zebra42')), 14);
    const out = await exportPdf(await doc.save(), [manualMask(1, { x, y: 696, width: font.widthOfTextAtSize('Zebra42', 14), height: 16 })], { searchableText: true });
    const file = join(mkdtempSync(join(tmpdir(), 'sumi-export-')), 'out.pdf');
    writeFileSync(file, out);
    const words = [...spawnSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' }).stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]+)</g)];
    const texts = words.map((w) => w[3]);
    expect(texts.slice(0, 3)).toEqual(['Rotated', 'page', 'line']);
    expect(texts.join(' ')).not.toContain('Zebra');
    // turned a quarter clockwise: the line runs down the landscape page, its top-down y from the original x, its x from the baseline
    const [, xMin, yMin] = words[0].map(Number);
    expect(Math.abs(xMin - 700)).toBeLessThan(14);
    expect(Math.abs(yMin - 50)).toBeLessThan(3);
  });

  it('has no text at all without the option', async () => {
    const { bytes } = await linePdf('Contact Hanako about the permit');
    expect(pdftotext(await exportPdf(bytes, [])).trim()).toBe('');
  });

  it('keeps a Japanese document searchable without any of its masked strings (d01)', async () => {
    const input = new Uint8Array(readFileSync(join(CORPUS, 'd01_meeting-minutes.pdf')));
    const labels = JSON.parse(readFileSync(join(CORPUS, 'd01_meeting-minutes.pdf.labels.json'), 'utf8')) as { items: { value: string; mask: boolean }[]; controls: string[] };
    const doc = await readPdf(input, nodePlatform.pdfjs);
    const findings = scanDocument(doc);
    const masked = labels.items.filter((i) => i.mask).map((i) => i.value);
    expect(masked.length).toBeGreaterThan(10);
    const out = await exportPdf(input, planFromFindings(doc, findings), { searchableText: true });
    const text = pdftotext(out).replace(/\s+/g, '');
    for (const control of labels.controls) expect(text).toContain(control.replace(/\s+/g, ''));
    for (const value of masked) expect(text, value).not.toContain(value.replace(/\s+/g, ''));
    const check = await verifyExport(out, masked, nodePlatform.pdfjs);
    expect(check.recoverable).toEqual([]);
  });
});

describe('masked export searchable text and what the original hides', () => {
  it('leaves out text the source page covers with a box, whites out, or draws in white', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([595.28, 841.89]);
    const line = (y: number, text: string, hide?: string, how?: 'black' | 'white' | 'text') => {
      const at = hide ? text.indexOf(hide) : text.length;
      const x = 50 + font.widthOfTextAtSize(text.slice(0, at), 12);
      const width = hide ? font.widthOfTextAtSize(hide, 12) : 0;
      if (how !== 'text') page.drawText(text, { x: 50, y, size: 12, font });
      if (!hide) return;
      if (how === 'text') {
        // the line in three pieces, the middle one white on white
        page.drawText(text.slice(0, at), { x: 50, y, size: 12, font });
        page.drawText(hide, { x, y, size: 12, font, color: rgb(1, 1, 1) });
        page.drawText(text.slice(at + hide.length), { x: x + width, y, size: 12, font });
      } else page.drawRectangle({ x: x - 1, y: y - 4, width: width + 2, height: 16, color: how === 'black' ? rgb(0, 0, 0) : rgb(1, 1, 1) });
    };
    // a failed redaction: a black box drawn over live text
    line(700, 'The account holder Yamamoto Shizuka lives in Sendai', 'Yamamoto Shizuka', 'black');
    line(650, 'Her former employer Hokuto Trading asked for the file', 'Hokuto Trading', 'white');
    line(600, 'The case number KX-55120-B was closed last spring', 'KX-55120-B', 'text');
    line(550, 'Nothing on this line is hidden from the reader');
    const text = pdftotext(await exportPdf(await doc.save(), [], { searchableText: true }));
    for (const hidden of ['Yamamoto', 'Shizuka', 'Hokuto', 'Trading', 'KX-55120']) expect(text).not.toContain(hidden);
    expect(text).toContain('Nothing on this line is hidden from the reader');
    for (const shown of ['The account', 'Her former', 'The case', 'last spring', 'for the file']) expect(text).toContain(shown);
  });

  it('leaves out text hidden under an image, clipped away, drawn off the page or in invisible render mode', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([595.28, 841.89]);
    const size = 12;
    // under an image: a photo-like patch of noise pasted over a name
    // (a form's line: the label, the value the image covers, a note far to the right)
    page.drawText('Applicant:', { x: 50, y: 700, size, font });
    page.drawText('Nakamura Haruki', { x: 200, y: 700, size, font });
    page.drawText('signed in person', { x: 400, y: 700, size, font });
    const patch = createCanvas(120, 24);
    const pixels = patch.getContext('2d').createImageData(120, 24);
    let seed = 7;
    for (let i = 0; i < pixels.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const v = 60 + (seed >>> 24) / 2;
      pixels.data.set([v, v * 0.9, v * 0.8, 255], i);
    }
    patch.getContext('2d').putImageData(pixels, 0, 0);
    const image = await doc.embedPng(patch.toBuffer('image/png'));
    page.drawImage(image, { x: 198, y: 696, width: font.widthOfTextAtSize('Nakamura Haruki', size) + 4, height: 16 });
    // clipped away: drawn inside a clip rectangle that leaves it out
    page.drawText('Everything after the colon is clipped:', { x: 50, y: 650, size, font });
    page.pushOperators(pushGraphicsState(), rectangle(0, 0, 10, 10), clip(), endPath());
    page.drawText('Okabe Ritsuko', { x: 300, y: 650, size, font });
    page.pushOperators(popGraphicsState());
    // off the page, and in render mode 3 (neither filled nor stroked: OCR layers use it)
    page.drawText('Tachibana Misaki', { x: 700, y: 600, size, font });
    page.drawText('Only this line shows on the page', { x: 50, y: 600, size, font });
    page.pushOperators(
      beginText(),
      setFontAndSize(page.node.newFontDictionary(font.name, font.ref), size),
      setTextRenderingMode(TextRenderingMode.Invisible),
      moveText(50, 550),
      showText(font.encodeText('Kuroki Yoshino')),
      endText(),
    );
    const text = pdftotext(await exportPdf(await doc.save(), [], { searchableText: true }));
    for (const hidden of ['Nakamura', 'Haruki', 'Okabe', 'Ritsuko', 'Tachibana', 'Misaki', 'Kuroki', 'Yoshino']) expect(text).not.toContain(hidden);
    for (const shown of ['Applicant:', 'signed in person', 'Everything after the colon', 'Only this line shows on the page']) expect(text).toContain(shown);
  });
});
