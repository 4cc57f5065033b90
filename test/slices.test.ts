// The Slicer over a page that is still being read (the highlighter sends slices to
// the background while it walks the DOM) and from a later start (the in-page scan
// taking over): it must cut and give context exactly as over the finished text.
import { describe, expect, it } from 'vitest';
import { Slicer, sliceText, type Slice } from '../engine/slices.ts';
import { scanSlice } from '../pipeline/scan.ts';

/** Prose without a tab first, then a staff table: the table's header must still reach its rows. */
function page(): string {
  const prose = Array.from({ length: 300 }, (_, i) => `第${i}回の会議では、資料の取りまとめについて協議した。連絡先 user${10000 + i}@example-mail.jp`);
  const rows = Array.from({ length: 300 }, (_, i) => `K${1000 + i}\t山田 太郎\tpw${i}x${i}Z`);
  return [...prose, '職員番号\t氏名\t初期パスワード', ...rows].join('\n');
}

const SIZE = 2048;

describe('Slicer over a growing text', () => {
  it('cuts the same slices, with the same context, as over the finished text', () => {
    const text = page();
    const grown: Slice[] = [];
    const slicer = new Slicer('');
    // the text arrives in pieces; a slice is cut once 3 slice lengths are read past it, or at the end
    for (let read = 1500; ; read = Math.min(text.length, read + 1500)) {
      slicer.extend(text.slice(0, read));
      const all = read === text.length;
      while (!slicer.done && (all || slicer.remaining >= 3 * SIZE)) grown.push(slicer.next(SIZE)!);
      if (all) break;
    }
    expect(grown.length).toBeGreaterThan(10);
    expect(grown).toEqual(sliceText(text, SIZE));
  });

  it('started at a slice end, goes on exactly as the slicer that got there', () => {
    const text = page();
    const slices = sliceText(text, SIZE);
    const from = slices[Math.floor(slices.length * 0.75)].start; // inside the table
    const rest: Slice[] = [];
    const slicer = new Slicer(text, from);
    for (let s = slicer.next(SIZE); s; s = slicer.next(SIZE)) rest.push(s);
    expect(rest).toEqual(slices.filter((s) => s.start >= from));
    // and the rows there are still read as passwords under their header
    expect(rest.flatMap((s) => scanSlice(s, 1)).filter((f) => f.kind === 'password').length).toBeGreaterThan(20);
  });

  it('gives findings whose text is the page text at their offsets (the highlighter sends offsets, not text, from the background)', () => {
    const fullWidth = Array.from({ length: 50 }, (_, i) => `担当　鈴木 一郎　電話 ０９０－１２３４－${String(1000 + i).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))}`);
    const text = [page(), ...fullWidth].join('\n');
    const findings = sliceText(text, SIZE).flatMap((s) => scanSlice(s, 1));
    expect(findings.filter((f) => f.kind === 'phone' && f.text.startsWith('０９０')).length).toBe(50);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  });
});
