import type { Candidate, ScanContext } from '../engine/context.ts';
import type { Detector } from '../engine/detector.ts';
import { findLabelledValues, type LabelRule } from './lib/labels.ts';
import { ASCII_TOKEN, rejectCredential, trimToken } from './lib/credential-value.ts';
import { asciiKeyAround, isCodeExpression, keyRole } from './lib/named-keys.ts';
import { alternation } from '../engine/alternation.ts';
import { gated } from './lib/matches.ts';

// Password labels in Japanese and English. "PW" and "pass" need a word
// boundary; バスワード is how OCR often reads パスワード.
// An SNMP community string is a network device's password.
// A Wi-Fi or VPN pre-shared key is a password too (a bare "Key" after an SSID on its line). Short labels must stand
// alone: the "pW" inside a random key (…4pW7nB…) is not one.
const PASSWORD_LABEL = gated(
  /[パバ]スワ[ー-]ド|暗証番号|パスコード|パスフレーズ|合言葉|事前共有(?:キー|鍵)|暗号化キー|セキュリティキー|pass\s?(?:word|code|phrase)|passwd|pre-?shared\s?key|(?<![a-z])(?:wpa[23]?(?:-psk)?|wi-?fi|wireless|network)\s?key(?![a-z])|(?<![a-z])key(?![a-z])(?<=ssid[^\n]{0,60}key)|(?<![a-z0-9])(?:pwd|pw|p\/w|pass|psk|pin(?:\s?code)?)(?![a-z0-9])|(?<![\w-])secret(?![\w-])|(?:snmp\s?)?community\s?string|snmp\s?community/gi,
);

/** Longer than this, a value under a bare Secret label is a key, not a password. */
const MAX_SECRET_PASSWORD = 24;

// A PIN (暗証番号 4721) is digits only, and is written after a mere space too.
const PIN_LABEL = /暗証|パスコード|PIN/;
const PIN = /^\d{4,8}$/;

const RULE: LabelRule = { label: PASSWORD_LABEL, value: ASCII_TOKEN, columns: true };

// "ID/PW: user01 / Secret#1" writes both values after one label; a stacked
// header ("ログインID／パスワード") puts them on the next two lines.
const ID_WORD = String.raw`(?<![a-z])(?:id|ユーザー?(?:id|名)?|ログイン(?:id|名)?|アカウント|user(?:name)?|login)`;
const ID_PW = new RegExp(
  String.raw`${ID_WORD}\s*[/／・]\s*(?:pw|pass(?:word)?|[パバ]スワ[ー-]ド)[)\]】]?\s*(?:[:=]\s*)?([!-~]{3,64})[ 	]*(?:[/／]|
)[ 	]*([!-~]{3,64})`,
  'gi',
);

const ID_BEFORE_PW = new RegExp(String.raw`${ID_WORD}\s*[/／・]\s*$`, 'i');

// "管理者用：admin / Adm1n#Care": an account's ID and password after an account label.
// Not inside a URL: the admin of ftp://admin:pw@host/admin/ is its user.
const ACCOUNT_PAIR = /(?<![\w/])(?:管理者|管理用|保守用|テスト用|共通|admin(?:istrator)?|root|maintenance)[^\n:：]{0,8}[:：][ \t]{0,4}([\w.@-]{3,32})[ \t]{0,3}\/[ \t]{0,3}([!-~]{4,64})/gi;
// "Credentials: admin / admin123", "ログイン情報：k-sato / St#2024pw": a pair after a label that names both. Such a
// label also heads menu paths (Login: Settings / Users), so the second value must look like a password.
// (or said in a sentence: "Default credentials are admin/Adm!n2024."). Tried only where one of its label words
// stands (CREDENTIAL_WORDS), not at every position of the page.
const CREDENTIAL_WORDS = ['credential', 'login', 'logon', 'sign', '認証情報', '接続情報', 'ログイン情報', 'アカウント情報'];
// (one pass for all of them: engine/alternation.ts factors their common first characters)
const CREDENTIAL_WORD = new RegExp(alternation(CREDENTIAL_WORDS), 'g');
const CREDENTIAL_PAIR =
  /(?:credentials?|log[io]n(?: details| info(?:rmation)?)?|sign-?in(?: details)?|認証情報|接続情報|ログイン情報|アカウント情報)(?:[ \t]{0,4}[:：]|[ ](?:are|is))[ \t]{0,4}([\w.@-]{3,32})[ \t]{0,3}\/[ \t]{0,3}((?=[!-~]*[\d\W_])[!-~]{4,64}?)(?=[.,;)]?(?:\s|$))/iy;
