#!/usr/bin/env node
// Bundles the compiled CLI (dist/cli/main.js) into dist/bundle/: one file for the start-up path and
// a chunk per part loaded later (a run, a sweep, the reports...), so that `sim --help` or a scenario
// error reads a few files instead of some 150 modules. Part of `npm run build`, after tsc.
//
// Each module keeps its own location: `import.meta.url` in a bundled module is rewritten to the
// address of its compiled file under dist/, so what it finds beside itself (a worker thread's entry,
// package.json, the playground's sources) is found as before. Worker threads run the compiled files
// under dist/ unbundled. Packages stay external except those on the start-up path.
import { build } from 'esbuild';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const out = path.join(dist, 'bundle');
/** Packages read at every start (argument parsing, the scenario loader): inlined. */
const INLINED = /^(yargs|yargs-parser|cliui|y18n|escalade|get-caller-file|string-width|strip-ansi|ansi-regex|ansi-styles|wrap-ansi|emoji-regex|get-east-asian-width|yaml|ajv|seedrandom)(\/|$)/;

const STRING_WIDTH = createRequire(path.join(root, 'node_modules', 'cliui', 'package.json')).resolve('string-width');
/** `import.meta.url` as code, not inside a string (the playground's build names it in a string). */
const CODE_URL = /(?<!['"`])import\.meta\.url(?!['"`])/;
const CODE_URL_ALL = new RegExp(CODE_URL.source, 'g');

const ownLocation = {
  name: 'own-location',
  setup(b) {
    // One copy of string-width for yargs and cliui (npm installs two versions side by side): the
    // newer one compiles a large Unicode regular expression as it loads, at every start.
    b.onResolve({ filter: /^string-width$/ }, () => ({ path: STRING_WIDTH }));
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || !INLINED.test(args.path)) return { path: args.path, external: true };
      return undefined;
    });
    b.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const text = await readFile(args.path, 'utf8');
      if (!CODE_URL.test(text)) return { contents: text, loader: 'js' };
      // Chunks all sit in dist/bundle/, one level below dist/: the module's address, relative to it.
      const relative = path.relative(out, args.path).split(path.sep).join('/');
      return { contents: text.replace(CODE_URL_ALL, `new URL(${JSON.stringify(relative)}, import.meta.url).href`), loader: 'js' };
    });
  },
};

// Built beside the target, then swapped in, so a failed build leaves the last good bundle or none.
const temporary = `${out}.tmp-${process.pid}`;
rmSync(temporary, { recursive: true, force: true });
mkdirSync(temporary, { recursive: true });
await build({
  entryPoints: { main: path.join(dist, 'cli', 'main.js') },
  outdir: temporary,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: '[name]-[hash]',
  // CommonJS packages inlined into an ES module call require for Node's own modules.
  banner: { js: "import { createRequire as __simCreateRequire } from 'node:module'; const require = __simCreateRequire(import.meta.url);" },
  plugins: [ownLocation],
  logLevel: 'warning',
});
rmSync(out, { recursive: true, force: true });
renameSync(temporary, out);
