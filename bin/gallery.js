#!/usr/bin/env node
// Regenerates the gallery: the report of every bundled scenario (scenarios/*.yaml) under reports/.
// `npm run gallery` writes reports/<name>/; `--out-root DIR` writes DIR/<name>/ instead (the gallery
// test compares that with the committed reports/). Runs `sim run` for each, one after another.
// The gallery holds no PNG files (`--no-png`): its charts are the SVG files, which report.html shows
// and a repository browser draws; a PNG's bytes depend on the zlib that Node bundles, so a committed
// PNG would stop matching on a Node upgrade with the same pixels. `sim run` writes PNGs by default.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--out-root');
const outRoot = at >= 0 ? path.resolve(args[at + 1]) : path.join(root, 'reports');
const files = readdirSync(path.join(root, 'scenarios')).filter((f) => f.endsWith('.yaml')).sort();
let failed = 0;
for (const file of files) {
  const name = file.replace(/\.yaml$/, '');
  const run = spawnSync(process.execPath, [path.join(root, 'bin/sim.js'), 'run', path.join('scenarios', file), '--out', path.join(outRoot, name), '--no-png'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  process.stdout.write(`${run.status === 0 ? 'ok  ' : 'FAIL'} ${file}\n`);
  if (run.status !== 0) {
    failed++;
    process.stderr.write(run.stderr);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
