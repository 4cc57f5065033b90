// The "secret-named key" recogniser: a key whose name says password, secret,
// token, API key, private key or user is a label whatever the notation around
// it, and the value that notation gives it is the finding, quotes excluded:
//
//   JSON, YAML, JS/Python dicts  "password": "…"   password: …   'パスワード' => '…'
//   .env, INI, TOML, properties  DB_PASSWORD=…   password = "…"   spring.datasource.password=…
//   shell, Dockerfile, .netrc    export API_TOKEN="…"   $env:PW = "…"   ENV DB_PASS …   machine h login u password p
//   code                         password := "…"   String dbPassword = "…";   define('DB_PASSWORD', '…')
//                                $cfg['Servers'][$i]['password'] = '…';   PASSWORD: str = "…"
//   connection strings, queries  Server=db;User Id=app;Password=…;   ?user=app&password=…
//   XML                          <password>…</password>   password="…"   <add key="DbPassword" value="…"/>
//   name/value pairs             - name: DB_PASSWORD⏎  value: "…"   <param name="password">…</param>
//   SQL, HTTP headers            IDENTIFIED BY '…'   WITH PASSWORD '…'   Authorization: Bearer …
//
// One pass finds the nouns (password, secret, token, key, user, パスワード…);
// each is widened to its whole key (DB_PASSWORD, spring.datasource.password,
// dbPassword), the key's last word decides its role, and the characters
// around the key decide the notation. Every step reads a bounded window, and
// the scan resumes after the key (or after the value it took), so the work
// stays linear in the text.
import type { ScanContext } from '../../engine/context.ts';
import { gated, matches } from './matches.ts';

export type KeyRole = 'password' | 'api-key' | 'private-key' | 'login-id';

export interface NamedValue {
  /** the key as written (DB_PASSWORD, "パスワード") */
  key: string;
  role: KeyRole;
  notation: string;
  keyStart: number;
  start: number;
  end: number;
  /** the value was delimited (quotes, an XML element): its spaces and symbols are its own */
  quoted: boolean;
}

// Nouns that can end a secret-named key. Short ones need a boundary (the "pw" of "spw", the "uid" of "fluid").
const NOUN = gated(
  /pass(?:w(?:or)?d|phrase|code)?|pwd|(?<![a-z])(?:pw|pin|uid)(?![a-z])|(?:api|access|secret|private|client)[ \t](?:key|secret|token)(?![a-z])|secret|token|credential|key|user[ \t](?:id|name)(?![a-z])|user|log[io]n|(?:bind|manager)[_-]?dn|authorization|identified[ \t]+by|[パバ]スワ[ー-]ド|暗証番号|パスコード|パスフレーズ|合言葉|シークレット|トークン|キー|秘密鍵|ユーザー?|ログイン|アカウント|利用者/gi,
);

const MAX_KEY = 64;

function isKeyChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) || // 0-9
    (c >= 0x41 && c <= 0x5a) || // A-Z
    (c >= 0x61 && c <= 0x7a) || // a-z
    c === 0x5f || // _
    c === 0x2e || // .
    c === 0x2d || // -
    (c >= 0x3041 && c <= 0x30ff) || // kana, ー
    (c >= 0x4e00 && c <= 0x9fff) // kanji
  );
}

// --- the role a key's name gives it ---------------------------------------

const JAPANESE_ROLES: [RegExp, KeyRole][] = [
  [/秘密鍵$/, 'private-key'],
  [/(?:[パバ]スワ[ー-]ド|暗証番号|パスコード|パスフレーズ|合言葉)$/, 'password'],
  [/(?:シークレット(?:キー)?|トークン|アクセスキー|認証キー|apiキー)$/i, 'api-key'],
  [/(?:ユーザー?(?:id|名)|ログイン(?:id|名)|アカウント(?:id|名)|利用者id)$/i, 'login-id'],
];

// words that end in "pass" without being one
const NOT_PASS = /(?:by|com|sur|tres|over|under|ssh|encom)pass$/;
// tokens that page through results or guard a form, not credentials
const NOT_SECRET_TOKEN = /(?:page|next|prev|continuation|sync|resume|cancel|cancellation|change|delta|csrf|xsrf)token$/;
// the word before "key" that makes it a secret key (api key, access key, …)
const SECRET_KEY_PREFIX =
  /^(?:api|access|secret|auth|signing|encryption|master|hmac|license|subscription|account|client|app|shared|sharedaccess|primary|secondary|storage|session|jwt|webhook|deploy|service|admin|private)$/;

function splitWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[-_. \t]+/)
    .filter((w) => w && !/^\d+$/.test(w))
    .map((w) => w.replace(/\d+$/, ''));
}

/** The role a key's name gives its value, or null when the name says none. */
export function keyRole(key: string): KeyRole | null {
  if (/[^\x00-\x7f]/.test(key)) {
    for (const [re, role] of JAPANESE_ROLES) if (re.test(key)) return role;
    return null;
  }
  if (/^identified[ \t]+by$/i.test(key)) return 'password';
  const words = splitWords(key);
  const last = words.at(-1);
  if (!last) return null;
  const prev = words.at(-2) ?? '';
  const pair = prev + last;
  if (last.endsWith('privatekey') || pair === 'privatekey') return 'private-key';
  if (/(?:password|passwd|passphrase|passcode|pwd)$/.test(last) || last === 'pw' || (last.endsWith('pass') && !NOT_PASS.test(last))) return 'password';
  if (last === 'pincode' || pair === 'pincode' || (last === 'pin' && words.length === 1)) return 'password';
  if (/(?:secret|token|credentials?|apikey|accesskey|secretkey|authkey|signingkey|encryptionkey|masterkey|hmackey|licensekey|subscriptionkey|accountkey|authorization)$/.test(last))
    return NOT_SECRET_TOKEN.test(pair) || NOT_SECRET_TOKEN.test(last) ? null : 'api-key';
  if (last === 'key' && SECRET_KEY_PREFIX.test(prev)) return prev === 'private' ? 'private-key' : 'api-key';
  if (words.join('').endsWith('secretkeybase')) return 'api-key'; // Rails
  if (/(?:user|username|userid|loginid|loginname|logonname|accountname)$/.test(last) || last === 'login' || last === 'logon' || last === 'uid') return 'login-id';
  if (pair === 'userid' || pair === 'username' || pair === 'loginid' || pair === 'loginname' || pair === 'accountname') return 'login-id';
  // the account a service binds to a directory with: bindDn, bind_dn, managerDN
  if (last === 'dn' && (prev === 'bind' || prev === 'manager' || prev === 'principal')) return 'login-id';
  return null;
}

/** Shaped like a program's name for something (db_password, dbPassword, spring.datasource.password, DB_PASS), not a word of prose. */
function codeShaped(key: string): boolean {
  return /[a-z0-9][_.-][a-z0-9]/i.test(key) || /[a-z][A-Z]/.test(key) || /^[A-Z][A-Z0-9]{3,}$/.test(key);
}

// --- the value after a key ------------------------------------------------

interface Span {
  start: number;
  end: number;
  quoted: boolean;
}

// quotes and the quote that closes each: programs' and Japanese writing's
const CLOSING: Record<string, string> = { '"': '"', "'": "'", '`': '`', '「': '」', '『': '』', '“': '”' };

function isQuote(c: string | undefined): boolean {
  return c !== undefined && c in CLOSING;
}

/** A quoted string starting at i (the quote), on one line; backslash escapes skipped. */
function quotedAt(text: string, i: number, lineEnd: number): Span | null {
  const q = CLOSING[text[i]];
  const limit = Math.min(lineEnd, i + 4096);
  for (let j = i + 1; j < limit; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === q) return j > i + 1 ? { start: i + 1, end: j, quoted: true } : null;
  }
  return null;
}

// an unquoted value: up to a space, a quote, a tag, a statement end (;), the next field of a form (&user=)
// or, in a query, any separator
const UNQUOTED = /(?:[^\s"'`<>;&]|&(?![\w.-]{1,40}=)){1,256}/y;
const UNQUOTED_QUERY = /[^\s"'`<>;&#]{1,256}/y;
// closing punctuation a value does not own: password=abc, … / {pw: abc} / (pw=abc).
const TRAILING = /[,.:)\]}]+$/;

