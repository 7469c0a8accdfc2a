// A small hand-written SweepResult: the fixture scenario swept over 2 and 3 Sales workers, 2 strategies,
// 3 replications each (12 runs). Aggregates and the plan come from sim/metrics' own estimate() and
// planRows(), so the fixture is what the sweep runner would produce from these runs.
//
// latency_p99_ms per replication, and what the SLA (latency_p99 <= 2000 ms) makes of it:
//   distributor  2 workers: 2100, 2300, 2500 -> mean 2300, CI +-496.87  (upper 2796.87: no)
//                3 workers: 1400, 1500, 1600 -> mean 1500, CI +-248.43  (upper 1748.43: yes, margin 251.57)
//   round-robin  2 workers: 3000, 3600, 4200 -> mean 3600, CI +-1490.6  (no)
//                3 workers: 1900, 2000, 2100 -> mean 2000, CI +-248.43  (upper 2248.43: no, the best)
import type { AggregateRow, RunResult, SummaryRow, SweepResult, SweepRun } from '../../sim/metrics/results.js';
import { estimate } from '../../sim/metrics/estimate.js';
import { planRows } from '../../sim/metrics/plan.js';
import type { Scenario } from '../../sim/model/scenario-types.js';
import { scenario as fixtureScenario } from './fixture.js';

export const COUNT = 'endpoints.Sales.instances.count';
export const SEEDS = [42, 1184602035, 207513562];
const WORKERS = [2, 3];
const STRATEGIES = ['distributor', 'round-robin'] as const;

export const sweepScenario: Scenario = { ...fixtureScenario, replications: 3, sla: { metric: 'latency_p99', limitMs: 2000 } };

const P99: Record<(typeof STRATEGIES)[number], number[][]> = {
  distributor: [
    [2100, 2300, 2500],
    [1400, 1500, 1600],
  ],
  'round-robin': [
    [3000, 3600, 4200],
    [1900, 2000, 2100],
  ],
};

function summary(strategy: (typeof STRATEGIES)[number], point: number, replication: number): SummaryRow {
  const workers = WORKERS[point];
  const p99 = P99[strategy][point][replication];
  const load = 1.6 / workers; // 8/s x 200 ms over one thread per worker
  return {
    strategy,
    variant: '',
    kind: strategy,
    seed: SEEDS[replication],
    sent: 1000,
    completed: 1000,
    queued_at_end: 0,
    in_flight_at_end: 0,
    lost: 0,
    failed: 0,
    retries: 0,
    events_missed: 0,
    measured: 900,
    throughput_per_s: 8 + replication * 0.01,
    latency_mean_ms: p99 / 4,
    latency_p50_ms: p99 / 6,
    latency_p95_ms: p99 / 2,
    latency_p99_ms: p99,
    latency_max_ms: p99 * 2,
    wait_mean_ms: p99 / 4 - 200,
    wait_p50_ms: 0,
    wait_p95_ms: p99 / 2 - 200,
    wait_p99_ms: p99 - 200,
    service_mean_ms: 200,
    roundtrip_mean_ms: NaN,
    roundtrip_p99_ms: NaN,
    arrival_rate_per_s: 8,
    in_system_mean: (8 * p99) / 4000,
    littles_law_in_system: (8 * p99) / 4000,
    utilisation: load - 0.01 * replication,
    operations: strategy === 'distributor' ? 14000 : 6000,
    end_time_s: 125,
    events: 10000 + 100 * point + replication,
    theory_model: strategy === 'distributor' ? `M/M/${workers}` : `E${workers}/M/1`,
    // M/M/2 and M/M/3 at 8/s with 200 ms handlers; E2/M/1 and E3/M/1 (round-robin) at the same load.
    theory_wait_mean_ms: strategy === 'distributor' ? [355.55555555555554, 37.45318352059925][point] : [390.3882032022076, 65.9469417316385][point],
    theory_utilisation: load,
    // One round-robin run at 2 workers strays from E2/M/1 by more than 25%.
    theory_flag: strategy === 'round-robin' && point === 0 && replication === 2 ? 'disagrees' : '',
  };
}

function run(summaryRow: SummaryRow): RunResult {
  return { summary: summaryRow, endpoints: [], machines: [], faults: [], instances: [], timeseries: [], queueLengths: [], utilisation: [], cdf: [], leftovers: [] };
}

/** The sweep runner's aggregation: every numeric summary column but the seed, over each point's replications. */
export function aggregate(runs: readonly SweepRun[]): AggregateRow[] {
  const groups = new Map<string, SweepRun[]>();
  for (const r of runs) {
    const key = `${r.point}|${r.run.summary.strategy}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0];
    const columns = (Object.keys(first.run.summary) as (keyof SummaryRow)[]).filter((k) => typeof first.run.summary[k] === 'number' && k !== 'seed');
    const metrics: AggregateRow['metrics'] = {};
    for (const column of columns) metrics[column] = estimate(group.map((g) => g.run.summary[column] as number));
    return { point: first.point, strategy: first.run.summary.strategy, values: first.values, replications: group.length, metrics };
  });
}

/** Completes a sweep from its runs: aggregates and (with an SLA) the plan. */
export function sweepFrom(scenario: Scenario, parameters: string[], runs: SweepRun[]): SweepResult {
  const aggregates = aggregate(runs);
  return { scenario, parameters, runs, aggregates, plan: scenario.sla ? planRows(parameters, aggregates, scenario.sla) : [] };
}

/** A fresh copy every call. Runs in the runner's order: point, replication, strategy. */
export function sweepFixture(): SweepResult {
  const runs: SweepRun[] = [];
  for (const [point, workers] of WORKERS.entries()) {
    for (const [replication, seed] of SEEDS.entries()) {
      for (const strategy of STRATEGIES) runs.push({ point, replication, seed, values: [workers], run: run(summary(strategy, point, replication)) });
    }
  }
  return structuredClone(sweepFrom(sweepScenario, [COUNT], runs));
}
