#!/usr/bin/env node
// The `sim` command: a committed, executable shim that loads the compiled CLI.
// (tsc writes dist/ without the executable bit, so bin points here rather than into dist/.)
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('sim: the compiled CLI is missing (dist/cli/main.js). Run `npm ci` (or `npm run build`) in the repository root first.\n');
  process.exit(1);
}
await import(entry.href);
