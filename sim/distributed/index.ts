// The distributed layer: a sweep's runs spread over machines, as shards for any array-job scheduler
// or as jobs on a Redis queue (BullMQ), and put back together into the one-machine result.
export { DistributedInputError } from './errors.js';
export { simVersion, scenarioHash } from './identity.js';
export { parseShard, shardFromEnvironment, type ShardId } from './shards.js';
export { runShard, type ShardJob, type ShardOutcome } from './run-shard.js';
export { mergeShards, type Merged } from './merge.js';
export type { Rerun } from './shard-file.js';
export { runOnPool, type PoolRun } from './redis-pool.js';
export { startPoolWorker, type PoolWorker, type PoolWorkerOptions } from './redis-worker.js';
export { checkRedisUrl } from './redis-connection.js';
