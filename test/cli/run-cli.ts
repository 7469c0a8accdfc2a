// Runs the built `sim` binary (bin/sim.js -> dist/) as a user would, capturing everything.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function sim(...args: string[]): CliResult {
  const result = spawnSync(process.execPath, ['bin/sim.js', ...args], { encoding: 'utf8', env: { ...process.env, SIM_DEBUG: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'sim-test-'));
}
