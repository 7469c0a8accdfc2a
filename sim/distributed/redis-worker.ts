// `sim worker --redis URL`: takes runs from the queue and runs them on worker threads, so this
// thread stays free to renew the jobs' locks. A worker that dies loses its locks; after the lock
// timeout another worker's stalled-job check puts its runs back in the queue (BullMQ).
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { Piscina } from 'piscina';
import { simVersion } from './identity.js';
import type { ThreadAnswer } from './pool-thread.js';
import { probeRedis, redisConnection } from './redis-connection.js';
import { QUEUE_NAME, SCENARIO_FAILURE, VERSION_FAILURE, workerName, type RunJobData } from './redis-protocol.js';

export interface PoolWorkerOptions {
  url: string;
  /** Runs at once (threads). */
  concurrency: number;
  /** How long a run's lock lasts without renewal: how soon a dead worker's run is taken up again. */
  lockMs: number;
  log: (line: string) => void;
}

export interface PoolWorker {
  name: string;
  /** Resolves when the worker stops: undefined after close(), the message after a version mismatch. */
  stopped: Promise<string | undefined>;
  close(): Promise<void>;
}

function threadFile(): string {
  const here = fileURLToPath(new URL('./pool-thread.js', import.meta.url));
  if (existsSync(here)) return here;
  return here.replace(/([\\/])sim([\\/]distributed[\\/])/, '$1dist$2');
}

export async function startPoolWorker(options: PoolWorkerOptions): Promise<PoolWorker> {
  await probeRedis(options.url);
  const version = simVersion();
  const name = workerName(version, hostname(), process.pid);
  const pool = new Piscina({ filename: threadFile(), minThreads: options.concurrency, maxThreads: options.concurrency });
  const connection = redisConnection(options.url, (error) => options.log(`redis: ${error.message}`));
  let stop: (reason: string | undefined) => void = () => {};
  const stopped = new Promise<string | undefined>((resolve) => (stop = resolve));
  let closing: Promise<void> | undefined;
  const close = (reason?: string): Promise<void> => {
    closing ??= (async () => {
      await worker.close();
      await pool.destroy();
      connection.disconnect();
      stop(reason);
    })();
    return closing;
  };

  const processor = async (job: Job<RunJobData>): Promise<string> => {
    if (job.data.simVersion !== version) {
      const message = `worker ${name} runs sim ${version}, but this sweep was queued by sim ${job.data.simVersion}: run workers of the same version as \`sim run\``;
      setImmediate(() => void close(message));
      throw new UnrecoverableError(`${VERSION_FAILURE}${message}`);
    }
    const answer = (await pool.run(job.data.task)) as ThreadAnswer;
    if ('result' in answer) return answer.result;
    throw new UnrecoverableError(`${answer.scenario ? SCENARIO_FAILURE : ''}${answer.failure}`);
  };

  const worker = new Worker<RunJobData, string>(QUEUE_NAME, processor, {
    connection,
    name,
    concurrency: options.concurrency,
    lockDuration: options.lockMs,
    stalledInterval: Math.max(500, Math.round(options.lockMs / 2)),
    maxStalledCount: 5,
    autorun: false,
  });
  worker.on('error', (error) => options.log(`worker: ${error.message}`));
  void worker.run();
  await worker.waitUntilReady();
  return { name, stopped, close: () => close() };
}
