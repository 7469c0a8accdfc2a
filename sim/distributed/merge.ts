// `sim merge DIR...`: reads every shard file, checks that they are of one sweep and sim version and
// that every run is there exactly once, and gives back the sweep's result, the same as one machine's.
// Missing runs are reported per shard, with the command that reruns it.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SweepResult } from '../metrics/results.js';
import { assembleSweep } from '../metrics/sweep.js';
import { DistributedInputError } from './errors.js';
import { readShardFile, type ShardHeader, type ShardRun } from './shard-file.js';
import { SHARD_FILE, shardOfRun, shellWord } from './shards.js';

export interface Merged {
  result: SweepResult;
  files: string[];
}

function shardFiles(dirs: readonly string[]): string[] {
  const files: string[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      if (!statSync(dir).isDirectory()) throw new Error();
      names = readdirSync(dir);
    } catch {
      throw new DistributedInputError([`sim: ${dir}: no such folder`]);
    }
    files.push(...names.filter((n) => SHARD_FILE.test(n)).sort(byShard).map((n) => join(dir, n)));
  }
  return files;
}

function byShard(a: string, b: string): number {
  const [, ai, an] = SHARD_FILE.exec(a)!.map(Number);
  const [, bi, bn] = SHARD_FILE.exec(b)!.map(Number);
  return an - bn || ai - bi;
}

export function rerunCommand(header: ShardHeader, shard: number, dir: string): string {
  const words = ['sim', 'run', header.rerun.file, ...header.rerun.options, '--shard', `${shard}/${header.shard.count}`, '--out', dir];
  return words.map(shellWord).join(' ');
}

export async function mergeShards(dirs: readonly string[]): Promise<Merged> {
  const files = shardFiles(dirs);
  if (files.length === 0) throw new DistributedInputError([`sim: no shard results (shard-I-of-N.jsonl) in ${dirs.join(', ')}`]);
  const runs = new Map<number, ShardRun>();
  const owner = new Map<number, string>();
  let first: ShardHeader | undefined;
  let firstFile = '';
  const problems: string[] = [];
  for (const file of files) {
    const header = await readShardFile(file, (run) => {
      if (!Number.isInteger(run.index) || run.index < 0) problems.push(`sim: ${file}: a run without a valid index (${JSON.stringify(run.index)})`);
      const seen = owner.get(run.index);
      if (seen !== undefined) problems.push(`sim: run ${run.index} is in both ${seen} and ${file}`);
      owner.set(run.index, file);
      runs.set(run.index, run);
    });
    if (first === undefined) {
      first = header;
      firstFile = file;
    } else if (header.scenarioHash !== first.scenarioHash || header.simVersion !== first.simVersion) {
      throw new DistributedInputError([
        `sim: ${file} is of another sweep or sim version than ${firstFile}:`,
        `sim:   scenario hash ${header.scenarioHash.slice(0, 12)} vs ${first.scenarioHash.slice(0, 12)}, sim ${header.simVersion} vs ${first.simVersion}`,
      ]);
    }
  }
  if (problems.length > 0) throw new DistributedInputError([...problems.slice(0, 20), 'sim: each run must be in exactly one shard file; remove the extra files']);
  const header = first!;
  const beyond = [...runs.keys()].filter((i) => i >= header.runs);
  if (beyond.length > 0) throw new DistributedInputError([`sim: runs ${beyond.slice(0, 10).join(', ')} are beyond the sweep's ${header.runs} runs; the shard files are damaged`]);
  const missing = new Set<number>();
  for (let i = 0; i < header.runs; i++) if (!runs.has(i)) missing.add(shardOfRun(i, header.shard.count));
  if (missing.size > 0) {
    const shards = [...missing].sort((a, b) => a - b);
    throw new DistributedInputError([
      `sim: ${shards.length} of ${header.shard.count} shards missing or unfinished in ${dirs.join(', ')}: ${shards.join(', ')}; rerun them with:`,
      ...shards.map((s) => `  ${rerunCommand(header, s, dirs[0])}`),
    ]);
  }
  const ordered = [...runs.values()].sort((a, b) => a.index - b.index).map((r) => ({ point: r.point, replication: r.replication, seed: r.seed, values: r.values, run: r.run }));
  return { result: assembleSweep(header.scenario, header.parameters, ordered, header.pricing), files };
}
