// Log-normal durations given by mean and 99th percentile, the two numbers people can usually quote
// for a handler ("about 50 ms, p99 400 ms").
import { finitePositive } from './check.js';
import type { Sampler } from './sampler.js';
import type { RandomStream } from './stream.js';

/** Standard normal 99th percentile, Phi^-1(0.99). */
export const Z99 = 2.3263478740408408;

export interface LognormalParameters {
  /** Mean of ln X. */
  readonly mu: number;
  /** Standard deviation of ln X. */
  readonly sigma: number;
}

/**
 * Solves mean = exp(mu + sigma^2 / 2) and p99 = exp(mu + Z99 sigma) for mu and sigma.
 * Subtracting the logs gives sigma^2 / 2 - Z99 sigma + D = 0 with D = ln(p99 / mean), so
 * sigma = Z99 -/+ sqrt(Z99^2 - 2D): real only when p99 / mean <= exp(Z99^2 / 2) (about 14.97).
 *
 * Both roots reproduce mean and p99; we take the smaller one. It goes to 0 as p99 approaches the
 * mean (a nearly constant duration), whereas the larger root has sigma > Z99, where more than half
 * of the mean comes from the slowest 1% (for a log-normal, E[X; X > x_p] / E[X] = Phi(sigma - z_p)):
 * not a plausible handler. Written as 2D / (Z99 + sqrt(...)) to avoid cancellation when D is small.
 */
export function fitLognormal(mean: number, p99: number): LognormalParameters {
  finitePositive('lognormal.mean', mean);
  finitePositive('lognormal.p99', p99);
  if (!(p99 > mean)) {
    throw new RangeError(`Expected \`lognormal.p99\` to be greater than \`lognormal.mean\` (${mean}), got \`${p99}\` (number)`);
  }
  const d = Math.log(p99 / mean);
  const discriminant = Z99 * Z99 - 2 * d;
  if (discriminant < 0) {
    const limit = Math.exp((Z99 * Z99) / 2);
    throw new RangeError(
      `Expected \`lognormal.p99\` to be at most ${limit.toFixed(2)} times \`lognormal.mean\` (${mean}) ` +
        `for a log-normal to fit, got \`${p99}\` (number)`,
    );
  }
  const sigma = (2 * d) / (Z99 + Math.sqrt(discriminant));
  return { mu: Math.log(mean) - (sigma * sigma) / 2, sigma };
}

const TWO_PI = 2 * Math.PI;

/**
 * exp(mu + sigma Z) with Z standard normal from the Box-Muller transform (Box & Muller, 1958):
 * Z = sqrt(-2 ln(1 - u1)) cos(2 pi u2). Consumes 2 uniforms. The transform yields a second
 * normal (the sine); it is discarded so that no state is carried between draws and a value depends
 * only on the stream's position. 1 - u1 is in (0, 1], so the logarithm never sees 0.
 * Variance (exp(sigma^2) - 1) mean^2.
 */
export class LognormalSampler implements Sampler {
  readonly mean: number;
  readonly variance: number;
  readonly mu: number;
  readonly sigma: number;
  constructor(mean: number, p99: number) {
    const { mu, sigma } = fitLognormal(mean, p99);
    this.mu = mu;
    this.sigma = sigma;
    this.mean = mean;
    this.variance = Math.expm1(sigma * sigma) * mean * mean;
  }
  sample(rng: RandomStream): number {
    const radius = Math.sqrt(-2 * Math.log(1 - rng.next()));
    const z = radius * Math.cos(TWO_PI * rng.next());
    return Math.exp(this.mu + this.sigma * z);
  }
}
