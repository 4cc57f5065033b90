// Keys that look real but are not: the samples vendors print in their own
// documentation and SDKs (every tutorial copies them), and bodies that only
// show a key's shape (ghp_xxxx…, 1234567890abcdef…, <your-key>).

/**
 * Published samples, whole. AWS marks its samples with EXAMPLE (caught by the
 * word check below); these others look random and are known by heart instead.
 */
const DOCUMENTED_SAMPLES = new Set([
  // Stripe API reference and quick starts
  'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
  'pk_test_TYooMQauvdEDq54NiTphI7jx',
  'sk_test_BQokikJOvBiI2HlWgH4olfQ2',
  'pk_test_6pRNASCoBOKtIshFeQd4XMUh',
  // GitHub documentation's token in its authentication examples
  'ghp_16C7e42F292c6912E7710c838347Ae178B4a',
  // Slack API documentation
  'xoxb-not-a-real-token-this-will-not-work',
  'xoxp-12345-67890-1928471-abcdefg',
  'xoxp-12345-67890-1928471-qemwiiwglagjacakvqbvbfkmvbsvsuzn',
]);

/** The signature of jwt.io's sample token (HS256, "your-256-bit-secret"): any token ending in it is the sample. */
const JWT_IO_SIGNATURE = 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

// Words that mark a sample or a fill-in: AKIAIOSFODNN7EXAMPLE, sk-your-key-here, glpat-REPLACE_ME…
const SAMPLE_WORD = /example|sample|dummy|placeholder|your|here|replace|redacted|changeme|insert|fake|notreal|not[-_ ]?a[-_ ]|invalid|test-?key|xxxx/i;

/** A run of six characters that repeat or count (000000, xxxxxx, 123456, abcdef, FEDCBA): a shape, not a key. */
function hasShapeRun(s: string): boolean {
  let same = 1;
  let up = 1;
  let down = 1;
  for (let i = 1; i < s.length; i++) {
    const d = s.charCodeAt(i) - s.charCodeAt(i - 1);
    same = d === 0 ? same + 1 : 1;
    up = d === 1 && /[A-Za-z0-9]/.test(s[i]) ? up + 1 : 1;
    down = d === -1 && /[A-Za-z0-9]/.test(s[i]) ? down + 1 : 1;
    if (same >= 6 || up >= 6 || down >= 6) return true;
  }
  return false;
}

/** Why a key-shaped token is a documented sample or a placeholder, or null when it may be real. */
export function sampleKeyReason(token: string): string | null {
  if (DOCUMENTED_SAMPLES.has(token)) return 'documented sample key';
  if (token.endsWith(JWT_IO_SIGNATURE)) return "jwt.io's sample token";
  if (SAMPLE_WORD.test(token)) return 'sample or fill-in word in the key';
  if (hasShapeRun(token)) return 'repeated or counting characters (a shape, not a key)';
  return null;
}
