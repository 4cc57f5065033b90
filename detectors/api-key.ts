import type { Candidate, ScanContext } from '../engine/context.ts';
import type { Detector } from '../engine/detector.ts';
import { matches } from './lib/matches.ts';
import { entropy } from './lib/checksums.ts';
import { sampleKeyReason } from './lib/sample-keys.ts';

// Keys recognised by their documented prefixes and shapes. Each pattern is
// anchored by a literal prefix and bounded, so scanning stays linear.
// `hints`: literals (case as written) of which every match contains one; they
// are checked before the regex runs and are the detector's trigger words too,
// so a prefix can never go untriggered.
// `group`: report only this capture group (the value after `AccountKey=`).
// `valid`: a further check where the prefix alone is a common word part (sk-…).
interface KeyFormat {
  name: string;
  hints: string[];
  re: RegExp;
  group?: number;
  valid?: (token: string) => boolean;
}

/** At least two of lower case, upper case and digits: random, not a hyphenated word. */
const mixed = (token: string) => [/[a-z]/, /[A-Z]/, /\d/].filter((re) => re.test(token)).length >= 2;

const KEY_FORMATS: KeyFormat[] = [
  // AKIA long-term, ASIA temporary (STS), ABIA STS bearer, ACCA context-specific; the others name IAM principals
  {
    name: 'AWS access key ID',
    hints: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'AGPA', 'AIDA', 'AROA', 'ANPA', 'AIPA'],
    re: /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|AIPA)[A-Z0-9]{16}(?![A-Z0-9])/g,
  },
  // Bedrock long-term keys are ABSK + base64("BedrockAPIKey-…"); short-term ones are a presigned URL in base64
  { name: 'Amazon Bedrock API key', hints: ['ABSKQmVkcm9ja0FQSUtleS'], re: /(?<![\w+/])ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{60,300}={0,2}(?![\w+/=])/g },
  {
    name: 'Amazon Bedrock short-term API key',
    hints: ['bedrock-api-key-'],
    re: /(?<![\w-])bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/]{20,4000}={0,2}(?:&Version=\d{1,3})?(?![\w+/=])/g,
  },
  // ghp_ personal, gho_ OAuth, ghu_ user-to-server, ghs_ server-to-server (also the newer ghs_<app id>_<JWT>), ghr_ refresh
  {
    name: 'GitHub token',
    hints: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    re: /(?<!\w)(?:gh[pousr]_[A-Za-z0-9]{36,251}(?!\w)|ghs_\d{1,12}_[\w-]{8,1500}\.[\w-]{8,1500}\.[\w-]{8,1500}(?![\w-]))/g,
  },
  { name: 'GitHub fine-grained token', hints: ['github_pat_'], re: /(?<!\w)github_pat_[A-Za-z0-9_]{22,255}(?!\w)/g },
  // every GitLab token type: personal/project/group access, OAuth app secret, deploy, runner (and its
  // registration), CI/CD job, pipeline trigger, feed, incoming mail, agent, SCIM, feature-flag client;
  // routable tokens end in .<version>.<crc>; GR1348941 starts legacy runner registration tokens
  {
    name: 'GitLab token',
    hints: ['glpat-', 'gloas-', 'gldt-', 'glrt-', 'glrtr-', 'glcbt-', 'glptt-', 'glft-', 'glimt-', 'glagent-', 'glsoat-', 'glffct-', 'GR1348941'],
    re: /(?<![\w-])(?:gl(?:pat|oas|dt|rtr?|cbt|ptt|ft|imt|agent|soat|ffct)-[\w-]{20,300}(?:\.[0-9a-z]{2}\.?[0-9a-z]{7,9})?|GR1348941[\w-]{20,64})(?![\w-])/g,
  },
  { name: 'GitLab session cookie', hints: ['_gitlab_session='], re: /_gitlab_session=([0-9a-z]{32})(?![0-9a-z])/g, group: 1 },
  // bot, user, legacy workspace/refresh/session and client tokens start with a numeric ID;
  // xoxe.xoxp-/xoxe.xoxb- are rotating (configuration) tokens, xoxe- their refresh tokens; xoxd- is the web client's cookie
  {
    name: 'Slack token',
    hints: ['xoxa-', 'xoxb-', 'xoxc-', 'xoxe-', 'xoxo-', 'xoxp-', 'xoxr-', 'xoxs-', 'xoxe.xox'],
    re: /(?<![\w.-])(?:xoxe\.xox[bp]|xox[abceoprs])-\d[A-Za-z0-9-]{20,250}(?![\w-])/g,
  },
  { name: 'Slack session cookie', hints: ['xoxd-'], re: /(?<![\w-])xoxd-[A-Za-z0-9%+/=-]{30,300}(?![\w%+/=-])/g },
  { name: 'Slack app token', hints: ['xapp-'], re: /(?<![\w-])xapp-\d-[A-Z0-9]+-\d+-[a-z0-9]{32,128}(?![\w-])/g },
  { name: 'Google API key', hints: ['AIza'], re: /(?<![\w-])AIza[\w-]{35}(?![\w-])/g },
  { name: 'Google OAuth client secret', hints: ['GOCSPX-'], re: /(?<![\w-])GOCSPX-[\w-]{28}(?![\w-])/g },
  { name: 'Google OAuth access token', hints: ['ya29.'], re: /(?<![\w.-])ya29\.[\w-]{20,2000}(?![\w-])/g },
  // secret and restricted keys in live, test and prod modes; whsec_ signs webhooks
  {
    name: 'Stripe secret key',
    hints: ['sk_live_', 'sk_test_', 'sk_prod_', 'rk_live_', 'rk_test_', 'rk_prod_'],
    re: /(?<!\w)[sr]k_(?:live|test|prod)_[A-Za-z0-9]{10,247}(?!\w)/g,
  },
  { name: 'Stripe webhook secret', hints: ['whsec_'], re: /(?<!\w)whsec_[A-Za-z0-9+/=]{32,128}(?![\w+/=])/g },
  // Microsoft Entra ID (Azure AD) client secrets: three characters, a digit, Q~, then 31 to 34 more
  { name: 'Azure AD client secret', hints: ['Q~'], re: /(?<![\w~.-])[\w~.]{3}\dQ~[\w~.-]{31,34}(?![\w~.-])/g },
  { name: 'Azure storage account key', hints: ['AccountKey='], re: /AccountKey=([A-Za-z0-9+/]{86}==)/g, group: 1 },
  { name: 'Azure shared access key', hints: ['SharedAccessKey='], re: /SharedAccessKey=([A-Za-z0-9+/]{43}=)(?![\w+/=])/g, group: 1 },
  { name: 'OpenAI API key', hints: ['sk-'], re: /(?<![\w-])sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,200}(?![\w-])/g, valid: mixed },
  { name: 'Anthropic API key', hints: ['sk-ant-'], re: /(?<![\w-])sk-ant-[a-z0-9]{2,8}-[\w-]{80,120}(?![\w-])/g },
  // Hugging Face access tokens are letters only
  { name: 'Hugging Face token', hints: ['hf_'], re: /(?<!\w)hf_[A-Za-z]{34}(?!\w)/g, valid: mixed },
  { name: 'npm token', hints: ['npm_'], re: /(?<!\w)npm_[A-Za-z0-9]{36}(?!\w)/g },
  { name: 'PyPI token', hints: ['pypi-AgEIcHlwaS5vcmc'], re: /(?<![\w-])pypi-AgEIcHlwaS5vcmc[\w-]{50,300}(?![\w-])/g },
  { name: 'Docker Hub token', hints: ['dckr_pat_'], re: /(?<!\w)dckr_pat_[\w-]{27,60}(?![\w-])/g },
  { name: 'DigitalOcean token', hints: ['dop_v1_', 'doo_v1_', 'dor_v1_'], re: /(?<!\w)do[opr]_v1_[a-f0-9]{64}(?!\w)/g },
  { name: 'SendGrid API key', hints: ['SG.'], re: /(?<![\w.-])SG\.[\w-]{22}\.[\w-]{43}(?![\w-])/g },
  { name: 'Twilio API key', hints: ['SK'], re: /(?<!\w)SK[0-9a-f]{32}(?!\w)/g },
  { name: 'JSON Web Token', hints: ['eyJ'], re: /(?<![\w-])eyJ[\w-]{8,2000}\.eyJ[\w-]{8,4000}\.[\w-]{8,1000}(?![\w-])/g },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// one pass over the page tells whether any prefix occurs at all (most pages have none)
