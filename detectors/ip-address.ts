import type { Candidate, ScanContext } from '../engine/context.ts';
import type { Detector } from '../engine/detector.ts';
import { matches } from './lib/matches.ts';

const IPV4 = /(?<![\w.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/\d{1,2})?(?![\w]|\.\d)/g;
// (a word of its own: the "ver" that ends "server" is no version)
const VERSION_BEFORE = /(?<![a-z])(?:v|ver\.?|version|バージョン|版|rev\.?|release|build)\s*$/i;
const IP_CONTEXT = /ip|アドレス|サーバ|server|host|ホスト|接続|端末|gateway|ゲートウェイ|dns|ssh|rdp|fw|ファイアウォール|proxy|プロキシ|セグメント|subnet|from|to|通信/i;
// the public resolvers everyone uses: naming them discloses nothing about the office
const WELL_KNOWN = new Set(['8.8.8.8', '8.8.4.4', '1.1.1.1', '1.0.0.1', '9.9.9.9', '149.112.112.112', '208.67.222.222', '208.67.220.220']);
// Private, loopback and documentation ranges: almost never anything but an address.
const RESERVED = /^(?:10|127)\.|^192\.168\.|^172\.(?:1[6-9]|2\d|3[01])\.|^192\.0\.2\.|^198\.51\.100\.|^203\.0\.113\.|^169\.254\./;

/** A network label (サーバ, host, IP…) just before offset `start` or in its column header. */
export function hasNetworkLabel(ctx: ScanContext, start: number): boolean {
  return IP_CONTEXT.test(ctx.before(start, 30)) || IP_CONTEXT.test(ctx.header(start) ?? '');
}

function detect(ctx: ScanContext): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(ctx.text, IPV4)) {
    const octets = m.groups.slice(0, 4).map(Number);
    if (octets.some((o) => o > 255)) continue;
    if (octets.every((o) => o === 0) || octets[0] === 0) continue;
    if (VERSION_BEFORE.test(ctx.before(m.start, 12)) || WELL_KNOWN.has(m.text)) continue;
    const reserved = RESERVED.test(m.text);
    const context = hasNetworkLabel(ctx, m.start);
    if (!reserved && !context) continue;
    out.push({ start: m.start, end: m.end, score: reserved ? 0.92 : 0.8, why: reserved ? 'private or reserved IPv4 address' : 'IPv4 address with a network label' });
  }
  return out;
}

export const ipAddress: Detector = {
  id: 'ip-address',
  kind: 'ip-address',
  severity: 'medium',
  triggers: ['.'],
  detect,
  examples: {
    positive: [
      { text: 'サーバ 192.168.12.40 に移行', expect: '192.168.12.40' },
      { text: '接続元IP：203.0.113.77', expect: '203.0.113.77' },
      { text: 'from 10.247.168.96', expect: '10.247.168.96' },
      { text: 'DBサーバ: 52.68.3.101', expect: '52.68.3.101' },
      { text: 'the old print server 10.40.2.9; remove it', expect: '10.40.2.9' },
    ],
    negative: ['DNS forwarders: 8.8.8.8 and 1.1.1.1', 'Version 1.2.3.4', 'v10.0.0.1', '第1.2.3.4項', '999.1.1.1', 'Chrome 120.0.6099.109 を使用'],
  },
};
