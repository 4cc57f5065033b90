// Where the project's `../shared` (labelled corpus, scorer, redaction checker)
// is: beside the project, or further up for a git worktree one level deeper.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function findShared(from: string): string {
  for (let dir = path.dirname(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'shared/corpus'))) return path.join(dir, 'shared');
    if (dir === path.dirname(dir)) return path.resolve(from, '../shared');
  }
}

export const SHARED = findShared(ROOT);
export const SHARED_CORPUS = path.join(SHARED, 'corpus');
export const SHARED_EVAL = path.join(SHARED, 'eval');
