// One shared table-driven check: every distribution kind, with several parameter sets, against its
// own stated mean and variance (as Ciw does), from 200,000 draws of a named stream.
//
// Tolerances (relative): mean within 1%, variance within 3%, unless a row says otherwise. Each is at
// least 4 standard errors of its estimate for that row. Skewed rows state wider ones because the
// standard error of a sample variance grows with the kurtosis: for the log-normal with sigma = 1.2
// it is about 5% at n = 200k, so that row allows 25%. The streams are seeded, so results are
// reproducible; the tolerances say how far a correct sampler could plausibly land.
import { describe, expect, it } from 'vitest';
import type { ArrivalSpec, DistributionSpec } from '../../sim/model/scenario-types.js';
import { createInterarrivalSampler, createSampler, type Sampler } from '../../sim/random/distributions.js';
import { fitLognormal, Z99 } from '../../sim/random/lognormal.js';
import { createStream, type RandomStream } from '../../sim/random/stream.js';

const N = 200_000;
const SEED = 12345;

interface Row {
  readonly label: string;
  readonly spec: DistributionSpec | ArrivalSpec;
  readonly interarrival?: boolean;
  readonly meanTolerance?: number;
  readonly varianceTolerance?: number;
  /** Log-normal rows: the spec's p99 and the relative tolerance on the empirical 99th percentile. */
  readonly p99?: { readonly value: number; readonly tolerance: number };
}

// A skewed empirical sample set (like measured handler times: mostly fast, a few slow).
const OBSERVED = [12, 15, 15, 16, 18, 20, 21, 22, 25, 30, 31, 40, 55, 80, 250];

const ROWS: Row[] = [
  { label: 'constant 0', spec: { kind: 'constant', value: 0 } },
  { label: 'constant 25', spec: { kind: 'constant', value: 25 } },
  { label: 'exponential mean 1', spec: { kind: 'exponential', mean: 1 } },
  { label: 'exponential mean 250', spec: { kind: 'exponential', mean: 250 } },
  { label: 'uniform 0..1', spec: { kind: 'uniform', min: 0, max: 1 } },
  { label: 'uniform 10..30', spec: { kind: 'uniform', min: 10, max: 30 } },
  { label: 'uniform 5..5', spec: { kind: 'uniform', min: 5, max: 5 } },
  { label: 'erlang k=1 mean 100', spec: { kind: 'erlang', k: 1, mean: 100 } },
  { label: 'erlang k=3 mean 100', spec: { kind: 'erlang', k: 3, mean: 100 } },
  { label: 'erlang k=10 mean 8', spec: { kind: 'erlang', k: 10, mean: 8 } },
  // k = 1000 exercises the log fold of the running product (it would underflow near k = 700).
  { label: 'erlang k=1000 mean 50', spec: { kind: 'erlang', k: 1000, mean: 50 } },
  {
    label: 'lognormal mean 50 p99 150 (sigma 0.53)',
    spec: { kind: 'lognormal', mean: 50, p99: 150 },
    p99: { value: 150, tolerance: 0.02 },
  },
  {
    label: 'lognormal mean 20 p99 30 (sigma 0.16)',
    spec: { kind: 'lognormal', mean: 20, p99: 30 },
    p99: { value: 30, tolerance: 0.01 },
  },
  {
    label: 'lognormal mean 50 p99 400 (sigma 1.21)',
    spec: { kind: 'lognormal', mean: 50, p99: 400 },
    meanTolerance: 0.02,
    varianceTolerance: 0.25,
    p99: { value: 400, tolerance: 0.04 },
  },
  { label: 'empirical 1 value', spec: { kind: 'empirical', file: 'one.csv', samples: [7] } },
  // Coefficient of variation 1.34: the standard error of the mean is 0.3%.
  {
    label: 'empirical skewed',
    spec: { kind: 'empirical', file: 'observed.csv', samples: OBSERVED },
    meanTolerance: 0.015,
  },
  { label: 'empirical 0/1', spec: { kind: 'empirical', file: 'coin.csv', samples: [0, 1] } },
  { label: 'poisson arrivals 200/s', spec: { kind: 'poisson', ratePerSecond: 200 }, interarrival: true },
  { label: 'poisson arrivals 0.5/s', spec: { kind: 'poisson', ratePerSecond: 0.5 }, interarrival: true },
  { label: 'constant arrivals 50/s', spec: { kind: 'constant', ratePerSecond: 50 }, interarrival: true },
];

