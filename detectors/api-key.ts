import type { Candidate, ScanContext } from '../engine/context.ts';
import type { Detector } from '../engine/detector.ts';
import { matches } from './lib/matches.ts';
import { entropy } from './lib/checksums.ts';

// Keys recognised by their documented prefixes and shapes. Each pattern is
// anchored by a literal prefix and bounded, so scanning stays linear.
// `hints`: literals (case as written) of which every match contains one, checked before the regex runs.
const KEY_FORMATS: { name: string; hints: string[]; re: RegExp }[] = [
  {
    name: 'AWS access key ID',
    hints: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'AGPA', 'AIDA', 'AROA', 'ANPA', 'AIPA'],
    re: /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|AIPA)[A-Z0-9]{16}(?![A-Z0-9])/g,
  },
  { name: 'GitHub token', hints: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], re: /(?<!\w)gh[pousr]_[A-Za-z0-9]{36,251}(?!\w)/g },
  { name: 'GitHub fine-grained token', hints: ['github_pat_'], re: /(?<!\w)github_pat_[A-Za-z0-9_]{22,255}(?!\w)/g },
  { name: 'GitLab token', hints: ['glpat-', 'gldt-', 'glrt-', 'glptt-', 'glcbt-', 'gloas-', 'glsoat-'], re: /(?<![\w-])gl(?:pat|dt|rt|ptt|cbt|oas|soat)-[\w-]{20,64}(?![\w-])/g },
  { name: 'Slack token', hints: ['xox'], re: /(?<![\w-])xox[abposr]-[A-Za-z0-9-]{10,250}(?![\w-])/g },
  { name: 'Slack app token', hints: ['xapp-'], re: /(?<![\w-])xapp-\d-[A-Z0-9]+-\d+-[a-z0-9]{32,128}(?![\w-])/g },
  { name: 'Google API key', hints: ['AIza'], re: /(?<![\w-])AIza[\w-]{35}(?![\w-])/g },
  { name: 'Google OAuth client secret', hints: ['GOCSPX-'], re: /(?<![\w-])GOCSPX-[\w-]{28}(?![\w-])/g },
  { name: 'Stripe secret key', hints: ['k_live_', 'k_test_'], re: /(?<!\w)(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,247}(?!\w)/g },
  { name: 'OpenAI API key', hints: ['sk-'], re: /(?<![\w-])sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,200}(?![\w-])/g },
  { name: 'Anthropic API key', hints: ['sk-ant-'], re: /(?<![\w-])sk-ant-[a-z0-9]{2,8}-[\w-]{80,120}(?![\w-])/g },
  { name: 'npm token', hints: ['npm_'], re: /(?<!\w)npm_[A-Za-z0-9]{36}(?!\w)/g },
  { name: 'SendGrid API key', hints: ['SG.'], re: /(?<![\w.-])SG\.[\w-]{22}\.[\w-]{43}(?![\w-])/g },
  { name: 'Twilio API key', hints: ['SK'], re: /(?<!\w)SK[0-9a-f]{32}(?!\w)/g },
  { name: 'Azure storage key', hints: ['AccountKey='], re: /AccountKey=[A-Za-z0-9+/]{86}==/g },
  { name: 'JSON Web Token', hints: ['eyJ'], re: /(?<![\w-])eyJ[\w-]{8,2000}\.eyJ[\w-]{8,4000}\.[\w-]{8,1000}(?![\w-])/g },
];

// one pass over the page tells whether any prefix occurs at all (most pages have none)
const ANY_HINT = new RegExp(
  KEY_FORMATS.flatMap((f) => f.hints)
    .map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
);

function detect(ctx: ScanContext): Candidate[] {
  const out: Candidate[] = [];
  if (!ANY_HINT.test(ctx.text)) return out;
  for (const { name, hints, re } of KEY_FORMATS) {
    if (!hints.some((h) => ctx.text.includes(h))) continue;
    for (const m of matches(ctx.text, re)) {
      // generated look-alikes in manuals (AKIAXXXXXXXXXXXXXXXX) have almost no
      // entropy, and hyphenated words (sk-…) have no digits
      if (entropy(m.text) < 2.5 || !/\d/.test(m.text)) continue;
      out.push({ start: m.start, end: m.end, score: 0.97, why: name });
    }
  }
  return out;
}

export const apiKey: Detector = {
  id: 'api-key',
  kind: 'api-key',
  severity: 'critical',
  triggers: ['akia', 'asia', 'abia', 'acca', 'agpa', 'aida', 'aroa', 'anpa', 'aipa', 'gh', 'gl', 'xox', 'xapp', 'aiza', 'gocspx', 'sk', 'rk_', 'npm_', 'sg.', 'accountkey', 'eyj'],
  detect,
  examples: {
    positive: [
      { text: 'aws_access_key_id = AKIAN5DH2GJFXX2ALC6F', expect: 'AKIAN5DH2GJFXX2ALC6F' },
      { text: 'token: ghp_1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ12', expect: 'ghp_1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ12' },
      { text: 'SLACK=xoxp-469121108025-690269556226-4264431832061-d5cba25528d541f131149cfedfe4df24', expect: 'xoxp-469121108025-690269556226-4264431832061-d5cba25528d541f131149cfedfe4df24' },
      { text: 'key=AIza1MbGcRvu7InKpawmO76DUIqDcNdm83SXfmI', expect: 'AIza1MbGcRvu7InKpawmO76DUIqDcNdm83SXfmI' },
      { text: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abcdEFGH1234ijkl', expect: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abcdEFGH1234ijkl' },
      { text: 'sk_live_4eC39HqLyjWDarjtT1zdp7dc', expect: 'sk_live_4eC39HqLyjWDarjtT1zdp7dc' },
    ],
    negative: ['AKIAXXXXXXXXXXXXXXXX', 'ghp_ is the prefix of GitHub tokens', 'the task-list', 'eyJ alone'],
  },
};
