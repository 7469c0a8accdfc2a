// `sim run` on a scenario with a sweep (or replications): run every point x replication x strategy
// on worker threads, write sweep.csv, sweep-summary.csv, plan.csv and the sweep charts all at once,
// and print the SLA's answer.
import path from 'node:path';
import type { Scenario, Sweep } from '../model/scenario-types.js';
import type { SweepResult } from '../metrics/results.js';
import type { CostSpec } from '../scenario/index.js';
import { runSweep } from '../metrics/sweep.js';
import { type Output, formatPlan, sweepFindings, writeReport } from '../reports/index.js';
import { progressBar } from './progress.js';
import { announceSize, expectedMessages, stopNotes } from './run-size.js';

export interface SweepRunArgs {
  strategy?: string[];
  svg: boolean;
  png: boolean;
  html: boolean;
  workers?: number;
  /** Runs the sweep somewhere else (a Redis worker pool); default: on this machine's threads. */
  runner?: (onProgress: (done: number, total: number) => void) => Promise<SweepResult>;
  cost?: CostSpec;
}

export async function runSweepCommand(scenario: Scenario, sweep: Sweep, output: Output, args: SweepRunArgs, print: (text: string) => void): Promise<void> {
  const strategies0 = scenario.strategies.filter((s) => !args.strategy || args.strategy.includes(s.name)).length;
  announceSize(sweep.points.length * scenario.replications * strategies0, Math.max(...sweep.points.map((p) => expectedMessages(p.scenario))), (t) => process.stderr.write(t));
  const progress = progressBar(scenario.name);
  let result;
  try {
    const onProgress = (done: number, total: number): void => progress.update(done, total);
    result = await (args.runner ? args.runner(onProgress) : runSweep(scenario, sweep, { strategies: args.strategy, workers: args.workers, cost: args.cost, onProgress }));
  } finally {
    progress.stop();
  }
  const { files, notes } = await writeSweepReport(result, output, args);
  output.commit();
  const points = sweep.points.length;
  const strategies = new Set(result.runs.map((r) => r.run.summary.strategy)).size;
  print(
    `${scenario.name}: seed ${scenario.seed}, ${points} point${points === 1 ? '' : 's'} x ${scenario.replications} replication${scenario.replications === 1 ? '' : 's'} x ${strategies} strateg${strategies === 1 ? 'y' : 'ies'} = ${result.runs.length} runs\n`,
  );
  const stopped = stopNotes(result.runs.map((r) => r.run));
  if (stopped.length > 0) print(`\n${stopped.length} run${stopped.length === 1 ? '' : 's'} stopped sending early, e.g. ${stopped[0]}\n`);
  if (scenario.sla) print(`\n${formatPlan(result)}`);
  if (notes.length > 0) print(`\nFindings:\n${notes.map((note) => `- ${note}\n`).join('')}`);
  print(`\nwrote ${files.length} files to ${output.dir}${path.sep}\n`);
}

/** A sweep's report files and its findings.txt, however the sweep was run (here, on shards, on a pool). */
export async function writeSweepReport(result: SweepResult, output: Output, args: { svg: boolean; png: boolean; html: boolean }): Promise<{ files: string[]; notes: string[] }> {
  const notes = sweepFindings(result);
  const files = await writeReport(result, output, { svg: args.svg, png: args.png, html: args.html, findings: notes });
  output.write('findings.txt', notes.map((note) => `${note}\n`).join(''));
  return { files: [...files, 'findings.txt'], notes };
}
