// Credentials typed on a command line, as runbooks and shell histories keep
// them: mysql -pSECRET, sshpass -p SECRET, curl -u user:secret, --password=…,
// net use … /user:DOMAIN\user SECRET, net user NAME SECRET, ldapsearch -w SECRET,
// docker login -u NAME -p SECRET, htpasswd -b FILE NAME SECRET,
// ConvertTo-SecureString "SECRET" -AsPlainText.
import type { Candidate, ScanContext } from '../engine/context.ts';
import type { Detector } from '../engine/detector.ts';
import { matches } from './lib/matches.ts';
import { rejectCredential, unquotedSpan } from './lib/credential-value.ts';

// a value: quoted, or a run without spaces or quotes
const VALUE = String.raw`("[^"\n]{3,64}"|'[^'\n]{3,64}'|[^\s'"]{3,64})`;
const PASSWORD_FLAG = new RegExp(String.raw`(?<![\w-])(?:--password|--passwd|--pass)[ =]+${VALUE}`, 'g');
const MYSQL_P = /(?<![\w-])(?:mysql|mysqldump|mysqladmin|mariadb)\b[^\n]{0,80}? -p([^\s'"]{3,64})/g;
const SSHPASS = new RegExp(String.raw`(?<![\w-])sshpass\s+-p\s*${VALUE}`, 'g');
// user:password after -u/--user (curl, wget): the part before the colon is the account
const USER_COLON = /(?<![\w-])(?:-u|--user)[ =]+['"]?([^\s:'"]{1,64}):([^\s'"]{3,64})/g;
// the account of a remote login: ssh admin@10.0.5.21, scp -P 2222 file ops@host:/tmp
const REMOTE_USER = /(?<![\w-])(?:ssh|scp|sftp|rsync|telnet)\b[^\n]{0,60}?(?<=[\s'"])([A-Za-z_][\w.-]{1,31})@[A-Za-z0-9][\w.-]*/g;
// the shape of the command, not an account: ssh user@host
const GENERIC_USER = /^(?:user(?:name)?|name|login|account|you|your[\w-]*|ユーザー?)$/i;
// the database account of a client: psql -U app_ro, pg_dump -h db -U libres_ro, mysql -u taxapp
const DB_USER = /(?<![\w-])(?:psql|pg_dump|pg_dumpall|pg_restore|createdb|dropdb|mysql|mysqldump|mysqladmin|mariadb)\b[^\n]{0,60}? (?:-U|-u|--username=|--user=) ?([A-Za-z_][\w.-]{1,31})(?![\w.-])/g;
const BUILT_IN_ACCOUNT = /^(?:root|admin|administrator|postgres|sa|mysql|oracle|system)$/i;
const NET_USE = /(?<![\w-])net use\b[^\n]{0,80}?\/user:([^\s"']{1,64})[ \t]+([^\s/"']{3,64})/gi;
// Windows remote tools and SQL clients take the account and its password as two switches:
// psexec -u CITY\svc -p …, plink -l ops -pw …, sqlcmd -U sa -P …, xfreerdp /u:admin /p:…, wmic /user:x /password:…
// (their account switches are the detector's triggers: the tools' names would lengthen the search every page pays for)
const TOOLS = ['psexec', 'paexec', 'plink', 'pscp', 'sqlcmd', 'osql', 'bcp', 'rdesktop', 'xfreerdp', 'winrs', 'wmic'];
const TOOL_USER_PASSWORD = new RegExp(
  String.raw`(?<![\w-])(?:${TOOLS.join('|')})\b[^\n]{0,80}?(?:-u|-l|/u:|-u:|/user:)[ ]?([^\s'"]{1,64})[^\n]{0,40}? (?:-p|-pw|/p:|-p:|/password:)[ ]?${VALUE}`,
  'gi',
);

// the account and its password as the command's own words (net user tanaka Pw /add; htpasswd -b .htpasswd admin Pw)
const NET_USER = new RegExp(String.raw`(?<![\w-])net user[ \t]+([^\s/"'*]{1,64})[ \t]+(?!/)${VALUE}`, 'gi');
const HTPASSWD_B = new RegExp(String.raw`(?<![\w-])htpasswd[ \t]+-(?=[a-zA-Z]*b)[a-zA-Z]+[ \t]+[^\s'"]+[ \t]+([^\s'"]{1,64})[ \t]+${VALUE}`, 'g');
// an account switch and a password switch of a registry login: docker login -u deploy -p …
const REGISTRY_LOGIN = new RegExp(String.raw`(?<![\w-])(?:docker|podman|nerdctl|buildah|helm registry) login\b[^\n]{0,80}?(?:-u|--username)[ =]?([^\s'"]{1,64})[^\n]{0,40}? -p[ ]?${VALUE}`, 'g');
// the bind password of the OpenLDAP tools: ldapsearch -D "cn=admin,…" -w …
const LDAP_W = new RegExp(String.raw`(?<![\w-])ldap(?:search|modify|add|delete|passwd|compare|whoami|modrdn|exop)\b[^\n]{0,160}? -w[ ]?${VALUE}`, 'g');
// a password PowerShell is given in clear: ConvertTo-SecureString "…" -AsPlainText -Force
const SECURE_STRING = new RegExp(String.raw`ConvertTo-SecureString[ \t]+(?:-String[ \t]+)?("[^"\n]{3,64}"|'[^'\n]{3,64}')[ \t]+-AsPlainText`, 'gi');

function detect(ctx: ScanContext): Candidate[] {
  const out: Candidate[] = [];
  const pushPassword = (m: { start: number; end: number; text: string }, value: string, why: string) => {
    const at = m.start + m.text.lastIndexOf(value);
    const [s, e] = unquotedSpan(value, at);
    if (rejectCredential(ctx.text.slice(s, e), m.text)) return;
    out.push({ start: s, end: e, score: 0.9, why });
  };
  const pushUser = (at: number, user: string, command: string, why: string) => {
    if (!rejectCredential(user, command)) out.push({ start: at, end: at + user.length, score: 0.85, why, kind: 'login-id' });
  };
  for (const re of [PASSWORD_FLAG, MYSQL_P, SSHPASS, LDAP_W, SECURE_STRING]) {
    for (const m of matches(ctx.text, re)) pushPassword(m, m.groups[0]!, 'password on a command line');
  }
  for (const m of matches(ctx.text, REMOTE_USER)) {
    const user = m.groups[0]!;
    if (!GENERIC_USER.test(user)) pushUser(m.start + m.text.lastIndexOf(`${user}@`), user, m.text, 'remote login user');
  }
  for (const m of matches(ctx.text, DB_USER)) {
    const user = m.groups[0]!;
    // the systems' built-in accounts (root, postgres, sa) are known to everyone: the password is the secret
    if (!GENERIC_USER.test(user) && !BUILT_IN_ACCOUNT.test(user)) pushUser(m.end - user.length, user, m.text, 'database client user');
  }
  // (the tools' pattern runs only on a page that names one of them: tried at every position it would cost every page)
  const pairs = [USER_COLON, NET_USE, NET_USER, HTPASSWD_B, REGISTRY_LOGIN];
  for (const re of TOOLS.some((t) => ctx.lower.includes(t)) ? [...pairs, TOOL_USER_PASSWORD] : pairs) {
    for (const m of matches(ctx.text, re)) {
      const [user, pw] = [m.groups[0]!, m.groups[1]!];
      pushPassword(m, pw, 'password after a command-line user');
      pushUser(m.start + m.text.lastIndexOf(user, m.text.length - pw.length - 1), user, m.text, 'command-line user');
    }
  }
  return out;
}

export const commandLine: Detector = {
  id: 'command-line',
  kind: 'password',
  severity: 'critical',
  triggers: [
    '--pass',
    'mysql',
    'mariadb',
    'sshpass',
    '-u',
    '--user',
    'psql',
    'pg_',
    'createdb',
    'dropdb',
    'net use',
    'net user',
    'ssh',
    'scp',
    'sftp',
    'rsync',
    'telnet',
    '/u:',
    '/user:',
    '-pw',
    'htpasswd',
    'ldap',
    'securestring',
  ],
  detect,
  examples: {
    positive: [
      { text: 'mysql -u root -pS3cr3t!23 -h 10.1.2.3 appdb', expect: 'S3cr3t!23' },
      { text: 'sshpass -p "Adm!n2024" ssh admin@192.168.10.5', expect: 'Adm!n2024' },
      { text: 'curl -u apiuser:Xy7#kL9m https://api.example.org/v1', expect: 'Xy7#kL9m' },
      { text: 'curl -u apiuser:Xy7#kL9m https://api.example.org/v1', expect: 'apiuser' },
      { text: 'pg_dump --password=Pg$2024dump -h db01', expect: 'Pg$2024dump' },
      { text: 'pg_dump -h 10.72.1.31 -U libres_ro libres_stats > /tmp/stats.sql', expect: 'libres_ro' },
      { text: 'mysql -u taxapp -h db01 taxdb', expect: 'taxapp' },
      { text: 'net use Z: \\\\fs01\\share /user:KITAMINATO\\tanaka P@ss-2024x', expect: 'P@ss-2024x' },
      { text: 'SSH接続: ssh jmadmin@10.0.5.21 -p 2222', expect: 'jmadmin' },
      { text: 'scp -P 2222 dump.sql backup_ops@db01.kitaminato.local:/tmp', expect: 'backup_ops' },
      { text: 'psexec \\\\srv01 -u CITY\\svc_backup -p Bk#2024!svc cmd', expect: 'Bk#2024!svc' },
      { text: 'psexec \\\\srv01 -u CITY\\svc_backup -p Bk#2024!svc cmd', expect: 'CITY\\svc_backup' },
      { text: 'sqlcmd -S db01 -U sa -P "Sql#Adm1n" -Q "select 1"', expect: 'Sql#Adm1n' },
      { text: 'xfreerdp /v:10.0.0.8 /u:rdpuser /p:Rdp!2024x', expect: 'Rdp!2024x' },
      { text: 'net user svc_backup Bk#2024!z /add /domain', expect: 'Bk#2024!z' },
      { text: 'net user svc_backup Bk#2024!z /add /domain', expect: 'svc_backup' },
      { text: 'htpasswd -b /etc/nginx/.htpasswd webadmin Ht#pass9q', expect: 'Ht#pass9q' },
      { text: 'docker login -u deploy -p Dk#8831xq registry.city.local', expect: 'Dk#8831xq' },
      { text: 'ldapsearch -x -D "cn=admin,dc=city,dc=local" -w \'Ld@pPw1x\' -H ldap://10.0.5.5', expect: 'Ld@pPw1x' },
      { text: '$pw = ConvertTo-SecureString "Wint3r#2024" -AsPlainText -Force', expect: 'Wint3r#2024' },
    ],
    negative: [
      'mysql -u root -p appdb',
      'curl -u "$USER:$TOKEN" https://api.example.org',
      '--password=<password>',
      'mysql -u root -p****',
      'net user tanaka * /domain',
      'net user tanaka /active:no',
      'ldapsearch -x -W -D "cn=admin,dc=example,dc=com"',
      'docker login -u deploy --password-stdin registry.city.local',
      'sort -u file.txt',
      'git clone git@github.com:org/repo.git',
      'ssh の設定は user@host の形で書く',
    ],
  },
};
