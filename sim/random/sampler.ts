// What every distribution provides: its exact moments (so one shared test can check samples
// against them, as Ciw does) and a sampler that reads uniforms from a caller-supplied stream.
import type { RandomStream } from './stream.js';

export interface Sampler {
  /** Exact mean of the distribution (ms for durations). */
  readonly mean: number;
  /** Exact variance of the distribution (ms^2). Empirical: population variance of the samples. */
  readonly variance: number;
  /**
   * One draw. Each kind consumes a fixed number of uniforms per draw (documented on its class), so
   * the same stream drawn in the same order gives the same values: common random numbers across
   * strategies depend on it.
   */
  sample(rng: RandomStream): number;
}