// "Server: 10.0.0.5 / root / t00r!Pass": a host (a name or an address with dots), its account and the account's
// password, set apart by spaced slashes
const HOST_ID_PW = /(?<![\w./-])[a-z0-9-]+(?:\.[a-z0-9-]+)+[ \t]{1,3}\/[ \t]{1,3}([\w.@\\-]{2,32})[ \t]{1,3}\/[ \t]{1,3}((?=[!-~]*[\d\W_])[!-~]{4,64}?)(?=[.,;)]?(?:\s|$))/gi;

/** Every match of a global pair pattern over the text. */
function* pairs(text: string, re: RegExp): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) yield m;
}

/** The pairs after a credentials label, tried where a label word stands and no word or path goes on before it. */
function* credentialPairs(ctx: ScanContext): Generator<RegExpExecArray> {
  // (lower-casing keeps every offset unless a letter lower-cases to two: then the page is read as it is)
  const text = ctx.lower.length === ctx.text.length ? ctx.lower : ctx.text;
  CREDENTIAL_WORD.lastIndex = 0;
  for (let w = CREDENTIAL_WORD.exec(text); w; w = CREDENTIAL_WORD.exec(text)) {
    const at = w.index;
    if (at > 0 && /[\w/]/.test(ctx.text[at - 1])) continue;
    CREDENTIAL_PAIR.lastIndex = at;
    const m = CREDENTIAL_PAIR.exec(ctx.text);
    if (m) yield m;
  }
}

/**
 * The host / account / password triples, searched only on lines with a spaced
 * slash: the pattern starts with any word character, so run over a whole page
 * it would be tried at nearly every position.
 */
function* hostTriples(ctx: ScanContext): Generator<RegExpExecArray> {
  let lastLine = -1;
  for (let i = ctx.text.indexOf(' /'); i !== -1; i = ctx.text.indexOf(' /', i + 2)) {
    const n = ctx.lineIndex(i);
    if (n === lastLine) continue;
    lastLine = n;
    const [ls, le] = ctx.lineBounds(n);
    HOST_ID_PW.lastIndex = 0;
    const line = ctx.text.slice(ls, le);
    for (let m = HOST_ID_PW.exec(line); m; m = HOST_ID_PW.exec(line)) {
      m.index += ls;
      yield m;
    }
  }
}

const CLOSING_QUOTE: Record<string, string> = { "'": "'", '"': '"', '“': '”', '‘': '’', '「': '」', '『': '』' };

/** The words inside quotes that open at `at`, when they are several (a single word is read as a token) and end on the line. */
function quotedPhrase(text: string, at: number): [number, number] | null {
  const close = CLOSING_QUOTE[text[at]];
  if (!close) return null;
  const end = text.indexOf(close, at + 1);
  if (end === -1 || end - at > 65) return null;
  const inner = text.slice(at + 1, end);
  return /\n/.test(inner) || !/\S[ 　]+\S/.test(inner) || inner.trim() !== inner || POLICY_WORDS.test(inner) ? null : [at + 1, end];
}

// words a sentence about passwords is made of, not a passphrase ('must be at least 12 characters')
const POLICY_WORDS = /\b(?:must|should|be|at least|characters?|contain|use|your|is|are|with|than|not|or|and|the|a|an|of|to)\b/i;

