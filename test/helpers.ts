// Shared test helpers: load a bundled scenario (failing loudly on problems) and run it.
import { runScenario, type RunOptions } from '../sim/metrics/run.js';
import type { ScenarioResult, SummaryRow } from '../sim/metrics/results.js';
import type { Scenario } from '../sim/model/scenario-types.js';
import { formatProblem, loadScenarioFile } from '../sim/scenario/index.js';

export function loadBundled(file: string): Scenario {
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return loaded.scenario;
}

export async function run(scenario: Scenario, options?: RunOptions): Promise<ScenarioResult> {
  return runScenario(scenario, options);
}

export function summaryOf(result: ScenarioResult, strategy: string): SummaryRow {
  const run = result.runs.find((r) => r.summary.strategy === strategy);
  if (!run) throw new Error(`no run for strategy ${strategy}`);
  return run.summary;
}

export function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
