// Collects a run's statistics as it happens (the world's observer) and turns them into flat result
// rows at the end. Streaming only: histograms and running sums, never an array of every latency.
//
// Windows: latency and wait cover the measured messages (sent after the warm-up); throughput is
// their completions over the span from the first to the last of them. Arrival rate, Little's law and
// utilisation cover the measurement window from the end of the warm-up to the moment senders stop
// (the steady state, before the drain tail).
import type { WorldObserver } from '../model/kernel/world.js';
import { QueueRole } from '../model/kernel/queue.js';
import { TimeAverage } from '../model/kernel/time-average.js';
import type { World } from '../model/kernel/world.js';
import { faultRows } from './fault-impact.js';
import { LatencyHistogram } from './histogram.js';
import { theoryOverlay } from './theory-overlay.js';
import type { Ledger } from './ledger.js';
import { messageRow } from './message-row.js';
import type { CdfPoint, MessageSink, QueueLengthRow, RunResult, TimeseriesRow, UtilisationRow } from './results.js';
import { endpointRows, type EndpointStats, instanceRows, machineRows, type Snapshot, takeSnapshot } from './run-rows.js';

const CDF_PERCENTILES = [
  0, 1, 2, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 92.5, 95, 97.5, 99, 99.5, 99.9, 100,
];

export class Collector implements WorldObserver {
  readonly latency = new LatencyHistogram();
  readonly wait = new LatencyHistogram();
  readonly roundtrip = new LatencyHistogram();
  private readonly endpoints: EndpointStats[] = [];
  private serviceSumMs = 0;
  private readonly inSystem = new TimeAverage();
  private measuredSent = 0;
  private firstMeasuredCompletion = NaN;
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
  private readonly utilisation: UtilisationRow[] = [];
  /** Per instance: its busy area at the start of the current bucket. */
  private busyAtBucketStart: number[] = [];

