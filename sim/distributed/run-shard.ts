// `sim run FILE --shard I/N --out DIR`: runs this shard's share of the sweep and writes its shard file.
// Every finished run is kept at once (one small file each), so a shard killed part way and rerun
// (schedulers retry on exit 1) skips what it already did; the shard file appears only when complete.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario, Sweep } from '../model/scenario-types.js';
import { runTasks, sweepTasks } from '../metrics/sweep.js';
import { pricingOf } from '../metrics/plan.js';
import type { CostSpec } from '../scenario/index.js';
import { DistributedInputError } from './errors.js';
import { scenarioHash, simVersion } from './identity.js';
import { PartialRuns, readShardFile, SHARD_FORMAT, writeShardFile, type Rerun, type ShardHeader } from './shard-file.js';
import { shardFileName, shardOfRun, type ShardId } from './shards.js';

export interface ShardJob {
  scenario: Scenario;
  sweep: Sweep;
  strategies?: readonly string[];
  /** The scenario's `cost:` block: the merged plan is priced with it. */
  cost?: CostSpec;
  shard: ShardId;
  dir: string;
  rerun: Rerun;
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ShardOutcome {
  file: string;
  /** Runs of this shard, run now, and found already done. */
  runs: number;
  ran: number;
  skipped: number;
  alreadyComplete: boolean;
}

export async function runShard(job: ShardJob): Promise<ShardOutcome> {
  const tasks = sweepTasks(job.scenario, job.sweep, job.strategies);
  const hash = scenarioHash(job.scenario, job.sweep, job.strategies, job.cost);
  const version = simVersion();
  const mine = tasks.map((_, i) => i).filter((i) => shardOfRun(i, job.shard.count) === job.shard.index);
  const file = join(job.dir, shardFileName(job.shard));
  if (existsSync(file)) {
    const header = await readShardFile(file, () => {});
    if (header.scenarioHash !== hash || header.simVersion !== version) {
      throw new DistributedInputError([
        `sim: ${file} is a shard of another scenario or sim version (hash ${header.scenarioHash.slice(0, 12)}, sim ${header.simVersion}; this is ${hash.slice(0, 12)}, sim ${version});`,
        'sim: use another --out folder for this sweep, or delete that file',
      ]);
    }
    return { file, runs: mine.length, ran: 0, skipped: mine.length, alreadyComplete: true };
  }
  const partial = new PartialRuns(job.dir, job.shard);
  const done = partial.done(hash, version);
  const todo = mine.filter((i) => !done.has(i));
  await runTasks(
    todo.map((i) => tasks[i]),
    {
      workers: job.workers,
      onProgress: job.onProgress,
      onResult: (k, run) => {
        const t = tasks[todo[k]];
        partial.write({ index: todo[k], scenarioHash: hash, simVersion: version, point: t.point, replication: t.replication, seed: t.seed, values: t.values, run });
      },
    },
  );
  const header: ShardHeader = {
    format: SHARD_FORMAT,
    simVersion: version,
    scenarioHash: hash,
    shard: job.shard,
    runs: tasks.length,
    rerun: job.rerun,
    parameters: job.sweep.parameters.map((p) => p.path),
    scenario: job.scenario,
    ...(job.cost === undefined ? {} : { pricing: pricingOf(job.scenario, job.sweep, job.cost) }),
  };
  writeShardFile(job.dir, header, partial.lines(mine));
  partial.remove();
  return { file, runs: mine.length, ran: todo.length, skipped: mine.length - todo.length, alreadyComplete: false };
}
