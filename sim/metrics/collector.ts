// Collects a run's statistics as it happens (the world's observer) and turns them into flat result
// rows at the end. Streaming only: histograms and running sums, never an array of every latency.
//
// Windows: latency and wait cover the measured messages (sent after the warm-up). Rates, Little's
// law and utilisation cover the measurement window from the end of the warm-up to the moment senders
// stop (the steady state, before the drain tail).
import { WORK } from '../model/message-pool.js';
import type { WorldObserver } from '../model/observer.js';
import { QueueRole } from '../model/queue.js';
import { TimeAverage } from '../model/time-average.js';
import type { World } from '../model/world.js';
import { LatencyHistogram } from './histogram.js';
import type { Ledger } from './ledger.js';
import { messageRow } from './message-row.js';
import type { CdfPoint, InstanceRow, MessageSink, QueueLengthRow, RunResult, TimeseriesRow } from './results.js';

const CDF_PERCENTILES = [
  0, 1, 2, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 92.5, 95, 97.5, 99, 99.5, 99.9, 100,
];

/** Areas of time-weighted quantities at one instant, to average over a window later. */
interface Snapshot {
  time: number;
  inSystem: number;
  busy: number[];
  queues: number[];
}

export class Collector implements WorldObserver {
  readonly latency = new LatencyHistogram();
  readonly wait = new LatencyHistogram();
  readonly roundtrip = new LatencyHistogram();
  private serviceSumMs = 0;
  private readonly inSystem = new TimeAverage();
  private measuredSent = 0;
  private lastMeasuredCompletion = NaN;
  private atWarmup: Snapshot | undefined;
  private atStop: Snapshot | undefined;
  // The current time-series bucket.
  private bucketSent = 0;
  private bucketCompleted = 0;
  private bucketLatencySum = 0;
  private bucketStart = 0;
  private readonly timeseries: TimeseriesRow[] = [];
  private readonly queueLengths: QueueLengthRow[] = [];

  constructor(private readonly sink?: MessageSink) {}

  sent(world: World, m: number): void {
    this.inSystem.add(world.sim.now, 1);
    this.bucketSent++;
    if (world.pool.warmup[m] === 0) this.measuredSent++;
  }

  completed(world: World, m: number): void {
    const now = world.sim.now;
    const pool = world.pool;
    this.inSystem.add(now, -1);
    const latency = now - pool.sentAt[m];
    this.bucketCompleted++;
    this.bucketLatencySum += latency;
    if (pool.warmup[m] === 0) {
      const service = pool.serviceMs[m];
      this.latency.record(latency);
      this.wait.record(latency - service);
      this.serviceSumMs += service;
      this.lastMeasuredCompletion = now;
    }
    if (this.sink) this.sink.write(messageRow(world, m, now));
  }

  replied(world: World, r: number): void {
    if (world.pool.warmup[r] === 0) this.roundtrip.record(world.sim.now - world.pool.sentAt[r]);
  }

  warmupEnded(world: World): void {
    this.atWarmup = this.snapshot(world);
  }

  sendingStopped(world: World): void {
    this.atStop = this.snapshot(world);
  }

  sample(world: World): void {
    const now = world.sim.now;
    const width = now - this.bucketStart;
    if (width <= 0) return;
    let queued = 0;
    for (const queue of world.queues) {
      if (queue.holdsWork) queued += queue.items.length;
      if (queue.role === QueueRole.Replies) continue; // a sender's own input: not the endpoint's picture
      this.queueLengths.push({
        strategy: world.strategy.name,
        time_s: now / 1000,
        queue: queue.name,
        machine: queue.machine < 0 ? '(broker)' : world.machines[queue.machine].name,
        length: queue.items.length,
      });
    }
    this.timeseries.push({
      strategy: world.strategy.name,
      time_s: now / 1000,
      sent: this.bucketSent,
      completed: this.bucketCompleted,
      throughput_per_s: (this.bucketCompleted * 1000) / width,
      latency_mean_ms: this.bucketCompleted === 0 ? NaN : this.bucketLatencySum / this.bucketCompleted,
      in_system: this.inSystem.value,
      queued,
    });
    this.bucketSent = 0;
    this.bucketCompleted = 0;
    this.bucketLatencySum = 0;
    this.bucketStart = now;
  }

