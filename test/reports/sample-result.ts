// A larger, plausible-looking ScenarioResult (four strategies, four workers, 120 one-second buckets)
// for rendering tests and for looking at the charts: round-robin and random keep feeding worker w4
// after it slows down at 60 s, the distributor and the shared queue route around it.
import type { CdfPoint, InstanceRow, MachineRow, QueueLengthRow, RunResult, ScenarioResult, TimeseriesRow } from '../../sim/metrics/results.js';
import type { Scenario, StrategyKind } from '../../sim/model/scenario-types.js';
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
      variant: '',
      time_s: b,
      sent,
      completed,
      throughput_per_s: completed,
      latency_mean_ms: 200 + random() * 60 + (slow ? backlog * 40 : 0) + (strategy === 'distributor' ? 25 : 0),
      in_system: 2 + backlog,
      queued: Math.floor(random() * 3) + backlog,
    });
    for (const worker of WORKERS) {
      queueLengths.push({ strategy, variant: '', time_s: b, queue: 'Sales', machine: worker, length: worker === 'w4' ? backlog : Math.floor(random() * 2) });
    }
    if (strategy === 'distributor') {
      queueLengths.push({ strategy, variant: '', time_s: b, queue: 'Sales.distributor', machine: 'dist', length: Math.floor(random() * 4) });
    }
  }
  const instances: InstanceRow[] = WORKERS.map((worker, i) => ({
    strategy,
    variant: '',
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
    cdf.push({ strategy, variant: '', percentile: p, latency_ms: 20 + 200 * scale * -Math.log(1 - q) * (piles && p > 70 ? 3 : 1) });
  }
  return {
    summary: {
      strategy,
      variant: '',
      kind: strategy,
      seed: 42,
      sent: 960,
      completed: 960 - backlog,
      queued_at_end: backlog,
      in_flight_at_end: 0,
      lost: 0,
      failed: 0,
      retries: 0,
      events_missed: 0,
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
      // The workers have two threads each: only the shared queue and the distributor fit a closed form (M/M/8).
      theory_model: piles ? '' : 'M/M/8',
      theory_wait_mean_ms: piles ? NaN : 0.0856,
      theory_utilisation: 0.2,
      theory_flag: piles ? '' : 'disagrees',
    },
    endpoints: [
      {
        strategy,
        variant: '',
        endpoint: 'Sales',
        completed: 900 - backlog,
        failed: 0,
        throughput_per_s: 7.9,
        latency_mean_ms: 220 * scale,
        latency_p99_ms: 950 * scale * (piles ? 3 : 1),
        wait_mean_ms: 20 * scale,
        wait_p99_ms: 400 * scale,
        service_mean_ms: 200,
      },
    ],
    machines: sampleMachines(strategy, '', 8),
    faults: [],
    utilisation: [],
    instances,
    timeseries,
    queueLengths,
    cdf,
    leftovers: backlog > 0 ? [{ strategy, variant: '', queue: 'Sales', machine: 'w4', messages: backlog }] : [],
  };
}

const KINDS: StrategyKind[] = ['distributor', 'round-robin', 'random', 'shared-queue'];

function sampleScenario(name: string): Scenario {
  return {
    ...fixtureScenario,
    name,
    machines: [{ name: 'client', cores: 1 }, { name: 'dist', cores: 2 }, ...WORKERS.map((name) => ({ name, cores: 2 }))],
    strategies: KINDS.map((kind) => ({ ...fixtureScenario.strategies[0], name: kind, kind, machine: kind === 'distributor' ? 'dist' : undefined })),
  };
}

/**
 * The queue managers of the sample's machines at `rate` messages/s and 1 ms per MSMQ operation: the
 * client sends each message (1 operation); the distributor's machine does 7 per message; each worker
 * accepts and receives its quarter (2), plus a ready message under the distributor (3).
 */
function sampleMachines(strategy: StrategyKind, variant: string, rate: number): MachineRow[] {
  const distributor = strategy === 'distributor';
  const machine = (name: string, cores: number, operationsPerSecond: number, outgoing: number): MachineRow => ({
    strategy,
    variant,
    machine: name,
    cores,
    operations: Math.round(operationsPerSecond * 120),
    queue_manager_utilisation: Math.min(1, operationsPerSecond / 1000),
    cpu_utilisation: 0,
    outgoing_max: outgoing,
  });
  return [
    machine('client', 1, rate, 2),
    machine('dist', 2, distributor ? 7 * rate : 0, distributor ? 3 : 0),
    ...WORKERS.map((worker) => machine(worker, 2, ((distributor ? 3 : 2) * rate) / WORKERS.length, 1)),
  ];
}

export function sampleResult(): ScenarioResult {
  return { scenario: sampleScenario('scale-out-sample'), variants: [], runs: KINDS.map(run) };
}

/** A variant of the variant sample: its handler mean, the send rate, and each strategy's latency. */
interface SampleVariant {
  name: string;
  handlerMs: number;
  rate: number;
  /** [mean, p99] latency (ms) per strategy kind. */
  latency: Record<string, [number, number]>;
}

/**
 * Handler durations from 1 ms to 1 s. At 120 messages/s the distributor's machine does 840 MSMQ
 * operations a second (84% busy), which dominates a 1 ms handler's latency and still shows at 10 ms;
 * at 100 ms and 1 s (slower rates) it is as good as the shared queue, while round-robin and random
 * suffer from their imbalance.
 */
const SAMPLE_VARIANTS: SampleVariant[] = [
  { name: '1ms', handlerMs: 1, rate: 120, latency: { distributor: [14, 45], 'round-robin': [3.6, 6], random: [4.1, 9], 'shared-queue': [3.2, 4] } },
  { name: '10ms', handlerMs: 10, rate: 120, latency: { distributor: [24, 62], 'round-robin': [15.5, 40], random: [17, 55], 'shared-queue': [13, 28] } },
  { name: '100ms', handlerMs: 100, rate: 48, latency: { distributor: [128, 420], 'round-robin': [170, 700], random: [230, 1100], 'shared-queue': [120, 390] } },
  { name: '1s', handlerMs: 1000, rate: 4.8, latency: { distributor: [1210, 3950], 'round-robin': [1800, 7000], random: [2500, 11000], 'shared-queue': [1190, 3900] } },
];

const VARIANT_BUCKETS = 50;
const VARIANT_MESSAGES = 20_000;

function variantSampleRun(variant: SampleVariant, strategy: StrategyKind, index: number): RunResult {
  const random = noise(100 + index);
  const [mean, p99] = variant.latency[strategy];
  const duration = VARIANT_MESSAGES / variant.rate;
  const bucket = duration / VARIANT_BUCKETS;
  // Mean messages waiting: Little's law on the waiting part of the latency.
  const waiting = (variant.rate * Math.max(0, mean - variant.handlerMs)) / 1000;
  const timeseries: TimeseriesRow[] = [];
  const queueLengths: QueueLengthRow[] = [];
  for (let b = 1; b <= VARIANT_BUCKETS; b++) {
    const time_s = Number((b * bucket).toFixed(3));
    const completed = Math.round(variant.rate * bucket * (0.9 + 0.2 * random()));
    const queued = Math.round(waiting * (0.5 + random()));
    timeseries.push({
      strategy,
      variant: variant.name,
      time_s,
      sent: completed,
      completed,
      throughput_per_s: completed / bucket,
      latency_mean_ms: mean * (0.85 + 0.3 * random()),
      in_system: queued + Math.round((variant.rate * variant.handlerMs) / 1000),
      queued,
    });
    // Under the distributor the waiting happens in its data queue; otherwise in the workers' queues,
    // unevenly under random.
    const weights = strategy === 'random' ? [0.4, 0.3, 0.2, 0.1] : [0.25, 0.25, 0.25, 0.25];
    WORKERS.forEach((worker, w) => {
      const length = strategy === 'distributor' ? Math.round(random()) : Math.round(queued * weights[w] * (0.5 + random()));
      queueLengths.push({ strategy, variant: variant.name, time_s, queue: 'Sales', machine: worker, length });
    });
    if (strategy === 'distributor') {
      queueLengths.push({ strategy, variant: variant.name, time_s, queue: 'Sales.distributor', machine: 'dist', length: queued });
    }
  }
  const shares = strategy === 'random' ? [0.27, 0.25, 0.26, 0.22] : [0.25, 0.25, 0.25, 0.25];
  const instances: InstanceRow[] = WORKERS.map((worker, i) => ({
    strategy,
    variant: variant.name,
    endpoint: 'Sales',
    instance: worker,
    machine: worker,
    threads: 2,
    processed: Math.round(VARIANT_MESSAGES * shares[i]),
    share: shares[i],
    utilisation: (variant.rate * shares[i] * variant.handlerMs) / 1000 / 2,
    service_mean_ms: variant.handlerMs,
    queue_length_mean: waiting / 4,
    queue_length_max: Math.ceil(waiting * 3),
    queued_at_end: 0,
  }));
  // latency(q) = a + b * -ln(1 - q): exponential-tailed, with the given mean and p99.
  const b = (p99 - mean) / (Math.log(100) - 1);
  const a = Math.max(variant.handlerMs * 0.05, mean - b);
  const cdf: CdfPoint[] = [];
  for (let p = 0; p <= 100; p += 2) {
    const q = Math.min(p, 99.9) / 100;
    cdf.push({ strategy, variant: variant.name, percentile: p, latency_ms: a + b * -Math.log(1 - q) });
  }
  const measured = VARIANT_MESSAGES - 1000;
  return {
    summary: {
      strategy,
      variant: variant.name,
      kind: strategy,
      seed: 42,
      sent: VARIANT_MESSAGES,
      completed: VARIANT_MESSAGES,
      queued_at_end: 0,
      in_flight_at_end: 0,
      lost: 0,
      failed: 0,
      retries: 0,
      events_missed: 0,
      measured,
      throughput_per_s: variant.rate,
      latency_mean_ms: mean,
      latency_p50_ms: a + b * Math.log(2),
      latency_p95_ms: a + b * Math.log(20),
      latency_p99_ms: p99,
      latency_max_ms: p99 * 1.6,
      wait_mean_ms: mean - variant.handlerMs,
      wait_p50_ms: 0,
      wait_p95_ms: (p99 - variant.handlerMs) * 0.6,
      wait_p99_ms: p99 - variant.handlerMs,
      service_mean_ms: variant.handlerMs,
      roundtrip_mean_ms: NaN,
      roundtrip_p99_ms: NaN,
      arrival_rate_per_s: variant.rate,
      in_system_mean: (variant.rate * mean) / 1000,
      littles_law_in_system: (variant.rate * mean) / 1000,
      utilisation: (variant.rate * variant.handlerMs) / 1000 / 8,
      operations: VARIANT_MESSAGES * (strategy === 'distributor' ? 14 : 6),
      end_time_s: duration,
      events: VARIANT_MESSAGES * 12,
      theory_model: '',
      theory_wait_mean_ms: NaN,
      theory_utilisation: (variant.rate * variant.handlerMs) / 1000 / 8,
      theory_flag: '',
    },
    endpoints: [
      {
        strategy,
        variant: variant.name,
        endpoint: 'Sales',
        completed: measured,
        failed: 0,
        throughput_per_s: variant.rate,
        latency_mean_ms: mean,
        latency_p99_ms: p99,
        wait_mean_ms: mean - variant.handlerMs,
        wait_p99_ms: p99 - variant.handlerMs,
        service_mean_ms: variant.handlerMs,
      },
    ],
    machines: sampleMachines(strategy, variant.name, variant.rate),
    faults: [],
    utilisation: [],
    instances,
    timeseries,
    queueLengths,
    cdf,
    leftovers: [],
  };
}

/**
 * The sample with four variants of the handler duration (1 ms, 10 ms, 100 ms, 1 s): the question
 * "from which handler duration on does the distributor's overhead stop mattering?". Variant names
 * sort differently alphabetically (100ms, 10ms, 1ms, 1s), which the charts must not do.
 */
export function variantSampleResult(): ScenarioResult {
  return {
    scenario: sampleScenario('handler-durations'),
    variants: SAMPLE_VARIANTS.map((variant) => variant.name),
    runs: SAMPLE_VARIANTS.flatMap((variant, v) => KINDS.map((kind, k) => variantSampleRun(variant, kind, v * KINDS.length + k))),
  };
}
