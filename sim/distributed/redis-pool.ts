// `sim run FILE --redis URL`: queues every run of the sweep, collects the results as the workers
// finish them, and gives back the sweep's result, the same as one machine's. The first failed run
// ends the sweep with its message (runs are deterministic: retrying would fail the same way).
import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import type { Scenario, Sweep } from '../model/scenario-types.js';
import type { RunResult, SweepResult } from '../metrics/results.js';
import { assembleSweep, sweepTasks } from '../metrics/sweep.js';
import { pricingOf } from '../metrics/plan.js';
import type { CostSpec } from '../scenario/index.js';
import { decode, encode } from './codec.js';
import { DistributedInputError } from './errors.js';
import { scenarioHash, simVersion } from './identity.js';
import { probeRedis, redisConnection, shownUrl } from './redis-connection.js';
import { jobId, parseWorkerName, QUEUE_NAME, SCENARIO_FAILURE, VERSION_FAILURE, type RunJobData } from './redis-protocol.js';

export interface PoolRun {
  url: string;
  scenario: Scenario;
  sweep: Sweep;
  strategies?: readonly string[];
  /** The scenario's `cost:` block: the plan is priced with it. */
  cost?: CostSpec;
  onProgress: (done: number, total: number) => void;
  /** Things worth saying while waiting (no workers yet). */
  onNotice: (line: string) => void;
  /** Aborting (Ctrl-C) ends the sweep and takes its runs off the queue. */
  signal?: AbortSignal;
}

const CHUNK = 500;

async function inChunks<T>(items: readonly T[], work: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) await work(items.slice(i, i + CHUNK));
}

/** Workers of another sim version would fail every run: refuse before queuing anything. */
async function checkWorkerVersions(queue: Queue, version: string): Promise<number> {
  const workers = (await queue.getWorkers()).map((w) => parseWorkerName(String(w.rawname ?? ''))).filter((w) => w !== undefined);
  const others = workers.filter((w) => w.version !== version);
  if (others.length > 0) {
    throw new DistributedInputError([
      ...others.map((w) => `sim: a worker on ${w.where} runs sim ${w.version}; this is sim ${version}`),
      'sim: run workers of the same version as `sim run` (stop or upgrade the others)',
    ]);
  }
  return workers.length;
}

function failure(reason: string, index: number): Error {
  if (reason.startsWith(VERSION_FAILURE)) return new DistributedInputError([`sim: ${reason.slice(VERSION_FAILURE.length)}`]);
  if (reason.startsWith(SCENARIO_FAILURE)) return new DistributedInputError([`sim: run ${index} of the sweep failed: ${reason.slice(SCENARIO_FAILURE.length)}`]);
  return new Error(`run ${index} of the sweep failed on a worker: ${reason}`);
}

export async function runOnPool(job: PoolRun): Promise<SweepResult> {
  await probeRedis(job.url);
  const tasks = sweepTasks(job.scenario, job.sweep, job.strategies);
  const version = simVersion();
  const sweepId = `${scenarioHash(job.scenario, job.sweep, job.strategies).slice(0, 12)}-${randomUUID().slice(0, 8)}`;
  const ids = tasks.map((_, i) => jobId(sweepId, i));
  const report = (error: Error): void => job.onNotice(`redis ${shownUrl(job.url)}: ${error.message}`);
  const connections = [redisConnection(job.url, report), redisConnection(job.url, report)];
  const queue = new Queue<RunJobData>(QUEUE_NAME, { connection: connections[0] });
  const events = new QueueEvents(QUEUE_NAME, { connection: connections[1] });
  const results = new Map<number, RunResult>();
  let settle: { resolve: () => void; reject: (e: Error) => void } | undefined;
  const finished = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  let failed = false;
  let lastNews = Date.now();
  let toldNoWorkers = false;
  const tellNoWorkers = (): void => {
    toldNoWorkers = true;
    job.onNotice(`no worker is connected yet: start \`sim worker --redis ${shownUrl(job.url)}\` on the machines of the pool`);
  };
  const indexOf = (id: string): number | undefined => (id.startsWith(`${sweepId}-`) ? Number(id.slice(sweepId.length + 1)) : undefined);
  const take = (index: number, value: unknown): void => {
    if (results.has(index) || typeof value !== 'string') return;
    results.set(index, decode<RunResult>(value));
    lastNews = Date.now();
    job.onProgress(results.size, tasks.length);
    if (results.size === tasks.length) settle!.resolve();
  };
  const fail = (index: number, reason: string): void => {
    if (failed) return;
    failed = true;
    settle!.reject(failure(reason, index));
  };
  const interrupted = (): void => {
    if (failed) return;
    failed = true;
    settle!.reject(new DistributedInputError(['sim: interrupted: the runs of this sweep still queued were removed']));
  };
  job.signal?.addEventListener('abort', interrupted);
  events.on('completed', ({ jobId: id, returnvalue }) => {
    const index = indexOf(id);
    if (index !== undefined) take(index, returnvalue);
  });
  events.on('failed', ({ jobId: id, failedReason }) => {
    const index = indexOf(id);
    if (index !== undefined) fail(index, failedReason);
  });
  // Events can be missed (a reconnect, the listener starting late): now and then, look at the jobs.
  const reconcile = setInterval(() => {
    if (Date.now() - lastNews < 2000 || failed) return;
    void (async () => {
      const missing = ids.map((_, i) => i).filter((i) => !results.has(i)).slice(0, CHUNK);
      for (const i of missing) {
        const found = await queue.getJob(ids[i]);
        if (found?.finishedOn && found.failedReason) fail(i, found.failedReason);
        else if (found?.finishedOn) take(i, found.returnvalue);
      }
      if (!toldNoWorkers && (await queue.getWorkers()).length === 0) tellNoWorkers();
      lastNews = Date.now();
    })().catch(report);
  }, 1000);
  try {
    await events.waitUntilReady();
    await queue.waitUntilReady();
    if ((await checkWorkerVersions(queue, version)) === 0) tellNoWorkers();
    job.onProgress(0, tasks.length);
    await inChunks(tasks.map((task, i) => i), (chunk) =>
      queue.addBulk(chunk.map((i) => ({
        name: 'run',
        data: { sweep: sweepId, index: i, simVersion: version, task: encode(tasks[i]) },
        opts: { jobId: ids[i], attempts: 1, removeOnComplete: false, removeOnFail: false },
      }))),
    );
    if (tasks.length === 0) settle!.resolve();
    await finished;
  } finally {
    clearInterval(reconcile);
    job.signal?.removeEventListener('abort', interrupted);
    // The sweep's jobs are no use to anyone now: drop them (a run still going is left to finish).
    await inChunks(ids, (chunk) => Promise.all(chunk.map((id) => queue.remove(id).catch(() => 0)))).catch(report);
    await events.close();
    await queue.close();
    for (const c of connections) c.disconnect();
  }
  return assembleSweep(job.scenario, job.sweep.parameters.map((p) => p.path), tasks.map((t, i) => ({ point: t.point, replication: t.replication, seed: t.seed, values: t.values, run: results.get(i)! })), pricingOf(job.scenario, job.sweep, job.cost));
}
