// Layout analysis on PDFs built here: tables come out with the rows, columns,
// header rows and wrapped cells they were drawn with; a table continued on the
// next page reads its header from the page before; prose is not cut into tables.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../documents/pdf.ts';
import { nodePlatform } from '../platform/node.ts';
import type { Page } from '../core/document.ts';
import type { Table } from '../core/tables.ts';
import { scanDocument } from '../pipeline/scan.ts';
import { buildTablePdf, type TableSpec } from './fixtures/table-pdf.ts';

/** The text of each cell of a table, as rows of columns. */
function grid(page: Page, table: Table): string[][] {
  const rows: string[][] = Array.from({ length: table.rows }, () => Array.from({ length: table.columns }, () => ''));
  for (const c of table.cells) rows[c.row][c.col] = page.text.slice(c.start, c.end);
  return rows;
}

const ACCOUNTS: TableSpec = {
  columns: [50, 150, 260, 380],
  header: [['Name', 'Department', 'Username', 'Password']],
  rows: [
    ['Emily Carter', 'Finance', 'ecarter', 'Qm7!rTz2'],
    ['Daniel Brooks', 'Planning', 'dbrooks', 'Lp4#xNw8'],
    ['Hannah Lee', 'Welfare', 'hlee02', 'Vb9$kSd1'],
  ],
};

