// `sim worker --redis URL`: one member of the worker pool, until stopped (SIGINT/SIGTERM: finishes
// the runs it has, then exits 0). Exit 2 when Redis cannot be reached or a sweep of another sim
// version reaches it.
import { startPoolWorker } from '../distributed/index.js';
import { parseDurationOption, UsageError } from './worker-arguments.js';
import { asUsage } from './shard-command.js';

export interface WorkerArgs {
  redis: string;
  concurrency?: string;
  lockTimeout?: string;
}

export async function workerCommand(args: WorkerArgs, print: (text: string) => void): Promise<void> {
  const concurrency = args.concurrency === undefined ? 1 : Number(args.concurrency);
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) throw new UsageError([`sim: --concurrency must be a positive integer, got ${JSON.stringify(args.concurrency)}`]);
  const lockMs = parseDurationOption('--lock-timeout', args.lockTimeout ?? '10s');
  const log = (line: string): void => void process.stderr.write(`sim worker: ${line}\n`);
  const worker = await asUsage(() => startPoolWorker({ url: args.redis, concurrency, lockMs, log }));
  print(`${worker.name}: waiting for runs (${concurrency} at a time, lock timeout ${lockMs} ms)\n`);
  const stop = (): void => void worker.close();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const mismatch = await worker.stopped;
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  if (mismatch !== undefined) throw new UsageError([`sim: ${mismatch}`]);
}
