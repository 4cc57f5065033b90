// The issuing office's own contact details: the phone, mail box and address a
// letter or notice prints in its letterhead, footer or inquiry line (照会先：
// 西ノ浦保健所 0957-33-2100) are public, not a person's. Where a line says it is
// an office's contact and names no person, its contact details are not
// reported.

/** Says the line is where to reach the office: 問い合わせ先, 照会先, 発行, Inquiries, Contact us */
const OFFICE_CONTACT_MARKER = /問い?合わ?せ先|お問い?合わ?せ|照会先|連絡窓口|発行元?|事務局|代表電話|inquir(?:y|ies)|enquir(?:y|ies)|contact us/i;
/** Names an office (not a place: an addressee's address names a city too) */
const ORGANISATION =
  /[課係室局庁]|センター|役所|役場|保健所|事務所|株式会社|有限会社|合同会社|[(（]株[)）]|office|desk|division|department|section|bureau|cent(?:er|re)|city hall|government|co\.,? ?ltd|\binc\.|\bk\.k\./i;
/** An honorific: the line (or the next) addresses a person, whose address it is */
const ADDRESSEE = /様|殿|御中|\bdear\b|\bto:/i;
/** Says a number is the office's main line */
const MAIN_NUMBER = /代表|main (?:line|number)|switchboard/i;
/** Says a detail is a person's own: 個人携帯, 自宅, a personal or home number */
const PERSONAL = /個人|自宅|私用|私物|\bpersonal\b|\bprivate\b|\bhome\b/i;
/** Contact details in a letterhead or footer line */
const CONTACT_WORD = /tel|phone|fax|電話|℡|〒|@/i;
/** Lines at the top and bottom of a page that may be its letterhead or footer */
const EDGE_LINES = 3;
/** How many lines under an inquiry heading (【お問い合わせ先】) its block may run, to a blank line. */
const BLOCK_LINES = 4;
/** How long a heading may be, without its brackets and marks (本件に関するお問い合わせ先). */
const HEADING_LENGTH = 16;

function withoutAddresses(line: string): string {
  // token by token: a regex that widens each @ to its word would rescan a long line from every position
  return line
    .split(/(\s+)/)
    .map((token) => (token.includes('@') || token.includes('://') ? ' ' : token))
    .join('');
}

/** The line names an office outside its mail and web addresses (tested whole first: most lines name none). */
function namesOffice(line: string): boolean {
  return ORGANISATION.test(line) && ORGANISATION.test(withoutAddresses(line));
}

/**
 * The ranges [start, end) of the lines of `text` that give an office's
 * contact details, among the lines holding one of the offsets `at` (where
 * contact details were found: no other line needs judging).
 */
export function officeContactLines(text: string, at: readonly number[]): [number, number, number][] {
  const candidates = new Set<number>();
  // the line of each offset, in one walk down the page (a lastIndexOf for each would cost a page of one long line its square)
  let lineStart = 0;
  let nextBreak = text.indexOf('\n');
  for (const i of [...at].sort((a, b) => a - b)) {
    while (nextBreak !== -1 && nextBreak < i) {
      lineStart = nextBreak + 1;
      nextBreak = text.indexOf('\n', lineStart);
    }
    candidates.add(lineStart);
  }
  const edges = candidates.size ? edgeLineStarts(text) : new Set<number>();
  const out: [number, number, number][] = [];
  for (const s of [...candidates].sort((a, b) => a - b)) {
    let e = text.indexOf('\n', s);
    if (e === -1) e = text.length;
    const line = text.slice(s, e);
    // only the page's first and last lines, the lines with an inquiry marker and those of the block under an
    // inquiry heading can be an office's
    const block = OFFICE_CONTACT_MARKER.test(line) ? [] : blockUnderHeading(text, s);
    if (!block && !(edges.has(s) && CONTACT_WORD.test(line))) continue;
    const before = s > 0 ? text.slice(text.lastIndexOf('\n', s - 2) + 1, s - 1) : '';
    let afterEnd = text.indexOf('\n', e + 1);
    if (afterEnd === -1) afterEnd = text.length;
    const after = e < text.length ? text.slice(e + 1, afterEnd) : '';
    // (a detail the line calls someone's own, 個人携帯 or a home phone, is never the office's)
    if (PERSONAL.test(line) || ADDRESSEE.test(line) || ADDRESSEE.test(after)) continue;
    // where the office is named: the line itself, the line before, or the block under a heading; a person named
    // anywhere there (engine.ts looks from `from`) makes the details theirs
    const from = namesOffice(line) ? s : namesOffice(before) ? s - before.length - 1 : block?.some(namesOffice) ? s - block.reduce((n, l) => n + l.length + 1, 0) : -1;
    // (the main number, 代表, is the office's whoever the block names)
    if (from >= 0) out.push([s, e, MAIN_NUMBER.test(line) ? s : from]);
  }
  return out;
}

/**
 * The lines above the line at `s` up to an inquiry heading within BLOCK_LINES
 * (【本件に関するお問い合わせ先】 / the company and section / 担当 / TEL …), or
 * null when no heading is there before a blank line.
 */
function blockUnderHeading(text: string, s: number): string[] | null {
  const lines: string[] = [];
  for (let end = s - 1, k = 0; end > 0 && k < BLOCK_LINES; k++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    if (!line.trim()) return null;
    lines.push(line);
    // a heading: the marker and little else (a sentence that mentions 事務局 heads nothing; a long line is not
    // looked at, so body text costs no regex)
    if (line.length <= 2 * HEADING_LENGTH && OFFICE_CONTACT_MARKER.test(line)) {
      return line.replace(/[\s【】［］[\]〔〕()（）:：■□●◆◇・]/gu, '').length <= HEADING_LENGTH ? lines : null;
    }
    end = start - 1;
  }
  return null;
}

/** Where the first and last EDGE_LINES non-empty lines of `text` start. */
function edgeLineStarts(text: string): Set<number> {
  const starts = new Set<number>();
  for (let s = 0, n = 0; s < text.length && n < EDGE_LINES;) {
    let e = text.indexOf('\n', s);
    if (e === -1) e = text.length;
    if (text.slice(s, e).trim()) {
      starts.add(s);
      n++;
    }
    s = e + 1;
  }
  for (let e = text.length, n = 0; e > 0 && n < EDGE_LINES;) {
    const s = text.lastIndexOf('\n', e - 1) + 1;
    if (text.slice(s, e).trim()) {
      starts.add(s);
      n++;
    }
    e = s - 1;
  }
  return starts;
}
