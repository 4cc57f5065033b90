import type { Candidate, ScanContext } from '../engine/context.ts';
import type { Detector } from '../engine/detector.ts';
import { findLabelledValues, type LabelRule } from './lib/labels.ts';
import { rejectCredential, trimToken } from './lib/credential-value.ts';
import { gated, matches } from './lib/matches.ts';

// Login ID labels; a bare "ID" or "user" needs a boundary so that words like
// "valid" or "username policy" do not count as labels on their own. A system's printout names who ran it by
// their login (出力者ID, 操作者ID).
const LOGIN_LABEL = gated(
  /ログイン\s?(?:id|名|アカウント)|ユーザー?\s?(?:id|名)|利用者\s?(?:id|コード)|職員\s?id|(?:出力|操作|作成|更新|登録|入力|実行|処理|承認)者\s?id|オペレータ(?:ー)?\s?id|アカウント(?:名|id)?|サインイン\s?id|ユーザー(?![ァ-ヶー])|(?<![a-z])(?:log[io]n(?:\s?(?:id|name))?|sign-?in(?:\s?(?:id|name))|user\s?(?:id|name)|account(?:\s?(?:id|name))?|id|user)(?![a-z])/gi,
);
// An ID is one ASCII token: letters, digits, dot, dash, underscore, @.
const ID_VALUE = /[A-Za-z0-9][\w.@+-]{2,63}/y;

const RULE: LabelRule = { label: LOGIN_LABEL, value: ID_VALUE, columns: true };
// A bare ID that names a record, not an account: Request ID, 受付ID, Ticket ID.
const RECORD_BEFORE_ID =
  /(?:request|ticket|order|transaction|invoice|case|receipt|document|record|file|job|batch|event|message|device|asset|product|item|session|patient|受付|申請|問合せ|問い合わせ|文書|案件|整理|伝票|注文|契約|資産|機器|端末|物品|取引|決済|患者|受診|宛名|世帯|予約|申込)[ _-]?$/i;

const ACCOUNT_TYPE = /^(?:ordinary|savings?|current|checking|deposit|普通|当座|貯蓄)$/i;
const MONEY_BEFORE_ACCOUNT = /(?:bank|savings|checking|current|deposit)[ _-]?$/i;
// a bank's own words earlier on the line: the account after them holds money (Sort code 20-00-00 Account 55779911)
const BANK_ON_LINE = /sort[ ]?code|routing|iban|swift|bsb|bank|branch|支店|銀行/i;

const PASSWORD_ON_LINE = /(?<![a-z])(?:pass(?:word|code|phrase)?|pwd|pw)(?![a-z])|[パバ]スワ[ー-]ド|暗証/i;

// what follows a login label when it names the login's page, not its account
const LOGIN_PAGE_AFTER = /^[ 　]?(?:url|uri|page|address|link|画面|ページ|先|アドレス)/i;

// A password label right after a value: "username jsmith and password …", "user jsmith, pw …".
const PASSWORD_NEXT = /^(?:,|;|[ ]\/)?[ ]{1,4}(?:and[ ](?:the[ ]|a[ ])?|with[ ](?:the[ ]|a[ ])?)?(?:pass(?:word|code)?|pwd|pw|[パバ]スワ[ー-]ド)(?![a-z])/i;
// the words a sentence puts there instead ("username and password", "user or password")
const FUNCTION_WORD = /^(?:and|or|the|a|an|with|without|is|are|was|must|should|will|can|field|box|name|id|of|for|to|in|on)$/i;

// "管理者アカウント（sysadmin-km / Kt9#wLp2vQ）": an ID, a slash, then its password.
const SLASH_VALUE = /[ ]{0,3}\/\s{0,3}([!-~]{4,64})/y;

function passwordAfterSlash(ctx: ScanContext, at: number): { start: number; end: number; score: number } | null {
  SLASH_VALUE.lastIndex = at;
  const m = SLASH_VALUE.exec(ctx.text);
  if (!m) return null;
  const [s, e] = trimToken(ctx.text, at + m[0].length - m[1].length, at + m[0].length);
  const value = ctx.text.slice(s, e);
  // a password mixes letters with digits or symbols; "ID / メール" or a path is not one
  const shaped = /[A-Za-z]/.test(value) && /[\d\W_]/.test(value) && !value.includes('/');
  if (!shaped || rejectCredential(value, ctx.lineNear(s))) return null;
  return { start: s, end: e, score: 0.9 };
}

// "log in to sh-fs01 as kestrel-bk", "connects to the database as rs_app": the account a sentence says a login uses
const LOGIN_AS =
  /(?<![A-Za-z])(?:log(?:s|ged|ging)? ?(?:in|on)(?: to| into)?|sign(?:s|ed)? in(?: to)?|connect(?:s|ed|ing)? to|reach(?:es|ed)?|ssh(?:es|ed)? (?:in)?to|access(?:es|ed)?) (?:the )?[\w.-]{2,40}(?: (?:server|host|database|share))? as (?:user )?([A-Za-z_][\w.-]{1,31})(?![\w-])/g;
