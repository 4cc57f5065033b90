import type { Candidate, ScanContext } from '../engine/context.ts';
import type { Detector } from '../engine/detector.ts';
import { matches } from './lib/matches.ts';
import { keyRole } from './lib/named-keys.ts';
import { rejectCredential } from './lib/credential-value.ts';

// A URL runs to the first space, quote, bracket or non-ASCII character.
// Database and directory URLs (postgres://user:pass@host) carry credentials as often as web ones.
const URL_RE =
  /(?<![\w/])(?:https?|ftps?|sftp|ssh|rdp|smb|postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|ldaps?|mssql|sqlserver|oracle):\/\/[\w.~:/?#[\]@!$&'()*+,;=%-]{3,2000}/gi;
// Documentation shows the shape of a secret URL with the secret left out: …/TXXXXXXXX/…, <token>, your-key.
const PLACEHOLDER_PART = /X{6,}|x{6,}|\*{4,}|%3C|\{\{|\$\{|your[-_]?(?:token|key|secret|password)/;

const LOGIN_PATH =
  /\/(?:login|logon|signin|sign-in|auth|sso|saml|oauth|admin|administrator|manage|management|console|dashboard|wp-admin|wp-login|phpmyadmin|cpanel|portal|kanri|system)(?:[/.?#_-]|$)/i;
// query parameters that carry a secret besides the secret-named ones (lib/named-keys.ts): a signature, a session
const SECRET_PARAM = /^(?:key|sig|signature|auth|session|sid)$/i;
const QUERY_PARAM = /[?&]([\w.-]{1,40})=([^&#\s]{1,512})/g;
// the words a format's description uses for the parts of a URL: https://user:password@host
const GENERIC_PART = /^(?:user(?:name)?|login|name|pass(?:word)?|passwd|pwd|secret|token|key|apikey|id|me|you|your[\w-]*|git|anonymous|ftp|guest)$/i;
// reserved documentation domains (RFC 2606), in a sentence about a format or an example
const EXAMPLE_HOST = /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid)$/i;
const FORMAT_WORDS = /format|syntax|\bform\b|template|e\.g\.|for example|such as|\bdocs?\b|documentation|\bsample\b|形式|書式|記述例|例[:：)）]|の例|のように|マニュアル|手順書/i;
const INTERNAL_HOST = /(?:^|\.)(?:lgwan|intra|intranet|internal|corp|local|lan|localhost|home\.arpa)(?:\.|$)|\.lgwan\.jp$/i;
const LG_JP_SYSTEM = /^(?:[^.]*(?:test|dev|stg|staging|admin|intra|renkei|portal|vpn|sys|kanri|mail|webmail)[^.]*)\..+\.lg\.jp$/i;
const PRIVATE_IP = /^(?:10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(?:1[6-9]|2\d|3[01])\.\d+\.\d+|127\.\d+\.\d+\.\d+)$/;
const WEBHOOK = /^(?:hooks\.slack\.com|discord(?:app)?\.com|outlook\.office\.com|[\w-]+\.webhook\.office\.com|chat\.googleapis\.com)$/i;

interface Verdict {
  score: number;
  why: string;
  critical?: boolean;
}

function classify(url: URL): Verdict | null {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (WEBHOOK.test(host) && /hook|webhook|services\/|\/api\/webhooks/i.test(url.pathname + host)) return { score: 0.95, why: 'webhook URL (a secret in itself)', critical: true };
  if (PRIVATE_IP.test(host) || INTERNAL_HOST.test(host) || !host.includes('.')) return { score: 0.9, why: `internal host ${host}` };
  if (LG_JP_SYSTEM.test(host)) return { score: 0.9, why: `municipal system host ${host}` };
  if (LOGIN_PATH.test(url.pathname)) return { score: 0.85, why: 'login or admin URL' };
  return null;
}

// A Windows file share (\\fs01\共有\保健所): an internal location by nature. Japanese
// documents often print the backslash as ¥ (the same key on a Japanese keyboard).
const SHARE_PART = String.raw`[^\s\\¥"'<>|*?、。，．)）」』]`;
const UNC = new RegExp(String.raw`(?<![\w\\¥])[\\¥]{2}[A-Za-z0-9][\w.-]{0,62}[\\¥]${SHARE_PART}+(?:[\\¥]${SHARE_PART}*)*`, 'g');

function trimUrl(s: string): string {
  // sentence punctuation and an unbalanced closing bracket are not part of the URL
  let t = s.replace(/[.,;:!?'"]+$/, '');
  if (t.endsWith(')') && !t.includes('(')) t = t.slice(0, -1);
  return t;
}

/** A credential part worth reporting: not a word of the format's description, not a placeholder. */
function realPart(part: string, context: string): boolean {
  return part.length > 0 && !GENERIC_PART.test(part) && !/^[<{$%[]/.test(part) && !rejectCredential(part, context);
}

/**
 * The credentials a URL carries: the user and password of user:password@host,
 * the value of ?password=…, ?token=…, ?sig=… (a URL that carries any is
 * reported whole).
 * Returns the parts and the URL's own span left around them ([from, to) in the URL).
 */
function credentials(text: string, url: URL, context: string): { parts: Candidate[]; from: number; to: number } {
  const parts: Candidate[] = [];
  let from = 0;
  let to = text.length;
  const authority = text.indexOf('://') + 3;
  // (after the user part when there is one: a password written raw may hold # / ?)
  const userEnd = USERINFO.exec(text)?.[0].length ?? authority;
  const rest = text.slice(userEnd).search(/[/?#]/);
  const authorityEnd = rest === -1 ? text.length : userEnd + rest;
  const at = text.lastIndexOf('@', authorityEnd - 1);
  const documentation = EXAMPLE_HOST.test(url.hostname) && FORMAT_WORDS.test(context);
  if (at >= authority) {
    from = at + 1;
    const info = text.slice(authority, at);
    const colon = info.indexOf(':');
    const user = colon === -1 ? info : info.slice(0, colon);
    const pass = colon === -1 ? '' : info.slice(colon + 1);
    if (!documentation && realPart(user, context)) parts.push({ start: authority, end: authority + user.length, score: 0.9, why: 'user in a URL', kind: 'login-id' });
    if (!documentation && realPart(pass, context)) parts.push({ start: at - pass.length, end: at, score: 0.98, why: 'password in a URL', kind: 'password' });
  }
  const query = text.indexOf('?', authorityEnd);
  if (query !== -1) {
    for (const q of matches(text, QUERY_PARAM, query)) {
      const [name, value] = [q.groups[0]!, q.groups[1]!];
      const role = keyRole(name);
      if (!role && !SECRET_PARAM.test(name)) continue;
      if (documentation || !realPart(value, context) || (role !== 'login-id' && value.length < 6)) continue;
      const start = q.end - value.length;
      const kind = role === 'password' || role === 'login-id' ? role : 'api-key';
      parts.push({ start, end: q.end, score: 0.9, why: `${name} in a URL's query`, kind });
    }
    if (parts.length) to = query;
  }
  return { parts, from, to };
}

/** A URL's scheme and user part up to the @ before its host: the user without / : @, the password greedy, so one written raw may hold @ # / ? (postgres://app:Jk#8v!x@10.0.0.5:5432/db); a path's /@name is no user. */
const USERINFO = /^[a-z][\w+.-]*:\/\/[^\s/:@]+(?::\S*)?@(?=[\w.-]+(?::\d{1,5})?(?:[/?#]|$))/i;

/** The URL as the platform parses it: a password written raw, with characters a URL reserves, is encoded first. */
function parseUrl(text: string): URL | null {
  const user = USERINFO.exec(text)?.[0];
  const scheme = text.indexOf('://') + 3;
  const encoded = user ? text.slice(0, scheme) + user.slice(scheme, -1).replace(/[#/?@\s]/g, encodeURIComponent) + text.slice(user.length - 1) : text;
  try {
    return new URL(encoded);
  } catch {
    return null;
  }
}

function detect(ctx: ScanContext): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(ctx.text, URL_RE)) {
    const text = trimUrl(m.text);
    const url = parseUrl(text);
    if (!url) continue;
    if (PLACEHOLDER_PART.test(url.href)) continue;
    // the sentence around the URL (a format's description, a bad example), not the URL's own words
    const { parts, from, to } = credentials(text, url, `${ctx.before(m.start, 80)} ${ctx.after(m.start + text.length, 80)}`);
    // a URL carrying credentials is one finding, the whole URL (CONTRACT §2: such URLs are url findings), masked whole
    if (parts.length) {
      out.push({ start: m.start, end: m.start + text.length, score: 0.98, why: parts.map((p) => p.why).join(', '), severity: 'critical' });
      continue;
    }
    // the URL itself, without its credentials, when it is an internal or login location
    const bare = new URL(url.href);
    bare.username = '';
    bare.password = '';
    if (to < text.length) bare.search = '';
    const verdict = classify(bare);
    if (!verdict) continue;
    const [start, end] = verdict.critical ? [0, text.length] : [from, to];
    out.push({ start: m.start + start, end: m.start + end, score: verdict.score, why: verdict.why, severity: verdict.critical ? 'critical' : undefined });
  }
  for (const m of matches(ctx.text, UNC)) {
    const text = trimUrl(m.text);
    if (PLACEHOLDER_PART.test(text) || /^[\\¥]{2}(?:server|servername|hostname|host|pc|computer)[\\¥]/i.test(text)) continue;
    out.push({ start: m.start, end: m.start + text.length, score: 0.85, why: 'internal file share path' });
  }
  return out;
}

export const url: Detector = {
  id: 'url',
  kind: 'url',
  severity: 'high',
  triggers: ['://', '\\\\', '¥¥'],
  detect,
  examples: {
    positive: [
      { text: 'DATABASE_URL=postgres://juki_app:Jk#8vR2!mQx7@10.21.4.31:5432/juki_prod', expect: 'postgres://juki_app:Jk#8vR2!mQx7@10.21.4.31:5432/juki_prod' },
      { text: 'ログインURL：https://renkei-test.kitaminato.lg.jp/login', expect: 'https://renkei-test.kitaminato.lg.jp/login' },
      { text: '管理画面 http://192.168.12.40:8080/admin/', expect: 'http://192.168.12.40:8080/admin/' },
      // a URL's credentials are reported alone: the password, the user, and the rest when it is a notable location
      { text: 'ftp://backup:S3cret!@files.example.org/', expect: 'ftp://backup:S3cret!@files.example.org/' },
      { text: 'https://admin:Xy7kL9mQ2@intra.kitaminato.local/admin/', expect: 'https://admin:Xy7kL9mQ2@intra.kitaminato.local/admin/' },
      { text: 'jdbc:mysql://db01:3306/tax?user=taxapp&password=Xy7kL9mQ2', expect: 'mysql://db01:3306/tax?user=taxapp&password=Xy7kL9mQ2' },
      { text: 'https://filebox.kitaminato.local/dl?file=42&token=8f3kQ9zLm2Xp', expect: 'https://filebox.kitaminato.local/dl?file=42&token=8f3kQ9zLm2Xp' },
      { text: 'https://acct.blob.core.windows.net/c/f.pdf?sv=2024-01-01&sig=Zx81Lq0PmWn27RtY%2F5vB3', expect: 'https://acct.blob.core.windows.net/c/f.pdf?sv=2024-01-01&sig=Zx81Lq0PmWn27RtY%2F5vB3' },
      { text: 'https://hooks.slack.com/services/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', expect: 'https://hooks.slack.com/services/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' },
      { text: '(see http://fileserver/share/kojin)', expect: 'http://fileserver/share/kojin' },
      { text: 'DATABASE_URL=postgres://taxapp:pG7%v9Lw2xQ@db01.tax.example.org:5432/taxdb', expect: 'postgres://taxapp:pG7%v9Lw2xQ@db01.tax.example.org:5432/taxdb' },
      { text: '  https://filebox.kitaminato.local/share/download?id=8f3a21\n', expect: 'https://filebox.kitaminato.local/share/download?id=8f3a21' },
      { text: '住民情報システムへは \\\\jmsv01\\jumin\\ から接続する。', expect: '\\\\jmsv01\\jumin\\' },
      { text: '保存先：￥￥fs01￥共有￥保健所￥R6名簿。', expect: '￥￥fs01￥共有￥保健所￥R6名簿' },
    ],
    negative: [
      { text: 'See https://medium.com/@kitaminato/post-1 and https://mastodon.social/@city', why: 'a profile path, not a user of the URL' },
      { text: 'curl -s https://hooks.example.com/notify?user=demo&password=demo123   # from the docs, never ran', why: 'a documentation domain in a line that says it comes from the docs' },
      'https://www.city.kitaminato.lg.jp/kurashi/index.html',
      'https://www.mhlw.go.jp/stf/seisakunitsuite/',
      'https://example.com/docs',
      'printf("\\n") で改行する',
      '\\\\server\\share の形式で指定する',
      'sample_webhook = https://hooks.slack.com/services/TXXXXXXXX/BXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX',
      { text: 'Use the format https://user:password@example.com to connect.', why: "the format's own words for the parts" },
      { text: 'Write it in the form https://alice:s3cr3t!@example.com/path.', why: 'a documentation domain in a sentence about the format' },
      { text: 'git clone ssh://git@github.com/org/repo.git', why: "git's conventional user" },
      { text: 'https://api.example.org/v1/items?api_key=<your-key>', why: 'a fill-in' },
    ],
  },
};
