// Larger, plausible-looking sweeps for rendering tests and for looking at the charts. Waits follow
// queueing theory (M/M/c for the distributor and the shared queue, E_k/M/1 for round-robin) with a
// fixed pseudo-random scatter per replication; overloaded points (utilisation >= 1) get runaway latency.
import type { RunResult, SummaryRow, SweepResult, SweepRun } from '../../sim/metrics/results.js';
import { ekm1MeanWait, mmcMeanWait } from '../../sim/theory/queueing.js';
import type { Scenario, StrategyKind } from '../../sim/model/scenario-types.js';
import { scenario as fixtureScenario } from './fixture.js';
import { sweepFrom } from './sweep-fixture.js';

const KINDS: StrategyKind[] = ['distributor', 'round-robin', 'shared-queue'];
const SERVICE_MS = 200;
export const RATE = 'senders.Sender.sends[0].arrivals.rate';
export const COUNT = 'endpoints.Sales.instances.count';

function noise(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function scenario(name: string): Scenario {
  return {
    ...fixtureScenario,
    name,
    replications: 3,
    sla: { metric: 'latency_p99', limitMs: 2000 },
    strategies: KINDS.map((kind) => ({ ...fixtureScenario.strategies[0], name: kind, kind, machine: kind === 'distributor' ? 'm1' : undefined })),
  };
}

function summary(kind: StrategyKind, workers: number, rate: number, seed: number, scatter: () => number): SummaryRow {
  const lambda = rate / 1000;
  const mu = 1 / SERVICE_MS;
  const load = (rate * SERVICE_MS) / 1000 / workers;
  const theory = load >= 1 ? Infinity : kind === 'round-robin' ? ekm1MeanWait(workers, lambda, mu) : mmcMeanWait(workers, lambda, mu);
  const jitter = 1 + (scatter() - 0.5) * 0.16;
  // Overloaded: the queue grows for the whole run; the distributor's ready messages add a little.
  const wait = (load >= 1 ? 60_000 * load : theory * (kind === 'distributor' ? (load > 0.75 ? 1.4 : 1.12) : 1)) * jitter;
  const mean = SERVICE_MS + wait + (kind === 'distributor' ? 14 : 3);
  // Round-robin's tail is longer: a message can wait behind a long one while another worker idles.
  const p99 = Math.max(4.6 * SERVICE_MS, mean * (3.2 + load) * (kind === 'round-robin' ? 1.4 : 1)) * jitter;
  const flagged = Number.isFinite(theory) && Math.abs(wait - theory) > 0.25 * theory && Math.abs(wait - theory) > 5;
  return {
    strategy: kind,
    variant: '',
    kind,
    seed,
    sent: 9600,
    completed: 9600,
    queued_at_end: 0,
    in_flight_at_end: 0,
    lost: 0,
    failed: 0,
    retries: 0,
    events_missed: 0,
    measured: 8640,
    throughput_per_s: Math.min(rate, workers / (SERVICE_MS / 1000)),
    latency_mean_ms: mean,
    latency_p50_ms: mean * 0.7,
    latency_p95_ms: p99 * 0.65,
    latency_p99_ms: p99,
    latency_max_ms: p99 * 1.8,
    wait_mean_ms: wait,
    wait_p50_ms: wait * 0.4,
    wait_p95_ms: wait * 3,
    wait_p99_ms: wait * 4.6,
    service_mean_ms: SERVICE_MS,
    roundtrip_mean_ms: mean + 2,
    roundtrip_p99_ms: p99 + 2,
    arrival_rate_per_s: rate,
    in_system_mean: (rate * mean) / 1000,
    littles_law_in_system: (rate * mean) / 1000,
    utilisation: Math.min(0.995, load * (1 + (scatter() - 0.5) * 0.03)),
    operations: 9600 * (kind === 'distributor' ? 14 : 6),
    end_time_s: 1200,
    events: 200_000,
    theory_model: kind === 'round-robin' ? `E${workers}/M/1` : `M/M/${workers}`,
    theory_wait_mean_ms: theory,
    theory_utilisation: load,
    theory_flag: load >= 1 || flagged ? 'disagrees' : '',
  };
}

function run(summaryRow: SummaryRow): RunResult {
  return { summary: summaryRow, endpoints: [], machines: [], faults: [], instances: [], timeseries: [], queueLengths: [], utilisation: [], cdf: [], leftovers: [] };
}

/** `parameters` over the grid of `values` (last varying fastest), 3 replications, 3 strategies. */
function sample(name: string, parameters: string[], grid: number[][]): SweepResult {
  const runs: SweepRun[] = [];
  const scatter = noise(7);
  grid.forEach((values, point) => {
    for (let replication = 0; replication < 3; replication++) {
      const seed = 1 + replication * 1000;
      const workers = values[parameters.indexOf(COUNT)];
      const rate = parameters.includes(RATE) ? values[parameters.indexOf(RATE)] : 8;
      for (const kind of KINDS) runs.push({ point, replication, seed, values, run: run(summary(kind, workers, rate, seed, scatter)) });
    }
  });
  return sweepFrom(scenario(name), parameters, runs);
}

/** The capacity-plan question: 2 to 6 workers at 8 orders per second. */
export function sweepSample(): SweepResult {
  return sample('capacity-plan', [COUNT], [2, 3, 4, 5, 6].map((w) => [w]));
}

/** Workers (2 to 6) x load (6 to 18 per second): the min-workers chart and facets. */
export function twoParameterSample(): SweepResult {
  const grid = [2, 3, 4, 5, 6].flatMap((w) => [6, 10, 14, 18].map((r) => [w, r]));
  return sample('capacity-by-load', [COUNT, RATE], grid);
}
