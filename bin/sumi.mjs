#!/usr/bin/env node
// The `sumi` command that npm installs (package.json "bin"): the CLI is
// TypeScript, run through tsx's loader like `npm run sumi` does.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
