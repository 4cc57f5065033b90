import { describe, expect, it } from 'vitest';
import { scanText } from '../pipeline/scan.ts';
import { pipeTablesAsTabs } from '../engine/pipe-tables.ts';

describe('pipe tables', () => {
  const table = ['| ユーザーID | パスワード |', '|---|---|', '| k-tanaka | Haru2024spring |'].join('\n');

  it('turns the pipes of a pipe table into tabs, offsets unchanged', () => {
    const out = pipeTablesAsTabs(`前文\n${table}\n後文 A|B`);
    expect(out.length).toBe(`前文\n${table}\n後文 A|B`.length);
    expect(out.split('\n')[3]).toBe('\t k-tanaka \t Haru2024spring \t');
    // a pipe outside a table stays
    expect(out.endsWith('後文 A|B')).toBe(true);
  });

  it('leaves a single piped line and escaped pipes alone', () => {
    expect(pipeTablesAsTabs('| 見出し |')).toBe('| 見出し |');
    expect(pipeTablesAsTabs('| a \\| b | c |\n| d | e |')).toBe('\t a \\| b \t c \t\n\t d \t e \t');
  });

  it('lets column headers reach the cells below them', () => {
    const found = scanText(`${table}\n`).map((f) => [f.kind, f.text]);
    expect(found).toEqual([
      ['login-id', 'k-tanaka'],
      ['password', 'Haru2024spring'],
    ]);
  });
});
