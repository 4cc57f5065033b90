// Command-line parsing for `sumi`, kept apart from what the commands do.
import { parseArgs as utilParseArgs } from 'node:util';
import { KINDS, SEVERITIES, type Kind, type Severity } from '../core/findings.ts';

export class UsageError extends Error {}

export const USAGE = `usage:
  sumi scan [--json] FILE|FOLDER|- ...
  sumi redact IN OUT [--kinds k1,k2,...] [--min-severity low|medium|high|critical]
                     [--colour] [--min-mask-width POINTS] [--searchable]
  sumi --help | --version`;

export const HELP = `Sumi finds secrets and personal data in documents and masks them, on this machine.

${USAGE}

scan      reads each file (PDF, PNG/JPEG/TIFF scans, HTML, text, CSV, XLSX, DOCX),
          OCRs pages without text and lists the findings. A FOLDER is scanned
          with everything under it; - reads standard input.
          --json   one JSON object per file (JSON Lines)
redact    writes OUT, a PDF with every finding masked beyond recovery, and
          OUT.log.json and OUT.log.csv (the redaction log) beside it.
          --kinds             only these kinds (${KINDS.join(', ')})
          --min-severity      only findings at or above this severity
          --colour            keep colour (default: 4-bit grey)
          --min-mask-width    widen masks narrower than this many points
          --searchable        an invisible text layer of the words left visible

Exit status: 0 nothing found, 1 findings, 2 an error on some file or bad usage.`;

export type Command =
  | { name: 'help' }
  | { name: 'version' }
  | { name: 'scan'; json: boolean; files: string[] }
  | {
      name: 'redact';
      input: string;
      output: string;
      kinds?: Kind[];
      minSeverity?: Severity;
      /** RGB pages instead of grey */
      colour?: boolean;
      /** points */
      minMaskWidth?: number;
      /** an invisible text layer of the words that stay visible */
      searchable?: boolean;
    };

export function parseArgs(argv: string[]): Command {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help' || (name && rest.includes('--help'))) return { name: 'help' };
  if (name === '--version' || name === '-V') return { name: 'version' };
  if (name === 'scan') {
    const { values, positionals } = readWords(rest, { json: 'flag' });
    if (!positionals.length) throw new UsageError('scan needs at least one FILE');
    return { name, json: values.json ?? false, files: positionals };
  }
  if (name === 'redact') {
    const { values, positionals } = readWords(rest, {
      kinds: parseKinds,
      'min-severity': parseSeverity,
      colour: 'flag',
      'min-mask-width': parseWidth,
      searchable: 'flag',
    });
    if (positionals.length !== 2) throw new UsageError('redact needs IN and OUT');
    const [input, output] = positionals;
    const { kinds, colour, searchable } = values;
    return { name, input, output, kinds, minSeverity: values['min-severity'], colour, minMaskWidth: values['min-mask-width'], searchable };
  }
  throw new UsageError(name ? `unknown command ${name}` : 'no command given');
}

/** A long option: a flag, or one that takes a value and checks it. */
type OptionSpec = 'flag' | ((value: string) => unknown);

type OptionValues<O extends Record<string, OptionSpec>> = { [K in keyof O]?: O[K] extends (value: string) => infer T ? T : true };

/**
 * Reads a command's words with util.parseArgs, loose (not strict): its
 * tokens are checked here, in order, so the first bad word gives the error
 * sumi has always given (util's own messages name other things), and values are
 * checked in the order they come. sumi has no short options: a word such as
 * `-x` is a file name.
 */
function readWords<O extends Record<string, OptionSpec>>(args: string[], options: O): { values: OptionValues<O>; positionals: string[] } {
  const { tokens } = utilParseArgs({
    args,
    options: Object.fromEntries(Object.entries(options).map(([name, spec]) => [name, { type: spec === 'flag' ? 'boolean' : 'string' }])),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: Record<string, unknown> = {};
  const positionals: string[] = [];
  for (const [i, token] of tokens.entries()) {
    const word = args[token.index];
    if (token.kind === 'positional') positionals.push(word);
    // `--` ends options for util, but sumi never took it: it is an unknown option like any other
    else if (token.kind === 'option-terminator') throw new UsageError(`unknown option ${word}`);
    else if (!token.rawName.startsWith('--')) {
      // util splits -xy into a token a letter, all of one word: the word is kept once
      if (tokens[i - 1]?.index !== token.index) positionals.push(word);
    } else {
      const spec = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
      if (spec === undefined || (spec === 'flag' && token.value !== undefined)) throw new UsageError(`unknown option ${word}`);
      if (spec === 'flag') values[token.name] = true;
      else if (!token.value) throw new UsageError(`${word} needs a value`);
      else values[token.name] = spec(token.value);
    }
  }
  return { values: values as OptionValues<O>, positionals };
}

function parseKinds(v: string): Kind[] {
  const kinds = v
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  const bad = kinds.find((k) => !(KINDS as readonly string[]).includes(k));
  if (bad) throw new UsageError(`unknown kind ${bad}; kinds are ${KINDS.join(', ')}`);
  return kinds as Kind[];
}

function parseWidth(v: string): number {
  const width = Number(v);
  if (!Number.isFinite(width) || width < 0 || width > 500) throw new UsageError(`--min-mask-width takes a width in points (0–500), not ${v}`);
  return width;
}

function parseSeverity(v: string): Severity {
  if (!(SEVERITIES as readonly string[]).includes(v)) throw new UsageError(`unknown severity ${v}; use ${SEVERITIES.join('|')}`);
  return v as Severity;
}
