// The `sumi` command line (CONTRACT.md §1). Exit status: 0 nothing found,
// 1 findings, 2 an error on some file or bad usage.
import { readFileSync } from 'node:fs';
import { HELP, parseArgs, USAGE, UsageError } from './args.ts';
import { expandInputs } from './inputs.ts';
import { scanFile, formatTable } from './scan.ts';

/** The version in package.json. */
function version(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

async function main(argv: string[]): Promise<number> {
  let command;
  try {
    command = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`sumi: ${err.message}\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  if (command.name === 'help') {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (command.name === 'version') {
    process.stdout.write(`sumi ${version()}\n`);
    return 0;
  }
  if (command.name === 'scan') {
    let status = 0;
    for (const file of await expandInputs(command.files)) {
      const result = await scanFile(file);
      process.stdout.write(command.json ? JSON.stringify(result) + '\n' : formatTable(result));
      // a file not fully checked is never reported as clean
      if (result.error || result.unchecked?.length) status = 2;
      else if (result.findings?.length && status === 0) status = 1;
    }
    return status;
  }
  const { redactFile } = await import('./redact.ts');
  return redactFile(command);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`sumi: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 2;
  },
);
