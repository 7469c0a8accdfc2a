// Runs a tiny scenario given as YAML text and keeps every trace record, for the narration and
// diagram tests (the narrated trace reads all records, as `sim trace` does).
import { Collector } from '../../sim/metrics/collector.js';
import { initHistograms } from '../../sim/metrics/histogram.js';
import { runScenario } from '../../sim/metrics/run.js';
import { buildWorld } from '../../sim/model/build/build-world.js';
import type { TraceRecord } from '../../sim/model/kernel/trace.js';
import { formatProblem, loadScenarioText } from '../../sim/scenario/index.js';
import type { Scenario } from '../../sim/model/scenario-types.js';

function load(yaml: string): Scenario {
  const loaded = loadScenarioText(yaml, 'test/teaching/tiny.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return loaded.scenario;
}

/** Every record of the scenario's first strategy. */
export async function records(yaml: string): Promise<TraceRecord[]> {
  const scenario = load(yaml);
  const all: TraceRecord[] = [];
  await runScenario(scenario, { strategies: [scenario.strategies[0].name], trace: (r) => all.push(r) });
  return all;
}

/**
 * Every record of the first strategy, with the world's own events scheduled too: `at` runs before
 * the world runs (a crash and a restart have no scenario key of their own here).
 */
export async function recordsWith(yaml: string, at: (schedule: (time: number, kind: number, a: number) => void) => void): Promise<TraceRecord[]> {
  await initHistograms();
  const scenario = load(yaml);
  const world = buildWorld(scenario, scenario.strategies[0], new Collector('', scenario.endpoints.length));
  const all: TraceRecord[] = [];
  world.trace = (r) => all.push(r);
  at((time, kind, a) => world.sim.at(time, kind, a, 0));
  world.run();
  return all;
}

/** Machines client, server, w1, w2 with one core each; 1 ms operations and 0.5 ms network. */
export const MACHINES = `transport: { operation: 1ms, network: 0.5ms }
machines: { client: {}, server: {}, w1: {}, w2: {} }
`;
