// Parsing and checking of option values yargs leaves as strings, with messages in the scenario
// errors' style: what was expected, what was received.
import { UsageError } from './exit-codes.js';

export function parseSeed(raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  const text = String(raw);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new UsageError([`sim: --seed must be a non-negative integer, got ${JSON.stringify(text)}`]);
  }
  return Number(text);
}

/** Strategy names given with --strategy must exist in the scenario. */
export function checkStrategies(wanted: readonly string[] | undefined, available: readonly string[]): void {
  if (!wanted) return;
  const unknown = wanted.filter((name) => !available.includes(name));
  if (unknown.length > 0) {
    throw new UsageError(
      unknown.map((name) => `sim: --strategy ${JSON.stringify(name)} is not a strategy of this scenario; it has ${available.join(', ')}`),
    );
  }
}

/** Variant names given with --variant must exist in the scenario. */
export function checkVariants(wanted: readonly string[] | undefined, available: readonly string[]): void {
  if (!wanted) return;
  const unknown = wanted.filter((name) => !available.includes(name));
  if (unknown.length > 0) {
    const has = available.length > 0 ? `it has ${available.join(', ')}` : 'it has no variants';
    throw new UsageError(unknown.map((name) => `sim: --variant ${JSON.stringify(name)} is not a variant of this scenario; ${has}`));
  }
}

/** --workers: worker threads for sweeps (default: one per core). */
export function parseWorkers(raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  const text = String(raw);
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError([`sim: --workers must be a positive integer, got ${JSON.stringify(text)}`]);
  return Number(text);
}

/** True when the command line asks for one shard of a sweep (--shard, or --shard-index-env with --shards). */
export function wantsShard(args: { shard?: string; shardIndexEnv?: string; shards?: string }): boolean {
  return args.shard !== undefined || args.shardIndexEnv !== undefined || args.shards !== undefined;
}
