// The factored alternation finds exactly what the plain one finds: the same
// matches at the same places, first alternatives first.
import { describe, expect, it } from 'vitest';
import { alternation } from '../engine/alternation.ts';

const all = (source: string, text: string) => [...text.matchAll(new RegExp(source, 'gu'))].map((m) => `${m.index}:${m[0]}`);

const CASES: { sources: string[]; texts: string[] }[] = [
  // a shorter alternative listed first still wins where the plain alternation lets it
  { sources: ['入院', '入院中', '療養中', '陽性', '入院加療'], texts: ['現在入院中、入院加療の後に療養中。陽性。', '入院'] },
  // groups, classes and escapes stay in place and keep later alternatives behind them
  { sources: ['要介護[1-5]', '(?:肝|腎)機能障害', '\\(普\\)', '要支援', '肝炎', '\\d+件'], texts: ['要介護3 要支援 腎機能障害 肝炎 (普)口座 12件'] },
  // a quantified first character is not a literal head
  { sources: ['a+b', 'ab', 'ac', 'x?y'], texts: ['aab ab ac y xy'] },
  // surrogate pairs are not split
  { sources: ['𠮷野', '𠮷田', '吉田'], texts: ['𠮷野さん 𠮷田さん 吉田さん'] },
  { sources: ['p/w', 'pw', 'pass', 'password'], texts: ['password: x pw: y p/w z pass'] },
];

describe('factored alternation', () => {
  for (const { sources, texts } of CASES) {
    it(`matches as ${sources.join('|')} does`, () => {
      const plain = sources.join('|');
      const factored = alternation(sources);
      for (const text of texts) expect(all(factored, text)).toEqual(all(plain, text));
    });
  }

  it('factors literal first characters', () => {
    expect(alternation(['入院中', '入院加療', '陽性'])).toMatch(/^入\(\?:/);
  });
});
