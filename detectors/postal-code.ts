import type { Candidate, ScanContext } from '../engine/context.ts';
import type { Detector } from '../engine/detector.ts';
import { matches } from './lib/matches.ts';
import { PREFECTURE } from './lib/japan.ts';
import { isPlaceholder } from './lib/placeholders.ts';

const POSTAL = /(?<![\d-])\d{3}-\d{4}(?![\d-])/g;
const POSTAL_CONTEXT = /郵便番号|〒|postal|zip|住所|所在地/i;
/** A romanised municipality or prefecture just before it: Ashihara-shi, 981-3215; Minato-ku, Tokyo 105-0011 */
const ROMANISED_PLACE_BEFORE = /[A-Za-z]-(?:shi|ku|cho|machi|mura|gun|ken|fu|to)(?:,? [A-Z][a-z]{1,20})?,? ?$/;

function detect(ctx: ScanContext): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(ctx.text, POSTAL)) {
    // 〒000-0000, 123-4567: a form's blank or its example
    if (isPlaceholder(m.text.replace('-', ''))) continue;
    const marked = /〒\s?$/.test(ctx.before(m.start, 3));
    const context = marked || POSTAL_CONTEXT.test(ctx.before(m.start, 12)) || POSTAL_CONTEXT.test(ctx.header(m.start) ?? '') || ROMANISED_PLACE_BEFORE.test(ctx.before(m.start, 32));
    // a bare NNN-NNNN is a postal code when an address follows it
    const addressAfter = PREFECTURE.test(ctx.after(m.end, 8).trimStart().slice(0, 4));
    if (!context && !addressAfter) continue;
    out.push({ start: m.start, end: m.end, score: 0.9, why: marked ? '〒 mark' : context ? 'postal code label' : 'followed by an address' });
  }
  return out;
}

export const postalCode: Detector = {
  id: 'postal-code',
  kind: 'postal-code',
  severity: 'low',
  triggers: ['-'],
  detect,
  examples: {
    positive: [
      { text: '〒985-7674 宮城県北みなと市', expect: '985-7674' },
      { text: '郵便番号：812-8359', expect: '812-8359' },
      { text: '154-4515 東京都世田谷区桜新町5-19-15', expect: '154-4515' },
      { text: 'Ashihara-shi, 981-3215', expect: '981-3215' },
      { text: 'Minato-ku, Tokyo 105-0011 Japan', expect: '105-0011' },
    ],
    negative: ['部品番号 123-4567', 'Order for Ashihara-shi: item 981-3215 shipped', '内線 222-3333', 'ISBN 978-4-1234', '〒000-0000 ○○県○○市', '郵便番号 123-4567（記入例）'],
  },
};
