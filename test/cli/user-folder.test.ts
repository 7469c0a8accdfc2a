// `npm run sim -- run FILE` from a subfolder: npm runs the script at the package root and says in
// INIT_CWD where the user was; FILE is read from there, and a missing file names the folder looked in.
// And `sim trace --set`, so that a guide never has the reader edit a scenario file.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sim } from './run-cli.js';

function simFrom(folder: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/sim.js', ...args], { encoding: 'utf8', env: { ...process.env, SIM_DEBUG: '', INIT_CWD: path.resolve(folder) } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the file named on the command line', () => {
  it('is read from the folder in INIT_CWD', () => {
    const result = simFrom('scenarios', 'trace', 'scale-out-sample.yaml', '--messages', '1');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^sim trace scenarios\/scale-out-sample\.yaml/);
  });

  it('when missing, is reported with the folder it was looked for in', () => {
    const result = simFrom('scenarios', 'run', 'nope.yaml');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`scenarios/nope.yaml:1:1: cannot read file: no such file in ${path.resolve('scenarios')}\n`);
  });
});

describe('sim trace --set', () => {
  it('traces the scenario with the value replaced', () => {
    const plain = sim('trace', 'scenarios/scale-out-sample.yaml', '--messages', '1');
    const set = sim('trace', 'scenarios/scale-out-sample.yaml', '--messages', '1', '--set', 'transport.operation=20ms');
    expect(set.code).toBe(0);
    expect(set.stdout).not.toBe(plain.stdout);
  });

  it('reports a bad path like sim run does', () => {
    const result = sim('trace', 'scenarios/scale-out-sample.yaml', '--set', 'transport.operaton=2ms');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('--set:1:20: transport unknown key "operaton"; did you mean "operation"?\n');
  });
});
