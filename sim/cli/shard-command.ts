// `sim run FILE --shard I/N --out DIR` (or --shard-index-env VAR --shards N): this shard's share of
// the sweep into DIR. Exit 0 when the shard file is there, 2 for bad input (do not retry), 1 on a crash.
import type { Scenario, Sweep } from '../model/scenario-types.js';
import type { CostSpec } from '../scenario/index.js';
import { DistributedInputError, parseShard, runShard, shardFromEnvironment, type ShardId } from '../distributed/index.js';
import { UsageError } from './exit-codes.js';
import { progressBar } from './progress.js';

export interface ShardArgs {
  file: string;
  out?: string;
  shard?: string;
  shardIndexEnv?: string;
  shards?: string;
  /** The options that select the sweep (--set, --seed, --strategy), for the rerun command. */
  rerunOptions: string[];
  strategy?: string[];
  workers?: number;
  cost?: CostSpec;
}

/** Runs `work`, turning the distributed layer's input errors into usage errors (exit 2). */
export async function asUsage<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DistributedInputError) throw new UsageError(error.lines);
    throw error;
  }
}

function shardOf(args: ShardArgs): ShardId {
  if (args.shard !== undefined && args.shardIndexEnv !== undefined) throw new UsageError(['sim: give --shard I/N or --shard-index-env VAR --shards N, not both']);
  if (args.shard !== undefined) {
    if (args.shards !== undefined) throw new UsageError(['sim: --shards goes with --shard-index-env; --shard I/N already says N']);
    return parseShard(args.shard);
  }
  if (args.shardIndexEnv === undefined) throw new UsageError(['sim: --shards N needs --shard-index-env VAR (the variable holding the 0-based index)']);
  return shardFromEnvironment(args.shardIndexEnv, args.shards, process.env);
}

export async function shardCommand(scenario: Scenario, sweep: Sweep, args: ShardArgs, print: (text: string) => void): Promise<void> {
  await asUsage(async () => {
    const shard = shardOf(args);
    if (args.out === undefined) throw new UsageError(['sim: --shard needs --out DIR, the folder shard results are collected in']);
    const progress = progressBar(`${scenario.name} shard ${shard.index}/${shard.count}`);
    let outcome;
    try {
      outcome = await runShard({
        scenario,
        sweep,
        strategies: args.strategy,
        cost: args.cost,
        shard,
        dir: args.out,
        rerun: { file: args.file, options: args.rerunOptions },
        workers: args.workers,
        onProgress: (done, total) => progress.update(done, total),
      });
    } finally {
      progress.stop();
    }
    if (outcome.alreadyComplete) print(`shard ${shard.index}/${shard.count} of ${scenario.name} is already complete: ${outcome.file}\n`);
    else print(`shard ${shard.index}/${shard.count} of ${scenario.name}: ${outcome.ran} runs${outcome.skipped > 0 ? ` (${outcome.skipped} already done, skipped)` : ''}, wrote ${outcome.file}\n`);
  });
}
