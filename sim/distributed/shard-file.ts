// A shard result on disk (JSON lines): a header line (what sweep, which shard, how to rerun it), then
// one line per run of the shard in sweep order. Finished runs of an unfinished shard wait in a hidden
// partial folder, one file each, so a rerun skips them.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createReadStream } from 'node:fs';
import type { Scenario } from '../model/scenario-types.js';
import type { SweepRun } from '../metrics/results.js';
import type { Pricing } from '../metrics/plan.js';
import { decode, encode } from './codec.js';
import { DistributedInputError } from './errors.js';
import { writeLinesAtomically } from './atomic-file.js';
import { partialFolderName, shardFileName, type ShardId } from './shards.js';

export const SHARD_FORMAT = 'sim-shard/1';

/** How to run a shard again: the scenario file and the options other than --shard and --out. */
export interface Rerun {
  file: string;
  options: string[];
}

export interface ShardHeader {
  format: string;
  simVersion: string;
  scenarioHash: string;
  shard: ShardId;
  /** Runs in the whole sweep. */
  runs: number;
  rerun: Rerun;
  parameters: string[];
  scenario: Scenario;
  /** The prices of the sweep's configurations, when the scenario has a `cost:` block. */
  pricing?: Pricing;
}

/** One run with its place in the sweep, and the sweep it belongs to. */
export interface ShardRun extends SweepRun {
  index: number;
  scenarioHash: string;
  simVersion: string;
}

export function writeShardFile(dir: string, header: ShardHeader, runs: Iterable<string>): string {
  const file = join(dir, shardFileName(header.shard));
  writeLinesAtomically(file, (function* () {
    yield encode(header);
    yield* runs;
  })());
  return file;
}

/** Reads a shard file; the callback sees every run. */
export async function readShardFile(file: string, onRun: (run: ShardRun) => void): Promise<ShardHeader> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let header: ShardHeader | undefined;
  let number = 0;
  for await (const line of lines) {
    number++;
    if (line === '') continue;
    let value: unknown;
    try {
      value = decode(line);
    } catch {
      throw new DistributedInputError([`sim: ${file}:${number}: not a shard result line (invalid JSON)`]);
    }
    if (header === undefined) {
      header = value as ShardHeader;
      if (header?.format !== SHARD_FORMAT) throw new DistributedInputError([`sim: ${file}:1: not a sim shard result (format ${JSON.stringify(header?.format)}, expected ${SHARD_FORMAT})`]);
    } else {
      onRun(value as ShardRun);
    }
  }
  if (header === undefined) throw new DistributedInputError([`sim: ${file}: empty shard result`]);
  return header;
}

/** The partial folder of a shard: finished runs of an interrupted attempt. */
export class PartialRuns {
  readonly folder: string;
  constructor(dir: string, shard: ShardId) {
    this.folder = join(dir, partialFolderName(shard));
  }

  /** Run indices already written for this sweep; a run of another sweep is an error. */
  done(scenarioHash: string, version: string): Set<number> {
    const done = new Set<number>();
    if (!existsSync(this.folder)) return done;
    for (const name of readdirSync(this.folder)) {
      if (!/^run-\d+\.json$/.test(name)) continue;
      const run = decode<ShardRun>(readFileSync(join(this.folder, name), 'utf8'));
      if (run.scenarioHash !== scenarioHash || run.simVersion !== version) {
        throw new DistributedInputError([
          `sim: ${join(this.folder, name)} is a run of another scenario or sim version (hash ${run.scenarioHash.slice(0, 12)}, sim ${run.simVersion});`,
          'sim: use another --out folder for this sweep, or delete that folder',
        ]);
      }
      done.add(run.index);
    }
    return done;
  }

  write(run: ShardRun): void {
    mkdirSync(this.folder, { recursive: true });
    writeLinesAtomically(join(this.folder, `run-${run.index}.json`), [encode(run)]);
  }

  /** The runs' lines, in the order given. */
  *lines(indices: readonly number[]): Generator<string> {
    for (const i of indices) yield readFileSync(join(this.folder, `run-${i}.json`), 'utf8').trimEnd();
  }

  remove(): void {
    rmSync(this.folder, { recursive: true, force: true });
  }
}
