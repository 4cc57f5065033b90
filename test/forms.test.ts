// Forms read as rows of cells: a label in the first cell names the values
// beside it, and a cell that starts with another field's name holds that
// field (性別女, 生年月日 昭和52年…), not a value of the row's label.
import { describe, expect, it } from 'vitest';
import { scanText } from '../pipeline/scan.ts';

describe('forms of label and value cells', () => {
  it('reads each row label’s value, and no other field of the row as a name', () => {
    const form = [
      'ふりがな\tやまぐち ともこ\t\t性別女',
      '氏名\t山口 智子\t\t生年月日 昭和52年4月3日',
      '住所\t東雲市若葉台三丁目12番地4\t\tコーポ若葉203号',
      '職業\tパート\t\t連絡可能 平日17時以降',
    ].join('\n');
    const names = scanText(form, 1)
      .filter((f) => f.kind === 'person-name')
      .map((f) => f.text);
    expect(names).toContain('やまぐち ともこ');
    expect(names).toContain('山口 智子');
    expect(names).not.toContain('性別女');
    expect(scanText(form, 1).find((f) => f.text === '昭和52年4月3日')?.kind).toBe('birth-date');
  });
});
