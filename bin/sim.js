#!/usr/bin/env node
// The `sim` command: a committed, executable shim that loads the compiled CLI.
// (tsc writes dist/ without the executable bit, so bin points here rather than into dist/.)
// `npm run build` compiles to dist/ and bundles the CLI into dist/bundle/ (bin/bundle-cli.js) for a
// light start; a bundle older than the compiled files (tsc run alone) is passed over for them.
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
const bundled = new URL('../dist/bundle/main.js', import.meta.url);
if (!existsSync(fileURLToPath(compiled))) {
  process.stderr.write('sim: the compiled CLI is missing (dist/cli/main.js). Run `npm ci` (or `npm run build`) in the repository root first.\n');
  process.exit(1);
}
const fresh = existsSync(fileURLToPath(bundled)) && statSync(bundled).mtimeMs >= statSync(compiled).mtimeMs;
await import((fresh ? bundled : compiled).href);
