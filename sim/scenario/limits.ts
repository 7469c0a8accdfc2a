// The largest (and smallest) values a scenario may hold, and why. Values past them are valid YAML but
// would make a run exhaust memory or never finish; the loader rejects them with the field, the value,
// the limit and the reason. The schema carries the per-field ones (maximum, with the reason in
// $comment); the ones that need the built scenario (rates, text values, totals) are checked here.
import type { Scenario } from '../model/scenario-types.js';
import type { ArrivalSpec } from '../random/specs.js';
import { type BuildContext, problemAt } from './build-context.js';
import type { Segment } from './problem.js';

export interface Limit {
  readonly value: number;
  readonly why: string;
}

const PER_PROCESS = 'each one is simulated (a thread, a slot, a forward); more than this is far beyond any real MSMQ worker and only costs memory';

export const LIMITS = {
  threads: { value: 10_000, why: PER_PROCESS },
  capacity: { value: 1_000_000, why: 'a distributor holds one free-slot entry per slot announced' },
  concurrency: { value: 10_000, why: PER_PROCESS },
  ackEvery: { value: 1_000_000, why: 'acknowledging less often than this is the same as never within a run' },
  cores: { value: 10_000, why: 'each core is simulated; no machine has more' },
  immediateRetries: { value: 1_000, why: 'each attempt is simulated; more retries only keep a failing message busy' },
  replications: { value: 1_000, why: 'each replication is a full run; 1,000 already narrows a confidence interval 30-fold' },
  messages: { value: 100_000_000, why: 'a run takes time and memory in proportion to its messages; 100 million is hours of computing' },
  variants: { value: 100, why: 'each variant is a full run of every strategy, all kept for the report' },
  machines: { value: 10_000, why: 'each machine is simulated and reported (machines.csv, charts)' },
  instances: { value: 10_000, why: 'each instance is simulated and reported (instances.csv, heatmaps)' },
  totalThreads: { value: 1_000_000, why: 'every handler thread of every instance is simulated' },
  burstSize: { value: 1_000_000, why: 'a burst puts all its messages in memory at one instant' },
  erlangK: { value: 1_000, why: 'drawing one erlang(k, ...) duration takes k random numbers' },
  ratePerSecond: { value: 1_000_000, why: 'arrivals less than 1 microsecond apart are finer than the model (costs of about 1 ms) can tell apart' },
  minFaultMs: { value: 1, why: 'faults more often than every millisecond would make fault events the bulk of the run' },
  minIntervalMs: { value: 0.001, why: 'a run schedules one event per interval: shorter than 1 microsecond would never let simulated time advance' },
  buckets: { value: 1_000_000, why: 'the time series keeps one row per bucket and queue' },
  runs: { value: 100_000, why: 'every run (point x replication x strategy x variant) is kept for the report' },
} as const satisfies Record<string, Limit>;

/** The schema form of a maximum: the limit and its reason (shown by the loader when it is passed). */
export function maxOf(limit: Limit): { maximum: number; $comment: string } {
  return { maximum: limit.value, $comment: limit.why };
}

const show = (n: number): string => (Number.isInteger(n) && Math.abs(n) < 1e15 ? n.toLocaleString('en-US') : String(n));

export function tooBig(what: string, value: number, limit: Limit): string {
  return `${what} ${show(value)} is more than the limit of ${show(limit.value)}: ${limit.why}`;
}

function tooSmall(what: string, valueMs: number): string {
  return `${what} ${valueMs} ms is less than the limit of ${LIMITS.minIntervalMs.value} ms: ${LIMITS.minIntervalMs.why}`;
}

/** The highest rate an arrival process reaches (per second). */
function peakRate(arrivals: ArrivalSpec): number {
  switch (arrivals.kind) {
    case 'piecewise':
      return Math.max(arrivals.ratePerSecond, ...arrivals.steps.map((s) => s.ratePerSecond));
    case 'daily':
      return arrivals.peakRate;
    case 'bursts':
      return arrivals.baseRate;
    default:
      return arrivals.ratePerSecond;
  }
}