function build(row: Row): Sampler {
  return row.interarrival
    ? createInterarrivalSampler(row.spec as ArrivalSpec)
    : createSampler(row.spec as DistributionSpec);
}

/** |observed - expected| relative to expected; absolute when expected is 0. */
function relativeError(observed: number, expected: number): number {
  return expected === 0 ? Math.abs(observed) : Math.abs(observed - expected) / Math.abs(expected);
}

describe('every distribution matches its own mean and variance', () => {
  it.each(ROWS)('$label', (row) => {
    const sampler = build(row);
    const rng = createStream(SEED, `test/distributions/${row.label}`);
    const draws = new Float64Array(N);
    let sum = 0;
    for (let i = 0; i < N; i++) {
      const x = sampler.sample(rng);
      draws[i] = x;
      sum += x;
    }
    const mean = sum / N;
    let squares = 0;
    for (const x of draws) squares += (x - mean) * (x - mean);
    const variance = squares / (N - 1);

    expect(draws.every((x) => x >= 0 && Number.isFinite(x)), 'finite, non-negative durations').toBe(true);
    expect(relativeError(mean, sampler.mean)).toBeLessThanOrEqual(row.meanTolerance ?? 0.01);
    expect(relativeError(variance, sampler.variance)).toBeLessThanOrEqual(row.varianceTolerance ?? 0.03);
    if (row.p99) {
      const sorted = draws.slice().sort();
      const p99 = sorted[Math.ceil(0.99 * N) - 1];
      expect(relativeError(p99, row.p99.value)).toBeLessThanOrEqual(row.p99.tolerance);
    }
  });
});

describe('stated moments', () => {
  it('are the textbook moments of each kind', () => {
    const moments = (spec: DistributionSpec) => {
      const s = createSampler(spec);
      return [s.mean, s.variance];
    };
    expect(moments({ kind: 'constant', value: 25 })).toEqual([25, 0]);
    expect(moments({ kind: 'exponential', mean: 250 })).toEqual([250, 62_500]);
    expect(moments({ kind: 'uniform', min: 10, max: 30 })).toEqual([20, 400 / 12]);
    expect(moments({ kind: 'erlang', k: 4, mean: 100 })).toEqual([100, 2500]);
    expect(moments({ kind: 'empirical', file: 'x', samples: [1, 2, 3, 4] })).toEqual([2.5, 1.25]);
    const [mean, variance] = moments({ kind: 'lognormal', mean: 50, p99: 150 });
    const { sigma } = fitLognormal(50, 150);
    expect(mean).toBe(50);
    expect(variance).toBeCloseTo((Math.exp(sigma * sigma) - 1) * 2500, 9);
  });

  it('turn arrival rates per second into gaps in ms', () => {
    const poisson = createInterarrivalSampler({ kind: 'poisson', ratePerSecond: 200 });
    expect([poisson.mean, poisson.variance]).toEqual([5, 25]);
    const constant = createInterarrivalSampler({ kind: 'constant', ratePerSecond: 50 });
    expect([constant.mean, constant.variance]).toEqual([20, 0]);
    expect(constant.sample(createStream(1, 'x'))).toBe(20);
  });
});

