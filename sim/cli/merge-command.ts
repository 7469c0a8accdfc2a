// `sim merge DIR... --out OUT`: the shard results of a sweep into the report a single machine writes.
import path from 'node:path';
import { mergeShards } from '../distributed/index.js';
import { beginOutput, formatPlan } from '../reports/index.js';
import { asUsage } from './shard-command.js';
import { writeSweepReport } from './sweep-command.js';

export interface MergeArgs {
  dirs: string[];
  out: string;
  svg: boolean;
  png: boolean;
  html: boolean;
}

export async function mergeCommand(args: MergeArgs, print: (text: string) => void): Promise<void> {
  const { result, files: shardFiles } = await asUsage(() => mergeShards(args.dirs));
  const output = beginOutput(args.out);
  let files: string[];
  let notes: string[];
  try {
    ({ files, notes } = await writeSweepReport(result, output, args));
    output.commit();
  } catch (error) {
    output.abort();
    throw error;
  }
  print(`${result.scenario.name}: merged ${result.runs.length} runs from ${shardFiles.length} shard files\n`);
  if (result.scenario.sla) print(`\n${formatPlan(result)}`);
  if (notes.length > 0) print(`\nFindings:\n${notes.map((note) => `- ${note}\n`).join('')}`);
  print(`\nwrote ${files.length} files to ${output.dir}${path.sep}\n`);
}
