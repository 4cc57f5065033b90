// cli/args.ts: the `sumi` words (CONTRACT §1) and the usage errors the CLI prints.
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../cli/args.ts';

const error = (argv: string[]) => {
  try {
    parseArgs(argv);
  } catch (err) {
    return (err as Error).message;
  }
  return 'no error';
};

describe('sumi arguments', () => {
  it('reads scan and redact with every option, spelled apart or with =', () => {
    expect(parseArgs(['scan', 'a.pdf', '--json', '-', '-x.txt'])).toEqual({ name: 'scan', json: true, files: ['a.pdf', '-', '-x.txt'] });
    expect(parseArgs(['scan', 'a.pdf'])).toEqual({ name: 'scan', json: false, files: ['a.pdf'] });
    expect(parseArgs(['redact', '--kinds', 'password, email', 'in.pdf', '--min-severity=high', 'out.pdf', '--colour', '--searchable', '--min-mask-width', '40'])).toEqual({
      name: 'redact',
      input: 'in.pdf',
      output: 'out.pdf',
      kinds: ['password', 'email'],
      minSeverity: 'high',
      colour: true,
      minMaskWidth: 40,
      searchable: true,
    });
    // a value is the next word, whatever it looks like
    expect(error(['redact', 'in', 'out', '--kinds', '--colour'])).toMatch(/^unknown kind --colour; kinds are password, /);
    expect(error(['redact', 'in', 'out', '--min-mask-width', '-5'])).toBe('--min-mask-width takes a width in points (0–500), not -5');
  });

  it('says what is wrong with the first bad word', () => {
    expect(error([])).toBe('no command given');
    expect(error(['frobnicate'])).toBe('unknown command frobnicate');
    expect(error(['scan'])).toBe('scan needs at least one FILE');
    expect(error(['scan', '--json=yes', 'a'])).toBe('unknown option --json=yes');
    expect(error(['scan', 'a', '--', 'b'])).toBe('unknown option --');
    expect(error(['redact', 'in', 'out', '--bogus=1', '--kinds', 'x'])).toBe('unknown option --bogus=1');
    expect(error(['redact', 'in', 'out', '--kinds', 'x', '--bogus'])).toMatch(/^unknown kind x;/);
    expect(error(['redact', 'in', 'out', '--colour=no'])).toBe('unknown option --colour=no');
    expect(error(['redact', 'in', 'out', '--kinds'])).toBe('--kinds needs a value');
    expect(error(['redact', 'in', 'out', '--min-severity='])).toBe('--min-severity= needs a value');
    expect(error(['redact', 'in', 'out', '--min-severity', 'extreme'])).toBe('unknown severity extreme; use low|medium|high|critical');
    expect(error(['redact', 'in'])).toBe('redact needs IN and OUT');
    expect(error(['redact', 'in', 'out', 'more'])).toBe('redact needs IN and OUT');
  });
});
