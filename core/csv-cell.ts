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