function detect(ctx: ScanContext): Candidate[] {
  const out: Candidate[] = [];
  for (const v of findLabelledValues(ctx, RULE)) {
    // "ID / PW: user / secret": the first value is the ID; ID_PW below reads the pair
    if (ID_BEFORE_PW.test(ctx.before(v.labelStart, 16))) continue;
    // a word inside a program's key (PASSWORD_RESET_TIMEOUT, password_policy): the whole key's name decides
    if (/^[\x20-\x7e]+$/.test(v.label)) {
      const key = asciiKeyAround(ctx.text, v.labelStart, v.labelStart + v.label.length);
      if (key.length > v.label.length && keyRole(key) !== 'password') continue;
      // make_password(raw): a function's name, not a label
      if (key.length > v.label.length && ctx.text[ctx.text.indexOf(key, v.labelStart - key.length) + key.length] === '(') continue;
    }
    // a passphrase of several words in quotes right after its label: passphrase 'correct horse battery'
    const phrase = quotedPhrase(ctx.text, v.start) ?? quotedPhrase(ctx.text, v.start - 1);
    if (phrase) {
      if (!rejectCredential(ctx.text.slice(phrase[0], phrase[1]), ctx.lineNear(phrase[0]))) out.push({ start: phrase[0], end: phrase[1], score: 0.9, why: `label ${v.label} (quoted phrase)` });
      continue;
    }
    const [s, e] = trimToken(ctx.text, v.start, v.end);
    const value = ctx.text.slice(s, e);
    if (rejectCredential(value, ctx.lineNear(s))) continue;
    // a value a program computes (form.cleaned_data['password'], config.password), or the label again (PASSWORD: PASSWORD)
    if (isCodeExpression(value) || value.toLowerCase() === v.label.toLowerCase()) continue;
    // a long random value under a bare Secret is a key (an AWS secret access key): the key detectors' finding
    if (/^secret$/i.test(v.label) && value.length > MAX_SECRET_PASSWORD) continue;
    // A value with letters and digits or symbols is a password; a lone word is weaker evidence.
    const strong = /\d/.test(value) || /[^A-Za-z0-9]/.test(value);
    // Labels also sit in prose ("enter your password below"): without a
    // separator only a value with both letters and digits counts.
    // After a Japanese label an ASCII token with a digit or symbol is the value
    // however it is set off (パスワード kitaminato_admin): Japanese prose does not
    // continue in ASCII.
    const japaneseLabel = /[^\x00-\x7f]/.test(v.label);
    if (!v.separated && !(/\d/.test(value) && /[A-Za-z]/.test(value)) && !(PIN_LABEL.test(v.label) && PIN.test(value)) && !(japaneseLabel && strong)) continue;
    // a plain word that a sentence continues ("Sent by SMS", "Changed at first login") is prose, not a password
    if (!strong && /^ [A-Za-z]/.test(ctx.text.slice(e, e + 2))) continue;
    out.push({ start: s, end: e, score: strong ? 0.95 : 0.8, why: `label ${v.label} (${v.via})` });
  }
  for (const m of [...pairs(ctx.text, ID_PW), ...pairs(ctx.text, ACCOUNT_PAIR), ...credentialPairs(ctx), ...hostTriples(ctx)]) {
    const pw = m[2];
    const start = m.index + m[0].length - pw.length;
    // (a label is no password: Login: jsmith / Pass: Summer2024! gives its password to the label rule)
    if (!rejectCredential(pw, m[0]) && !/[:：=]$/.test(pw)) out.push({ start, end: start + pw.length, score: 0.95, why: 'label ID/PW pair' });
    const id = m[1];
    const idStart = m.index + m[0].lastIndexOf(id, m[0].length - pw.length - 1);
    if (!rejectCredential(id, m[0])) out.push({ start: idStart, end: idStart + id.length, score: 0.9, why: 'label ID/PW pair', kind: 'login-id' });
  }
  return out;
}

