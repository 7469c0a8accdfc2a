// Runs a scenario: one world per variant and strategy, each on the same workload (common random
// numbers), each observed by its own collector, each checked by the ledger.
import { buildWorld } from '../model/build/build-world.js';
import { type CustomSelect, loadCustomStrategy } from '../model/strategies/custom-strategy.js';
import type { Scenario, StrategySpec, Variant } from '../model/scenario-types.js';
import type { TraceSink } from '../model/kernel/trace.js';
import { Collector } from './collector.js';
import { initHistograms } from './histogram.js';
import { takeLedger } from './ledger.js';
import type { MessageSink, RunResult, ScenarioResult } from './results.js';

export interface RunOptions {
  /** Only these strategies (by name), in scenario order; all when absent. */
  strategies?: readonly string[];
  /** The scenario's variants; the base scenario alone runs when absent or empty. */
  variants?: readonly Variant[];
  /** Receives every completed work message (--messages-csv). */
  messages?: MessageSink;
  /** Receives every step of every run (trace-level tests, the narrated trace). */
  trace?: TraceSink;
  /** Called after each strategy run with how many are done (progress on a terminal). */
  onRunDone?: (done: number) => void;
}

export interface StrategyRunOptions {
  variant?: string;
  messages?: MessageSink;
  custom?: CustomSelect;
  trace?: TraceSink;
}

/** Runs one strategy of a scenario. Call initHistograms() once before. */
export function runStrategy(scenario: Scenario, strategy: StrategySpec, options: StrategyRunOptions = {}): RunResult {
  const collector = new Collector(options.variant ?? '', scenario.endpoints.length, options.messages);
  const world = buildWorld(scenario, strategy, collector, options.custom);
  world.trace = options.trace ?? null;
  world.run();
  return collector.finish(world, takeLedger(world));
}

export async function runScenario(scenario: Scenario, options: RunOptions = {}): Promise<ScenarioResult> {
  await initHistograms();
  const variants = options.variants && options.variants.length > 0 ? options.variants : [{ name: '', overrides: {}, scenario }];
  const runs: RunResult[] = [];
  for (const variant of variants) {
    const wanted = options.strategies;
    const strategies = variant.scenario.strategies.filter((s) => !wanted || wanted.includes(s.name));
    for (const strategy of strategies) {
      const custom = strategy.kind === 'custom' && strategy.modulePath ? await loadCustomStrategy(strategy.modulePath, `strategy ${strategy.name}`) : undefined;
      runs.push(runStrategy(variant.scenario, strategy, { variant: variant.name, messages: options.messages, custom, trace: options.trace }));
      options.onRunDone?.(runs.length);
      // Let the event loop breathe between runs: a Ctrl-C is then acted on before the next one
      // (setTimeout rather than setImmediate, which a browser page does not have).
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    }
  }
  return { scenario, variants: variants.map((v) => v.name).filter((n) => n !== ''), runs };
}