// what follows "as" in such a sentence without naming an account
const NOT_AN_ACCOUNT = /^(?:a|an|the|usual|before|needed|required|well|soon|long|much|possible|normal|root|admin|administrator|yourself|himself|herself|themselves|guest|anonymous|follows)$/i;

function detect(ctx: ScanContext): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(ctx.text, LOGIN_AS)) {
    const user = m.groups[0]!;
    // an account is written with a digit, a dash, a dot or an underscore: "as usual", "as Tanaka" are words
    if (NOT_AN_ACCOUNT.test(user) || !/[\d_.-]/.test(user) || rejectCredential(user, m.text)) continue;
    out.push({ start: m.end - user.length, end: m.end, score: 0.8, why: 'the account a sentence says a login uses' });
  }
  for (const v of findLabelledValues(ctx, RULE)) {
    const [s, e] = trimToken(ctx.text, v.start, v.end);
    const value = ctx.text.slice(s, e);
    if (rejectCredential(value, ctx.lineNear(s))) continue;
    // "Login URL", "ログイン画面": the label names the login's page, and its value is an address (the URL detector's)
    // the next header cell (User | Passcode) is a label, not an account
    if (/^(?:pass(?:word|code|phrase)?|pwd|pw|[パバ]スワ[ー-]ド|暗証番号)$/i.test(value)) continue;
    if (LOGIN_PAGE_AFTER.test(ctx.text.slice(v.labelStart + v.label.length, v.labelStart + v.label.length + 8)) || ctx.text.startsWith('://', e)) continue;
    // username = getpass.getuser(): a call, not an account
    if (ctx.text[e] === '(') continue;
    const bareLabel = /^(?:id|user)$/i.test(v.label.trim());
    // a plain word is an ID without a separator where a password label follows it: "with username jsmith and password …"
    const beforePassword = PASSWORD_NEXT.test(ctx.text.slice(e, e + 24)) && !FUNCTION_WORD.test(value);
    // A bare "ID" label is everywhere (受付ID, ID番号): it needs a separator and a value with a digit or '-'.
    // …or a password labelled on the same line (user: jdoe, pass: Winter2024)
    // a password beside it: on its line, or, for a column, in the header row (User | Pass | PIN)
    const passwordBeside = PASSWORD_ON_LINE.test(ctx.lineNear(s)) || (v.via === 'column' && PASSWORD_ON_LINE.test(ctx.line(ctx.lineIndex(v.labelStart))));
    if (bareLabel && !beforePassword && (!v.separated || (!/[\d_-]/.test(value) && !passwordBeside))) continue;
    if (bareLabel && RECORD_BEFORE_ID.test(ctx.before(v.labelStart, 24))) continue;
    // a bank account holds money, not a login (Account no. | Ordinary 4829173: the account's type is no ID)
    if (
      /^account/i.test(v.label.trim()) &&
      (MONEY_BEFORE_ACCOUNT.test(ctx.before(v.labelStart, 16)) || ACCOUNT_TYPE.test(value) || (/^\d+$/.test(value) && BANK_ON_LINE.test(lineBefore(ctx, v.labelStart))))
    )
      continue;
    if (!v.separated && !/[\d_.@-]/.test(value) && !beforePassword) continue;
    // a plain word that a sentence goes on from is prose: "Login: see the manual", "login of your office: the same as before"
    if (/^[A-Za-z]+$/.test(value) && /^[ ][a-z]{2,}/.test(ctx.text.slice(e, e + 8)) && !beforePassword) continue;
    // "ユーザー 100名" is a count: after the bare word ユーザー an ID needs a letter
    if (!v.separated && v.label === 'ユーザー' && !/[A-Za-z]/.test(value)) continue;
    out.push({ start: s, end: e, score: bareLabel ? 0.75 : 0.9, why: `label ${v.label} (${v.via})` });
    const pw = passwordAfterSlash(ctx, e);
    if (pw) out.push({ ...pw, kind: 'password', why: `password after ${v.label} ${value} /` });
  }
  return out;
}

