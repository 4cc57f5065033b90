// Credentials in the configuration of network devices, as a vendor's work
// report or a router's backup prints it: local accounts (username NAME
// privilege 15 secret 0 …), the enable secret, SNMP communities, VPN
// pre-shared keys and RADIUS/TACACS+ keys (Cisco IOS, and the same shapes
// on other vendors' gear: FortiGate's set password, Juniper's encrypted-password).
// A hashed secret (type 5, 8, 9) is masked too: it is cracked offline.
import type { Candidate, ScanContext } from '../engine/context.ts';
import type { Detector } from '../engine/detector.ts';
import { matches } from './lib/matches.ts';
import { rejectCredential, unquotedSpan } from './lib/credential-value.ts';

// a secret as configs write it: a run without spaces, or quoted
const SECRET = String.raw`("[^"\n]{3,128}"|[^\s"]{3,128})`;
// the encryption type before a secret (0 clear, 5/7/8/9 hashed or obfuscated)
const TYPE = String.raw`(?:[ \t]+\d{1,2})?`;
const LOCAL_ACCOUNT = new RegExp(String.raw`^[ \t]*username[ \t]+(\S{1,64})(?:[ \t]+privilege[ \t]+\d{1,2})?[ \t]+(?:password|secret)${TYPE}[ \t]+${SECRET}`, 'gm');
const DEVICE_SECRETS = new RegExp(
  String.raw`^[ \t]*(?:enable[ \t]+(?:secret|password)(?:[ \t]+level[ \t]+\d{1,2})?|snmp-server[ \t]+community|crypto[ \t]+isakmp[ \t]+key|pre-shared-key(?:[ \t]+(?:ascii|hex|local|remote))?|key-string|(?:tacacs|radius)-server[ \t]+(?:host[ \t]+\S+[ \t]+)?key|set[ \t]+(?:password|passwd|psksecret|secret)(?:[ \t]+ENC)?|authentication-key)${TYPE}[ \t]+${SECRET}`,
  'gm',
);

// Juniper sets it at the end of a longer statement: set system root-authentication encrypted-password "…"
const ENCRYPTED_PASSWORD = new RegExp(String.raw`(?<![\w-])encrypted-password[ \t]+${SECRET}`, 'g');
const WELL_KNOWN = /^public$/i;

/** The words each pattern starts from: a page without them is not searched for it (a router's config is rare among a city's pages). */
const SECRET_WORDS = [
  'enable secret',
  'enable password',
  'snmp-server',
  'isakmp',
  'pre-shared-key',
  'key-string',
  'tacacs-server',
  'radius-server',
  'set pass',
  'set psksecret',
  'set secret',
  'authentication-key',
];

function detect(ctx: ScanContext): Candidate[] {
  const out: Candidate[] = [];
  const has = (word: string) => ctx.lower.includes(word);
  const push = (line: string, lineStart: number, value: string, why: string) => {
    const [s, e] = unquotedSpan(value, lineStart + line.lastIndexOf(value));
    if (!rejectCredential(ctx.text.slice(s, e), line)) out.push({ start: s, end: e, score: 0.9, why });
  };
  for (const m of has('username') && (has('password') || has('secret')) ? matches(ctx.text, LOCAL_ACCOUNT) : []) {
    const [user, secret] = [m.groups[0]!, m.groups[1]!];
    push(m.text, m.start, secret, 'password of a device account');
    const at = m.start + m.text.indexOf(user, m.text.indexOf('username') + 8);
    if (!rejectCredential(user, m.text)) out.push({ start: at, end: at + user.length, score: 0.85, why: 'device account', kind: 'login-id' });
  }
  for (const m of has('encrypted-password') ? matches(ctx.text, ENCRYPTED_PASSWORD) : []) push(m.text, m.start, m.groups[0]!, 'device secret (encrypted-password)');
  for (const m of SECRET_WORDS.some(has) ? matches(ctx.text, DEVICE_SECRETS) : []) {
    // the community every device ships with is known to all: its use is a finding of another kind
    if (!WELL_KNOWN.test(m.groups[0]!)) push(m.text, m.start, m.groups[0]!, `device secret (${m.text.trim().split(/\s+/).slice(0, 2).join(' ')})`);
  }
  return out;
}

export const deviceConfig: Detector = {
  id: 'device-config',
  kind: 'password',
  severity: 'critical',
  triggers: ['username', 'enable', 'snmp-server', 'isakmp', 'pre-shared-key', 'key-string', 'tacacs', 'radius', 'set pass', 'set psksecret', 'set secret', 'encrypted-password', 'authentication-key'],
  detect,
  examples: {
    positive: [
      { text: 'hostname core-sw01\nusername admin privilege 15 secret 0 C1sco#123x\n', expect: 'C1sco#123x' },
      { text: 'username netops password 7 0822455D0A16\n', expect: '0822455D0A16' },
      { text: 'username netops password 7 0822455D0A16\n', expect: 'netops' },
      { text: 'enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0', expect: '$1$mERr$hx5rVt7rPNoS4wqbXKX7m0' },
      { text: 'snmp-server community Pr1vC0mm RW', expect: 'Pr1vC0mm' },
      { text: 'crypto isakmp key Vpn#Psk2024x address 203.0.113.10', expect: 'Vpn#Psk2024x' },
      { text: 'tacacs-server host 10.1.1.5 key T4cacs!key', expect: 'T4cacs!key' },
      { text: 'config system admin\n    edit "admin"\n        set password ENC SH2xyzAbc123ghiJKL\n', expect: 'SH2xyzAbc123ghiJKL' },
      { text: 'set system root-authentication encrypted-password "$6$abc$Xyz0123456789"', expect: '$6$abc$Xyz0123456789' },
    ],
    negative: [
      { text: 'username <name> privilege 15 secret <password>', why: 'the command’s syntax' },
      { text: 'enable secret ********', why: 'masked' },
      { text: 'The username and password are issued by the ICT section.', why: 'prose' },
      { text: 'snmp-server community public RO', why: 'the well-known default, not a secret' },
    ],
  },
};