describe('lognormal fit', () => {
  it.each([
    [50, 150],
    [20, 30],
    [50, 400],
    [1, 1.0001],
    [1, 14.9],
  ])('mean %d, p99 %d reproduces both', (mean, p99) => {
    const { mu, sigma } = fitLognormal(mean, p99);
    expect(Math.exp(mu + (sigma * sigma) / 2) / mean).toBeCloseTo(1, 12);
    expect(Math.exp(mu + Z99 * sigma) / p99).toBeCloseTo(1, 12);
    // The smaller root: sigma below Z99, so under half of the mean comes from the slowest 1%.
    expect(sigma).toBeGreaterThan(0);
    expect(sigma).toBeLessThan(Z99);
  });

  it('matches a hand-solved case', () => {
    // p99 / mean = exp(Z99^2 / 2 - (Z99 - 1)^2 / 2) is hit exactly by sigma = 1.
    const ratio = Math.exp((Z99 * Z99) / 2 - ((Z99 - 1) * (Z99 - 1)) / 2);
    const { mu, sigma } = fitLognormal(10, 10 * ratio);
    expect(sigma).toBeCloseTo(1, 12);
    expect(mu).toBeCloseTo(Math.log(10) - 0.5, 12);
  });

  it('rejects impossible parameters', () => {
    expect(() => fitLognormal(50, 50)).toThrow(/greater than `lognormal.mean`/);
    expect(() => fitLognormal(50, 40)).toThrow(RangeError);
    expect(() => fitLognormal(0, 40)).toThrow(/lognormal.mean/);
    // No log-normal has p99 more than exp(Z99^2 / 2) = 14.97 times its mean.
    expect(() => fitLognormal(1, 15)).toThrow(/at most 14.97 times/);
  });
});

describe('invalid parameters', () => {
  it.each<[string, DistributionSpec]>([
    ['negative constant', { kind: 'constant', value: -1 }],
    ['NaN exponential mean', { kind: 'exponential', mean: Number.NaN }],
    ['uniform max below min', { kind: 'uniform', min: 3, max: 2 }],
    ['fractional erlang k', { kind: 'erlang', k: 2.5, mean: 10 }],
    ['erlang k 0', { kind: 'erlang', k: 0, mean: 10 }],
    ['empty empirical', { kind: 'empirical', file: 'x', samples: [] }],
    ['negative empirical sample', { kind: 'empirical', file: 'x', samples: [1, -2] }],
  ])('%s throws', (_label, spec) => {
    expect(() => createSampler(spec)).toThrow(RangeError);
  });

  it('says what was expected and what was received', () => {
    expect(() => createSampler({ kind: 'exponential', mean: -1 })).toThrow(
      'Expected `exponential.mean` to be a finite number >= 0, got `-1` (number)',
    );
    expect(() => createInterarrivalSampler({ kind: 'poisson', ratePerSecond: 0 })).toThrow(
      'Expected `arrivals.ratePerSecond` to be a finite number > 0, got `0` (number)',
    );
  });
});

/** Wraps a stream and counts how many uniforms were drawn from it. */
function counting(inner: RandomStream): RandomStream & { count: number } {
  return {
    count: 0,
    next() {
      this.count++;
      return inner.next();
    },
  };
}

describe('uniforms consumed per draw (common random numbers rely on a fixed count)', () => {
  it.each<[string, DistributionSpec, number]>([
    ['constant', { kind: 'constant', value: 3 }, 0],
    ['exponential', { kind: 'exponential', mean: 3 }, 1],
    ['uniform', { kind: 'uniform', min: 1, max: 3 }, 1],
    ['erlang k=7', { kind: 'erlang', k: 7, mean: 3 }, 7],
    ['lognormal', { kind: 'lognormal', mean: 3, p99: 9 }, 2],
    ['empirical', { kind: 'empirical', file: 'x', samples: [1, 2, 3] }, 1],
  ])('%s uses %i per draw', (_label, spec, perDraw) => {
    const sampler = createSampler(spec);
    const rng = counting(createStream(7, 'count'));
    for (let i = 0; i < 1000; i++) sampler.sample(rng);
    expect(rng.count).toBe(1000 * perDraw);
  });
});
