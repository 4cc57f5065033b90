// One CSV cell as a spreadsheet will read it: numbers as they are, text quoted,
// and text that a spreadsheet would take for a formula (=, +, -, @, a tab or a
// carriage return first: a file named =HYPERLINK("…")) set off with an
// apostrophe, so that it opens as the text it is.
export function csvCell(value: string | number | undefined): string {
  if (typeof value === 'number') return String(value);
  const text = value ?? '';
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * Rows of cells as a CSV file: CRLF line ends, and a UTF-8 byte-order mark
 * first, so Excel on Japanese Windows reads 5条1号 as UTF-8 instead of Shift_JIS.
 */
export function csvFile(rows: readonly (readonly (string | number | undefined)[])[]): string {
  return '\uFEFF' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
