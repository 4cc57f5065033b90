// Draws the extension's icons (public/icon/<size>.png): a sheet of ink-dark
// paper with lines of text, one of them masked by a solid bar with a vermilion
// seal at its end — a masked line, which is what 墨 means here. Run with
// `npx tsx scripts/make-icons.ts` after changing the design; the PNGs are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createCanvas } from '@napi-rs/canvas';

const SIZES = [16, 32, 48, 96, 128];

function draw(size: number): Buffer {
  const canvas = createCanvas(size, size);
  const g = canvas.getContext('2d');
  const u = size / 16;
  // the sheet: a rounded square in deep ink blue
  const r = 3 * u;
  g.fillStyle = '#1d2a3a';
  g.beginPath();
  g.roundRect(0, 0, size, size, r);
  g.fill();
  // lines of text, light on the ink
  g.fillStyle = '#dfe6ee';
  g.fillRect(3 * u, 3 * u, 10 * u, 1.6 * u);
  g.fillRect(3 * u, 11.4 * u, 7 * u, 1.6 * u);
  // the masked line: a black bar edged in white so it reads on any toolbar, and a vermilion seal
  g.fillStyle = '#ffffff';
  g.fillRect(2 * u, 6.2 * u, 12 * u, 3.6 * u);
  g.fillStyle = '#000000';
  g.fillRect(2.6 * u, 6.8 * u, 10.8 * u, 2.4 * u);
  g.fillStyle = '#e03c31';
  g.beginPath();
  g.arc(12.2 * u, 12.2 * u, 1.9 * u, 0, 2 * Math.PI);
  g.fill();
  return canvas.toBuffer('image/png');
}

mkdirSync('public/icon', { recursive: true });
for (const size of SIZES) writeFileSync(`public/icon/${size}.png`, draw(size));
console.log(`wrote public/icon/{${SIZES.join(',')}}.png`);
