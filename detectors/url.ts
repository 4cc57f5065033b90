import type { Candidate, ScanContext } from '../engine/context.ts';
import type { Detector } from '../engine/detector.ts';
import { matches } from './lib/matches.ts';

// A URL runs to the first space, quote, bracket or non-ASCII character.
// Database and directory URLs (postgres://user:pass@host) carry credentials as often as web ones.
const URL_RE =
  /(?<![\w/])(?:https?|ftps?|sftp|ssh|rdp|smb|postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|ldaps?|mssql|sqlserver|oracle):\/\/[\w.~:/?#[\]@!$&'()*+,;=%-]{3,2000}/gi;
// Documentation shows the shape of a secret URL with the secret left out: …/TXXXXXXXX/…, <token>, your-key.
const PLACEHOLDER_PART = /X{6,}|x{6,}|\*{4,}|%3C|\{\{|\$\{|your[-_]?(?:token|key|secret|password)/;

const LOGIN_PATH =
  /\/(?:login|logon|signin|sign-in|auth|sso|saml|oauth|admin|administrator|manage|management|console|dashboard|wp-admin|wp-login|phpmyadmin|cpanel|portal|kanri|system)(?:[/.?#_-]|$)/i;
const SECRET_QUERY = /[?&](?:token|access_token|api_?key|key|secret|password|passwd|pwd|sig|signature|auth|session|sid)=[^&#\s]{6,}/i;
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
  if (PLACEHOLDER_PART.test(url.href)) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (url.username || url.password) return { score: 0.98, why: 'URL carrying user:password', critical: true };
  if (WEBHOOK.test(host) && /hook|webhook|services\/|\/api\/webhooks/i.test(url.pathname + host)) return { score: 0.95, why: 'webhook URL (a secret in itself)', critical: true };
  if (SECRET_QUERY.test(url.search)) return { score: 0.9, why: 'URL with a token in its query', critical: true };
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

function detect(ctx: ScanContext): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(ctx.text, URL_RE)) {
    const text = trimUrl(m.text);
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      continue;
    }
    const verdict = classify(url);
    if (!verdict) continue;
    out.push({ start: m.start, end: m.start + text.length, score: verdict.score, why: verdict.why, severity: verdict.critical ? 'critical' : undefined });
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
      { text: 'ログインURL：https://renkei-test.kitaminato.lg.jp/login', expect: 'https://renkei-test.kitaminato.lg.jp/login' },
      { text: '管理画面 http://192.168.12.40:8080/admin/', expect: 'http://192.168.12.40:8080/admin/' },
      { text: 'ftp://backup:S3cret!@files.example.org/', expect: 'ftp://backup:S3cret!@files.example.org/' },
      { text: 'https://hooks.slack.com/services/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', expect: 'https://hooks.slack.com/services/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' },
      { text: '(see http://fileserver/share/kojin)', expect: 'http://fileserver/share/kojin' },
      { text: 'DATABASE_URL=postgres://taxapp:pG7%v9Lw2xQ@db01.tax.example.org:5432/taxdb', expect: 'postgres://taxapp:pG7%v9Lw2xQ@db01.tax.example.org:5432/taxdb' },
      { text: '  https://filebox.kitaminato.local/share/download?id=8f3a21\n', expect: 'https://filebox.kitaminato.local/share/download?id=8f3a21' },
      { text: '住民情報システムへは \\\\jmsv01\\jumin\\ から接続する。', expect: '\\\\jmsv01\\jumin\\' },
      { text: '保存先：￥￥fs01￥共有￥保健所￥R6名簿。', expect: '￥￥fs01￥共有￥保健所￥R6名簿' },
    ],
    negative: [
      'https://www.city.kitaminato.lg.jp/kurashi/index.html',
      'https://www.mhlw.go.jp/stf/seisakunitsuite/',
      'https://example.com/docs',
      'printf("\\n") で改行する',
      '\\\\server\\share の形式で指定する',
      'sample_webhook = https://hooks.slack.com/services/TXXXXXXXX/BXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX',
    ],
  },
};
