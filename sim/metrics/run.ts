// Runs a scenario: one world per strategy, each on the same workload (common random numbers),
// each observed by its own collector, each checked by the ledger.
import { buildWorld } from '../model/build-world.js';
import type { Scenario, StrategySpec } from '../model/scenario.js';
import { Collector } from './collector.js';
import { initHistograms } from './histogram.js';
import { takeLedger } from './ledger.js';
import type { MessageSink, RunResult, ScenarioResult } from './results.js';

export interface RunOptions {
  /** Only these strategies (by name), in scenario order; all when absent. */
  strategies?: readonly string[];
  /** Receives every completed work message (--messages-csv). */
  messages?: MessageSink;
}

/** Runs one strategy of a scenario. Call initHistograms() once before. */
export function runStrategy(scenario: Scenario, strategy: StrategySpec, sink?: MessageSink): RunResult {
  const collector = new Collector(sink);
  const world = buildWorld(scenario, strategy, collector);
  world.run();
  return collector.finish(world, takeLedger(world));
}

export async function runScenario(scenario: Scenario, options: RunOptions = {}): Promise<ScenarioResult> {
  await initHistograms();
  const wanted = options.strategies;
  const strategies = wanted ? scenario.strategies.filter((s) => wanted.includes(s.name)) : scenario.strategies;
  const runs = strategies.map((s) => runStrategy(scenario, s, options.messages));
  return { scenario, runs };
}
