// One unit of sweep work: one strategy of one scenario with one seed. Plain data in and out, so it
// runs the same in the main thread or in a worker thread.
import { loadCustomStrategy } from '../model/strategies/custom-strategy.js';
import type { Scenario } from '../model/scenario-types.js';
import { createStream } from '../random/stream.js';
import { initHistograms } from './histogram.js';
import type { RunResult } from './results.js';
import { runStrategy } from './run.js';

export interface SweepTask {
  scenario: Scenario;
  strategy: string;
  seed: number;
  /** The variant's name when the task is one run of a scenario's variants (it labels the rows). */
  variant?: string;
}

export async function runTask(task: SweepTask): Promise<RunResult> {
  await initHistograms();
  const scenario = { ...task.scenario, seed: task.seed };
  const strategy = scenario.strategies.find((s) => s.name === task.strategy);
  if (!strategy) throw new Error(`internal: no strategy ${task.strategy}`);
  const custom = strategy.kind === 'custom' && strategy.modulePath ? await loadCustomStrategy(strategy.modulePath, `strategy ${strategy.name}`) : undefined;
  return runStrategy(scenario, strategy, { custom, variant: task.variant });
}

/**
 * The seed of replication r: the scenario's own seed for the first, then seeds drawn from a stream
 * named after the replication, so replications are independent and adding one changes no other.
 */
export function replicationSeed(seed: number, r: number): number {
  if (r === 0) return seed;
  return Math.floor(createStream(seed, `replication/${r}`).next() * 2 ** 31);
}