export const loginId: Detector = {
  id: 'login-id',
  kind: 'login-id',
  severity: 'critical',
  triggers: ['id', 'ユーザ', 'ログイン', 'アカウント', '利用者', 'user', 'login', 'logon', 'sign', 'account', 'サインイン', 'reach', 'connect', 'ssh'],
  detect,
  examples: {
    positive: [
      { text: '出力日時 2024/09/02 14:37\t出力者ID fk-takeda07', expect: 'fk-takeda07' },
      { text: 'The SSH key that the backup job uses to reach sh-fs01 as kestrel-bk is reproduced below.', expect: 'kestrel-bk' },
      { text: 'The sync job connects to the database as rs_app every night.', expect: 'rs_app' },
      { text: 'ログインID：renkei-test01', expect: 'renkei-test01' },
      { text: 'ユーザーID sysadmin-km', expect: 'sysadmin-km' },
      { text: 'Credentials — user: jdoe, pass: Winter2024', expect: 'jdoe' },
      { text: '職員番号\t端末ログインID\nK2001913\tK2001913\n', expect: 'K2001913' },
      { text: 'user=inq-admin02', expect: 'inq-admin02' },
      // an account name that is also a textbook password is a value where nothing says "example" (nginx is no "NG")
      { text: 'Host\tAccount\tNotes\nweb-prod-02\tadmin\tnginx\n', expect: 'admin' },
      // a bare "User" column in a table that has a password column
      { text: 'User\tPass\tPIN\njdoe\tTr7#kLq2\t4821\nasmith\tMx!93pQz\t1937\n', expect: 'asmith' },
      { text: 'アカウント: ren.nakamura@city.kitaminato.lg.jp', expect: 'ren.nakamura@city.kitaminato.lg.jp' },
      { text: 'Login ID: tanaka_h', expect: 'tanaka_h' },
      { text: 'VPN接続先 vpn.example.lg.jp ユーザー k-tanaka パスワード Vpn@2024tk', expect: 'k-tanaka' },
      { text: '共通ID（renkei-test01）を使う', expect: 'renkei-test01' },
      { text: '管理者アカウント（sysadmin-km ∕ Kt9#wLp2vQ）', expect: 'Kt9#wLp2vQ' },
      { text: '接続先URL（https://renkei-test.kitaminato.lg.jp/login）、共通ID（renkei-test01）', expect: 'renkei-test01' },
      // what the login is for stands between the label and its colon
      { text: 'Staff login for the shelter tablet:\nshelter-desk2 / the PIN printed on the case', expect: 'shelter-desk2' },
      { text: 'Account on the staff portal: k-tanaka01', expect: 'k-tanaka01' },
      // a plain name before a password label, in English prose
      { text: 'Log in with username jsmith and password Summer2023!', expect: 'jsmith' },
      { text: 'Employee\tLogon\tTemp PW\nHiroshi Tanaka\thtanaka\tQx7!mLp2\n', expect: 'htanaka' },
      { text: 'Sign-in name: mori.k', expect: 'mori.k' },
      { text: 'user: admin pass: Kiosk#77', expect: 'admin' },
      { text: 'VPN: user k.sato pw Vpn!2024ks', expect: 'k.sato' },
      { text: 'System\tLogin URL\tUser\tPasscode\nPayroll\thttps://pay.city.local/login\tpay-admin\tPy#8821xq\n', expect: 'pay-admin' },
    ],
    negative: [
      { text: 'Bank\tBranch\tAccount no.\nTohoku Minato Bank\tMidorigaoka (214)\tOrdinary 4829173', why: "a bank account's type" },
      { text: 'Log in to the portal as usual and connect to sh-fs01 as Tanaka did.', why: 'words after as, not accounts' },
      'ログインIDを入力してください',
      'ユーザーID：xxxxxxxx',
      'Login: see the manual',
      'Bank account\tShiosai-Shinkin\tShiomi branch',
      'Savings account: Minato-Bank 0625418',
      'Use the login of your office: the same as before',
      'ID：<利用者ID>',
      'the user manual',
      'Enter your username and password to continue.',
      'Forgot your user name or password?',
      'Each user sets a password on first login.',
      { text: 'Login URL: https://www.example.org/login', why: "the login's page, not its account" },
      { text: 'System\tLogin URL\nPortal\thttps://portal.example.org/\n', why: 'a column of login pages' },
      { text: 'User: Passcode', why: 'two header words' },
      'ID card issued',
      'アカウントの作成方法',
      'https://filebox.kitaminato.local/share/download?id=8f3a21',
      'Request ID: RA-2024-0193   Submitted: 2024-09-12',
      '受付ID：U-2024-0001',
      '患者ID：P-000123　診断：2型糖尿病',
      'ユーザー登録の方法',
      'ユーザーアカウント管理',
      '登録ユーザー 100名',
      '受付ID\t氏名\nU-2024-0001\t山田\n',
      'admin_url = https://e-shinsei.example.lg.jp/manage/login\ntimezone = Asia/Tokyo',
      { text: 'username = getpass.getuser()', why: 'a call that reads the account at run time' },
      { text: 'login = true', why: 'a flag' },
    ],
  },
};

/** The text of the line before offset i (up to i). */
function lineBefore(ctx: ScanContext, i: number): string {
  const [start] = ctx.lineBounds(ctx.lineIndex(i));
  return ctx.text.slice(start, i);
}
