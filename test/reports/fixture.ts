// A small hand-written ScenarioResult: two strategies, a few rows each, with the awkward values the
// reports must handle (NaN, binary-noise decimals, a name that needs CSV quoting, leftovers). And the
// same scenario with two variants (variantFixtureResult), for the variant columns, table and charts.
import type { MachineRow, RunResult, ScenarioResult, SummaryRow } from '../../sim/metrics/results.js';
import type { Scenario } from '../../sim/model/scenario-types.js';

const DISTRIBUTOR_DEFAULTS = { concurrency: 1, noWorkerTimeoutMs: 10_000, sessionIds: true, cpuMs: 0, perMessageType: false };

export const scenario: Scenario = {
  name: 'fixture',
  file: '',
  seed: 42,
  stop: { messages: 1000 },
  warmup: { messages: 100 },
  drainMs: 3_600_000,
  sampleIntervalMs: 1000,
  transport: { operationMs: 1, networkMs: 0.5, commitMs: 0 },
  machines: [
    { name: 'm1', cores: 2 },
    { name: 'm2', cores: 2 },
  ],
  endpoints: [
    {
      name: 'Sales',
      handlers: [{ message: 'PlaceOrder', duration: { kind: 'exponential', mean: 200 }, cpuBound: false, failureProbability: 0 }],
      instances: [
        { name: 'm1', machine: 'm1', threads: 1, capacity: 1, speed: 1, addedAtMs: 0 },
        { name: 'm2', machine: 'm2', threads: 1, capacity: 1, speed: 1, addedAtMs: 0 },
      ],
      retries: { immediate: 5, delayedMs: [10_000, 20_000, 30_000] },
      subscriptions: 'shared',
    },
  ],
  senders: [
    {
      name: 'web',
      machine: 'm1',
      sends: [{ message: 'PlaceOrder', to: 'Sales', publish: false, arrivals: { kind: 'poisson', ratePerSecond: 8 } }],
      refreshMs: 30_000,
    },
  ],
  strategies: [
    { name: 'distributor', kind: 'distributor', machine: 'm1', ...DISTRIBUTOR_DEFAULTS },
    { name: 'round-robin', kind: 'round-robin' },
  ],
  faults: [],
  replications: 1,
};

function summary(overrides: Partial<SummaryRow> & Pick<SummaryRow, 'strategy' | 'kind'>): SummaryRow {
  return {
    variant: '',
    seed: 42,
    sent: 1000,
    completed: 1000,
    queued_at_end: 0,
    in_flight_at_end: 0,
    lost: 0,
    failed: 0,
    retries: 0,
    events_missed: 0,
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
    theory_model: '',
    theory_wait_mean_ms: NaN,
    theory_utilisation: 0.8,
    theory_flag: '',
    ...overrides,
  };
}

