// Shards: the sweep's runs split N ways, each shard in its own process and in no particular order,
// merged into exactly the report one machine writes; missing shards are named with their rerun
// command; reruns skip finished runs; bad input exits 2.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { folderBytes, killAll, removeTemps, sim, start, tempDir } from './processes.js';

const SWEEP = 'test/fixtures/distributed/small-sweep.yaml';
const TIMEOUT = 240_000;

/** Runs the shards 2 at a time, in the given order. */
async function runShards(order: number[], count: number, dir: string, extra: string[] = []): Promise<void> {
  const queue = [...order];
  const lane = async (): Promise<void> => {
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
      // N = 2 the way array-job schedulers give it: a 0-based index in an environment variable.
      const how = count === 2 ? ['--shard-index-env', 'JOB_COMPLETION_INDEX', '--shards', '2'] : ['--shard', `${i}/${count}`];
      const r = await start(['run', SWEEP, ...how, '--out', dir, '--workers', '1', ...extra], { JOB_COMPLETION_INDEX: String(i - 1) }).done;
      expect(r.stdout).toContain(`shard ${i}/${count} `);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  };
  await Promise.all([lane(), lane()]);
}

/** A fixed shuffle: every second shard from the back, then the rest. */
function outOfOrder(count: number): number[] {
  const all = Array.from({ length: count }, (_, i) => count - i);
  return [...all.filter((_, i) => i % 2 === 0), ...all.filter((_, i) => i % 2 === 1)];
}

let local: Record<string, string>;

beforeAll(async () => {
  const dir = tempDir();
  const r = await sim('run', SWEEP, '--out', path.join(dir, 'local'), '--workers', '1');
  expect(r.code).toBe(0);
  local = folderBytes(path.join(dir, 'local'));
}, TIMEOUT);

afterEach(killAll);
afterAll(removeTemps);

describe('sim run --shard and sim merge', () => {
  it.each([1, 2, 7])('N = %i shards run out of order merge into the local report byte for byte', async (count) => {
    const dir = tempDir();
    const shards = path.join(dir, 'shards');
    await runShards(outOfOrder(count), count, shards);
    expect(readdirSync(shards).sort()).toEqual(Array.from({ length: count }, (_, i) => `shard-${i + 1}-of-${count}.jsonl`).sort());
    const merged = await sim('merge', shards, '--out', path.join(dir, 'merged'));
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(0);
    expect(merged.stdout).toContain(`merged 12 runs from ${count} shard files`);
    const bytes = folderBytes(path.join(dir, 'merged'));
    expect(Object.keys(bytes)).toEqual(Object.keys(local));
    expect(Object.keys(bytes)).toEqual(expect.arrayContaining(['sweep.csv', 'sweep-summary.csv', 'plan.csv', 'report.html', 'sweep-latency.svg', 'sweep-latency.png']));
    for (const name of Object.keys(local)) expect(bytes[name], name).toBe(local[name]);
  }, TIMEOUT);

  it('reports missing shards with the command that reruns each, and exits 2', async () => {
    const dir = tempDir();
    const shards = path.join(dir, 'shards');
    await runShards([3, 1], 3, shards, ['--set', 'senders.Sender.sends[0].arrivals=poisson(6/s)']);
    const r = await sim('merge', shards, '--out', path.join(dir, 'merged'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('1 of 3 shards missing or unfinished');
    expect(r.stderr).toContain(`sim run ${SWEEP} --set 'senders.Sender.sends[0].arrivals=poisson(6/s)' --shard 2/3 --out ${shards}`);
    expect(r.stderr).not.toContain('    at ');
    expect(readdirSync(dir)).toEqual(['shards']); // no report written
  }, TIMEOUT);

  it('a rerun shard skips the runs already written and writes the same shard file', async () => {
    const dir = tempDir();
    const shards = path.join(dir, 'shards');
    await runShards([1], 2, shards);
    const file = path.join(shards, 'shard-1-of-2.jsonl');
    const complete = readFileSync(file);
    // As if the shard had been killed after its first three runs: those wait in the partial folder.
    const [, ...runs] = complete.toString('utf8').trimEnd().split('\n');
    const partial = path.join(shards, '.shard-1-of-2.partial');
    mkdirSync(partial);
    for (const line of runs.slice(0, 3)) writeFileSync(path.join(partial, `run-${JSON.parse(line).index}.json`), `${line}\n`);
    rmSync(file);
    const again = await sim('run', SWEEP, '--shard', '1/2', '--out', shards, '--workers', '1');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('3 runs (3 already done, skipped)');
    expect(readFileSync(file).equals(complete)).toBe(true);
    expect(readdirSync(shards)).toEqual(['shard-1-of-2.jsonl']); // partial folder and temp files gone
    const done = await sim('run', SWEEP, '--shard', '1/2', '--out', shards, '--workers', '1');
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('already complete');
  }, TIMEOUT);

  it('refuses to merge shards of different scenarios (exit 2)', async () => {
    const dir = tempDir();
    const a = path.join(dir, 'a');
    await runShards([1], 2, a);
    await runShards([2], 2, path.join(dir, 'b'), ['--set', 'senders.Sender.sends[0].arrivals=poisson(6/s)']);
    copyFileSync(path.join(dir, 'b', 'shard-2-of-2.jsonl'), path.join(a, 'shard-2-of-2.jsonl'));
    const r = await sim('merge', a, '--out', path.join(dir, 'merged'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is of another sweep or sim version.*\n.*scenario hash/);
  }, TIMEOUT);

  it('exits 2 for a bad shard option or a scenario that fails, so a scheduler does not retry', async () => {
    const dir = tempDir();
    for (const args of [['--shard', '0/3'], ['--shard-index-env', 'NO_SUCH_VARIABLE_SET', '--shards', '3']]) {
      const r = await sim('run', SWEEP, ...args, '--out', dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^sim: /);
    }
    const failing = await sim('run', 'test/fixtures/distributed/failing-sweep.yaml', '--shard', '1/1', '--out', dir, '--workers', '1');
    expect(failing.code).toBe(2);
    expect(failing.stderr).toContain('this strategy refuses three instances');
    expect(readdirSync(dir).filter((n) => !n.startsWith('.'))).toEqual([]);
  }, TIMEOUT);
});