export const password: Detector = {
  id: 'password',
  kind: 'password',
  severity: 'critical',
  triggers: [
    'パスワ',
    'バスワ',
    '暗証',
    'pin',
    'パスコード',
    'パスフレーズ',
    '合言葉',
    '共有キー',
    '共有鍵',
    '暗号化キー',
    'セキュリティキー',
    'shared',
    'psk',
    'pass',
    'pw',
    'p/w',
    '管理',
    '保守',
    'テスト',
    '共通',
    'admin',
    'root',
    'maintenance',
    'wpa',
    'wi-fi',
    'wifi',
    'wireless',
    'network key',
    'ssid',
    'secret',
    'community',
    'credential',
    'login:',
    'login：',
    'logon:',
    'login details',
    'login info',
    'sign-in',
    'signin',
    '認証情報',
    '接続情報',
    'ログイン情報',
    'アカウント情報',
  ],
  detect,
  examples: {
    positive: [
      { text: 'admin password was reset to Reset#5521 by the vendor', expect: 'Reset#5521' },
      { text: 'SNMP community string: c1ty-pr1v', expect: 'c1ty-pr1v' },
      { text: 'Login: jsmith / Pass: Summer2024!', expect: 'Summer2024!' },
      { text: 'パスワード：Osaka#2023pw', expect: 'Osaka#2023pw' },
      { text: 'キャッシュカード暗証番号 0923', expect: '0923' },
      { text: 'PIN: 5580', expect: '5580' },
      { text: 'Password for the Wi-Fi in the meeting room: Guest#2024w', expect: 'Guest#2024w' },
      { text: '接続情報（ID／PW）\nkitaminato-ops\nOp3r@tion2024\n', expect: 'Op3r@tion2024' },
      { text: 'Wi-Fi password is "GuestNet2024" (valid until March).', expect: 'GuestNet2024' },
      { text: '（３）パスワードに「Kansen#2020」を入力し、ログインボタンを押す。', expect: 'Kansen#2020' },
      { text: '※ユーザー名 kitaminato_admin パスワード kitaminato_admin', expect: 'kitaminato_admin' },
      { text: '初期パスワード　kmh720501', expect: 'kmh720501' },
      { text: 'ログインID: admin01\nPW: Kt9#wLp2vQ', expect: 'Kt9#wLp2vQ' },
      { text: 'パスワード\nMinato#2023dv', expect: 'Minato#2023dv' },
      { text: '氏名\t初期パスワード\n山田\tabc12345\n', expect: 'abc12345' },
      { text: 'ID/PW: renkei01 / Pa55-word!', expect: 'Pa55-word!' },
      { text: '    ID / PW：zeimu-sato / Tmp#1202xq', expect: 'Tmp#1202xq' },
      { text: 'ユーザー名/パスワード：tanaka / Tk#2024pw', expect: 'Tk#2024pw' },
      { text: 'ログインID／パスワード\nk-sato\nSt#2024pw', expect: 'St#2024pw' },
      // the pair's ID is reported as a login ID, not taken for the password after "PW"
      { text: '    ID / PW：zeimu-sato / Tmp#1202xq', expect: 'zeimu-sato' },
      { text: '管理者用：admin / Adm1n#Care', expect: 'Adm1n#Care' },
      { text: 'パスワードは「Tokyo2024!」です。', expect: 'Tokyo2024!' },
      { text: '例）パスワード：Minato#2023dv', expect: 'Minato#2023dv' },
      { text: '初期パスワード（例：Kitaminato2024!）は使用しない。', expect: 'Kitaminato2024!' },
      { text: 'Password = "hunter2x9"', expect: 'hunter2x9' },
      { text: 'バスワード：Qz81kLm0', expect: 'Qz81kLm0' },
      { text: '及びパスワード（Minato#2023dv）を資料2に記載した。', expect: 'Minato#2023dv' },
      { text: '初期パスワード：Tns@Fw2024!kt（初回ログイン後に変更）', expect: 'Tns@Fw2024!kt' },
      { text: 'SSID：KM-STAFF、事前共有キー：Km$taff-Wlan#88', expect: 'Km$taff-Wlan#88' },
      { text: "The recovery passphrase 'copper lantern 1987' is kept by the head of section.", expect: 'copper lantern 1987' },
      { text: 'Wi-Fi パスワード（SSID: city-guest）：Guest2024!', expect: 'Guest2024!' },
      { text: '先ほどのファイルのパスワードです。\n  Kg7#Nov-1112\nよろしくお願いします。', expect: 'Kg7#Nov-1112' },
      { text: 'パスワードは次のとおりです。\nQz81kLm0', expect: 'Qz81kLm0' },
      // English prose: the value after "is" or a dash, what the password is for between
      { text: 'The default password for the visitor kiosk is Welcome2024 and must be changed.', expect: 'Welcome2024' },
      { text: 'Your PIN is 4821.', expect: '4821' },
      { text: 'Temporary passcode - 7Hq2-Lm9x', expect: '7Hq2-Lm9x' },
      { text: 'The SSID is CityHall-Guest and the WPA2 key is gR8!wifi-Key', expect: 'gR8!wifi-Key' },
      { text: 'SSID: CityGuest  Key: Gue5t#Wifi2024', expect: 'Gue5t#Wifi2024' },
      { text: 'Account\tType\tSecret\nnotify-mailer\tSMTP relay\tMx!4rT8q#Lp2', expect: 'Mx!4rT8q#Lp2' },
      { text: 'Credentials: admin / admin123', expect: 'admin123' },
      { text: 'ログイン情報：k-sato / St#2024pw', expect: 'St#2024pw' },
      { text: 'Default credentials are admin/Adm!n2024.', expect: 'Adm!n2024' },
      { text: 'Server: 10.0.0.5 / root / t00r!Pass', expect: 't00r!Pass' },
      { text: 'Server: 10.0.0.5 / root / t00r!Pass', expect: 'root' },
      // one account per column, each row's field named in its first cell
      { text: 'Item\tPrimary\tBackup\nUser\tops01\tops02\nPassword\tAbc#12345\tXyz#67890\n', expect: 'Xyz#67890' },
    ],
    negative: [
      'The password must be reset to a new one every 90 days.',
      { text: "The password 'must be at least 12 characters' rule applies to every account.", why: 'a quoted rule about passwords, not a passphrase' },
      // a key opening the next line is not the password's value
      'env:\n  - name: SMTP_PASSWORD\n    valueFrom:\n      secretKeyRef: { name: libres-smtp, key: password }\n',
      'パスワード：********',
      '暗証番号 4桁の数字を入力',
      'Pin 2024 to the top of the board',
      'PIN は 4 桁です',
      'パスワードの「Reset」ボタンを押す',
      'The password is changed every 90 days.',
      'パスワードを変更する',
      'パスワード：●●●●●●',
      'password: <your password>',
      'パスワードを変更してください。',
      '悪い例：パスワードに Passw0rd を使う',
      'パスワード：xxxxxxxx',
      'Enter your password below.',
      'Your password is required.',
      'The password is at least 12 characters long.',
      'The password for the kiosk is changed every 90 days.',
      { text: 'Login: Settings / Users', why: 'a menu path after a login label' },
      { text: 'see docs.example.org/guide/v1.2/setup', why: 'a path, its slashes not spaced' },
      { text: 'Version 1.2.3 / build / 2024-05', why: 'no password after the slashes' },
      'PW：（別途通知）',
      'the pass rate was 80%',
      'AWS_SECRET_ACCESS_KEY=tR8vKx2mQ9zL4pW7nB3cF6hJ1sD5gA0eY8uI2oPq',
      'password = ${DB_PASSWORD}',
      'パスワードを変更した。\nKg7#Nov-1112',
      'One-time password\tSent by SMS (not recorded here)',
      { text: 'PASSWORD_RESET_TIMEOUT=86400', why: 'a setting about passwords, not one' },
      { text: '| password | string | ログインパスワード |', why: 'a type in a table of parameters' },
      { text: "password = form.cleaned_data['password']", why: 'a value the program reads' },
      { text: 'user.password = make_password(raw)', why: 'a function named after passwords' },
      { text: 'password=$(cat /run/secrets/db_password)', why: 'a command substitution' },
      { text: 'password: !vault |', why: 'an Ansible vault reference' },
      { text: 'password: ENC(XcBjSjTbRsdz9dbk3JLrI3w==)', why: 'an encrypted value (Jasypt)' },
      { text: 'password = __DB_PASSWORD__', why: 'a template token' },
      { text: 'PASSWORD: PASSWORD', why: 'the label again, a template heading' },
      { text: 'ftp://admin:Xy7kL9mQ2@files.example.org/admin/', why: 'an account pair inside a URL (the URL detector reports its parts)' },
    ],
  },
};
