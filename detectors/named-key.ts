// Values of secret-named keys in any notation (JSON, YAML, XML, .env, INI,
// TOML, code, shell, connection strings, query strings, SQL, HTTP headers):
// see lib/named-keys.ts for the notations. This file decides which values are
// real: not a placeholder, a variable, a type, a path or a sentence.
import type { Candidate, ScanContext } from '../engine/context.ts';
import type { Detector } from '../engine/detector.ts';
import type { Kind } from '../core/findings.ts';
import { findNamedValues, keyRole, type KeyRole } from './lib/named-keys.ts';
import { isPlaceholder, isTextbookExample } from './lib/placeholders.ts';
import { sampleKeyReason } from './lib/sample-keys.ts';
import { entropy } from './lib/checksums.ts';

// values that name a type, a flag or a key, not a secret
const STOP_WORD =
  /^(?:true|false|yes|no|on|off|null|nil|none|undefined|empty|string|str|int|integer|bool|boolean|number|text|varchar|char|object|array|list|dict|any|required|optional|hidden|masked|redacted|default|value|env|environment|variable|unknown|unset|disabled|enabled|auto|tbd|todo|fixme|secret|secrets|password|passwd|pass|pwd|token|key|apikey|username|user|login|name|id)$/i;
// a fill-in: <your-key>, PUT_YOUR_TOKEN_HERE, replace-me
const FILL_IN = /here$|^(?:replace|insert|enter|put|add)[-_ ]|^<|>$|replace[-_ ]?me/i;
const URL_VALUE = /^[a-z][a-z0-9+.-]*:\/\//i;
// a file holding the secret is not the secret: key_file=/etc/app/key.pem, PWD=/home/ops
const PATH = /^(?:\.{0,2}\/|~\/|[A-Za-z]:[\\/]|\\\\)|\.(?:pem|key|json|txt|p12|pfx|jks|crt|cer|der|ppk|env|ya?ml|ini|conf|cfg)$/i;
// quoted words: "Enter your password", "Forgot password?"
const PROSE = /^[A-Za-z][A-Za-z']*(?: +[A-Za-z][A-Za-z',.!?]*)+$/;
const LOGIN_VALUE = /^[A-Za-z0-9][\w.@+\\-]{1,63}$/;
// a directory account is a distinguished name: cn=svc-yoyaku,ou=service,dc=example,dc=local
const DISTINGUISHED_NAME = /^(?:cn|uid)=[\w .@-]{1,64}(?:,[a-z]{1,3}=[\w .@-]{1,64}){1,8}$/i;
const GENERIC_LOGIN = /^(?:user(?:name|_?id)?|login(?:_?id)?|name|me|self|anonymous|nobody|account)$/i;

/** Why the value of a key with this role is not reported, or null when it is. */
export function rejectNamedValue(value: string, role: KeyRole, line: string, notation = ''): string | null {
  const pem = role === 'private-key' && value.includes('-----BEGIN');
  if (/[^\x20-\x7e]/.test(value)) return 'not printable ASCII';
  if (STOP_WORD.test(value)) return 'a type, flag or key word';
  if (isPlaceholder(value) || FILL_IN.test(value)) return 'placeholder';
  if (URL_VALUE.test(value) || PATH.test(value)) return 'a URL or a file path';
  // db_password = DB_PASSWORD: one variable handed to another
  if (role !== 'login-id' && /^[\w.-]+$/.test(value) && !/\d/.test(value) && keyRole(value)) return 'the name of another key';
  switch (role) {
    case 'password':
      if (value.length < 4) return 'too short';
      if (/\s/.test(value) && (PROSE.test(value) || value.length > 64)) return 'a sentence';
      return isTextbookExample(value, line) ? 'textbook example' : null;
    case 'api-key':
    case 'private-key':
      if (/\s/.test(value) && !pem) return 'a sentence';
      if (value.length < (role === 'private-key' ? 32 : 8)) return 'too short';
      if (/^\d+$/.test(value)) return 'a number';
      if (entropy(value) < 2.5) return 'low entropy';
      // after a prose word and a colon (Secret: Confidential) only a random-looking value is a key
      if (notation === 'label: value' && (entropy(value) < 3.5 || !(/\d/.test(value) || value.length >= 20))) return 'a word after a label';
      return pem ? null : sampleKeyReason(value);
    case 'login-id':
      if (!LOGIN_VALUE.test(value) && !DISTINGUISHED_NAME.test(value)) return 'not an account name';
      if (!/[A-Za-z]/.test(value)) return 'no letter';
      return GENERIC_LOGIN.test(value) || (keyRole(value) ?? 'login-id') !== 'login-id' ? 'a generic word' : null;
  }
}

