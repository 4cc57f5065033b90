// BitLocker recovery passwords, as help-desk logs and asset ledgers record
// them: 48 digits in eight groups of six. Each group is a multiple of 11
// below 720896 (a 16-bit value times 11), which a number of that shape
// taken at random meets once in 11⁸ times.
import type { Candidate, ScanContext } from '../engine/context.ts';
import type { Detector } from '../engine/detector.ts';
import { matches } from './lib/matches.ts';

const RECOVERY_KEY = /(?<![\d-])\d{6}(?:-\d{6}){7}(?![\d-])/g;

function isRecoveryKey(text: string): boolean {
  return text.split('-').every((group) => {
    const n = Number(group);
    return n % 11 === 0 && n < 65536 * 11;
  });
}

function detect(ctx: ScanContext): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(ctx.text, RECOVERY_KEY)) {
    if (isRecoveryKey(m.text)) out.push({ start: m.start, end: m.end, score: 0.95, why: 'BitLocker recovery password (every group a multiple of 11)' });
  }
  return out;
}

export const recoveryKey: Detector = {
  id: 'recovery-key',
  kind: 'password',
  severity: 'critical',
  // (a bare "recovery" is common in prose: the key is written beside its own name)
  triggers: ['recovery key', 'recovery password', 'bitlocker', '回復キー', '回復パスワード', '回復用'],
  detect,
  examples: {
    positive: [
      { text: 'BitLocker recovery key: 233453-683320-108757-284636-469260-034815-052228-592064', expect: '233453-683320-108757-284636-469260-034815-052228-592064' },
      { text: '回復キー\t386320-067859-263626-420134-041822-655809-365816-154781', expect: '386320-067859-263626-420134-041822-655809-365816-154781' },
    ],
    negative: [
      { text: 'recovery key: 123456-234567-345678-456789-567890-678901-789012-890123', why: 'groups that are not multiples of 11' },
      { text: 'recovery key: 233453-683320-108757-284636', why: 'half a key' },
      { text: 'recovery key: 999999-999999-999999-999999-999999-999999-999999-999999', why: 'over the 16-bit range' },
    ],
  },
};
