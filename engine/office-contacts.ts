// The issuing office's own contact details: the phone, mail box and address a
// letter or notice prints in its letterhead, footer or inquiry line (照会先：
// 西ノ浦保健所 0957-33-2100) are public, not a person's. Where a line says it is
// an office's contact and names no person, its contact details are not
// reported.

/** Says the line is where to reach the office: 問い合わせ先, 照会先, 発行, Inquiries, Contact us */
const OFFICE_CONTACT_MARKER = /問い?合わ?せ先|お問い?合わ?せ|照会先|連絡窓口|発行元?|事務局|代表電話|inquir(?:y|ies)|enquir(?:y|ies)|contact us/iu;
/** Names an office (not a place: an addressee's address names a city too) */
const ORGANISATION = /[課係室局庁]|センター|役所|役場|保健所|事務所|office|desk|division|department|section|bureau|cent(?:er|re)|city hall|government/iu;
/** An honorific: the line (or the next) addresses a person, whose address it is */
const ADDRESSEE = /様|殿|御中|\bdear\b|\bto:/iu;
/** Contact details in a letterhead or footer line */
const CONTACT_WORD = /tel|phone|fax|電話|℡|〒|@/iu;
/** Lines at the top and bottom of a page that may be its letterhead or footer */
const EDGE_LINES = 3;

function withoutAddresses(line: string): string {
  return line.replace(/\S*(?:@|:\/\/)\S*/g, ' ');
}

/** The ranges [start, end) of the lines of `text` that give an office's contact details. */
export function officeContactLines(text: string): [number, number][] {
  const lines: [number, number][] = [];
  for (let at = 0; at <= text.length;) {
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    lines.push([at, end]);
    at = end + 1;
  }
  const filled = lines.map(([s, e], i) => ({ i, s, e })).filter(({ s, e }) => text.slice(s, e).trim());
  const edge = new Set([...filled.slice(0, EDGE_LINES), ...filled.slice(-EDGE_LINES)].map(({ i }) => i));
  const out: [number, number][] = [];
  lines.forEach(([s, e], i) => {
    const line = text.slice(s, e);
    const before = i > 0 ? text.slice(lines[i - 1][0], lines[i - 1][1]) : '';
    const after = i + 1 < lines.length ? text.slice(lines[i + 1][0], lines[i + 1][1]) : '';
    // the office is named in words, not inside a mail or web address (taro@city-office.jp)
    const organisation = ORGANISATION.test(withoutAddresses(line)) || ORGANISATION.test(withoutAddresses(before));
    if (!organisation || ADDRESSEE.test(line) || ADDRESSEE.test(after)) return;
    if (OFFICE_CONTACT_MARKER.test(line) || (edge.has(i) && CONTACT_WORD.test(line))) out.push([s, e]);
  });
  return out;
}
