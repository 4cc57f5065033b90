// What `sumi scan` is given: files, folders (everything under them that Sumi
// reads, in name order) and `-` (standard input).
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The extensions a folder's files are taken by (a file named on the command line is always read). */
const READABLE = new Set([
  'pdf',
  'png',
  'jpg',
  'jpeg',
  'tif',
  'tiff',
  'html',
  'htm',
  'xhtml',
  'txt',
  'md',
  'csv',
  'tsv',
  'xlsx',
  'xlsm',
  'docx',
  'docm',
  'json',
  'yaml',
  'yml',
  'xml',
  'log',
  'ini',
  'conf',
  'cfg',
  'env',
  'properties',
  'sql',
]);
/** Folders that hold tools' data, not documents. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

export function isReadableName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  // .env, .env.production: configuration that holds secrets
  if (/^\.env(?:\.|$)/.test(name)) return true;
  return dot > 0 && READABLE.has(name.slice(dot + 1).toLowerCase());
}

/** The files to scan for each argument: a folder's readable files, recursively and sorted; anything else as it is. */
export async function expandInputs(args: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    if (arg === '-') {
      out.push(arg);
      continue;
    }
    const info = await stat(arg).catch(() => undefined);
    if (info?.isDirectory()) out.push(...(await filesUnder(arg)));
    else out.push(arg);
  }
  return out;
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    const path = join(folder, e.name);
    // (a symbolic link to a folder is not followed: it may lead back up the tree)
    if (e.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(e.name)) out.push(...(await filesUnder(path)));
    } else if (e.isFile() && isReadableName(e.name)) out.push(path);
  }
  return out;
}

/** Standard input, read whole (`-`), with a cap so a runaway pipe is refused rather than held in memory. */
export async function readStdin(limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error(`standard input is too large to scan (over ${Math.round(limit / 1048576)} MB)`);
    chunks.push(chunk as Buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
