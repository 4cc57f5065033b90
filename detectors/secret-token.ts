import type { Candidate, ScanContext } from '../engine/context.ts';
import type { Detector } from '../engine/detector.ts';
import { findLabelledValues, type LabelRule } from './lib/labels.ts';
import { entropy } from './lib/checksums.ts';
import { isPlaceholder } from './lib/placeholders.ts';

// Secrets without a known prefix: a long random-looking value beside a
// key/secret/token label (aws_secret_access_key = 9BcQ…, client_secret: …).
const SECRET_LABEL =
  /(?:(?<![\w-])[\w-]{0,40}?(?:secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential|auth[_-]?key|signing[_-]?key|client[_-]?secret)[\w-]{0,40}|シークレット(?:キー)?|アクセスキー|秘密鍵|トークン|apiキー|認証キー)/giu;
const SECRET_VALUE = /[A-Za-z0-9+/=_.~-]{16,512}/y;

const RULE: LabelRule = { label: SECRET_LABEL, value: SECRET_VALUE, columns: true };

function detect(ctx: ScanContext): Candidate[] {
  const out: Candidate[] = [];
  for (const v of findLabelledValues(ctx, RULE)) {
    if (!v.separated) continue;
    const value = ctx.text.slice(v.start, v.end);
    if (isPlaceholder(value)) continue;
    const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((re) => re.test(value)).length;
    // random keys mix letter cases and digits and have high entropy
    if (classes < 2 || entropy(value) < 3.5) continue;
    out.push({ start: v.start, end: v.end, score: 0.9, why: `high-entropy value after ${v.label}` });
  }
  return out;
}

export const secretToken: Detector = {
  id: 'secret-token',
  kind: 'api-key',
  severity: 'critical',
  triggers: ['secret', 'token', 'key', 'credential', 'シークレット', 'アクセスキー', '秘密鍵', 'トークン', 'キー'],
  detect,
  examples: {
    positive: [
      { text: 'aws_secret_access_key = 9BcQdB8hOL2+hYz27ornvYeJYQtvazpLMkPKZxBg', expect: '9BcQdB8hOL2+hYz27ornvYeJYQtvazpLMkPKZxBg' },
      { text: 'client_secret: 7f3kQ9zLm2XpV8rT1wYb4NcD', expect: '7f3kQ9zLm2XpV8rT1wYb4NcD' },
      { text: 'シークレットキー：Zx81Lq0PmWn27RtY5vB3', expect: 'Zx81Lq0PmWn27RtY5vB3' },
      { text: 'AWS access key ID\tAKIAN5DH2GJFXX2ALC6F\nAWS secret access key\t9BcQdB8hOL2+hYz27ornvYeJYQtvazpLMkPKZxBg', expect: '9BcQdB8hOL2+hYz27ornvYeJYQtvazpLMkPKZxBg' },
    ],
    negative: [
      { text: 'secret_key = your-secret-key-here', why: 'a fill-in' },
      { text: 'token: xxxxxxxxxxxxxxxxxxxx', why: 'a mask' },
      { text: 'api_key: 0000000000000000', why: 'zeros' },
      { text: 'the token ring network', why: 'prose' },
      { text: 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', why: "AWS's documented sample secret" },
    ],
  },
};
