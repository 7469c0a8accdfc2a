// What a distribution or an arrival process is, as plain data: the scenario model holds these
// (sim/model/scenario.ts re-exports them) and createSampler turns them into samplers.
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

/** How a sender's messages of one kind arrive. */
export type ArrivalSpec =
  | { readonly kind: 'poisson'; readonly ratePerSecond: number }
  | { readonly kind: 'constant'; readonly ratePerSecond: number };
