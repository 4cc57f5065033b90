// Command-line parsing for `sumi`, kept apart from what the commands do.
import { KINDS, SEVERITIES, type Kind, type Severity } from '../core/findings.ts';

export class UsageError extends Error {}

export const USAGE = `usage:
  sumi scan [--json] FILE...
  sumi redact IN OUT [--kinds k1,k2,...] [--min-severity low|medium|high|critical]
                     [--colour] [--min-mask-width POINTS] [--searchable]`;

export type Command =
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
  if (name === 'scan') {
    const json = rest.includes('--json');
    const unknown = rest.find((a) => a.startsWith('--') && a !== '--json');
    if (unknown) throw new UsageError(`unknown option ${unknown}`);
    const files = rest.filter((a) => a !== '--json');
    if (!files.length) throw new UsageError('scan needs at least one FILE');
    return { name, json, files };
  }
  if (name === 'redact') {
    const positional: string[] = [];
    let kinds: Kind[] | undefined;
    let minSeverity: Severity | undefined;
    let colour: boolean | undefined;
    let minMaskWidth: number | undefined;
    let searchable: boolean | undefined;
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i];
      const value = () => {
        const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest[++i];
        if (!v) throw new UsageError(`${a} needs a value`);
        return v;
      };
      if (a.startsWith('--kinds')) kinds = parseKinds(value());
      else if (a.startsWith('--min-severity')) minSeverity = parseSeverity(value());
      else if (a === '--colour') colour = true;
      else if (a === '--searchable') searchable = true;
      else if (a.startsWith('--min-mask-width')) minMaskWidth = parseWidth(value());
      else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
      else positional.push(a);
    }
    if (positional.length !== 2) throw new UsageError('redact needs IN and OUT');
    return { name, input: positional[0], output: positional[1], kinds, minSeverity, colour, minMaskWidth, searchable };
  }
  throw new UsageError(name ? `unknown command ${name}` : 'no command given');
}

function parseKinds(v: string): Kind[] {
  const kinds = v.split(',').map((k) => k.trim()).filter(Boolean);
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
