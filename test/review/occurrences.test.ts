// "Every occurrence of this text" on a real PDF: d01 names a committee member
// twice, and the detector finds only the first ("鈴木 美穂委員の…" runs on).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPdf } from '../../documents/pdf.ts';
import { scanDocument } from '../../pipeline/scan.ts';
import { textBoxes } from '../../review/boxes.ts';
import { initialReview, masksOf, reduce } from '../../review/review.ts';
import { decideEveryOccurrence, occurrencesOf, unmaskedOccurrences } from '../../review/occurrences.ts';
import { CORPUS } from '../documents/helpers.ts';
import { nodePlatform } from '../../platform/node.ts';

async function d01() {
  const doc = await readPdf(new Uint8Array(readFileSync(join(CORPUS, 'd01_meeting-minutes.pdf'))), nodePlatform.pdfjs);
  const findings = scanDocument(doc).map((finding) => ({ finding, boxes: textBoxes(doc.pages[finding.page - 1], finding.start, finding.end) }));
  return { doc, review: initialReview(findings) };
}

let ids = 0;
const newId = () => `m${++ids}`;

describe('every occurrence of a text', () => {
  it('finds a text wherever it occurs, spacing and width ignored, with offsets into the original', async () => {
    const { doc } = await d01();
    const places = occurrencesOf(doc, '鈴木美穂');
    expect(places.length).toBeGreaterThanOrEqual(2);
    for (const p of places) expect(doc.pages[p.page - 1].text.slice(p.start, p.end).replace(/\s+/g, '')).toBe('鈴木美穂');
    expect(occurrencesOf(doc, '鈴')).toEqual([]);
  });

  it('accepts the same-text findings and masks the places no finding covers, once', async () => {
    const { doc, review } = await d01();
    const target = review.findings.find((f) => f.finding.text.replace(/\s+/g, '') === '鈴木美穂')!;
    expect(target, 'the detector finds the first mention').toBeDefined();
    const places = occurrencesOf(doc, target.finding.text);
    const missed = places.filter((p) => !review.findings.some((f) => f.finding.page === p.page && f.finding.start < p.end && p.start < f.finding.end));
    expect(missed.length, 'a mention the detector missed').toBeGreaterThan(0);

    const after = decideEveryOccurrence(review, target.id, doc, newId);
    expect(after.findings.find((f) => f.id === target.id)!.decision).toBe('accepted');
    expect(after.manual.length).toBeGreaterThanOrEqual(missed.length);
    expect(after.manual.every((m) => m.reason === target.reason)).toBe(true);
    // the new areas lie where the missed mention is
    const missedBox = textBoxes(doc.pages[missed[0].page - 1], missed[0].start, missed[0].end)[0];
    expect(after.manual.some((m) => m.page === missed[0].page && Math.abs(m.box.x - missedBox.x) < 0.5 && Math.abs(m.box.y - missedBox.y) < 0.5)).toBe(true);
    expect(masksOf(after).length).toBe(masksOf(reduce(review, { type: 'decide', ids: [target.id], decision: 'accepted' })).length + after.manual.length);

    // pressed again: nothing new
    expect(decideEveryOccurrence(after, target.id, doc, newId).manual.length).toBe(after.manual.length);
  });

  it('carries a rejection to the same-text findings without drawing anything', async () => {
    const { doc, review } = await d01();
    const target = review.findings.find((f) => f.finding.text.replace(/\s+/g, '') === '鈴木美穂')!;
    const rejected = reduce(review, { type: 'decide', ids: [target.id], decision: 'rejected' });
    const after = decideEveryOccurrence(rejected, target.id, doc, newId);
    expect(after.manual).toEqual([]);
    expect(after.findings.filter((f) => f.finding.text === target.finding.text).every((f) => f.decision === 'rejected')).toBe(true);
  });

  it('tells where an accepted text is still visible, until every occurrence is masked', async () => {
    const { doc, review } = await d01();
    expect(unmaskedOccurrences(review, doc), 'nothing accepted, nothing to tell').toEqual([]);
    const target = review.findings.find((f) => f.finding.text.replace(/\s+/g, '') === '鈴木美穂')!;
    const accepted = reduce(review, { type: 'decide', ids: [target.id], decision: 'accepted' });
    const visible = unmaskedOccurrences(accepted, doc);
    expect(visible.length).toBeGreaterThan(0);
    for (const o of visible) expect(doc.pages[o.page - 1].text.slice(o.start, o.end).replace(/\s+/g, '')).toBe('鈴木美穂');
    expect(unmaskedOccurrences(decideEveryOccurrence(accepted, target.id, doc, newId), doc)).toEqual([]);
  });
});