const SCORE: Record<KeyRole, number> = { password: 0.96, 'api-key': 0.95, 'private-key': 0.97, 'login-id': 0.9 };

function detect(ctx: ScanContext): Candidate[] {
  const out: Candidate[] = [];
  for (const v of findNamedValues(ctx)) {
    let end = v.end;
    // a key file's PEM ends with an escaped newline that is not part of the key
    while (v.role === 'private-key' && ctx.text.endsWith('\\n', end)) end -= 2;
    const value = ctx.text.slice(v.start, end);
    // the words around the value (not its whole line, which may be the whole page)
    const around = ctx.before(v.start, 80) + value + ctx.after(end, 80);
    if (rejectNamedValue(value, v.role, around, v.notation)) continue;
    // a word alone is weaker evidence than a value with digits or symbols
    const weak = v.role === 'password' && /^[A-Za-z]+$/.test(value);
    out.push({ start: v.start, end, score: weak ? 0.85 : SCORE[v.role], why: `secret-named key ${v.key} (${v.notation})`, kind: v.role satisfies Kind });
  }
  return out;
}

export const namedKey: Detector = {
  id: 'named-key',
  kind: 'password',
  severity: 'critical',
  triggers: [
    'pass',
    'pwd',
    'pw',
    'pin',
    'uid',
    'secret',
    'token',
    'credential',
    'key',
    'user',
    'login',
    'logon',
    'binddn',
    'bind_dn',
    'managerdn',
    'authorization',
    'identified',
    'パスワ',
    'バスワ',
    '暗証番号',
    'パスコード',
    'パスフレーズ',
    '合言葉',
    'シークレット',
    'トークン',
    'キー',
    '秘密鍵',
    'ユーザ',
    'ログイン',
    'アカウント',
    '利用者',
  ],
  detect,
  examples: {
    positive: [
      { text: '<AdministratorPassword>\n  <Value>Unatt#2024</Value>\n</AdministratorPassword>', expect: 'Unatt#2024' },
      { text: '<bindDn>cn=svc-yoyaku,ou=service,dc=shiraura,dc=local</bindDn>', expect: 'cn=svc-yoyaku,ou=service,dc=shiraura,dc=local' },
      { text: 'ingress:\n  basicAuth:\n    user: libstaff\n    password: Shelf-4821-bk\n', expect: 'libstaff' },
      // JSON, YAML, dicts
      { text: '{"password": "Sunflower7!", "host": "db01"}', expect: 'Sunflower7!' },
      { text: '{"パスワード": "Himawari#88"}', expect: 'Himawari#88' },
      { text: '{"db_password":"hunter2x9","user":"appuser"}', expect: 'hunter2x9' },
      { text: '{"db_password":"hunter2x9","user":"appuser"}', expect: 'appuser' },
      { text: '"暗証番号": "4721"', expect: '4721' },
      { text: 'db:\n  username: app_ro\n  password: "S3cure!Pass"\n', expect: 'S3cure!Pass' },
      { text: "client_secret: '7f3kQ9zLm2XpV8rT1wYb4NcD'", expect: '7f3kQ9zLm2XpV8rT1wYb4NcD' },
      { text: '"token": "a8F3kLm9Qz2xW7vB1nR5tY0u",', expect: 'a8F3kLm9Qz2xW7vB1nR5tY0u' },
      // .env, INI, TOML, properties
      { text: 'DB_PASSWORD=Xy7kL9mQ2\nDB_HOST=db01', expect: 'Xy7kL9mQ2' },
      { text: '[database]\npassword = Sunflower\nuser = dbadmin', expect: 'Sunflower' },
      { text: '[database]\npassword = Sunflower\nuser = dbadmin', expect: 'dbadmin' },
      { text: 'password = "Xy7kL9mQ2"  # TOML', expect: 'Xy7kL9mQ2' },
      { text: 'spring.datasource.password=Xy7kL9mQ2', expect: 'Xy7kL9mQ2' },
      { text: 'spring.datasource.username=taxapp', expect: 'taxapp' },
      // shell, Dockerfile, .netrc
      { text: 'export API_TOKEN="a8F3kLm9Qz2xW7vB1nR5tY0u"', expect: 'a8F3kLm9Qz2xW7vB1nR5tY0u' },
      { text: '$env:DB_PASSWORD = "Pw!2024x"', expect: 'Pw!2024x' },
      { text: 'ENV DB_PASS Xy7kL9mQ2', expect: 'Xy7kL9mQ2' },
      { text: 'machine api.example.org login deploy password Xy7kL9mQ2', expect: 'Xy7kL9mQ2' },
      // code
      { text: 'password := "Xy7kL9mQ2"', expect: 'Xy7kL9mQ2' },
      { text: 'private static final String DB_PASSWORD = "Xy7kL9mQ2";', expect: 'Xy7kL9mQ2' },
      { text: "define('DB_PASSWORD', 'Xy7kL9mQ2');", expect: 'Xy7kL9mQ2' },
      { text: "$cfg['Servers'][$i]['password'] = 'Xy7kL9mQ2';", expect: 'Xy7kL9mQ2' },
      { text: 'PASSWORD: str = "Xy7kL9mQ2"', expect: 'Xy7kL9mQ2' },
      { text: 'os.environ["AWS_SESSION_TOKEN"] = "FwoGZXIvYXdzEBYaDHqa0AP1"', expect: 'FwoGZXIvYXdzEBYaDHqa0AP1' },
      { text: '#define WIFI_PASSWORD "Kt9#wLp2vQ"', expect: 'Kt9#wLp2vQ' },
      // connection strings and queries
      { text: 'Server=db01;Database=tax;User Id=taxapp;Password=Xy7kL9mQ2;', expect: 'Xy7kL9mQ2' },
      { text: 'Server=db01;Database=tax;User Id=taxapp;Password=Xy7kL9mQ2;', expect: 'taxapp' },
      { text: 'DRIVER={SQL Server};UID=sa;PWD={p;ss1};', expect: 'p;ss1' },
      { text: 'db.options = user=taxapp&password=Xy7kL9mQ2&ssl=true', expect: 'Xy7kL9mQ2' },
      // XML
      { text: '<password>Xy7kL9mQ2</password>', expect: 'Xy7kL9mQ2' },
      { text: '<connection user="svc_app" password="Xy7kL9mQ2"/>', expect: 'Xy7kL9mQ2' },
      { text: '<add key="DbPassword" value="Xy7kL9mQ2" />', expect: 'Xy7kL9mQ2' },
      { text: '<setting name="ApiKey" serializeAs="String">\n  <value>Zx81Lq0PmWn27RtY5vB3</value>\n</setting>', expect: 'Zx81Lq0PmWn27RtY5vB3' },
      { text: '<ユーザーID>svc_batch</ユーザーID>', expect: 'svc_batch' },
      // name/value pairs (Kubernetes, Compose)
      { text: 'env:\n  - name: DB_PASSWORD\n    value: "Xy7kL9mQ2"\n', expect: 'Xy7kL9mQ2' },
      // SQL, headers
      { text: "ALTER USER app IDENTIFIED BY 'Xy7kL9mQ2';", expect: 'Xy7kL9mQ2' },
      { text: "CREATE ROLE app WITH LOGIN PASSWORD 'Xy7kL9mQ2';", expect: 'Xy7kL9mQ2' },
      { text: 'Authorization: Bearer 8f3kQ9zLm2XpV8rT1wYb4NcDe', expect: '8f3kQ9zLm2XpV8rT1wYb4NcDe' },
      { text: 'curl -H "X-API-Key: 7f3kQ9zLm2XpV8rT1wYb" https://api.example.org', expect: '7f3kQ9zLm2XpV8rT1wYb' },
      { text: 'API key: 7f3kQ9zLm2XpV8rT1wYb', expect: '7f3kQ9zLm2XpV8rT1wYb' },
      { text: 'Authorization: Basic dXNlcjpTM2NyZXQh', expect: 'dXNlcjpTM2NyZXQh' },
      // YAML block scalars, Japanese quotes, redis.conf
      { text: 'password: |\n  Sunflower7!\nhost: db01', expect: 'Sunflower7!' },
      { text: '「パスワード」: 「Himawari#88」', expect: 'Himawari#88' },
      { text: 'requirepass Xy7kL9mQ2', expect: 'Xy7kL9mQ2' },
      { text: "curl -d 'username=ops&password=Xy7kL9mQ2' https://x.example.org/login", expect: 'Xy7kL9mQ2' },
      // a service account's key file
      {
        text: '{\n  "type": "service_account",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----\\n",\n}',
        expect: '-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----',
      },
    ],
    negative: [
      { text: 'user: tanaka said the form was fine', why: 'a prose label with no password beside it' },
      { text: 'password: changeme', why: 'a fill-in default' },
      { text: '"password": "<your-password>"', why: 'a fill-in in brackets' },
      { text: '"password": "xxx"', why: 'a mask' },
      { text: '"password": ""', why: 'empty' },
      { text: 'password=', why: 'no value' },
      { text: 'password: ${DB_PASSWORD}', why: 'a template variable' },
      { text: 'DB_PASSWORD=$DB_PASSWORD', why: 'a shell variable' },
      { text: 'password = os.getenv("DB_PASSWORD")', why: 'read from the environment' },
      { text: 'password := os.Getenv("DB_PASSWORD")', why: 'read from the environment (Go)' },
      { text: 'const password = req.body.password;', why: 'a variable handed on' },
      { text: 'String password = pwd;', why: 'a variable handed on (Java)' },
      { text: '{"password": password, "user": user}', why: 'Python variables in a dict' },
      { text: '"password": "Password"', why: 'a UI string naming the field' },
      { text: '"passwordHint": "Enter your password"', why: 'a sentence, and a hint key' },
      { text: '"password": "Forgot your password?"', why: 'a sentence' },
      { text: 'password_min_length = 12', why: 'a policy key' },
      { text: 'token_type: bearer', why: 'not a secret key' },
      { text: '"nextPageToken": "CAUQAA"', why: 'a page cursor' },
      { text: 'api_key: string', why: 'a type in API documentation' },
      { text: 'if password == "":', why: 'a comparison' },
      { text: 'password != confirm', why: 'a comparison' },
      { text: 'private_key_path = /etc/app/key.pem', why: 'a file path' },
      { text: 'OLDPWD=/home/ops', why: "the shell's previous directory" },
      { text: 'token_url = https://auth.example.org/token', why: 'a URL' },
      { text: 'bypass = true', why: 'not a password key' },
      { text: '"userId": 12345', why: 'a record number' },
      { text: '"user": {"id": 3}', why: 'an object' },
      { text: 'User: Tanaka', why: 'a prose label (the login-id detector reads those)' },
      { text: 'Login: 2024-04-01 10:00', why: 'a time' },
      { text: '"username": "山田太郎"', why: 'a person, not an account' },
      { text: 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', why: "AWS's documented sample" },
      { text: 'SECRET_KEY = "your-secret-key-here"', why: 'a fill-in' },
      { text: 'user@example.com', why: 'an address, not a key' },
      { text: 'The token: see section 4.', why: 'prose' },
      { text: 'Secret: Confidential', why: 'a classification after a prose label' },
      { text: '"passport": "TK1234567"', why: 'passport is not a password key' },
      { text: 'PASSWORD_RESET_TIMEOUT=86400', why: 'a setting about passwords' },
      { text: 'password reset requested by the user', why: 'prose after a line-initial key word' },
      { text: '<input type="password" name="password" value="">', why: 'an empty form field' },
      { text: 'token = secrets.token_hex(16)', why: 'generated at run time' },
      { text: 'x-api-key: $API_KEY', why: 'a variable' },
    ],
  },
};
