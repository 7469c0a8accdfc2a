// The README's capacity-planning section shows the output of `npx sim run scenarios/capacity-plan.yaml`:
// this runs that command (into a temporary folder) and compares, so the README cannot drift.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './run-cli.js';

const COMMAND = '$ npx sim run scenarios/capacity-plan.yaml';

/** The lines of the README's code block that starts with COMMAND, without it. */
function readmeBlock(): string[] {
  const lines = readFileSync('README.md', 'utf8').split('\n');
  const start = lines.indexOf(COMMAND);
  if (start < 0) throw new Error(`README.md has no block starting with ${COMMAND}`);
  const end = lines.indexOf('```', start);
  return lines.slice(start + 1, end);
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the README capacity-planning section', () => {
  it('shows what the command prints', () => {
    const dir = tempDir();
    dirs.push(dir);
    const out = path.join(dir, 'capacity-plan');
    const result = spawnSync(process.execPath, ['bin/sim.js', 'run', 'scenarios/capacity-plan.yaml', '--out', out], { encoding: 'utf8', env: { ...process.env, SIM_DEBUG: '' } });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // The folder is the only difference: the README's run writes the default reports/capacity-plan/.
    const printed = result.stdout.replace(`${out}${path.sep}`, `reports/capacity-plan/`).trimEnd().split('\n');
    expect(printed).toEqual(readmeBlock());
  }, 300_000);
});
