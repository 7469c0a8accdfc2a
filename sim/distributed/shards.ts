// Which runs belong to which shard, and how shards are named on the command line and on disk.
// Run i of the sweep (in sweep order) belongs to shard (i mod N) + 1: neighbouring runs, which cost
// about the same, go to different shards, so shards take about as long as each other.
import { DistributedInputError } from './errors.js';

export interface ShardId {
  /** 1-based. */
  index: number;
  count: number;
}

export function shardOfRun(run: number, count: number): number {
  return (run % count) + 1;
}

export function shardFileName(shard: ShardId): string {
  return `shard-${shard.index}-of-${shard.count}.jsonl`;
}

export function partialFolderName(shard: ShardId): string {
  return `.shard-${shard.index}-of-${shard.count}.partial`;
}

export const SHARD_FILE = /^shard-(\d+)-of-(\d+)\.jsonl$/;

/** `--shard I/N`, 1-based. */
export function parseShard(text: string): ShardId {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count || !Number.isSafeInteger(count)) {
    throw new DistributedInputError([`sim: --shard must be I/N with 1 <= I <= N, e.g. 3/8, got ${JSON.stringify(text)}`]);
  }
  return { index, count };
}

/** `--shard-index-env VAR --shards N`: a 0-based index in an environment variable (array-job schedulers). */
export function shardFromEnvironment(variable: string, shards: string | undefined, env: NodeJS.ProcessEnv): ShardId {
  const count = Number(shards);
  if (shards === undefined || !/^\d+$/.test(shards) || count < 1) {
    throw new DistributedInputError([`sim: --shard-index-env needs --shards N, a positive integer${shards === undefined ? '' : `, got ${JSON.stringify(shards)}`}`]);
  }
  const raw = env[variable];
  if (raw === undefined || raw === '') throw new DistributedInputError([`sim: --shard-index-env ${variable}: the environment variable ${variable} is not set`]);
  const index = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || index >= count) {
    throw new DistributedInputError([`sim: --shard-index-env ${variable}: expected a 0-based index below ${count}, got ${JSON.stringify(raw)}`]);
  }
  return { index: index + 1, count };
}

/** A shell word, quoted only when it needs to be. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
