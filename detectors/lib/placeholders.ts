// Values that are obviously not real: masks, templates and teaching examples.
// Only the obvious ones are suppressed: in the Osaka incident a real password
// was left in because a clerk took it for "an example".

const MASK_ONLY = /^[*＊●○◯•・xX×#?_\-.…]+$/u;
const BRACKETED = /^[<[{(（「『【〈《].*[>\]})）」』】〉》]$/u;
const TEMPLATE_WORDS = /your|example|sample|dummy|placeholder|changeme|xxxx|hoge|fuga|foobar|tbd|n\/a|none|null|undefined|任意|未設定|未定|なし|別途|同上|各自|非表示|伏字|省略/iu;

/** Passwords so famous that, in a sentence that says "example" or "bad", they are teaching material. */
const TEXTBOOK_PASSWORDS = new Set([
  'password',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'password1',
  'password123',
  '123456',
  '12345678',
  '123456789',
  'qwerty',
  'abc123',
  'admin',
  'letmein',
  'iloveyou',
  'welcome',
  'test',
  'test123',
  'pass',
  'pass123',
  'secret',
]);
// (the English words whole: "ng" inside nginx or Logging says nothing)
const EXAMPLE_CONTEXT = /例|悪い|避け|禁止|ダメ|だめ|危険|推測|ＮＧ|(?<![a-z])(?:example|e\.g\.|ng|bad|weak|don'?t|do not|avoid)(?![a-z])/iu;

// A variable that a program fills in: ${DB_PASSWORD}, $(cat …), {{ token }}, %API_KEY%, $SECRET,
// @@DB_PASSWORD@@, __DB_PASSWORD__, %(token)s, #{token}, <%= … %>; a reference to a vault or an
// encrypted value (!vault, !secret db_password, ENC(…)) is not the secret either.
const TEMPLATE_VARIABLE = /^(?:\$\{|\$\(|\{\{|%[A-Z_]+%$|\$[A-Z_][A-Z0-9_]*$|@@\w+@@$|__[A-Z0-9_]+__$|%\(\w+\)s$|#\{|<%|!(?:vault|secret|Ref|Sub|GetAtt|ImportValue|env|include|encrypted)\b|ENC\()/;

export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (TEMPLATE_VARIABLE.test(v)) return true;
  if (MASK_ONLY.test(v) || BRACKETED.test(v) || TEMPLATE_WORDS.test(v)) return true;
  if (/^(.)\1+$/u.test(v)) return true; // one character repeated
  if (/^\d+$/.test(v) && (/^0+$/.test(v) || isSequential(v))) return true;
  return false;
}

/** 1234…, 9876…, abcd… */
function isSequential(v: string): boolean {
  if (v.length < 4) return false;
  const step = v.charCodeAt(1) - v.charCodeAt(0);
  if (Math.abs(step) !== 1) return false;
  for (let i = 2; i < v.length; i++) if (v.charCodeAt(i) - v.charCodeAt(i - 1) !== step) return false;
  return true;
}

/** A famous weak password shown as a bad example ("悪い例：Passw0rd"). */
export function isTextbookExample(value: string, line: string): boolean {
  return TEXTBOOK_PASSWORDS.has(value.toLowerCase()) && EXAMPLE_CONTEXT.test(line);
}