const ANY_HINT = new RegExp(KEY_FORMATS.flatMap((f) => f.hints.map(escape)).join('|'));

function detect(ctx: ScanContext): Candidate[] {
  const out: Candidate[] = [];
  if (!ANY_HINT.test(ctx.text)) return out;
  for (const { name, hints, re, group, valid } of KEY_FORMATS) {
    if (!hints.some((h) => ctx.text.includes(h))) continue;
    for (const m of matches(ctx.text, re)) {
      // generated look-alikes in manuals (AKIAXXXXXXXXXXXXXXXX) have almost no entropy
      if (entropy(m.text) < 2.5 || (valid && !valid(m.text)) || sampleKeyReason(m.text)) continue;
      const value = group === undefined ? m.text : m.groups[group - 1]!;
      const start = m.end - value.length;
      out.push({ start, end: m.end, score: 0.97, why: name });
    }
  }
  return out;
}

export const apiKey: Detector = {
  id: 'api-key',
  kind: 'api-key',
  severity: 'critical',
  // the hints themselves, lower-cased as triggers are matched
  triggers: [...new Set(KEY_FORMATS.flatMap((f) => f.hints.map((h) => h.toLowerCase())))],
  detect,
  examples: {
    positive: [
      { text: 'aws_access_key_id = AKIAN5DH2GJFXX2ALC6F', expect: 'AKIAN5DH2GJFXX2ALC6F' },
      { text: 'token: ghp_1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ12', expect: 'ghp_1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ12' },
      { text: 'ghu_mTUcXsnvuK5OXOaT0SAzAXm0t0MH59Mcwukx', expect: 'ghu_mTUcXsnvuK5OXOaT0SAzAXm0t0MH59Mcwukx' },
      // no "gh" anywhere but in the prefix: the trigger must still fire
      {
        text: 'GITHUB_TOKEN=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',
        expect: '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',
      },
      // the stateless installation token: ghs_<app id>_<JWT>
      {
        text: 'installation token ghs_4314989_eyJhbGciOiJSUzI1NiJ9.IFa5DosmXOMNqffhCMelsp8nUINp7OakhsUy41fsUPtxVGYt_1uascOZfOk.upQm-MhtfcJYFd7BAApNCfjJ59mAQ-UcAh-AHjZtKH8M96PkU expires in 1 h',
        expect: 'ghs_4314989_eyJhbGciOiJSUzI1NiJ9.IFa5DosmXOMNqffhCMelsp8nUINp7OakhsUy41fsUPtxVGYt_1uascOZfOk.upQm-MhtfcJYFd7BAApNCfjJ59mAQ-UcAh-AHjZtKH8M96PkU',
      },
      { text: 'glpat-jGI25PYl1lJP0WeaoF8w', expect: 'glpat-jGI25PYl1lJP0WeaoF8w' },
      { text: 'token glpat-L46Frc2Ik6Wvj2hcwx3xCO7aw3v.01.ljt40imfg.', expect: 'glpat-L46Frc2Ik6Wvj2hcwx3xCO7aw3v.01.ljt40imfg' },
      { text: 'GITLAB_OAUTH_SECRET=gloas-FOkZmq6qMxI8nyMh73KmMes9kd6P3Q5OrLj07zrXAtzCZfqX6BSWeL5DdCQcLGU1', expect: 'gloas-FOkZmq6qMxI8nyMh73KmMes9kd6P3Q5OrLj07zrXAtzCZfqX6BSWeL5DdCQcLGU1' },
      { text: 'deploy token gldt-aOKLuOVdhiWYIi9Mw57z', expect: 'gldt-aOKLuOVdhiWYIi9Mw57z' },
      { text: 'gitlab-runner register --token glrt-t1_XQQvBMZozv0lstLmczy0ndRopvg', expect: 'glrt-t1_XQQvBMZozv0lstLmczy0ndRopvg' },
      { text: 'CI_JOB_TOKEN glcbt-49_BrzkgnDlElw00KrHuceA', expect: 'glcbt-49_BrzkgnDlElw00KrHuceA' },
      { text: 'trigger: glptt-998b1582c9c42aec9a0901d3b68db6774745f967', expect: 'glptt-998b1582c9c42aec9a0901d3b68db6774745f967' },
      { text: 'feed glft-3aiFj5NbqEGWsefCAnZu', expect: 'glft-3aiFj5NbqEGWsefCAnZu' },
      { text: 'glimt-BqwH7Ywz0ZvW9UXYu3YbQbb3H', expect: 'glimt-BqwH7Ywz0ZvW9UXYu3YbQbb3H' },
      { text: 'glagent-Csd3uXyVPiNqlg31JgkrxHxYCfpISEzWvVNEQQJRKVYwJ6TaNG', expect: 'glagent-Csd3uXyVPiNqlg31JgkrxHxYCfpISEzWvVNEQQJRKVYwJ6TaNG' },
      { text: 'SCIM glsoat-sMIjO9UYRbVziTCH1gc3', expect: 'glsoat-sMIjO9UYRbVziTCH1gc3' },
      { text: 'unleash token glffct-2fNzVnht7p5bYRTqrBGb', expect: 'glffct-2fNzVnht7p5bYRTqrBGb' },
      { text: 'registration-token: GR1348941r4udIJyUlD4JjXsW3kt0', expect: 'GR1348941r4udIJyUlD4JjXsW3kt0' },
      { text: 'Cookie: _gitlab_session=lebez8vnqfoezpmrspx5tgwaneyktl5t', expect: 'lebez8vnqfoezpmrspx5tgwaneyktl5t' },
      { text: 'SLACK=xoxp-469121108025-690269556226-4264431832061-d5cba25528d541f131149cfedfe4df24', expect: 'xoxp-469121108025-690269556226-4264431832061-d5cba25528d541f131149cfedfe4df24' },
      { text: 'bot: xoxb-153307960546-0226696077602-bZXwUNItqsu9HWqsgxqLuF9D', expect: 'xoxb-153307960546-0226696077602-bZXwUNItqsu9HWqsgxqLuF9D' },
      {
        text: '"token": "xoxe.xoxp-1-sWxLediRZJ8lEI7TN9wOXwE55Q54ipn6p2zSauJt9d30WhWu8EfGuUz5BG2dYLwSFiyL0gk8GnWz8w79PXiYWkBUy4ngJlmBz8x0kAoO9H6IFgAhflTVY5e3lqPtJOB6hWBSagXIDXxRcsda3dps9klgi4PRASvAVnYh"',
        expect: 'xoxe.xoxp-1-sWxLediRZJ8lEI7TN9wOXwE55Q54ipn6p2zSauJt9d30WhWu8EfGuUz5BG2dYLwSFiyL0gk8GnWz8w79PXiYWkBUy4ngJlmBz8x0kAoO9H6IFgAhflTVY5e3lqPtJOB6hWBSagXIDXxRcsda3dps9klgi4PRASvAVnYh',
      },
      {
        text: 'refresh: xoxe-1-VyEF9O2SWsEero7lN4Ojcg0ZV4VMzV6XtMaLBgWDJHSWWmoqKVASbYVBBVlgITjdWA8XrY8bCShjo1jkaB1vZoUksMYsTG7gu9nxBU1b1VGWuWWBULG6QqnpJi3uN8fYmMcakSbvGOiuxKPQxK',
        expect: 'xoxe-1-VyEF9O2SWsEero7lN4Ojcg0ZV4VMzV6XtMaLBgWDJHSWWmoqKVASbYVBBVlgITjdWA8XrY8bCShjo1jkaB1vZoUksMYsTG7gu9nxBU1b1VGWuWWBULG6QqnpJi3uN8fYmMcakSbvGOiuxKPQxK',
      },
      { text: 'key=AIza1MbGcRvu7InKpawmO76DUIqDcNdm83SXfmI', expect: 'AIza1MbGcRvu7InKpawmO76DUIqDcNdm83SXfmI' },
      { text: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abcdEFGH1234ijkl', expect: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abcdEFGH1234ijkl' },
      { text: 'sk_live_Jy4SXkj5jwskCl56C2Sv2MEi', expect: 'sk_live_Jy4SXkj5jwskCl56C2Sv2MEi' },
      {
        text: 'STRIPE_KEY=sk_prod_qSUeS5kTokTzgFk6dnhKp7DpHXXXh1nGZyvPwpARaq4odZCoNHWAS81A9OX0tLPaemdb78BMpGk1hFraZcq0hU2ynVYLlwrLGdQ',
        expect: 'sk_prod_qSUeS5kTokTzgFk6dnhKp7DpHXXXh1nGZyvPwpARaq4odZCoNHWAS81A9OX0tLPaemdb78BMpGk1hFraZcq0hU2ynVYLlwrLGdQ',
      },
      { text: 'whsec_AwJFCmK0kkUiEDuNkZ7Jj63TikE3CExq', expect: 'whsec_AwJFCmK0kkUiEDuNkZ7Jj63TikE3CExq' },
      { text: 'クライアントシークレット 5qj8Q~5WvCJ8d1-9RTjLNn11waG6MOChaC6Vprcx を設定', expect: '5qj8Q~5WvCJ8d1-9RTjLNn11waG6MOChaC6Vprcx' },
      {
        text: 'AWS_BEARER_TOKEN_BEDROCK=ABSKQmVkcm9ja0FQSUtleS10EQY8n8rJ9UAAeR60v3jkgzdmiqwmj8k3Xu4eC8a7jGozdHfEOd7QCtj9Kfsn7bMmsnph8kEIqZC3DnF/8u2ypciXtB9j2BHiJirj4ntgzpVa=',
        expect: 'ABSKQmVkcm9ja0FQSUtleS10EQY8n8rJ9UAAeR60v3jkgzdmiqwmj8k3Xu4eC8a7jGozdHfEOd7QCtj9Kfsn7bMmsnph8kEIqZC3DnF/8u2ypciXtB9j2BHiJirj4ntgzpVa=',
      },
      {
        text: 'bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tIT1Wy9wTtKIgS4UELMDFEDirkdGwg3IeIuKrRO1pk4R8tmvLfeSSVnNn8hUAH25drILveML1skFcg7ypvhfwyByDG6ylb3MzV8NMNkwcs',
        expect: 'bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tIT1Wy9wTtKIgS4UELMDFEDirkdGwg3IeIuKrRO1pk4R8tmvLfeSSVnNn8hUAH25drILveML1skFcg7ypvhfwyByDG6ylb3MzV8NMNkwcs',
      },
      {
        text: 'Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=dURAn49oyUR4V5+3EuvGuylJyNTJTNnZGhMdsTdgiBq=',
        expect: 'dURAn49oyUR4V5+3EuvGuylJyNTJTNnZGhMdsTdgiBq=',
      },
      // letters only, as the format allows
      { text: 'HF_TOKEN=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', expect: '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' },
      { text: 'Authorization: Bearer ya29.TAhsm_mSo-cmNKIeYYbG_40NTjyyF8vi-H6bacmhY8A-gS0LPeClaHccl2Dc3z9q', expect: 'ya29.TAhsm_mSo-cmNKIeYYbG_40NTjyyF8vi-H6bacmhY8A-gS0LPeClaHccl2Dc3z9q' },
      { text: 'docker login -u ops -p dckr_pat_aORK1Wm6vcpFCwFX9uamsfBMaoB', expect: 'dckr_pat_aORK1Wm6vcpFCwFX9uamsfBMaoB' },
      { text: 'dop_v1_4a8aee9175782d438ef0221eb666e486475908811d002f664b2ec599f5c26bf8', expect: 'dop_v1_4a8aee9175782d438ef0221eb666e486475908811d002f664b2ec599f5c26bf8' },
      {
        text: 'password = pypi-AgEIcHlwaS5vcmcazfA6OCckY0_jw2XCAczA9v_wqDytm3GWbs2NNkpTy3CSCQgU0Y8REzvTUFvjrFv3rosE0',
        expect: 'pypi-AgEIcHlwaS5vcmcazfA6OCckY0_jw2XCAczA9v_wqDytm3GWbs2NNkpTy3CSCQgU0Y8REzvTUFvjrFv3rosE0',
      },
    ],
    negative: [
      { text: 'AKIAXXXXXXXXXXXXXXXX', why: 'a shape with no entropy' },
      { text: 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', why: "AWS's documented sample key" },
      { text: 'sk_test_4eC39HqLyjWDarjtT1zdp7dc', why: "Stripe's documented test key" },
      { text: 'curl -H "Authorization: token ghp_16C7e42F292c6912E7710c838347Ae178B4a"', why: "GitHub's documentation sample" },
      { text: 'SLACK_BOT_TOKEN=xoxb-not-a-real-token-this-will-not-work', why: "Slack's documentation sample (no numeric ID either)" },
      { text: 'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', why: 'placeholder body' },
      { text: 'ghp_1234567890abcdefghijklmnopqrstuvwxyz', why: 'counting placeholder body' },
      { text: 'glpat-XXXXXXXXXXX-XXXXXXXX', why: 'placeholder body' },
      { text: 'sk-your-openai-api-key-here', why: 'fill-in text' },
      {
        text: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
        why: "jwt.io's sample token",
      },
      { text: 'ghp_ is the prefix of GitHub tokens', why: 'a prefix named in prose' },
      { text: 'the task-list', why: 'sk- inside a word' },
      { text: 'see sk-learn-documentation-pages-here', why: 'a hyphenated phrase after sk-' },
      { text: 'eyJ alone', why: 'no token after the JWT header mark' },
      { text: 'xoxb-12345-abcd234', why: 'too short for a Slack token' },
    ],
  },
};
