// A small hand-written ScenarioResult: two strategies, a few rows each, with the awkward values the
// reports must handle (NaN, binary-noise decimals, a name that needs CSV quoting, leftovers).
import type { RunResult, ScenarioResult, SummaryRow } from '../../sim/metrics/results.js';
import type { Scenario } from '../../sim/model/scenario.js';

export const scenario: Scenario = {
  name: 'fixture',
  file: '',
  seed: 42,
  stop: { messages: 1000 },
  warmup: { messages: 100 },
  drainMs: 3_600_000,
  sampleIntervalMs: 1000,
  transport: { operationMs: 1, networkMs: 0.5 },
  machines: [
    { name: 'm1', cores: 2 },
    { name: 'm2', cores: 2 },
  ],
  endpoints: [
    {
      name: 'Sales',
      handlers: [{ message: 'PlaceOrder', duration: { kind: 'exponential', mean: 200 } }],
      instances: [
        { name: 'm1', machine: 'm1', threads: 1 },
        { name: 'm2', machine: 'm2', threads: 1 },
      ],
    },
  ],
  senders: [{ name: 'web', machine: 'm1', sends: [{ message: 'PlaceOrder', to: 'Sales', arrivals: { kind: 'poisson', ratePerSecond: 8 } }] }],
  strategies: [
    { name: 'distributor', kind: 'distributor', machine: 'm1', concurrency: 1 },
    { name: 'round-robin', kind: 'round-robin', concurrency: 1 },
  ],
};

function summary(overrides: Partial<SummaryRow> & Pick<SummaryRow, 'strategy' | 'kind'>): SummaryRow {
  return {
    seed: 42,
    sent: 1000,
    completed: 1000,
    queued_at_end: 0,
    in_flight_at_end: 0,
    lost: 0,
    measured: 900,
    throughput_per_s: 7.987654321,
    latency_mean_ms: 204.60000000000002,
    latency_p50_ms: 150.25,
    latency_p95_ms: 610,
    latency_p99_ms: 1234.5678,
    latency_max_ms: 2000,
    wait_mean_ms: 4.6,
    wait_p50_ms: 0,
    wait_p95_ms: 20.5,
    wait_p99_ms: 55,
    service_mean_ms: 200,
    roundtrip_mean_ms: NaN,
    roundtrip_p99_ms: NaN,
    arrival_rate_per_s: 8,
    in_system_mean: 1.6368,
    littles_law_in_system: 1.6368,
    utilisation: 0.8,
    operations: 4000,
    end_time_s: 125.5,
    events: 12345,
    ...overrides,
  };
}

const distributor: RunResult = {
  summary: summary({ strategy: 'distributor', kind: 'distributor' }),
  instances: [
    { strategy: 'distributor', endpoint: 'Sales', instance: 'm1', machine: 'm1', threads: 1, processed: 501, share: 0.501, utilisation: 0.79, service_mean_ms: 199.5, queue_length_mean: 0.1, queue_length_max: 2, queued_at_end: 0 },
    { strategy: 'distributor', endpoint: 'Sales', instance: 'm2', machine: 'm2', threads: 1, processed: 499, share: 0.499, utilisation: 0.81, service_mean_ms: 200.5, queue_length_mean: 0.1, queue_length_max: 2, queued_at_end: 0 },
  ],
  timeseries: [
    { strategy: 'distributor', time_s: 1, sent: 8, completed: 6, throughput_per_s: 6, latency_mean_ms: 210.5, in_system: 2, queued: 0 },
    { strategy: 'distributor', time_s: 2, sent: 8, completed: 9, throughput_per_s: 9, latency_mean_ms: 0.1 + 0.2, in_system: 1, queued: 1 },
    { strategy: 'distributor', time_s: 3, sent: 0, completed: 0, throughput_per_s: 0, latency_mean_ms: NaN, in_system: 1, queued: 0 },
  ],
  queueLengths: [
    { strategy: 'distributor', time_s: 1, queue: 'Sales', machine: 'm1', length: 0 },
    { strategy: 'distributor', time_s: 2, queue: 'Sales', machine: 'm1', length: 1 },
    { strategy: 'distributor', time_s: 1, queue: 'Sales', machine: 'm2', length: 1 },
    { strategy: 'distributor', time_s: 2, queue: 'Sales', machine: 'm2', length: 0 },
  ],
  cdf: [
    { strategy: 'distributor', percentile: 0, latency_ms: 0 },
    { strategy: 'distributor', percentile: 50, latency_ms: 150.25 },
    { strategy: 'distributor', percentile: 99, latency_ms: 1234.5678 },
    { strategy: 'distributor', percentile: 100, latency_ms: 2000 },
  ],
  leftovers: [],
};

const roundRobin: RunResult = {
  summary: summary({
    strategy: 'round-robin',
    kind: 'round-robin',
    completed: 950,
    queued_at_end: 40,
    in_flight_at_end: 8,
    lost: 2,
    throughput_per_s: 12.5,
    latency_mean_ms: 1500.04,
    latency_p50_ms: 300,
    latency_p95_ms: 9000.55,
    latency_p99_ms: 20000,
    wait_mean_ms: NaN,
  }),
  instances: [
    { strategy: 'round-robin', endpoint: 'Sales', instance: 'm1', machine: 'm1', threads: 1, processed: 500, share: 0.5263157894736842, utilisation: 0.99, service_mean_ms: 200, queue_length_mean: 12.25, queue_length_max: 40, queued_at_end: 40 },
    { strategy: 'round-robin', endpoint: 'Sales', instance: 'm2', machine: 'm2', threads: 1, processed: 450, share: 0.47368421052631576, utilisation: 0.7, service_mean_ms: 201, queue_length_mean: 0.5, queue_length_max: 3, queued_at_end: 0 },
  ],
  timeseries: [
    { strategy: 'round-robin', time_s: 1, sent: 8, completed: 5, throughput_per_s: 5, latency_mean_ms: 250, in_system: 3, queued: 2 },
    { strategy: 'round-robin', time_s: 2, sent: 8, completed: 7, throughput_per_s: 7, latency_mean_ms: 1e-7, in_system: 4, queued: 3 },
  ],
  queueLengths: [
    { strategy: 'round-robin', time_s: 1, queue: 'Sales', machine: 'm1', length: 2 },
    { strategy: 'round-robin', time_s: 2, queue: 'Sales', machine: 'm1', length: 3 },
  ],
  cdf: [
    { strategy: 'round-robin', percentile: 50, latency_ms: 300 },
    { strategy: 'round-robin', percentile: 99, latency_ms: 20000 },
  ],
  leftovers: [
    { strategy: 'round-robin', queue: 'Sales', machine: 'm1', messages: 38 },
    { strategy: 'round-robin', queue: 'web, replies', machine: 'm1', messages: 2 },
  ],
};

export function fixtureResult(): ScenarioResult {
  return { scenario, runs: [distributor, roundRobin] };
}
