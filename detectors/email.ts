import type { Candidate, ScanContext } from '../engine/context.ts';
import type { Detector } from '../engine/detector.ts';
import { emailSpans, isPlaceholderEmail } from './lib/email-scan.ts';

// Labels that make an address a login ID (the Osaka manual used an e-mail address as the login ID).
const LOGIN_CONTEXT = /ログイン|ユーザー?\s?id|ユーザー?名|利用者\s?id|アカウント|サインイン|login|user\s?(?:id|name)|account|(?<![a-z])id(?![a-z])/iu;

function detect(ctx: ScanContext): Candidate[] {
  const out: Candidate[] = [];
  for (const span of emailSpans(ctx.text)) {
    if (isPlaceholderEmail(span)) continue;
    const label = `${ctx.before(span.start, 20)} ${ctx.header(span.start) ?? ''}`;
    const login = LOGIN_CONTEXT.test(label);
    out.push({
      start: span.start,
      end: span.end,
      score: login ? 0.93 : 0.97,
      why: login ? 'e-mail address beside a login label' : 'e-mail address',
      kind: login ? 'login-id' : undefined,
    });
  }
  return out;
}

export const email: Detector = {
  id: 'email',
  kind: 'email',
  severity: 'medium',
  triggers: ['@'],
  detect,
  examples: {
    positive: [
      { text: '連絡先：dr.suzuki70@kawasemi.or.jp まで', expect: 'dr.suzuki70@kawasemi.or.jp' },
      { text: 'ログインID：ren.nakamura@city.kitaminato.lg.jp', expect: 'ren.nakamura@city.kitaminato.lg.jp' },
      { text: 'メール\tkaneko-f@kitaminato-hp.jp', expect: 'kaneko-f@kitaminato-hp.jp' },
    ],
    negative: ['user@example.com', 'xxxx@city.example.jp', '@mention only', 'a@b', 'your.name@example.co.jp'],
  },
};
