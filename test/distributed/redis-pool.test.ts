// The BullMQ worker pool against a real redis-server: two workers, one SIGKILLed mid-sweep, and the
// report still equals a local run byte for byte; a failing run fails the sweep once; Redis that
// cannot be reached and workers of another sim version exit 2.
import path from 'node:path';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { folderBytes, freePort, hasRedis, killAll, REDIS_SERVER, removeTemps, sim, start, startRedis, tempDir, type RedisServer } from './processes.js';

const SWEEP = 'test/fixtures/distributed/small-sweep.yaml';
const TIMEOUT = 240_000;

if (!hasRedis) console.warn(`skipping the Redis worker pool tests: ${REDIS_SERVER} is not installed (Debian package redis-server)`);

describe.skipIf(!hasRedis)('sim worker and sim run --redis', () => {
  let redis: RedisServer;
  let local: Record<string, string>;
  const clients: { close(): Promise<unknown> }[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    const dir = tempDir();
    const r = await sim('run', SWEEP, '--out', path.join(dir, 'local'), '--workers', '1');
    expect(r.code).toBe(0);
    local = folderBytes(path.join(dir, 'local'));
  }, TIMEOUT);

  afterEach(async () => {
    for (const c of clients.splice(0)) await c.close();
    await killAll();
    // Each test starts from an empty Redis.
    const flush = new Redis(redis.url, { maxRetriesPerRequest: 1, retryStrategy: () => null });
    flush.on('error', () => {});
    await flush.flushall().finally(() => flush.disconnect());
  });

  afterAll(async () => {
    await redis?.stop();
    removeTemps();
  });

  function worker(): ReturnType<typeof start> {
    return start(['worker', '--redis', redis.url, '--lock-timeout', '2s']);
  }

  async function ready(w: ReturnType<typeof start>): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      let text = '';
      w.child.stdout!.on('data', (d) => ((text += d), text.includes('waiting for runs') && resolve()));
      w.done.then((r) => reject(new Error(`worker exited early (${r.code}): ${r.stderr}`)));
    });
  }

  it('a worker SIGKILLed mid-run: its run is taken up by the other, and the report equals a local run', async () => {
    const one = worker();
    const two = worker();
    await Promise.all([ready(one), ready(two)]);
    const dir = tempDir();
    const run = start(['run', SWEEP, '--redis', redis.url, '--out', path.join(dir, 'pool')]);
    // Watch the queue until worker one holds a run, then kill it there.
    const queue = new Queue('sim-runs', { connection: new Redis(redis.url, { maxRetriesPerRequest: null }) });
    clients.push(queue);
    let killedJob: string | undefined;
    let finished = false;
    void run.done.then(() => (finished = true));
    while (killedJob === undefined && !finished) {
      const active = await queue.getActive();
      killedJob = active.find((j) => j.processedBy?.endsWith(`@${one.child.pid}`))?.id;
      if (killedJob === undefined) await new Promise((r) => setTimeout(r, 20));
    }
    expect(killedJob, 'worker one never held a run').toBeDefined();
    one.child.kill('SIGKILL');
    expect((await one.done).signal).toBe('SIGKILL');
    const result = await run.done;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('= 12 runs');
    expect(folderBytes(path.join(dir, 'pool'))).toEqual(local);
    expect(two.child.exitCode).toBeNull(); // the other worker is still there
  }, TIMEOUT);

  it('a run that fails for a scenario reason fails the sweep once, with its message (exit 2)', async () => {
    const one = worker();
    await ready(one);
    const dir = tempDir();
    const r = await sim('run', 'test/fixtures/distributed/failing-sweep.yaml', '--redis', redis.url, '--out', path.join(dir, 'pool'));
    expect(r.code).toBe(2);
    expect(r.stderr.match(/this strategy refuses three instances/g)).toHaveLength(1);
    expect(r.stderr).toContain('run 2 of the sweep failed');
    expect(r.stderr).not.toContain('    at ');
  }, TIMEOUT);

  it('a worker refuses a sweep of another sim version (exit 2), and sim run refuses workers of another version (exit 2)', async () => {
    const queue = new Queue('sim-runs', { connection: new Redis(redis.url, { maxRetriesPerRequest: null }) });
    clients.push(queue);
    await queue.add('run', { sweep: 'old', index: 0, simVersion: '0.0.0-old', task: '{}' }, { jobId: 'old-0', attempts: 1 });
    const w = await worker().done;
    expect(w.code).toBe(2);
    expect(w.stderr).toMatch(/runs sim 0\.1\.0, but this sweep was queued by sim 0\.0\.0-old/);
    await queue.obliterate({ force: true });

    const other = new Worker('sim-runs', null, { connection: new Redis(redis.url, { maxRetriesPerRequest: null }), name: 'sim@9.9.9@elsewhere@42', autorun: false });
    clients.push(other);
    await other.waitUntilReady();
    const dir = tempDir();
    const r = await sim('run', SWEEP, '--redis', redis.url, '--out', path.join(dir, 'pool'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a worker on elsewhere pid 42 runs sim 9.9.9; this is sim 0.1.0');
  }, TIMEOUT);

  it('Redis unreachable or a wrong URL: a clear message and exit 2', async () => {
    const closed = `redis://127.0.0.1:${await freePort()}`;
    const dir = tempDir();
    const checks = await Promise.all([
      sim('run', SWEEP, '--redis', closed, '--out', path.join(dir, 'a')),
      sim('worker', '--redis', closed),
      sim('run', SWEEP, '--redis', 'http://127.0.0.1:6379', '--out', path.join(dir, 'b')),
    ]);
    for (const r of checks.slice(0, 2)) {
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`cannot reach Redis at ${closed}`);
      expect(r.stderr).toContain('ECONNREFUSED');
    }
    expect(checks[2].code).toBe(2);
    expect(checks[2].stderr).toContain('--redis must be a Redis URL');
  }, TIMEOUT);
});
