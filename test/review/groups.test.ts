// Findings grouped by kind and value, on a real PDF: the evacuation list (g27)
// names the same care needs on row after row and page after page.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../documents/pdf.ts';
import { nodePlatform } from '../../platform/node.ts';
import { scanDocument } from '../../pipeline/scan.ts';
import { groupFindings, groupOf, pageList, valueKey } from '../../review/groups.ts';
import { initialReview, reduce } from '../../review/review.ts';

async function g27() {
  const doc = await readPdf(new Uint8Array(readFileSync('test/fixtures/generalise/g27_evacuation-support-list.pdf')), nodePlatform.pdfjs);
  return initialReview(scanDocument(doc).map((finding) => ({ finding, boxes: [] })));
}

describe('findings grouped by value', () => {
  it('puts every finding in exactly one group of its kind and value, with the pages it is on', async () => {
    const review = await g27();
    const groups = groupFindings(review.findings);
    const values = groups.flatMap((k) => k.values);
    expect(values.length).toBeLessThan(review.findings.length);
    const ids = values.flatMap((v) => v.ids);
    expect(ids.sort()).toEqual(review.findings.map((f) => f.id).sort());
    for (const k of groups) expect(k.count).toBe(review.findings.filter((f) => f.finding.kind === k.kind).length);
    for (const v of values) for (const id of v.ids) expect(valueKey(review.findings.find((f) => f.id === id)!.finding.kind, review.findings.find((f) => f.id === id)!.finding.text)).toBe(v.key);
    const oxygen = values.find((v) => v.text === '在宅酸素療法')!;
    expect(oxygen.ids.length).toBeGreaterThanOrEqual(3);
    expect(oxygen.pages.length).toBeGreaterThanOrEqual(2);
    expect(oxygen.pages).toEqual([...oxygen.pages].sort((a, b) => a - b));
  });

  it("shares one decision across a group's occurrences, and says 'mixed' when one differs", async () => {
    let review = await g27();
    const group = groupFindings(review.findings)
      .flatMap((k) => k.values)
      .find((v) => v.ids.length >= 3)!;
    expect(group.decision).toBe('proposed');
    review = reduce(review, { type: 'decide', ids: group.ids, decision: 'accepted' });
    expect(groupOf(groupFindings(review.findings), group.ids[0])!.decision).toBe('accepted');
    review = reduce(review, { type: 'decide', ids: [group.ids[1]], decision: 'disclose' });
    expect(groupOf(groupFindings(review.findings), group.ids[0])!.decision).toBe('mixed');
    // a filter keeps what it keeps: the undecided only
    const undecided = groupFindings(review.findings, (f) => f.decision === 'proposed').flatMap((k) => k.values);
    expect(undecided.some((v) => v.key === group.key)).toBe(false);
  });

  it('reads width variants and spacing as one value, and lists pages briefly', () => {
    expect(valueKey('person-name', '坂本　光太郎')).toBe(valueKey('person-name', '坂本 光太郎'));
    expect(valueKey('phone', '０９０-１２３４-５６７８')).toBe(valueKey('phone', '090-1234-5678'));
    expect(valueKey('person-name', '坂本 光太郎')).not.toBe(valueKey('address', '坂本 光太郎'));
    expect(pageList([1, 3])).toBe('p1 p3');
    expect(pageList([1, 2, 3, 4, 5, 6])).toBe('p1 p2 p3 p4 +2');
  });
});