  constructor(
    private readonly variant: string,
    endpointCount: number,
    private readonly sink?: MessageSink,
  ) {
    // With one endpoint its statistics are the run's: share the histograms (half the recording cost).
    const single = endpointCount === 1;
    for (let e = 0; e < endpointCount; e++) {
      this.endpoints.push({
        latency: single ? this.latency : new LatencyHistogram(),
        wait: single ? this.wait : new LatencyHistogram(),
        completed: 0,
        failed: 0,
        serviceSumMs: 0,
        firstCompletion: NaN,
        lastCompletion: NaN,
      });
    }
  }

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
    const endpoint = this.endpoints[world.handlers[pool.handler[m]].endpoint];
    endpoint.completed++;
    if (pool.warmup[m] === 0) {
      // The handler's own processing time, every attempt included; the rest of the latency is waiting.
      const service = pool.workMs[m];
      this.latency.record(latency);
      this.wait.record(latency - service);
      this.serviceSumMs += service;
      if (Number.isNaN(this.firstMeasuredCompletion)) this.firstMeasuredCompletion = now;
      this.lastMeasuredCompletion = now;
      if (endpoint.latency !== this.latency) {
        endpoint.latency.record(latency);
        endpoint.wait.record(latency - service);
      }
      endpoint.serviceSumMs += service;
      if (Number.isNaN(endpoint.firstCompletion)) endpoint.firstCompletion = now;
      endpoint.lastCompletion = now;
    }
    if (this.sink) this.sink.write(messageRow(world, m, now, this.variant));
  }

  lost(world: World): void {
    this.inSystem.add(world.sim.now, -1);
  }

  failed(world: World, m: number): void {
    this.inSystem.add(world.sim.now, -1);
    this.endpoints[world.handlers[world.pool.handler[m]].endpoint].failed++;
  }

  replied(world: World, r: number): void {
    if (world.pool.warmup[r] === 0) this.roundtrip.record(world.sim.now - world.pool.sentAt[r]);
  }

  warmupEnded(world: World): void {
    this.atWarmup = takeSnapshot(world, this.inSystem.areaAt(world.sim.now));
  }

  sendingStopped(world: World): void {
    this.atStop = takeSnapshot(world, this.inSystem.areaAt(world.sim.now));
  }

  sample(world: World): void {
    const now = world.sim.now;
    const width = now - this.bucketStart;
    if (width <= 0) return;
    const strategy = world.strategy.name;
    const variant = this.variant;
    let queued = 0;
    for (const queue of world.queues) {
      if (queue.holdsWork) queued += queue.items.length;
      if (queue.role === QueueRole.Replies) continue; // a sender's own input: not the endpoint's picture
      const machine = queue.machine < 0 ? '(broker)' : world.machines[queue.machine].name;
      this.queueLengths.push({ strategy, variant, time_s: now / 1000, queue: queue.name, machine, length: queue.items.length });
    }
    for (const out of world.outgoing) {
      queued += out.work;
      const machine = world.machines[out.from].name;
      this.queueLengths.push({ strategy, variant, time_s: now / 1000, queue: out.name, machine, length: out.length.value });
    }
    world.instances.forEach((instance, i) => {
      const area = instance.busy.areaAt(now);
      const busy = area - (this.busyAtBucketStart[i] ?? 0);
      this.busyAtBucketStart[i] = area;
      const utilisation = busy / width / instance.threads;
      this.utilisation.push({ strategy, variant, time_s: now / 1000, instance: instance.name, machine: instance.machine.name, utilisation });
    });
    this.timeseries.push({
      strategy,
      variant,
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
    const strategy = world.strategy.name;
    const variant = this.variant;
    const now = takeSnapshot(world, this.inSystem.areaAt(world.sim.now));
    const from = this.atWarmup ?? now;
    const to = this.atStop ?? now;
    const window = to.time - from.time;
    const arrivalRate = window > 0 ? (this.measuredSent * 1000) / window : NaN;
    const span = this.lastMeasuredCompletion - this.firstMeasuredCompletion;
    const totalThreads = world.instances.reduce((n, i) => n + i.threads, 0);
    const busyArea = to.busy.reduce((a, x, i) => a + x - from.busy[i], 0);
    const summary = {
      strategy,
      variant,
      kind: world.strategy.kind,
      seed: world.scenario.seed,
      sent: ledger.sent,
      completed: ledger.completed,
      queued_at_end: ledger.queued,
      in_flight_at_end: ledger.inFlight,
      lost: ledger.lost,
      failed: ledger.failed,
      retries: world.retries,
      events_missed: world.eventsMissed,
      measured: this.latency.count,
      throughput_per_s: span > 0 ? ((this.latency.count - 1) * 1000) / span : NaN,
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
      in_system_mean: window > 0 ? (to.inSystem - from.inSystem) / window : NaN,
      littles_law_in_system: (arrivalRate * this.latency.meanMs) / 1000,
      utilisation: window > 0 ? busyArea / window / totalThreads : NaN,
      operations: world.machines.reduce((n, m) => n + m.operations, 0),
      end_time_s: world.sim.now / 1000,
      events: world.sim.processed,
      ...theoryOverlay(world.scenario, world.strategy, this.wait.meanMs),
    };
    const cdf: CdfPoint[] = CDF_PERCENTILES.map((p) => ({ strategy, variant, percentile: p, latency_ms: this.latency.percentileMs(p) }));
    const result: RunResult = {
      summary,
      endpoints: endpointRows(world, variant, this.endpoints),
      machines: machineRows(world, variant, from, to),
      faults: faultRows(world, variant, this.timeseries, this.queueLengths),
      instances: instanceRows(world, variant, from, to),
      timeseries: this.timeseries,
      queueLengths: this.queueLengths,
      utilisation: this.utilisation,
      cdf,
      leftovers: ledger.leftovers.map((row) => ({ ...row, variant })),
      ...(world.stopReason !== '' ? { stopReason: world.stopReason } : {}),
    };
    for (const h of new Set([this.latency, this.wait, this.roundtrip, ...this.endpoints.flatMap((e) => [e.latency, e.wait])])) h.destroy();
    return result;
  }
}
