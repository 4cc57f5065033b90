// CSV cells that open in a spreadsheet as the text they are (core/csv-cell.ts),
// in both logs that are written as CSV.
import { describe, expect, it } from 'vitest';
import { csvCell } from '../core/csv-cell.ts';
import { uploadLogCsv } from '../guard/upload-log-csv.ts';
import { logCsv } from '../export/log.ts';

describe('csvCell', () => {
  it('quotes text, keeps numbers, and sets off what a spreadsheet would run as a formula', () => {
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell('5条1号')).toBe('"5条1号"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    for (const formula of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(csvCell(formula)).toBe(`"'${formula.replace(/"/g, '""')}"`);
  });

  it('is what the upload log and the redaction log write', () => {
    const upload = uploadLogCsv([{ time: 't', site: 's', file: '=HYPERLINK("x")', sha256: 'h', found: 'password:1', choice: 'cancel', via: 'input' }]);
    expect(upload.split('\r\n')[1]).toContain(`"'=HYPERLINK(""x"")"`);
    // both start with a UTF-8 byte-order mark, so Excel reads them as UTF-8
    expect(upload.startsWith('\uFEFF"time","site"')).toBe(true);
    const log = logCsv([{ page: 1, kind: 'person-name', reason: '=1+1', source: 'manual', x: 1, y: 2, width: 3, height: 4 }]);
    expect(log.split('\r\n')[1]).toBe(`1,"person-name","'=1+1","manual",1,2,3,4`);
    expect(log.startsWith('\uFEFF"page","kind"')).toBe(true);
  });
});
