import { describe, expect, it } from 'vitest';
import { parseArrivals, parseDistribution } from '../../sim/scenario/index.js';

describe('parseDistribution', () => {
  it.each([
    ['constant(0ms)', { kind: 'constant', value: 0 }],
    ['constant(1.5s)', { kind: 'constant', value: 1500 }],
    ['exponential(200ms)', { kind: 'exponential', mean: 200 }],
    [' exponential ( 2m ) ', { kind: 'exponential', mean: 120_000 }],
    ['uniform(0ms, 300ms)', { kind: 'uniform', min: 0, max: 300 }],
    ['uniform(5ms, 5ms)', { kind: 'uniform', min: 5, max: 5 }],
    ['erlang(4, 200ms)', { kind: 'erlang', k: 4, mean: 200 }],
    ['erlang(1,1s)', { kind: 'erlang', k: 1, mean: 1000 }],
    ['lognormal(200ms, 1s)', { kind: 'lognormal', mean: 200, p99: 1000 }],
    // The samples are read later, relative to the scenario file; the file stays as written.
    ['empirical(data/d.csv)', { kind: 'empirical', file: 'data/d.csv', samples: [] }],
    ['empirical("my data, v2.csv")', { kind: 'empirical', file: 'my data, v2.csv', samples: [] }],
  ])('%j', (text, spec) => {
    expect(parseDistribution(text)).toEqual(spec);
  });

  it.each([
    ['expo(200ms)', 'unknown distribution "expo"; use one of constant, exponential, uniform, erlang, lognormal, empirical; did you mean "exponential"?'],
    ['Uniform(1ms, 2ms)', 'unknown distribution "Uniform"; use one of constant, exponential, uniform, erlang, lognormal, empirical; did you mean "uniform"?'],
    ['gamma(2, 1s)', 'unknown distribution "gamma"; use one of constant, exponential, uniform, erlang, lognormal, empirical'],
    ['erlang(200ms)', 'erlang takes (k, mean), got 1 argument'],
    ['exponential()', 'exponential takes (mean), got no arguments'],
    ['constant(1ms, 2ms)', 'constant takes (value), got 2 arguments'],
    ['uniform(1ms)', 'uniform takes (min, max), got 1 argument'],
    ['lognormal(1ms, 2ms, 3ms)', 'lognormal takes (mean, p99), got 3 arguments'],
    ['exponential(0ms)', 'exponential mean: must be > 0, got "0ms"'],
    ['exponential(-1s)', 'exponential mean: must not be negative, got "-1s"'],
    ['exponential(200)', 'exponential mean: needs a unit, e.g. 200ms, got "200"'],
    ['exponential(5sec)', 'exponential mean: unknown unit "sec" in "5sec"; use ms, s, m or h'],
    ['constant(-1ms)', 'constant value: must not be negative, got "-1ms"'],
    ['uniform(-1ms, 2ms)', 'uniform min: must not be negative, got "-1ms"'],
    ['uniform(0ms, 0ms)', 'uniform max: must be > 0, got "0ms"'],
    ['uniform(5ms, 2ms)', 'uniform needs min <= max, got uniform(5ms, 2ms)'],
    ['erlang(0, 1s)', 'erlang k: must be a positive integer (the number of phases), got "0"'],
    ['erlang(1.5, 1s)', 'erlang k: must be a positive integer (the number of phases), got "1.5"'],
    ['erlang(2, 0s)', 'erlang mean: must be > 0, got "0s"'],
    ['lognormal(0ms, 1s)', 'lognormal mean: must be > 0, got "0ms"'],
    ['lognormal(1s, 1s)', 'lognormal needs 0 < mean < p99, got lognormal(1s, 1s)'],
    ['lognormal(2s, 1s)', 'lognormal needs 0 < mean < p99, got lognormal(2s, 1s)'],
    ['empirical()', 'empirical takes (file.csv), got no file name'],
    ['200ms', 'must be a distribution, got "200ms"; for a fixed time write constant(200ms)'],
    ['fast', 'must be a distribution such as exponential(200ms), got "fast"; use one of constant, exponential, uniform, erlang, lognormal, empirical'],
    [
      'uniform(1ms',
      'must be a distribution, got "uniform(1ms", which looks cut short at a comma: inside { ... } put quotes around a value that has commas, e.g. duration: "uniform(100ms, 300ms)"',
    ],
  ])('%j is rejected', (text, message) => {
    expect(parseDistribution(text)).toBe(message);
  });
});

describe('parseArrivals', () => {
  it.each([
    ['poisson(8/s)', { kind: 'poisson', ratePerSecond: 8 }],
    ['constant(120/m)', { kind: 'constant', ratePerSecond: 2 }],
    ['poisson(36/h)', { kind: 'poisson', ratePerSecond: 0.01 }],
  ])('%j', (text, spec) => {
    expect(parseArrivals(text)).toEqual(spec);
  });

  it.each([
    ['poison(8/s)', 'unknown arrival process "poison"; use one of poisson, constant, piecewise, daily, bursts, trace; did you mean "poisson"?'],
    ['bursty(8/s)', 'unknown arrival process "bursty"; use one of poisson, constant, piecewise, daily, bursts, trace; did you mean "bursts"?'],
    ['gamma(8/s)', 'unknown arrival process "gamma"; use one of poisson, constant, piecewise, daily, bursts, trace'],
    ['poisson(0/s)', 'poisson rate: must be > 0, got "0/s"'],
    ['constant(-1/s)', 'constant rate: must be > 0, got "-1/s"'],
    ['poisson(8)', 'poisson rate: needs a unit, e.g. 8/s, got "8"'],
    ['poisson(8/sec)', 'poisson rate: unknown unit "/sec" in "8/sec"; use /s, /m or /h'],
    ['poisson(8/s, 2/s)', 'poisson takes (rate), got 2 arguments'],
    ['8/s', 'must be an arrival process, got "8/s"; write poisson(8/s) or constant(8/s)'],
    ['often', 'must be an arrival process such as poisson(8/s), got "often"; use one of poisson, constant, piecewise, daily, bursts, trace'],
  ])('%j is rejected', (text, message) => {
    expect(parseArrivals(text)).toBe(message);
  });
});
