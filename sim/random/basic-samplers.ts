// The simple duration distributions. Each class states how many uniforms one draw consumes; that
// count never depends on the values drawn (no rejection loops), which keeps common random numbers
// aligned across runs. Formulas: Law, "Simulation Modeling and Analysis" (5th ed.), ch. 6 and 8.
import { finiteAtLeastZero, finitePositive, positiveInteger } from './check.js';
import type { Sampler } from './sampler.js';
import type { RandomStream } from './stream.js';

/** Always `value`. Consumes 0 uniforms. */
export class ConstantSampler implements Sampler {
  readonly mean: number;
  readonly variance = 0;
  constructor(value: number) {
    this.mean = finiteAtLeastZero('constant.value', value);
  }
  sample(_rng: RandomStream): number {
    return this.mean;
  }
}

/**
 * Exponential by inverse transform, x = -mean * ln(1 - u). Consumes 1 uniform.
 * Using 1 - u (in (0, 1]) rather than u (in [0, 1)) means the logarithm never sees 0.
 */
export class ExponentialSampler implements Sampler {
  readonly mean: number;
  readonly variance: number;
  constructor(mean: number) {
    this.mean = finiteAtLeastZero('exponential.mean', mean);
    this.variance = mean * mean;
  }
  sample(rng: RandomStream): number {
    return -this.mean * Math.log(1 - rng.next());
  }
}

/** Uniform on [min, max): x = min + (max - min) u. Consumes 1 uniform. Variance (max - min)^2 / 12. */
export class UniformSampler implements Sampler {
  readonly mean: number;
  readonly variance: number;
  private readonly min: number;
  private readonly width: number;
  constructor(min: number, max: number) {
    finiteAtLeastZero('uniform.min', min);
    finiteAtLeastZero('uniform.max', max);
    if (max < min) {
      throw new RangeError(`Expected \`uniform.max\` to be >= \`uniform.min\` (${min}), got \`${max}\` (number)`);
    }
    this.min = min;
    this.width = max - min;
    this.mean = (min + max) / 2;
    this.variance = (this.width * this.width) / 12;
  }
  sample(rng: RandomStream): number {
    return this.min + this.width * rng.next();
  }
}

// A running product of k uniforms in (0, 1] is folded into a log sum before it can underflow:
// each factor is >= 2^-32 (the stream's resolution), so the product stays far above 1e-308.
const FOLD_BELOW = 1e-280;

/**
 * Erlang-k with the given mean: the sum of k exponentials of mean/k, computed as
 * -(mean/k) * ln(prod (1 - u_i)) so a draw costs one logarithm, not k. Consumes k uniforms.
 * Variance mean^2 / k.
 */
export class ErlangSampler implements Sampler {
  readonly mean: number;
  readonly variance: number;
  private readonly k: number;
  private readonly phaseMean: number;
  constructor(k: number, mean: number) {
    this.k = positiveInteger('erlang.k', k);
    this.mean = finiteAtLeastZero('erlang.mean', mean);
    this.phaseMean = mean / k;
    this.variance = (mean * mean) / k;
  }
  sample(rng: RandomStream): number {
    let product = 1;
    let logSum = 0;
    for (let i = 0; i < this.k; i++) {
      product *= 1 - rng.next();
      if (product < FOLD_BELOW) {
        logSum += Math.log(product);
        product = 1;
      }
    }
    return -this.phaseMean * (logSum + Math.log(product));
  }
}

/** One of the observed samples, chosen uniformly with replacement. Consumes 1 uniform. */
export class EmpiricalSampler implements Sampler {
  readonly mean: number;
  readonly variance: number;
  private readonly values: Float64Array;
  constructor(samples: readonly number[]) {
    if (samples.length === 0) {
      throw new RangeError('Expected `empirical.samples` to be a non-empty array of numbers, got an empty array');
    }
    samples.forEach((value, i) => finiteAtLeastZero(`empirical.samples[${i}]`, value));
    this.values = Float64Array.from(samples);
    // Two-pass mean and population variance: exact moments of the distribution we sample from.
    let sum = 0;
    for (const value of this.values) sum += value;
    const mean = sum / this.values.length;
    let squares = 0;
    for (const value of this.values) squares += (value - mean) * (value - mean);
    this.mean = mean;
    this.variance = squares / this.values.length;
  }
  sample(rng: RandomStream): number {
    const n = this.values.length;
    // u < 1, so the index is at most n - 1; the min only guards against rounding for huge n.
    return this.values[Math.min(n - 1, Math.floor(rng.next() * n))];
  }
}