function valueAt(text: string, i: number, lineEnd: number, query: boolean): Span | null {
  while (i < lineEnd && (text[i] === ' ' || text[i] === '\t') && i < lineEnd) i++;
  if (i >= lineEnd) return null;
  // string prefixes: b"…", r'…', f"…", u"…", @"…" (C#)
  if (/[bBrRfFuU@]/.test(text[i]) && isQuote(text[i + 1])) i++;
  if (isQuote(text[i])) return quotedAt(text, i, lineEnd);
  // ODBC braces: PWD={p;ss}
  if (text[i] === '{' && text[i + 1] !== '{') {
    const close = indexWithin(text, '}', i, Math.min(lineEnd, i + 256));
    if (close > i + 1 && !/[\s"':{]/.test(text.slice(i + 1, close))) return { start: i + 1, end: close, quoted: true };
    return null;
  }
  const re = query ? UNQUOTED_QUERY : UNQUOTED;
  re.lastIndex = i;
  const m = re.exec(text);
  if (!m) return null;
  let end = i + m[0].length;
  const trail = TRAILING.exec(m[0]);
  // a closing bracket the value opened is its own: Pa(ss)1
  if (trail && !/[([{]/.test(m[0])) end -= trail[0].length;
  return end > i ? { start: i, end, quoted: false } : null;
}

// An unquoted value that a program computes: a call, a subscript, a variable, an attribute chain.
const EXPRESSION = /^(?:[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*[([]|\$[A-Za-z_{]|[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$)/;
/** A value that a program computes rather than states: config.password, getenv("PW"), $pw, form['password']. */
export function isCodeExpression(value: string): boolean {
  return EXPRESSION.test(value);
}

// After a bare identifier, the line must end (a comment may follow) or a connection string go on: Password=abc;Database=x.
const LINE_END_AFTER = /^[ \t]*(?:$|#|\/\/|;[ \t]*(?:$|[A-Za-z][\w ]{0,30}=))/;
// a code line declares a variable: the identifier after "=" is another variable
const DECLARATION = /^[ \t]*(?:const|let|var|val|final|private|public|protected|static|String|char|auto|my|local|def|dim)\b/i;

/** The bare-identifier value `password = Sunflower` is literal (INI, .env, YAML), unless the line is code. */
function literalIdentifier(text: string, end: number, lineStart: number, lineEnd: number): boolean {
  return LINE_END_AFTER.test(text.slice(end, Math.min(lineEnd, end + 40))) && !DECLARATION.test(text.slice(lineStart, Math.min(lineEnd, lineStart + 40)));
}

// --- notations ------------------------------------------------------------

const NAME_FIELD_BEFORE = /(?:name|key)["']?[ \t]*[:=][ \t]*$/i;
const VALUE_FIELD = /\bvalue["']?[ \t]*[:=][ \t]*/i;
const TYPE_ANNOTATION = /^[ \t]*[A-Za-z_][\w.[\]<>]*(?:[ \t]*\|[ \t]*[A-Za-z_][\w.[\]<>]*)*[ \t]*=(?![=>])/;
const SPACE_OPERATOR_LINE = /^[ \t]*(?:#[ \t]*define|ENV|machine|default)\b/;
// CREATE USER … PASSWORD '…', ALTER ROLE … WITH LOGIN PASSWORD '…'
const SQL_ACCOUNT = /\b(?:create|alter)[ \t]+(?:user|role|login)\b/i;
const AUTH_SCHEME = /^(?:Bearer|Basic|Token|Bot|Digest|ApiKey|SSWS|OAuth|GenieKey|Splunk)[ \t]+/i;

/** The first `ch` in [from, limit), or -1: never reads past limit. */
function indexWithin(text: string, ch: string, from: number, limit: number): number {
  const j = text.slice(from, limit).indexOf(ch);
  return j === -1 ? -1 : from + j;
}

/** <password>…</password>: the element's text, when the closing tag follows. */
function xmlElement(text: string, key: string, ke: number): Span | null {
  const gt = indexWithin(text, '>', ke, ke + 200);
  if (gt === -1 || text[gt - 1] === '/' || /[<\n]/.test(text.slice(ke, gt))) return null;
  let lt = indexWithin(text, '<', gt + 1, gt + 4096);
  let s = gt + 1;
  // the value in a child element of its own: <AdministratorPassword><Value>…</Value> (a Windows answer file)
  if (lt !== -1 && /^<value>/i.test(text.slice(lt, lt + 7))) {
    s = lt + 7;
    lt = indexWithin(text, '<', s, s + 4096);
    if (lt === -1 || !/^<\/value>/i.test(text.slice(lt, lt + 8))) return null;
  } else if (lt === -1 || text.slice(lt + 1, lt + 2 + key.length) !== `/${key}`) return null;
  let e = lt;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return e > s ? { start: s, end: e, quoted: true } : null;
}

/** name="password" value="…", - name: DB_PASSWORD⏎ value: …, <param name="password">…</param> */
function nameValuePair(ctx: ScanContext, after: number): Span | null {
  const { text } = ctx;
  const window = text.slice(after, Math.min(text.length, after + 160));
  const v = VALUE_FIELD.exec(window);
  // the value field must follow before another name field or a blank line
  if (v && !/\n[ \t]*\n|\bname["']?[ \t]*[:=]/i.test(window.slice(0, v.index))) {
    const at = after + v.index + v[0].length;
    return valueAt(text, at, ctx.lineBounds(ctx.lineIndex(at))[1], false);
  }
  // an element whose attribute names it: <param name="password">…</param>, <setting name="Password"><value>…</value>
  const gt = window.search(/[<>\n]/);
  if (gt === -1 || window[gt] !== '>' || window[gt - 1] === '/') return null;
  const m = /^\s*(?:<value>)?([^<\n]{1,512})</.exec(window.slice(gt + 1));
  if (!m || !m[1].trim()) return null;
  const s = after + gt + 1 + m[0].indexOf(m[1]) + (m[1].length - m[1].trimStart().length);
  return { start: s, end: s + m[1].trim().length, quoted: true };
}

interface Parsed extends Span {
  notation: string;
}

/** A key found in the text, with what surrounds it. */
interface KeyAt {
  ctx: ScanContext;
  text: string;
  ks: number;
  ke: number;
  key: string;
  role: KeyRole;
  /** the character before the key */
  pre: string | undefined;
  quotedKey: boolean;
  lineStart: number;
  lineEnd: number;
  /** what stands before the key on its line, when the line starts near it (reading a whole long line per key would not be linear) */
  head: string | null;
}

/** Where a value starts after an operator, and what the operator says of it. */
interface Operator {
  at: number;
  notation: string;
  /** only a quoted value is a literal here (Go :=, PHP =>, a call's second argument) */
  quotedOnly: boolean;
}

/** YAML's `key: |` and `key: >`: the value is the next, more indented line. */
function yamlBlock(k: KeyAt): Parsed | null {
  const { ctx, text, head } = k;
  const n = ctx.lineIndex(k.ks) + 1;
  if (n >= ctx.lineCount() || head === null) return null;
  const [ns, ne] = ctx.lineBounds(n);
  const line = text.slice(ns, Math.min(ne, ns + 4096));
  const indent = line.length - line.trimStart().length;
  const content = line.trim();
  if (!content || indent <= head.length - head.trimStart().length) return null;
  return { start: ns + indent, end: ns + indent + content.length, quoted: true, notation: 'YAML block' };
}

/** After `key:`: JSON/YAML, a typed assignment (PASSWORD: str = "…"), a YAML block, or a prose label. */
function afterColon(k: KeyAt, i: number): Operator | Parsed | null {
  const { text, lineEnd, head } = k;
  const typed = TYPE_ANNOTATION.exec(text.slice(i, Math.min(lineEnd, i + 60)));
  if (typed) return { at: i + typed[0].length, notation: 'typed assignment', quotedOnly: false };
  if (lineEnd - i < 16 && /^[ \t]*[|>][-+]?[ \t]*$/.test(text.slice(i, lineEnd))) return yamlBlock(k);
  if (k.quotedKey || codeShaped(k.key) || /authorization$/i.test(k.key)) return { at: i, notation: k.quotedKey ? 'JSON/YAML' : 'key: value', quotedOnly: false };
  // a bare word before a colon is also a prose label, which the password and login-id
  // detectors read: here it takes a quoted value, or a single token alone on a line it starts
  const v = valueAt(text, i, lineEnd, false);
  if (v?.quoted) return { at: i, notation: 'label: value', quotedOnly: false };
  const atLineStart = head !== null && /^[ \t]*(?:-[ \t]+)?$/.test(head);
  const alone = v && /^[ \t]*$/.test(text.slice(v.end, lineEnd));
  if (!atLineStart || !alone) return null;
  // a bare "user:" is a prose label too, unless a password key stands beside it in the same block (basicAuth: user: … password: …)
  return k.role !== 'login-id' || passwordBeside(text, k.lineStart, head ?? '') ? { at: i, notation: 'label: value', quotedOnly: false } : null;
}

/** Whether a line within two of the one at `lineStart`, indented the same (`head`), holds a password key. */
function passwordBeside(text: string, lineStart: number, head: string): boolean {
  const near = text.slice(Math.max(0, lineStart - 200), Math.min(text.length, lineStart + 200)).split('\n');
  const indent = head.replace(/-[ \t]+$/, '');
  return near.some((line) => line.startsWith(indent) && /^[ \t]*(?:-[ \t]+)?(?:password|passwd|pass|pwd)[ \t]*:/i.test(line) && line.length - line.trimStart().length === indent.length);
}

/** The operator after the key (from i, past the key and its closing quote), or a value read in full. */
function operatorAfter(k: KeyAt, i: number): Operator | Parsed | null {
  const { text, lineEnd, head, role, key } = k;
  const opStart = i;
  while (i < lineEnd && (text[i] === ' ' || text[i] === '\t') && i - opStart < 8) i++;
  const [c, c2] = [text[i], text[i + 1]];
  if (c === ':' && c2 === '=') return { at: i + 2, notation: 'Go :=', quotedOnly: true };
  if (c === '=' && c2 === '>') return { at: i + 2, notation: '=>', quotedOnly: true };
  if (c === '=' && c2 !== '=' && c2 !== '~') {
    const query = k.pre === '?' || k.pre === '&';
    return { at: i + 1, notation: query ? 'query parameter' : k.quotedKey ? 'subscript assignment' : 'key=value', quotedOnly: false };
  }
  if (c === ':' && c2 !== ':' && !(c2 === '/' && text[i + 2] === '/') && c2 !== '\\') return afterColon(k, i + 1);
  if (c === ',' && k.quotedKey && /\([ \t]*$/.test(text.slice(Math.max(k.lineStart, k.ks - 8), k.ks - 1))) return { at: i + 1, notation: 'call (key, value)', quotedOnly: true };
  if (i === opStart) return null;
  // a space alone: #define, Dockerfile ENV, .netrc, SQL
  if (SPACE_OPERATOR_LINE.test(head ?? '') || /^identified/i.test(key) || (role === 'password' && SQL_ACCOUNT.test(head ?? '')))
    return { at: i, notation: 'keyword and value', quotedOnly: !/^[ \t]*(?:ENV|machine|default)\b/.test(head ?? '') };
  // a configuration line "key value" (redis.conf requirepass …): one token with a digit or symbol, alone after the key
  if (role !== 'login-id' && head !== null && /^[ \t]*$/.test(head) && /^[a-z][a-z0-9_]*$/.test(key)) {
    const v = valueAt(text, i, lineEnd, false);
    if (!v || v.quoted || !/^[ \t]*$/.test(text.slice(v.end, Math.min(lineEnd, v.end + 80))) || /^[A-Za-z]+$/.test(text.slice(v.start, v.end))) return null;
    return { ...v, notation: 'configuration line' };
  }
  return null;
}

const HOLDER = /^(?:self|this|config|conf|cfg|settings|env|os|process|system|request|req|params|args|options|opts|props|ctx|context)\./i;

/** An unquoted value that is a program's expression or variable, not a literal. */
function computed(k: KeyAt, v: Span, value: string): boolean {
  // a dotted account name (john.smith) is not an attribute chain unless it starts from a holder (self.user)
  const dottedName = k.role === 'login-id' && /^[\w-]+(?:\.[\w-]+)+$/.test(value) && !HOLDER.test(value);
  if (EXPRESSION.test(value) && !dottedName) return true;
  return /^[A-Za-z_]+$/.test(value) && !literalIdentifier(k.text, v.end, k.lineStart, k.lineEnd);
}

/** The value the notation around key [ks, ke) gives it, or null when the key is not a label there. */
function parseAfterKey(ctx: ScanContext, ks: number, ke: number, key: string, role: KeyRole): Parsed | null {
  const { text } = ctx;
  const pre = text[ks - 1];
  const [lineStart, lineEnd] = ctx.lineBounds(ctx.lineIndex(ks));
  const head = ks - lineStart <= 120 ? text.slice(lineStart, ks) : null;
  const quotedKey = isQuote(pre) && text[ke] === CLOSING[pre];
  const k: KeyAt = { ctx, text, ks, ke, key, role, pre, quotedKey, lineStart, lineEnd, head };
  if (pre === '<') {
    const v = xmlElement(text, key, ke);
    return v && { ...v, notation: 'XML element' };
  }
  // the key is itself a value: name="password" value="…", - name: DB_PASSWORD⏎ value: …
  if (NAME_FIELD_BEFORE.test(text.slice(Math.max(lineStart, ks - 24), quotedKey ? ks - 1 : ks))) {
    const v = nameValuePair(ctx, quotedKey ? ke + 1 : ke);
    return v && { ...v, notation: 'name/value pair' };
  }
  // past a closing quote and a subscript's bracket: "password": …, ['password'] = …
  const op = operatorAfter(k, quotedKey ? (text[ke + 1] === ']' ? ke + 2 : ke + 1) : ke);
  if (!op || !('at' in op)) return op;
  let i = op.at;
  if (op.quotedOnly) {
    let j = i;
    while (j < lineEnd && (text[j] === ' ' || text[j] === '\t')) j++;
    if (/[bBrRfFuU@]/.test(text[j]) && isQuote(text[j + 1])) j++;
    if (!isQuote(text[j])) return null;
  }
  if (role === 'api-key' && /authorization$/i.test(key)) {
    const scheme = AUTH_SCHEME.exec(text.slice(i, Math.min(lineEnd, i + 40)).replace(/^[ \t]*["']?/, ''));
    if (scheme) i = text.indexOf(scheme[0], i) + scheme[0].length;
  }
  const v = valueAt(text, i, lineEnd, op.notation === 'query parameter');
  if (!v || (!v.quoted && computed(k, v, text.slice(v.start, v.end)))) return null;
  return { ...v, notation: op.notation };
}

/**
 * The program key an ASCII word at [start, end) belongs to (PASSWORD_RESET_TIMEOUT for its PASSWORD),
 * or the word itself when it stands alone.
 */
export function asciiKeyAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && start - s < MAX_KEY && isAsciiKeyChar(text.charCodeAt(s - 1))) s--;
  let e = end;
  while (e < text.length && e - end < MAX_KEY && isAsciiKeyChar(text.charCodeAt(e))) e++;
  if (s === start && e === end) return text.slice(start, end);
  return text.slice(s, e).replace(/^[-.]+|[-.]+$/g, '');
}

function isAsciiKeyChar(c: number): boolean {
  return c < 0x80 && isKeyChar(c);
}

/** Every value of a secret-named key in the text. */
export function findNamedValues(ctx: ScanContext): NamedValue[] {
  const { text } = ctx;
  const out: NamedValue[] = [];
  // the scan resumes after each key (and after each value taken): matches() reads NOUN.lastIndex afresh at every step
  for (const m of matches(text, NOUN)) {
    // widen the noun to its whole key
    let ks = m.start;
    while (ks > 0 && m.start - ks < MAX_KEY && isKeyChar(text.charCodeAt(ks - 1))) ks--;
    let ke = m.end;
    while (ke < text.length && ke - m.end < MAX_KEY && isKeyChar(text.charCodeAt(ke))) ke++;
    NOUN.lastIndex = ke;
    if (ke - ks > MAX_KEY || (ks > 0 && isKeyChar(text.charCodeAt(ks - 1)))) continue;
    // a flag's dashes and a sentence's dot are not part of the key
    while (ks < ke && (text[ks] === '-' || text[ks] === '.')) ks++;
    while (ke > ks && (text[ke - 1] === '-' || text[ke - 1] === '.')) ke--;
    const key = text.slice(ks, ke);
    const role = keyRole(key);
    if (!role) continue;
    const v = parseAfterKey(ctx, ks, ke, key, role);
    if (!v) continue;
    out.push({ key, role, notation: v.notation, keyStart: ks, start: v.start, end: v.end, quoted: v.quoted });
    NOUN.lastIndex = Math.max(ke, v.end);
  }
  return out;
}
