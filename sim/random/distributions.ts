// Builds samplers from the scenario model's distribution specs (sim/model/scenario-types.ts).
// Durations are in milliseconds; arrival rates are per second, so gaps are 1000 / rate ms.
import type { ArrivalSpec, DistributionSpec } from './specs.js';
import {
  ConstantSampler,
  EmpiricalSampler,
  ErlangSampler,
  ExponentialSampler,
  UniformSampler,
} from './basic-samplers.js';
import { finitePositive } from './check.js';
import { LognormalSampler } from './lognormal.js';
import type { Sampler } from './sampler.js';

export type { Sampler } from './sampler.js';

/**
 * A sampler of durations in ms. Uniforms consumed per draw: constant 0, exponential 1, uniform 1,
 * erlang k, lognormal 2, empirical 1.
 */
export function createSampler(spec: DistributionSpec): Sampler {
  switch (spec.kind) {
    case 'constant':
      return new ConstantSampler(spec.value);
    case 'exponential':
      return new ExponentialSampler(spec.mean);
    case 'uniform':
      return new UniformSampler(spec.min, spec.max);
    case 'erlang':
      return new ErlangSampler(spec.k, spec.mean);
    case 'lognormal':
      return new LognormalSampler(spec.mean, spec.p99);
    case 'empirical':
      return new EmpiricalSampler(spec.samples);
    default: {
      const unknown: never = spec;
      throw new RangeError(`Unknown distribution kind \`${(unknown as { kind: unknown }).kind}\``);
    }
  }
}

/**
 * A sampler of gaps between arrivals in ms: a Poisson process has exponential gaps of mean
 * 1000 / rate, a constant rate has fixed gaps of 1000 / rate.
 */
export function createInterarrivalSampler(spec: ArrivalSpec): Sampler {
  const gapMs = 1000 / finitePositive('arrivals.ratePerSecond', spec.ratePerSecond);
  switch (spec.kind) {
    case 'poisson':
      return new ExponentialSampler(gapMs);
    case 'constant':
      return new ConstantSampler(gapMs);
    default:
      // Time-varying processes have no fixed gap distribution: see createArrivalProcess (arrivals.ts).
      throw new RangeError(`Arrivals of kind \`${spec.kind}\` have no fixed gaps; use createArrivalProcess`);
  }
}