const distributor: RunResult = {
  summary: summary({ strategy: 'distributor', kind: 'distributor', theory_model: 'M/M/2', theory_wait_mean_ms: 355.55555555555554, theory_flag: 'disagrees' }),
  endpoints: [
    { strategy: 'distributor', variant: '', endpoint: 'Sales', completed: 900, failed: 0, throughput_per_s: 7.987654321, latency_mean_ms: 204.60000000000002, latency_p99_ms: 1234.5678, wait_mean_ms: 4.6, wait_p99_ms: 55, service_mean_ms: 200 },
  ],
  machines: [
    { strategy: 'distributor', variant: '', machine: 'm1', cores: 2, operations: 9000, queue_manager_utilisation: 0.5625, cpu_utilisation: 0, outgoing_max: 3 },
    { strategy: 'distributor', variant: '', machine: 'm2', cores: 2, operations: 1500, queue_manager_utilisation: 0.09375, cpu_utilisation: 0, outgoing_max: 1 },
  ],
  faults: [],
  utilisation: [],
  instances: [
    { strategy: 'distributor', variant: '', endpoint: 'Sales', instance: 'm1', machine: 'm1', threads: 1, processed: 501, share: 0.501, utilisation: 0.79, service_mean_ms: 199.5, queue_length_mean: 0.1, queue_length_max: 2, queued_at_end: 0 },
    { strategy: 'distributor', variant: '', endpoint: 'Sales', instance: 'm2', machine: 'm2', threads: 1, processed: 499, share: 0.499, utilisation: 0.81, service_mean_ms: 200.5, queue_length_mean: 0.1, queue_length_max: 2, queued_at_end: 0 },
  ],
  timeseries: [
    { strategy: 'distributor', variant: '', time_s: 1, sent: 8, completed: 6, throughput_per_s: 6, latency_mean_ms: 210.5, in_system: 2, queued: 0 },
    { strategy: 'distributor', variant: '', time_s: 2, sent: 8, completed: 9, throughput_per_s: 9, latency_mean_ms: 0.1 + 0.2, in_system: 1, queued: 1 },
    { strategy: 'distributor', variant: '', time_s: 3, sent: 0, completed: 0, throughput_per_s: 0, latency_mean_ms: NaN, in_system: 1, queued: 0 },
  ],
  queueLengths: [
    { strategy: 'distributor', variant: '', time_s: 1, queue: 'Sales', machine: 'm1', length: 0 },
    { strategy: 'distributor', variant: '', time_s: 2, queue: 'Sales', machine: 'm1', length: 1 },
    { strategy: 'distributor', variant: '', time_s: 1, queue: 'Sales', machine: 'm2', length: 1 },
    { strategy: 'distributor', variant: '', time_s: 2, queue: 'Sales', machine: 'm2', length: 0 },
  ],
  cdf: [
    { strategy: 'distributor', variant: '', percentile: 0, latency_ms: 0 },
    { strategy: 'distributor', variant: '', percentile: 50, latency_ms: 150.25 },
    { strategy: 'distributor', variant: '', percentile: 99, latency_ms: 1234.5678 },
    { strategy: 'distributor', variant: '', percentile: 100, latency_ms: 2000 },
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
  endpoints: [
    { strategy: 'round-robin', variant: '', endpoint: 'Sales', completed: 850, failed: 0, throughput_per_s: 12.5, latency_mean_ms: 1500.04, latency_p99_ms: 20000, wait_mean_ms: NaN, wait_p99_ms: 55, service_mean_ms: 1 / 3 },
  ],
  machines: [
    { strategy: 'round-robin', variant: '', machine: 'm1', cores: 2, operations: 4950, queue_manager_utilisation: 0.3, cpu_utilisation: 0, outgoing_max: 0 },
    { strategy: 'round-robin', variant: '', machine: 'm2', cores: 2, operations: 900, queue_manager_utilisation: 0.0546875, cpu_utilisation: 0.1 + 0.2, outgoing_max: 12 },
  ],
  faults: [],
  utilisation: [],
  instances: [
    { strategy: 'round-robin', variant: '', endpoint: 'Sales', instance: 'm1', machine: 'm1', threads: 1, processed: 500, share: 0.5263157894736842, utilisation: 0.99, service_mean_ms: 200, queue_length_mean: 12.25, queue_length_max: 40, queued_at_end: 40 },
    { strategy: 'round-robin', variant: '', endpoint: 'Sales', instance: 'm2', machine: 'm2', threads: 1, processed: 450, share: 0.47368421052631576, utilisation: 0.7, service_mean_ms: 201, queue_length_mean: 0.5, queue_length_max: 3, queued_at_end: 0 },
  ],
  timeseries: [
    { strategy: 'round-robin', variant: '', time_s: 1, sent: 8, completed: 5, throughput_per_s: 5, latency_mean_ms: 250, in_system: 3, queued: 2 },
    { strategy: 'round-robin', variant: '', time_s: 2, sent: 8, completed: 7, throughput_per_s: 7, latency_mean_ms: 1e-7, in_system: 4, queued: 3 },
  ],
  queueLengths: [
    { strategy: 'round-robin', variant: '', time_s: 1, queue: 'Sales', machine: 'm1', length: 2 },
    { strategy: 'round-robin', variant: '', time_s: 2, queue: 'Sales', machine: 'm1', length: 3 },
  ],
  cdf: [
    { strategy: 'round-robin', variant: '', percentile: 50, latency_ms: 300 },
    { strategy: 'round-robin', variant: '', percentile: 99, latency_ms: 20000 },
  ],
  leftovers: [
    { strategy: 'round-robin', variant: '', queue: 'Sales', machine: 'm1', messages: 38 },
    { strategy: 'round-robin', variant: '', queue: 'web, replies', machine: 'm1', messages: 2 },
  ],
};

/** A fresh copy every call: tests change fields of theirs. */
export function fixtureResult(): ScenarioResult {
  return structuredClone({ scenario, variants: [], runs: [distributor, roundRobin] });
}

/** What differs between the four runs of the variant fixture. */
interface VariantRunNumbers {
  /** latency mean, p50, p95, p99 (ms). */
  latency: [number, number, number, number];
  /** Queue manager utilisation of m1 (the distributor's machine) and m2. */
  queueManager: [number, number];
  processed: [number, number];
  failed?: number;
  retries?: number;
}

function variantRun(variant: string, strategy: 'distributor' | 'round-robin', n: VariantRunNumbers): RunResult {
  const [mean, p50, p95, p99] = n.latency;
  const failed = n.failed ?? 0;
  const service = variant === 'short' ? 1 : 1000;
  const machine = (name: string, cores: number, util: number, operations: number, outgoing: number): MachineRow => ({
    strategy,
    variant,
    machine: name,
    cores,
    operations,
    queue_manager_utilisation: util,
    cpu_utilisation: 0,
    outgoing_max: outgoing,
  });
  return {
    summary: summary({
      strategy,
      variant,
      kind: strategy,
      completed: 1000 - failed,
      failed,
      retries: n.retries ?? 0,
      latency_mean_ms: mean,
      latency_p50_ms: p50,
      latency_p95_ms: p95,
      latency_p99_ms: p99,
      latency_max_ms: p99 * 2,
      wait_mean_ms: mean - service,
      wait_p99_ms: p99 - service,
      service_mean_ms: service,
    }),
    endpoints: [
      { strategy, variant, endpoint: 'Sales', completed: 900 - failed, failed, throughput_per_s: 8, latency_mean_ms: mean, latency_p99_ms: p99, wait_mean_ms: mean - service, wait_p99_ms: p99 - service, service_mean_ms: service },
    ],
    machines: [machine('m1', 2, n.queueManager[0], 7000, 4), machine('m2', 2, n.queueManager[1], 1500, 0)],
    faults: [],
    utilisation: [],
    instances: (['m1', 'm2'] as const).map((name, i) => ({
      strategy,
      variant,
      endpoint: 'Sales',
      instance: name,
      machine: name,
      threads: 1,
      processed: n.processed[i],
      share: n.processed[i] / (n.processed[0] + n.processed[1]),
      utilisation: 0.5,
      service_mean_ms: service,
      queue_length_mean: 0.5,
      queue_length_max: 3,
      queued_at_end: 0,
    })),
    timeseries: [1, 2, 3].map((b) => ({
      strategy,
      variant,
      time_s: variant === 'short' ? b : b * 100,
      sent: 8,
      completed: 8,
      throughput_per_s: variant === 'short' ? 8 : 0.08,
      latency_mean_ms: mean + b,
      in_system: 1,
      queued: b - 1,
    })),
    queueLengths: ['m1', 'm2'].flatMap((m) =>
      [1, 2].map((b) => ({ strategy, variant, time_s: variant === 'short' ? b : b * 100, queue: 'Sales', machine: m, length: b })),
    ),
    cdf: [
      { strategy, variant, percentile: 50, latency_ms: p50 },
      { strategy, variant, percentile: 99, latency_ms: p99 },
    ],
    leftovers: [],
  };
}

/**
 * Two variants of the fixture, named so that scenario order ("short", "long") is not alphabetical:
 * 1 ms and 1 s handlers. Runs are variants outermost, as sim/metrics orders them. Under "short" the
 * distributor's machine m1 is busy forwarding and its latency is 5 times round-robin's; under "long" it
 * is the best, and round-robin sends 3 messages to the error queue.
 */
export function variantFixtureResult(): ScenarioResult {
  return structuredClone({
    scenario,
    variants: ['short', 'long'],
    runs: [
      variantRun('short', 'distributor', { latency: [12.5, 8, 30, 45.25], queueManager: [0.92, 0.2], processed: [500, 500] }),
      variantRun('short', 'round-robin', { latency: [2.5, 2, 6, 9.05], queueManager: [0.15, 0.14], processed: [500, 500] }),
      variantRun('long', 'distributor', { latency: [1210, 1100, 2900, 3950], queueManager: [0.034, 0.01], processed: [520, 480] }),
      variantRun('long', 'round-robin', {
        latency: [1800, 1400, 5200, 7000],
        queueManager: [0.012, 0.011],
        processed: [499, 498],
        failed: 3,
        retries: 18,
      }),
    ],
  });
}
