// The searchable layer's text for scanned pages: the document's OCR words.
import { describe, expect, it } from 'vitest';
import { PageBuilder, type SumiDocument } from '../../core/document.ts';
import { ocrTextItems, withOcrText } from '../../export/document-text.ts';
import { visibleRuns } from '../../export/text-layer.ts';
import type { PageSource } from '../../pages/canvas.ts';

function ocrPage(number: number) {
  const b = new PageBuilder();
  b.add('氏名', { type: 'ocr-word', box: { x: 100, y: 700, width: 22, height: 11 }, offset: 0, length: 2 });
  b.separator(' ');
  b.add('井上愛', { type: 'ocr-word', box: { x: 130, y: 700, width: 33, height: 11 }, offset: 0, length: 3 });
  return b.build(number, { size: { width: 595, height: 842 } });
}

describe('OCR words as layer text', () => {
  it('turns each OCR box (the ink) into a baseline and a text size', () => {
    const [name, value] = ocrTextItems(ocrPage(1));
    expect(name).toEqual({ text: '氏名', x: 100, y: 702, width: 22, size: 10 });
    expect(value.text).toBe('井上愛');
    // a mask as plan.ts draws it around the value's box hides the value, not the label
    const runs = visibleRuns([name, value], [{ x: 126, y: 698, width: 41, height: 15 }]);
    expect(runs.map((r) => r.text)).toEqual(['氏名']);
  });

  it('takes OCR pages from the document and other pages from the source', async () => {
    const text = new PageBuilder();
    text.add('typed', { type: 'pdf-item', item: 0, offset: 0, length: 5, box: { x: 0, y: 0, width: 10, height: 10 } });
    const doc: SumiDocument = { type: 'pdf', pages: [ocrPage(1), text.build(2)], ocrPages: [1] };
    const source: PageSource = {
      pageCount: 2,
      render: () => Promise.reject(new Error('not drawn here')),
      text: async (n) => [{ text: `own text of page ${n}`, x: 0, y: 0, width: 50, size: 10 }],
    };
    const merged = withOcrText(source, doc);
    expect((await merged.text!(1)).map((i) => i.text)).toEqual(['氏名', '井上愛']);
    expect((await merged.text!(2)).map((i) => i.text)).toEqual(['own text of page 2']);
  });
});
