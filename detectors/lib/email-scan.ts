// E-mail addresses found by walking out from each '@': linear in the text,
// where a regex with a leading open-ended class would retry at every letter.

const LOCAL = /[A-Za-z0-9._%+-]/;
const DOMAIN = /[A-Za-z0-9.-]/;

export interface EmailSpan {
  start: number;
  end: number;
  local: string;
  domain: string;
}

export function* emailSpans(text: string): Generator<EmailSpan> {
  let resumeAt = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at < resumeAt) continue;
    let s = at;
    while (s > 0 && at - s < 64 && LOCAL.test(text[s - 1])) s--;
    while (s < at && text[s] === '.') s++;
    let e = at + 1;
    while (e < text.length && e - at < 254 && DOMAIN.test(text[e])) e++;
    while (e > at + 1 && (text[e - 1] === '.' || text[e - 1] === '-')) e--;
    const local = text.slice(s, at);
    const domain = text.slice(at + 1, e);
    if (!local || !/^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}$/i.test(domain)) continue;
    resumeAt = e;
    yield { start: s, end: e, local, domain };
  }
}

const RESERVED_DOMAIN = /(?:^|\.)(?:example\.(?:com|net|org|jp|co\.jp)|example|test|invalid|localhost|domain\.com|sample\.com)$/i;
const PLACEHOLDER_LOCAL = /^(?:x+|user|name|your[._-]?(?:name|mail|address)?|foo|hoge|test|sample|dummy|mail|email|address)$/i;

/** Documentation domains and template addresses, never real people. */
export function isPlaceholderEmail(span: EmailSpan): boolean {
  return RESERVED_DOMAIN.test(span.domain) || PLACEHOLDER_LOCAL.test(span.local) || /^(.)\1+$/.test(span.local);
}
