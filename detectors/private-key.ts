import type { Candidate, ScanContext } from '../engine/context.ts';
import type { Detector } from '../engine/detector.ts';
import { matches } from './lib/matches.ts';

const BEGIN = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----/g;
// the body of a key: base64 and header lines, up to a bounded size
const MAX_BLOCK = 20000;

function detect(ctx: ScanContext): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(ctx.text, BEGIN)) {
    const endMarker = `-----END ${m.groups[0]}-----`;
    // looked for within the block's reach only: a page of BEGIN lines without END must not cost the rest of the page each
    const found = ctx.text.slice(m.end, m.end + MAX_BLOCK + endMarker.length).indexOf(endMarker);
    const endAt = found === -1 ? -1 : m.end + found;
    if (endAt !== -1 && endAt - m.end < MAX_BLOCK) {
      out.push({ start: m.start, end: endAt + endMarker.length, score: 0.99, why: `PEM ${m.groups[0]} block` });
      continue;
    }
    // a truncated key still leaks: take the base64 lines that follow
    const body = /(?:\s*[A-Za-z0-9+/=:-]{16,80})+/y;
    const b = body.exec(ctx.text.slice(m.end, m.end + MAX_BLOCK));
    out.push({ start: m.start, end: b ? m.end + b[0].length : m.end, score: 0.95, why: `PEM ${m.groups[0]} header (no end line)` });
  }
  return out;
}

export const privateKey: Detector = {
  id: 'private-key',
  kind: 'private-key',
  severity: 'critical',
  triggers: ['private key'],
  detect,
  examples: {
    positive: [
      // a Google service account's key file: the PEM sits in a JSON string with escaped newlines
      {
        text: '{"type": "service_account", "private_key_id": "3f2a9c1b", "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----\\n"}',
        expect: '-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----',
      },
      {
        text: 'key:\n-----BEGIN RSA PRIVATE KEY-----\nMIICXgIBAAKBgQC692axOX12Ya966CTWNuTo5otj4\n-----END RSA PRIVATE KEY-----\n',
        expect: '-----BEGIN RSA PRIVATE KEY-----\nMIICXgIBAAKBgQC692axOX12Ya966CTWNuTo5otj4\n-----END RSA PRIVATE KEY-----',
      },
      {
        text: '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ',
        expect: '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ',
      },
    ],
    negative: [
      { text: '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqh\n-----END PUBLIC KEY-----', why: 'a public key is meant to be shared' },
      { text: '-----BEGIN CERTIFICATE-----', why: 'a certificate holds no private key' },
      { text: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ops@host', why: 'an SSH public key' },
    ],
  },
};