  /** The run's result rows. Frees the histograms. */
  finish(world: World, ledger: Ledger): RunResult {
    this.sample(world); // the last, partial bucket
    const name = world.strategy.name;
    const from = this.atWarmup ?? this.snapshot(world);
    const to = this.atStop ?? this.snapshot(world);
    const window = to.time - from.time;
    const perWindow = (area: number): number => (window > 0 ? area / window : NaN);
    const arrivalRate = window > 0 ? (this.measuredSent * 1000) / window : NaN;
    const throughputWindow = this.lastMeasuredCompletion - from.time;
    const totalThreads = world.instances.reduce((n, i) => n + i.threads, 0);
    const busyArea = to.busy.reduce((a, x, i) => a + x - from.busy[i], 0);
    const summary = {
      strategy: name,
      kind: world.strategy.kind,
      seed: world.scenario.seed,
      sent: ledger.sent,
      completed: ledger.completed,
      queued_at_end: ledger.queued,
      in_flight_at_end: ledger.inFlight,
      lost: ledger.lost,
      measured: this.latency.count,
      throughput_per_s: throughputWindow > 0 ? (this.latency.count * 1000) / throughputWindow : NaN,
      latency_mean_ms: this.latency.meanMs,
      latency_p50_ms: this.latency.percentileMs(50),
      latency_p95_ms: this.latency.percentileMs(95),
      latency_p99_ms: this.latency.percentileMs(99),
      latency_max_ms: this.latency.count === 0 ? NaN : this.latency.maxMs,
      wait_mean_ms: this.wait.meanMs,
      wait_p50_ms: this.wait.percentileMs(50),
      wait_p95_ms: this.wait.percentileMs(95),
      wait_p99_ms: this.wait.percentileMs(99),
      service_mean_ms: this.latency.count === 0 ? NaN : this.serviceSumMs / this.latency.count,
      roundtrip_mean_ms: this.roundtrip.meanMs,
      roundtrip_p99_ms: this.roundtrip.percentileMs(99),
      arrival_rate_per_s: arrivalRate,
      in_system_mean: perWindow(to.inSystem - from.inSystem),
      littles_law_in_system: (arrivalRate * this.latency.meanMs) / 1000,
      utilisation: perWindow(busyArea) / totalThreads,
      operations: world.machines.reduce((n, m) => n + m.operations, 0),
      end_time_s: world.sim.now / 1000,
      events: world.sim.processed,
    };
    const cdf: CdfPoint[] = CDF_PERCENTILES.map((p) => ({
      strategy: name,
      percentile: p,
      latency_ms: this.latency.percentileMs(p),
    }));
    const result: RunResult = {
      summary,
      instances: this.instanceRows(world, from, to),
      timeseries: this.timeseries,
      queueLengths: this.queueLengths,
      cdf,
      leftovers: ledger.leftovers,
    };
    this.latency.destroy();
    this.wait.destroy();
    this.roundtrip.destroy();
    return result;
  }

  private instanceRows(world: World, from: Snapshot, to: Snapshot): InstanceRow[] {
    const window = to.time - from.time;
    const processedBy = new Map<number, number>();
    for (const instance of world.instances) {
      processedBy.set(instance.endpoint, (processedBy.get(instance.endpoint) ?? 0) + instance.processed);
    }
    return world.instances.map((instance, i) => {
      const total = processedBy.get(instance.endpoint) ?? 0;
      const input = instance.input;
      let leftover = 0;
      for (let k = 0; k < input.items.length; k++) if (world.pool.kind[input.items.at(k)] === WORK) leftover++;
      return {
        strategy: world.strategy.name,
        endpoint: world.endpointNames[instance.endpoint],
        instance: instance.name,
        machine: instance.machine.name,
        threads: instance.threads,
        processed: instance.processed,
        share: total > 0 ? instance.processed / total : NaN,
        utilisation: window > 0 ? (to.busy[i] - from.busy[i]) / window / instance.threads : NaN,
        service_mean_ms: instance.processed > 0 ? instance.serviceSumMs / instance.processed : NaN,
        queue_length_mean: window > 0 ? (to.queues[input.index] - from.queues[input.index]) / window : NaN,
        queue_length_max: input.length.max,
        queued_at_end: leftover,
      };
    });
  }

  private snapshot(world: World): Snapshot {
    const now = world.sim.now;
    return {
      time: now,
      inSystem: this.inSystem.areaAt(now),
      busy: world.instances.map((i) => i.busy.areaAt(now)),
      queues: world.queues.map((q) => q.length.areaAt(now)),
    };
  }
}
