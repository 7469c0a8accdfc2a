// What a distribution or an arrival process is, as plain data: the scenario model holds these
// (sim/model/scenario-types.ts re-exports them) and createSampler turns them into samplers.
// All times are milliseconds, all rates per second.

/** A probability distribution of a non-negative duration, in milliseconds. */
export type DistributionSpec =
  | { readonly kind: 'constant'; readonly value: number }
  | { readonly kind: 'exponential'; readonly mean: number }
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'erlang'; readonly k: number; readonly mean: number }
  /** Log-normal given by its mean and its 99th percentile (p99 > mean). */
  | { readonly kind: 'lognormal'; readonly mean: number; readonly p99: number }
  /** Observed durations, sampled uniformly with replacement. `file` is as written in the scenario. */
  | { readonly kind: 'empirical'; readonly file: string; readonly samples: readonly number[] };

/** How a sender's messages of one kind arrive. `ratePerSecond` is the mean rate over the run. */
export type ArrivalSpec =
  | { readonly kind: 'poisson'; readonly ratePerSecond: number }
  | { readonly kind: 'constant'; readonly ratePerSecond: number }
  /** Poisson whose rate changes in steps: from each step's time on, its rate (the first step is at 0). */
  | { readonly kind: 'piecewise'; readonly ratePerSecond: number; readonly steps: readonly { readonly atMs: number; readonly ratePerSecond: number }[] }
  /** Poisson with a daily cycle: `base` rate at night, rising smoothly (raised cosine) to `peak` at `peakAtMs` of each day. */
  | { readonly kind: 'daily'; readonly ratePerSecond: number; readonly baseRate: number; readonly peakRate: number; readonly peakAtMs: number; readonly periodMs: number }
  /** Poisson at `ratePerSecond` plus, every `everyMs` (first at `everyMs`), `size` messages at once. */
  | { readonly kind: 'bursts'; readonly ratePerSecond: number; readonly baseRate: number; readonly everyMs: number; readonly size: number }
  /** Replays recorded send times (ms from the start), as read from a CSV file. */
  | { readonly kind: 'trace'; readonly ratePerSecond: number; readonly file: string; readonly timesMs: readonly number[] };
