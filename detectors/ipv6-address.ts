// IPv6 addresses: full (eight groups) and compressed (::) forms, with an
// optional zone (%eth0) and prefix length (/64). Clock times (10:30:00), MAC
// addresses (six groups, no ::) and C++ names (std::vector) do not parse as
// IPv6; short compressed forms (cafe::1) are taken only in a reserved range
// or beside a network label.
import type { Candidate, ScanContext } from '../engine/context.ts';
import { hasNetworkLabel } from './ip-address.ts';
import { anchored, matches } from './lib/matches.ts';
import type { Detector } from '../engine/detector.ts';

// not inside a longer run of groups; a label's colon before it (サーバ：fd12::1) is fine
// an IPv4 address may stand for the last two groups (::ffff:192.0.2.128): it is part of the address
// (its first colon is at most four characters in: it is looked for only around colons)
const IPV6 = anchored(
  /(?<![\w.])(?<!(?<!\w)[0-9A-Fa-f]{1,4}:)(?:[0-9A-Fa-f]{1,4}|(?=::))(?::[0-9A-Fa-f]{0,4}){2,7}(?:(?<=:\d{1,3})(?:\.\d{1,3}){3})?(?:%[A-Za-z0-9_.-]+)?(?:\/\d{1,3})?(?![\w:])/g,
  [':'],
  4,
);
/** Loopback, link-local (fe80::/10), unique local (fc00::/7), documentation (2001:db8::/32), IPv4-mapped. */
const RESERVED = /^(?:::1$|fe[89ab][0-9a-f]:|f[cd][0-9a-f]{0,2}:|2001:0?db8:|::ffff:)/i;
/** Groups written before this many are enough on their own, without a label or a reserved range. */
const SELF_EVIDENT_GROUPS = 4;

/** The written groups of an IPv6 address (without zone and prefix), or undefined when it is not one. */
export function ipv6Groups(address: string): string[] | undefined {
  // an IPv4 tail counts for two groups
  const tail = /:((?:\d{1,3}\.){3}\d{1,3})$/.exec(address);
  if (tail) {
    if (tail[1].split('.').some((n) => Number(n) > 255)) return undefined;
    address = `${address.slice(0, tail.index)}:0:0`;
  }
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const groups = halves.flatMap((h) => (h ? h.split(':') : []));
  if (!groups.length || groups.some((g) => !/^[0-9A-Fa-f]{1,4}$/.test(g))) return undefined;
  if (halves.length === 2 ? groups.length > 7 : groups.length !== 8) return undefined;
  // only short decimal numbers: a time or a ratio (1:2:3:4:5:6:7:8), not an address
  if (address !== '::1' && groups.every((g) => /^\d{1,2}$/.test(g))) return undefined;
  return groups;
}

function detect(ctx: ScanContext): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(ctx.text, IPV6)) {
    const address = m.text.replace(/[%/].*$/, '');
    const groups = ipv6Groups(address);
    if (!groups) continue;
    const reserved = RESERVED.test(address);
    const labelled = hasNetworkLabel(ctx, m.start);
    if (!reserved && !labelled && groups.length < SELF_EVIDENT_GROUPS) continue;
    out.push({ start: m.start, end: m.end, score: reserved ? 0.92 : 0.85, why: reserved ? 'private or reserved IPv6 address' : 'IPv6 address' });
  }
  return out;
}

export const ipv6Address: Detector = {
  id: 'ipv6-address',
  kind: 'ip-address',
  severity: 'medium',
  triggers: [':'],
  detect,
  examples: {
    positive: [
      { text: '管理サーバ：fd12:3456:789a:1::20 に接続', expect: 'fd12:3456:789a:1::20' },
      { text: 'リンクローカル fe80::1ff:fe23:4567:890a%eth0 を使用', expect: 'fe80::1ff:fe23:4567:890a%eth0' },
      { text: 'host 2001:db8:85a3::8a2e:370:7334/64.', expect: '2001:db8:85a3::8a2e:370:7334/64' },
      { text: '公開アドレス 2400:4050:a2c1:9f00:1c3e:5aff:fe10:77b2', expect: '2400:4050:a2c1:9f00:1c3e:5aff:fe10:77b2' },
      { text: 'DNSサーバ 2404:1a8::53', expect: '2404:1a8::53' },
      { text: 'Server: 2001:db8::ffff:192.0.2.128 is up', expect: '2001:db8::ffff:192.0.2.128' },
      { text: 'mapped ::ffff:10.20.30.40 より', expect: '::ffff:10.20.30.40' },
    ],
    negative: ['受付時間 10:30:00 から', '比率 1:2:3:4:5:6:7:8', 'std::vector<int> を返す', 'MAC 00:1A:2B:3C:4D:5E', 'cafe::beef', 'a:b:c', '12:00–13:00'],
  },
};