describe('layout analysis of PDF text', () => {
  it('finds the columns, header row and cells of an unruled table', async () => {
    const doc = await readPdf(await buildTablePdf({ pages: [[{ prose: ['Account list of the welfare system'] }, { table: ACCOUNTS }]] }), nodePlatform.pdfjs);
    const [page] = doc.pages;
    expect(page.tables).toHaveLength(1);
    const table = page.tables![0];
    expect(table.columns).toBe(4);
    expect(table.headerRows).toBe(1);
    expect(table.columnHeaders).toEqual(['Name', 'Department', 'Username', 'Password']);
    expect(grid(page, table).slice(1)).toEqual(ACCOUNTS.rows);
    // the title above is prose, not a row
    expect(page.text.split('\n')[0]).toBe('Account list of the welfare system');
  });

  it('reads a ruled table as the same table', async () => {
    const doc = await readPdf(await buildTablePdf({ pages: [[{ table: { ...ACCOUNTS, ruled: true } }]], font: 'TimesRoman' }), nodePlatform.pdfjs);
    const [page] = doc.pages;
    expect(grid(page, page.tables![0]).slice(1)).toEqual(ACCOUNTS.rows);
  });

  it('joins a spanning header over the two header rows under it', async () => {
    const spec: TableSpec = {
      columns: [50, 90, 200, 330, 440],
      header: [
        ['No', ['Staff', 2], ['Account', 2]],
        ['', 'Name', 'Date of birth', 'User ID', 'Password'],
      ],
      centreHeader: true,
      rows: [
        ['1', 'Olivia Grant', '1984-03-12', 'ogrant', 'Tr5%hYq9'],
        ['2', 'Marcus Webb', '1979-11-02', 'mwebb', 'Zx3&nMp7'],
      ],
    };
    const doc = await readPdf(await buildTablePdf({ pages: [[{ table: spec }]] }), nodePlatform.pdfjs);
    const table = doc.pages[0].tables![0];
    expect(table.headerRows).toBe(2);
    expect(table.columnHeaders).toEqual(['No', 'Staff Name', 'Staff Date of birth', 'Account User ID', 'Account Password']);
  });

  it('keeps a header written down its own column to that column (Household over No, Gender over code, beside one-line headers)', async () => {
    const spec: TableSpec = {
      columns: [50, 110, 230, 340, 380],
      header: [
        ['Household', '', '', 'Gender', ''],
        ['', 'Name', 'Kana name', '', 'Date of birth'],
        ['No', '', '', 'code', ''],
      ],
      // (the header's lines set tight, as in one tall header cell)
      padding: 1,
      rows: [
        ['05-0012', 'Olivia Grant', 'OLIVIA GRANT', '3', '1984-03-12'],
        ['05-0019', 'Marcus Webb', 'MARCUS WEBB', '1', '1979-11-02'],
        ['05-0023', 'Hana Kikuchi', 'HANA KIKUCHI', '5', '1926-03-02'],
      ],
    };
    const doc = await readPdf(await buildTablePdf({ pages: [[{ table: spec }]] }), nodePlatform.pdfjs);
    const table = doc.pages[0].tables![0];
    expect(table.headerRows).toBe(3);
    expect(table.columnHeaders).toEqual(['Household No', 'Name', 'Kana name', 'Gender code', 'Date of birth']);
  });

  it('keeps a wrapped cell in its row, joined where the line was cut', async () => {
    const spec: TableSpec = {
      columns: [50, 150, 330],
      header: [['Name', 'Address', 'Phone']],
      rows: [
        ['Grace Hall', '2-14-3 Minato-cho,\nKitaminato-shi', '090-2231-4409'],
        ['Peter Cole', '5-1 Aoba,\nSendai-shi', '080-7710-2285'],
      ],
      padding: 12,
    };
    const doc = await readPdf(await buildTablePdf({ pages: [[{ table: spec }]] }), nodePlatform.pdfjs);
    const [page] = doc.pages;
    const rows = grid(page, page.tables![0]);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual(['Grace Hall', '2-14-3 Minato-cho, Kitaminato-shi', '090-2231-4409']);
    expect(rows[2][1]).toBe('5-1 Aoba, Sendai-shi');
  });

  it('parts the values of two records set one under the other in a row, and keeps a token cut at its edge whole', async () => {
    // a household of two in one row: the short first name line says the break was made on purpose
    const spec: TableSpec = {
      columns: [50, 80, 220, 310, 350],
      header: [['No', 'Name', 'Born', 'Sex', 'Contact']],
      rows: [
        ['1', 'Ruth Ellison-Marlowe', '1938-01-31', 'F', 'r.marlowe@kita.jp'],
        ['2', 'Ann Lee\nBo Lee', '1940-02-02\n1942-03-03', 'F\nM', 'lee.household@kitaminato-\nmail.jp'],
        ['3', 'Omar Haddad', '1951-07-19', 'M', 'o.haddad@kita.jp'],
      ],
      padding: 12,
    };
    const doc = await readPdf(await buildTablePdf({ pages: [[{ table: spec }]] }), nodePlatform.pdfjs);
    const [page] = doc.pages;
    const rows = grid(page, page.tables![0]);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual(['1', 'Ruth Ellison-Marlowe', '1938-01-31', 'F', 'r.marlowe@kita.jp']);
    expect(rows[2]).toEqual(['2', 'Ann Lee Bo Lee', '1940-02-02 1942-03-03', 'F M', 'lee.household@kitaminato-mail.jp']);
  });

  it('reads a name split over Surname and Given name columns of a printed sheet as names', async () => {
    const spec: TableSpec = {
      columns: [50, 150, 260, 340],
      header: [['Surname', 'Given name', 'Room', 'Next review']],
      rows: [
        ["O'Donnell", 'Siobhan', '12B', '2025-04-01'],
        ['Kowalczyk', 'Piotr', '7A', '2025-05-12'],
      ],
    };
    const doc = await readPdf(await buildTablePdf({ pages: [[{ table: spec }]] }), nodePlatform.pdfjs);
    const names = scanDocument(doc)
      .filter((f) => f.kind === 'person-name')
      .map((f) => f.text);
    expect(names).toEqual(["O'Donnell", 'Siobhan', 'Kowalczyk', 'Piotr']);
  });

  it('reads a row of English headers as the header, however long one of them runs (Medical condition declared)', async () => {
    const spec: TableSpec = {
      columns: [50, 170, 260, 420],
      header: [['Full name', 'Date of birth', 'Medical condition declared', 'Licence no.']],
      rows: [
        ['Eleanor Whitcombe', '14/03/1987', 'epilepsy', 'WHITC853147EM9KT'],
        ['Gareth Pennington', '02/11/1959', 'type 1 diabetes', 'PENNI511029GA9QW'],
      ],
    };
    const doc = await readPdf(await buildTablePdf({ pages: [[{ table: spec }]], size: [841.89, 595.28] }), nodePlatform.pdfjs);
    const [page] = doc.pages;
    expect(page.tables![0]).toMatchObject({ headerRows: 1, columnHeaders: ['Full name', 'Date of birth', 'Medical condition declared', 'Licence no.'] });
    expect(scanDocument(doc).find((f) => f.text === '02/11/1959')?.kind).toBe('birth-date');
  });

  it('joins a number wrapped before its hyphen in a note that filled its line', async () => {
    const spec: TableSpec = {
      columns: [50, 150, 300],
      header: [['No', 'Note', 'Phone']],
      rows: [
        ['1', 'son 090-6634\n-2587', '0547-35-1298'],
        ['2', 'lives alone', '0547-35-6630'],
      ],
      padding: 12,
    };
    const doc = await readPdf(await buildTablePdf({ pages: [[{ table: spec }]] }), nodePlatform.pdfjs);
    const [page] = doc.pages;
    expect(grid(page, page.tables![0])[1][1]).toBe('son 090-6634-2587');
  });

  it('finds a column that starts where the long cells before it end, with no blank between them (a text edge)', async () => {
    const size = 9;
    const measure = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    const addresses = [
      '2-14-3 Minato-cho, Kitaminato-shi',
      '5-1 Aoba, Sendai-shi',
      'Flat 4, 11-2 Kamisugi, Aoba-ku, Sendai',
      '88 Oroshi-machi',
      '3-9 Nakano, Izumi-ku, Sendai-shi',
      '7-7-21 Kita, Izumi-ku',
    ];
    const phoneAt = 80 + Math.max(...addresses.map((a) => measure.widthOfTextAtSize(a, size))) + 1.5;
    const spec: TableSpec = {
      columns: [50, 80, phoneAt],
      header: [['No', 'Address', 'Phone']],
      rows: addresses.map((a, i) => [String(i + 1), a, `090-22${i}1-440${i}`]),
      size,
    };
    const doc = await readPdf(await buildTablePdf({ pages: [[{ table: spec }]] }), nodePlatform.pdfjs);
    const [page] = doc.pages;
    const table = page.tables![0];
    expect(table.columnHeaders).toEqual(['No', 'Address', 'Phone']);
    expect(grid(page, table).slice(1)).toEqual(spec.rows);
  });

  it('starts a row at every row number, however close under a row of wrapped cells it is set', async () => {
    const spec: TableSpec = {
      columns: [50, 80, 260, 380],
      header: [['No', 'Address', 'Phone', 'Notes']],
      rows: [
        ['1', '2-14-3 Minato-cho,\nKitaminato-shi', '090-2231-4409', 'home visit'],
        ['2', '5-1 Aoba,\nSendai-shi', '080-7710-2285', 'weekly call'],
        ['3', '88 Oroshi-machi', '', ''],
        ['4', '3-9 Nakano,\nIzumi-ku', '070-1184-3302', 'oxygen'],
        ['5', '7-7-21 Kita,\nIzumi-ku', '090-5521-0086', 'none'],
      ],
      padding: 0,
    };
    const doc = await readPdf(await buildTablePdf({ pages: [[{ table: spec }]] }), nodePlatform.pdfjs);
    const [page] = doc.pages;
    const rows = grid(page, page.tables![0]);
    expect(rows.map((r) => r[0])).toEqual(['No', '1', '2', '3', '4', '5']);
    expect(rows[3]).toEqual(['3', '88 Oroshi-machi', '', '']);
    expect(rows[4][1]).toBe('3-9 Nakano, Izumi-ku');
  });

  it('reaches no column to the left with an upper header set flush with its own column (Name | Account: User ID, Passcode)', async () => {
    const spec: TableSpec = {
      columns: [40, 120, 230, 330, 440],
      header: [
        ['', ['Account', 2], ['Contact', 2]],
        ['Name', 'User ID', 'Passcode', 'Phone', 'Email'],
      ],
      rows: [
        ['Amy Ross', 'aross', 'Ar0ss#77', '03-5412-8890', 'amy.ross@citymail.jp'],
        ['Ben Ito', 'bito2', 'Bi!to2024', '03-5412-8891', 'ben.ito@citymail.jp'],
      ],
    };
    const doc = await readPdf(await buildTablePdf({ pages: [[{ table: spec }]] }), nodePlatform.pdfjs);
    expect(doc.pages[0].tables![0].columnHeaders).toEqual(['Name', 'Account User ID', 'Account Passcode', 'Contact Phone', 'Contact Email']);
    const found = scanDocument(doc);
    expect(found.find((f) => f.text === 'Amy Ross')?.kind).toBe('person-name');
    expect(found.find((f) => f.text === 'Bi!to2024')?.kind).toBe('password');
  });

  it('reads a row of one filled cell between rows as a section label: no header row, no value, and the rows after it keep the header', async () => {
    const spec: TableSpec = {
      columns: [40, 170, 290, 410],
      header: [['Staff', 'Username', 'Temp PW', 'Mobile']],
      rows: [
        ['Finance Division', '', '', ''],
        ['Laura Green', 'lgreen', 'Lg#2024tmp', '090-1111-2233'],
        ['Mark Hill', 'mhill', 'Mh!2024tmp', '090-2222-3344'],
        ['Welfare Division', '', '', ''],
        ['Nina Park', 'npark', 'Np$2024tmp', '080-3333-4455'],
      ],
    };
    const doc = await readPdf(await buildTablePdf({ pages: [[{ table: spec }]] }), nodePlatform.pdfjs);
    const table = doc.pages[0].tables![0];
    expect(table.headerRows).toBe(1);
    expect(table.columnHeaders).toEqual(['Staff', 'Username', 'Temp PW', 'Mobile']);
    const found = scanDocument(doc);
    expect(found.find((f) => f.text === 'Nina Park')?.kind).toBe('person-name');
    expect(found.find((f) => f.text === 'Np$2024tmp')?.kind).toBe('password');
    expect(found.some((f) => /Division/.test(f.text))).toBe(false);
  });

  it('gives a table continued on the next page without a header the header of the page before', async () => {
    const more: TableSpec = {
      ...ACCOUNTS,
      header: undefined,
      rows: [
        ['Ruth Evans', 'Tax', 'revans', 'Hd8@pLq4'],
        ['Aaron Price', 'Housing', 'aprice', 'Wm2^cFs6'],
      ],
    };
    const doc = await readPdf(await buildTablePdf({ pages: [[{ table: ACCOUNTS }], [{ table: more }]] }), nodePlatform.pdfjs);
    expect(doc.pages[1].tables![0].headerRows).toBe(0);
    const found = scanDocument(doc).filter((f) => f.page === 2);
    expect(found.find((f) => f.text === 'Hd8@pLq4')?.kind).toBe('password');
    expect(found.find((f) => f.text === 'revans')?.kind).toBe('login-id');
    // the header line is not a finding, and page 1's header words are not either
    expect(scanDocument(doc).some((f) => /Password|Username/.test(f.text))).toBe(false);
  });

  it('passes no header to the next page when prose follows the table on its page, or stands above the table on the next', async () => {
    const other: TableSpec = {
      columns: ACCOUNTS.columns,
      rows: [
        ['Tax', 'Level 3', 'INC-20240611-0042', 'open'],
        ['Housing', 'Level 2', 'CHG-20240520-0007', 'closed'],
      ],
    };
    const prose = [
      'The accounts above are issued for the audit period only and are removed when the audit closes.',
      'Requests for changes go to the ICT section by the usual form.',
      'Keep this list locked away when it is not in use.',
      'Open items of the migration follow.',
    ];
    const after = await readPdf(await buildTablePdf({ pages: [[{ table: ACCOUNTS }, { prose }], [{ table: other }]] }), nodePlatform.pdfjs);
    const before = await readPdf(await buildTablePdf({ pages: [[{ table: ACCOUNTS }], [{ prose }, { table: other }]] }), nodePlatform.pdfjs);
    for (const doc of [after, before]) {
      expect(doc.pages[1].tables?.[0]?.rows).toBe(2);
      // a ticket number under the column that was Username on page 1 is no account
      expect(scanDocument(doc).filter((f) => f.page === 2 && f.kind === 'login-id')).toEqual([]);
    }
  });

  it('takes a header whose cells wrap over lines of their own, under title rows, as one header', async () => {
    const spec: TableSpec = {
      columns: [40, 120, 230, 340],
      rows: [
        ['Extract 2024/09/02', '', '', 'Operator 0412'],
        ['System v3.2.1', '', '', 'Page 1 of 2'],
        ['Household', '', '', 'Support'],
        ['', 'Name', 'Phone', 'Care'],
        ['No.', '', '', 'level'],
        ['05-0012', 'Emily Carter', '090-3318-4702', 'Level 3'],
        ['05-0019', 'Daniel Brooks', '0224-55-1876', 'Level 5'],
        ['05-0023', 'Hannah Lee', '090-1185-6634', 'Level 2'],
      ],
    };
    const doc = await readPdf(await buildTablePdf({ pages: [[{ table: spec }]] }), nodePlatform.pdfjs);
    const table = doc.pages[0].tables!.find((t) => t.headerRows > 0)!;
    console.log(table.headerRows, table.columnHeaders);
    expect(table.columnHeaders[0]).toMatch(/Household.*No\./);
    expect(table.columnHeaders[1]).toMatch(/Name/);
    expect(table.rows - table.headerRows).toBe(3);
  });

  it('takes a lone line of cells at the top of the next page as the last row of the table, under its header', async () => {
    const last: TableSpec = { ...ACCOUNTS, header: undefined, rows: [['Ruth Evans', 'Tax', 'revans', 'Hd8@pLq4']] };
    const doc = await readPdf(await buildTablePdf({ pages: [[{ table: ACCOUNTS }], [{ table: last }, { prose: ['Issued by the ICT section. Keep this list locked away.'] }]] }), nodePlatform.pdfjs);
    const table = doc.pages[1].tables![0];
    expect(table.rows).toBe(1);
    expect(table.headerRows).toBe(0);
    const found = scanDocument(doc).filter((f) => f.page === 2);
    expect(found.find((f) => f.text === 'Hd8@pLq4')?.kind).toBe('password');
    expect(found.find((f) => f.text === 'revans')?.kind).toBe('login-id');
    expect(found.find((f) => f.text === 'Ruth Evans')?.kind).toBe('person-name');
    // a line of prose on a page after a table is no row of it
    const prose = await readPdf(await buildTablePdf({ pages: [[{ table: ACCOUNTS }], [{ prose: ['The accounts above were issued in April and expire in March.'] }]] }), nodePlatform.pdfjs);
    expect(prose.pages[1].tables ?? []).toEqual([]);
  });

  it('gives the header of the page before to a continued table set a little to the side (a scanner feeds each sheet off by a few points)', async () => {
    const first: TableSpec = {
      columns: [50, 72, 170, 270],
      header: [['No', 'Name', 'Username', 'Password']],
      rows: [
        ['1', 'Emily Carter', 'ecarter', 'Qm7!rTz2'],
        ['2', 'Daniel Brooks', 'dbrooks', 'Lp4#xNw8'],
      ],
    };
    const more: TableSpec = {
      columns: [62, 84, 182, 282],
      rows: [
        ['3', 'Ruth Evans', 'revans', 'Hd8@pLq4'],
        ['4', 'Aaron Price', 'aprice', 'Wm2^cFs6'],
      ],
    };
    const doc = await readPdf(await buildTablePdf({ pages: [[{ table: first }], [{ table: more }]] }), nodePlatform.pdfjs);
    const found = scanDocument(doc).filter((f) => f.page === 2);
    expect(found.find((f) => f.text === 'Wm2^cFs6')?.kind).toBe('password');
    expect(found.find((f) => f.text === 'Ruth Evans')?.kind).toBe('person-name');
  });

  it('cuts a continued table at the columns of the page before where its cells run up to the next column', async () => {
    // Courier: every address on page 2 is 27 characters and ends 1.2 points before the phone column,
    // so page 2 alone shows no blank between them; page 1, with its header and short addresses, does
    const columns = [50, 150, 297];
    const first: TableSpec = {
      columns,
      header: [['Name', 'Address', 'Phone']],
      rows: [
        ['Emily Carter', '4-2 Oroshi-machi', '022-215-3391'],
        ['Daniel Brooks', '88 Nakano', '022-371-0456'],
        ['Hannah Lee', '3-9 Izumi-ku', '022-608-7713'],
      ],
    };
    const more: TableSpec = {
      columns,
      rows: [
        ['Ruth Evans', '12-5 Kamisugi 2-chome, Aoba', '022-224-5180'],
        ['Aaron Price', '7-31 Tsutsujigaoka, Miyagin', '022-299-6407'],
        ['Grace Holt', '1-14 Nagamachi-minami, Taih', '022-246-8832'],
        ['Owen Marsh', '5-2 Higashi-kuromatsu, Izum', '022-375-1169'],
        ['Lucy Brandt', '19-40 Kita-nemawari, Sendai', '022-263-5527'],
      ],
    };
    const pdf = (pages: TableSpec[]) => buildTablePdf({ pages: pages.map((table) => [{ table }]), font: 'Courier' });
    const doc = await readPdf(await pdf([first, more]), nodePlatform.pdfjs);
    const page = doc.pages[1];
    expect(grid(page, page.tables![0])).toEqual(more.rows);
    // the same page on its own has nothing to go by
    const alone = (await readPdf(await pdf([more]), nodePlatform.pdfjs)).pages[0];
    expect(alone.tables![0].columns).toBe(2);
  });

  it('reads a note set close under a table as prose after it, not as a row', async () => {
    const note = '*      Temporary passwords are changed at the first login; the department confirms each user by phone.';
    const doc = await readPdf(await buildTablePdf({ pages: [[{ table: { ...ACCOUNTS, padding: 2 } }, { gap: -6 }, { prose: [note] }]] }), nodePlatform.pdfjs);
    const [page] = doc.pages;
    const table = page.tables![0];
    expect(grid(page, table).slice(1)).toEqual(ACCOUNTS.rows);
    expect(page.text.split('\n')).toContain(note.replace(/ +/, ' '));
  });

  it('does not cut prose into tables, and reads two columns of text one after the other', async () => {
    const prose = [
      'The committee met on Tuesday to review the budget for the coming year and the schedule',
      'of works. Members asked the office to report on the state of the resident services and',
      'the policy on notices. The chair closed the meeting at four in the afternoon.',
    ];
    const left = ['The first column of the newsletter tells', 'readers about the new library hours and', 'the events planned for the spring term.'];
    const right = ['The second column describes the changes', 'to waste collection days in the northern', 'district starting from the first of April.'];
    const doc = await readPdf(await buildTablePdf({ pages: [[{ prose }, { textColumns: [left, right] }]] }), nodePlatform.pdfjs);
    const [page] = doc.pages;
    expect(page.tables ?? []).toEqual([]);
    expect(page.text).toContain(prose.join('\n'));
    expect(page.text).toContain([...left, ...right].join('\n'));
  });

  it('reads a form of label and value cells as rows, not as a header over values', async () => {
    const form: TableSpec = {
      columns: [50, 180],
      rows: [
        ['Applicant', 'Sophie Turner'],
        ['Date of birth', '12 May 1988'],
        ['Phone', '090-4417-2290'],
      ],
    };
    const doc = await readPdf(await buildTablePdf({ pages: [[{ table: form }]] }), nodePlatform.pdfjs);
    const [page] = doc.pages;
    expect(page.tables![0].headerRows).toBe(0);
    expect(grid(page, page.tables![0])[0]).toEqual(['Applicant', 'Sophie Turner']);
    const kinds = Object.fromEntries(scanDocument(doc).map((f) => [f.text, f.kind]));
    expect(kinds['090-4417-2290']).toBe('phone');
  });

  it('reads a table inside a form under its own header, and the form after it as the form', async () => {
    const form: TableSpec = {
      columns: [50, 150, 260, 330, 430],
      rows: [
        ['Applicant', 'Sophie Turner'],
        ['Phone', '090-4417-2290'],
        ['', 'Name', 'Relation', 'Date of birth', 'Occupation'],
        ['', 'Sophie Turner', 'Self', '12 May 1988', 'Job seeker'],
        ['', 'Oliver Turner', 'Son', '3 Feb 2018', 'Nursery'],
        ['Address', '2-14-3 Minato-cho', '', '', ''],
        ['Bank account', 'Shiosai Shinkin', 'Shiomi branch', '', ''],
      ],
    };
    const doc = await readPdf(await buildTablePdf({ pages: [[{ table: form }]] }), nodePlatform.pdfjs);
    const [page] = doc.pages;
    const inner = page.tables!.find((t) => t.headerRows === 1)!;
    expect(inner.columnHeaders).toEqual(['', 'Name', 'Relation', 'Date of birth', 'Occupation']);
    expect(grid(page, inner).map((r) => r[1])).toEqual(['Name', 'Sophie Turner', 'Oliver Turner']);
    // the form goes on below it: its labels and values are not under Name or Relation
    expect(grid(page, page.tables![page.tables!.length - 1])[1].slice(0, 3)).toEqual(['Bank account', 'Shiosai Shinkin', 'Shiomi branch']);
    const found = scanDocument(doc);
    expect(found.find((f) => f.text === 'Oliver Turner')?.kind).toBe('person-name');
    expect(found.find((f) => f.text === '3 Feb 2018')?.kind).toBe('birth-date');
    expect(found.some((f) => /Shiosai|Shiomi|Bank/.test(f.text))).toBe(false);
  });

  it('reads a record of labels stacked over their values as one small table per row of labels', async () => {
    const record: TableSpec = {
      columns: [50, 300],
      header: [['Full name', 'Date of birth']],
      rows: [
        ['Priya Natarajan', '3 May 1990'],
        ['Home address', 'Mobile'],
        ['14 Elm Road\nLeeds LS6 2QP', '07700 900461'],
        ['Personal e-mail', 'Position'],
        ['priya.n@example.org', 'Class teacher'],
      ],
    };
    const doc = await readPdf(await buildTablePdf({ pages: [[{ table: record }]], font: 'TimesRoman' }), nodePlatform.pdfjs);
    const [page] = doc.pages;
    expect(page.tables!.map((t) => t.columnHeaders)).toEqual([
      ['Full name', 'Date of birth'],
      ['Home address', 'Mobile'],
      ['Personal e-mail', 'Position'],
    ]);
    // the wrapped address is one cell under its own label
    expect(grid(page, page.tables![1])[1][0]).toMatch(/^14 Elm Road\s+Leeds LS6 2QP$/);
    const found = scanDocument(doc);
    expect(found.find((f) => f.text.startsWith('14 Elm Road'))?.kind).toBe('address');
  });

  it('keeps the rows of a form section framed by a box above a ruled table', async () => {
    const form: TableSpec = {
      columns: [50, 170, 300, 440],
      boxed: true,
      rows: [
        ['Contract type', 'Fixed-term', 'Base salary', '398,500'],
        ['Contract period', '1 Apr 2024 - 31 Mar 2026', 'Housing allowance', '27,000'],
        ['Weekly hours', '38.75', 'Commuting allowance', '4,200'],
        ['Order no.', '4012 7736', 'Resident tax', '21,300'],
      ],
    };
    const leave: TableSpec = {
      columns: [50, 130, 210, 260, 450],
      ruled: true,
      header: [['FROM', 'TO', 'DAYS', 'REASON', 'APPROVED']],
      rows: [
        ['02 Sep 2024', '03 Sep 2024', '2', 'Sick leave: influenza A', 'K. Sato'],
        ['18 Nov 2024', '29 Nov 2024', '10', 'Hospitalised - appendectomy', 'K. Sato'],
        ['14 Mar 2025', '14 Mar 2025', '1', 'Migraine with aura', 'K. Sato'],
      ],
    };
    const doc = await readPdf(await buildTablePdf({ pages: [[{ table: form }, { prose: ['LEAVE RECORD'] }, { table: leave }]] }), nodePlatform.pdfjs);
    const [page] = doc.pages;
    const tables = page.tables!;
    expect(tables.map((t) => [t.rows, t.columns])).toEqual([
      [4, 4],
      [4, 5],
    ]);
    expect(grid(page, tables[0])[1]).toEqual(form.rows[1]);
    expect(tables[1].columnHeaders).toEqual(leave.header![0]);
    const health = scanDocument(doc)
      .filter((f) => f.kind === 'health')
      .map((f) => f.text);
    expect(health).toEqual(expect.arrayContaining(['Sick leave: influenza A', 'Hospitalised - appendectomy', 'Migraine with aura']));
  });
});
