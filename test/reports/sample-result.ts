// A larger, plausible-looking ScenarioResult (four strategies, four workers, 120 one-second buckets)
// for rendering tests and for looking at the charts: round-robin and random keep feeding worker w4
// after it slows down at 60 s, the distributor and the shared queue route around it.
import type { CdfPoint, InstanceRow, QueueLengthRow, RunResult, ScenarioResult, TimeseriesRow } from '../../sim/metrics/results.js';
import type { Scenario, StrategyKind } from '../../sim/model/scenario.js';
import { scenario as fixtureScenario } from './fixture.js';

const WORKERS = ['w1', 'w2', 'w3', 'w4'];
const BUCKETS = 120;

/** A fixed pseudo-random sequence (an LCG), so the sample is the same on every run. */
function noise(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function run(strategy: StrategyKind, index: number): RunResult {
  const random = noise(index + 1);
  const piles = strategy === 'round-robin' || strategy === 'random';
  const timeseries: TimeseriesRow[] = [];
  const queueLengths: QueueLengthRow[] = [];
  let backlog = 0;
  for (let b = 1; b <= BUCKETS; b++) {
    const sent = 7 + Math.floor(random() * 3);
    const slow = piles && b > 60;
    if (slow) backlog += 1 + Math.floor(random() * 2);
    const completed = sent - (slow ? 2 : 0) + (random() < 0.5 ? 0 : 1);
    timeseries.push({
      strategy,
      time_s: b,
      sent,
      completed,
      throughput_per_s: completed,
      latency_mean_ms: 200 + random() * 60 + (slow ? backlog * 40 : 0) + (strategy === 'distributor' ? 25 : 0),
      in_system: 2 + backlog,
      queued: Math.floor(random() * 3) + backlog,
    });
    for (const worker of WORKERS) {
      queueLengths.push({ strategy, time_s: b, queue: 'Sales', machine: worker, length: worker === 'w4' ? backlog : Math.floor(random() * 2) });
    }
    if (strategy === 'distributor') {
      queueLengths.push({ strategy, time_s: b, queue: 'Sales.distributor', machine: 'dist', length: Math.floor(random() * 4) });
    }
  }
  const instances: InstanceRow[] = WORKERS.map((worker, i) => ({
    strategy,
    endpoint: 'Sales',
    instance: worker,
    machine: worker,
    threads: 2,
    processed: piles ? (i === 3 ? 150 : 260 + i) : 240 + i * 3,
    share: 0.25,
    utilisation: piles && i === 3 ? 1 : 0.5 + i * 0.05,
    service_mean_ms: 200,
    queue_length_mean: i === 3 ? backlog / 2 : 0.2,
    queue_length_max: i === 3 ? backlog : 2,
    queued_at_end: i === 3 ? backlog : 0,
  }));
  const cdf: CdfPoint[] = [];
  const scale = piles ? 1.8 : strategy === 'distributor' ? 1.15 : 1;
  for (let p = 0; p <= 100; p += 2) {
    const q = Math.min(p, 99.9) / 100;
    cdf.push({ strategy, percentile: p, latency_ms: 20 + 200 * scale * -Math.log(1 - q) * (piles && p > 70 ? 3 : 1) });
  }
  return {
    summary: {
      strategy,
      kind: strategy,
      seed: 42,
      sent: 960,
      completed: 960 - backlog,
      queued_at_end: backlog,
      in_flight_at_end: 0,
      lost: 0,
      measured: 900,
      throughput_per_s: 7.9,
      latency_mean_ms: 220 * scale,
      latency_p50_ms: 160 * scale,
      latency_p95_ms: 620 * scale * (piles ? 2 : 1),
      latency_p99_ms: 950 * scale * (piles ? 3 : 1),
      latency_max_ms: 2400 * scale,
      wait_mean_ms: 20 * scale,
      wait_p50_ms: 0,
      wait_p95_ms: 90 * scale,
      wait_p99_ms: 400 * scale,
      service_mean_ms: 200,
      roundtrip_mean_ms: NaN,
      roundtrip_p99_ms: NaN,
      arrival_rate_per_s: 8,
      in_system_mean: 1.7,
      littles_law_in_system: 1.76,
      utilisation: 0.6,
      operations: 4000,
      end_time_s: 130,
      events: 20000,
    },
    instances,
    timeseries,
    queueLengths,
    cdf,
    leftovers: backlog > 0 ? [{ strategy, queue: 'Sales', machine: 'w4', messages: backlog }] : [],
  };
}

export function sampleResult(): ScenarioResult {
  const kinds: StrategyKind[] = ['distributor', 'round-robin', 'random', 'shared-queue'];
  const scenario: Scenario = {
    ...fixtureScenario,
    name: 'scale-out-sample',
    strategies: kinds.map((kind) => ({ name: kind, kind, concurrency: 1 })),
  };
  return { scenario, runs: kinds.map(run) };
}
