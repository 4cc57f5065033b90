// The masked export's options on real PDFs: colour or grey samples, and masks
// that stay opaque black in either mode.
import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
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
      for (const [fx, fy] of [[0.1, 0.1], [0.5, 0.5], [0.9, 0.9], [0.1, 0.9], [0.9, 0.1]]) {
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
