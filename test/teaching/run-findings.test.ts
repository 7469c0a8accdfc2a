// `sim run` prints its findings after the table and writes them to findings.txt (end to end, through
// the built binary).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sim, tempDir } from '../cli/run-cli.js';

describe('sim run findings', () => {
  it('prints them under "Findings:" and writes the same lines to findings.txt', () => {
    const out = path.join(tempDir(), 'report');
    const result = sim('run', 'scenarios/scale-out-sample.yaml', '--strategy', 'distributor', '--strategy', 'round-robin', '--no-svg', '--out', out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const expected = [
      "round-robin's p99 latency is 1.3 times the distributor's (3408 ms vs 2554 ms)",
      'the distributor needed 14 MSMQ operations per message, round-robin 6',
      'under round-robin, messages spent 75% of their latency waiting (590 ms of 789 ms on average)',
    ];
    expect(result.stdout).toContain(`\n\nFindings:\n${expected.map((f) => `- ${f}\n`).join('')}\nwrote `);
    expect(readFileSync(path.join(out, 'findings.txt'), 'utf8')).toBe(expected.map((f) => `${f}\n`).join(''));
  });
});