/** The checks that need the built scenario. Placeholders (NaN) of values already reported pass. */
export function checkLimits(ctx: BuildContext, scenario: Scenario): void {
  const at = (path: Segment[], message: string): void => problemAt(ctx, path, message);
  const interval = (path: Segment[], what: string, ms: number | undefined): void => {
    if (ms !== undefined && ms > 0 && ms < LIMITS.minIntervalMs.value) at(path, tooSmall(what, ms));
  };
  if (scenario.machines.length > LIMITS.machines.value) at(['machines'], tooBig('machines: there are', scenario.machines.length, LIMITS.machines));
  let instances = 0;
  let threads = 0;
  for (const endpoint of scenario.endpoints) {
    instances += endpoint.instances.length;
    for (const instance of endpoint.instances) threads += instance.threads;
    for (const handler of endpoint.handlers) {
      const d = handler.duration;
      if (d.kind === 'erlang' && d.k > LIMITS.erlangK.value) at(['endpoints', endpoint.name, 'handlers', handler.message, 'duration'], tooBig('erlang k', d.k, LIMITS.erlangK));
    }
    endpoint.retries.delayedMs.forEach((ms, j) => interval(['endpoints', endpoint.name, 'retries', 'delayed', j], 'a delayed-retry delay of', ms));
  }
  if (instances > LIMITS.instances.value) at(['endpoints'], tooBig('instances: there are', instances, LIMITS.instances));
  const each = scenario.endpoints.every((e) => e.instances.every((x) => x.threads <= LIMITS.threads.value));
  if (each && threads > LIMITS.totalThreads.value) at(['endpoints'], tooBig('handler threads in all:', threads, LIMITS.totalThreads));
  let rate = 0;
  let peak = 0;
  for (const sender of scenario.senders) {
    interval(['senders', sender.name, 'refresh'], 'refresh', sender.refreshMs);
    sender.sends.forEach((send, i) => {
      const path = ['senders', sender.name, 'sends', i, 'arrivals'];
      const a = send.arrivals;
      rate += a.ratePerSecond;
      peak += peakRate(a);
      if (a.kind === 'bursts') {
        if (a.size > LIMITS.burstSize.value) at(path, tooBig('bursts size', a.size, LIMITS.burstSize));
        interval(path, 'bursts every', a.everyMs);
      }
    });
  }
  if (peak > LIMITS.ratePerSecond.value) at(['senders'], tooBig('the arrival rate of all senders together (per second)', peak, LIMITS.ratePerSecond));
  const expected = scenario.stop.messages ?? (rate * (scenario.stop.durationMs ?? 0)) / 1000;
  if (scenario.stop.messages === undefined && expected > LIMITS.messages.value) {
    at(['stop', 'duration'], tooBig('the messages this stop time gives at the arrival rate:', Math.round(expected), LIMITS.messages));
  }
  interval(['drain'], 'drain', scenario.drainMs);
  interval(['timeseries', 'interval'], 'interval', scenario.sampleIntervalMs);
  const horizonMs = scenario.stop.durationMs ?? (rate > 0 ? (expected / rate) * 1000 : 0);
  if (scenario.sampleIntervalMs !== undefined && scenario.sampleIntervalMs >= LIMITS.minIntervalMs.value && horizonMs / scenario.sampleIntervalMs > LIMITS.buckets.value) {
    at(['timeseries', 'interval'], tooBig('time buckets (the sending time over the interval):', Math.round(horizonMs / scenario.sampleIntervalMs), LIMITS.buckets));
  }
  scenario.strategies.forEach((s) => interval(['strategies', s.name, 'noWorkerTimeout'], 'noWorkerTimeout', s.kind === 'distributor' ? s.noWorkerTimeoutMs : undefined));
  scenario.faults.forEach((f, i) => {
    for (const [key, ms] of [['mttf', f.mttfMs], ['mttr', f.mttrMs], ['switchEvery', f.switchEveryMs]] as const) {
      if (ms !== undefined && ms > 0 && ms < LIMITS.minFaultMs.value) {
        at(['faults', i, key], `${key} ${ms} ms is less than the limit of ${LIMITS.minFaultMs.value} ms: ${LIMITS.minFaultMs.why}`);
      }
    }
  });
}

/** Every run a scenario makes, over points, replications, strategies and variants. */
export function checkRunCount(ctx: BuildContext, runs: number): void {
  if (runs > LIMITS.runs.value) problemAt(ctx, [], tooBig('runs in all (points x replications x strategies x variants):', runs, LIMITS.runs));
}
