// Arrival processes beyond poisson and constant: piecewise, daily, bursts and trace, each with its mean
// rate; their problems, in the text and in trace data files.

import { describe, expect, it } from 'vitest';
import type { ArrivalSpec, SendSpec } from '../../sim/model/scenario-types.js';
import { formatProblem, loadScenarioFile, loadScenarioText, parseArrivals } from '../../sim/scenario/index.js';
import { BASE, changed, problemLines } from './base-scenario.js';

const FIXTURES = 'test/fixtures/scenarios';
const F = 'scenarios/base.yaml';
const HOUR = 3_600_000;

const steps = (...pairs: [number, number][]) => pairs.map(([atMs, ratePerSecond]) => ({ atMs, ratePerSecond }));

describe('parseArrivals', () => {
  it.each([
    // piecewise: each rate from its time on; the mean over stop.duration, or over a day without one.
    ['piecewise(0s=4/s, 10m=12/s, 20m=4/s)', HOUR, { kind: 'piecewise', ratePerSecond: (4 * 10 + 12 * 10 + 4 * 40) / 60, steps: steps([0, 4], [600_000, 12], [1_200_000, 4]) }],
    ['piecewise(0s=4/s, 10m=12/s, 20m=4/s)', undefined, { kind: 'piecewise', ratePerSecond: (4 * 1430 + 12 * 10) / 1440, steps: steps([0, 4], [600_000, 12], [1_200_000, 4]) }],
    ['piecewise(0ms=0/s, 30m=10/s)', HOUR, { kind: 'piecewise', ratePerSecond: 5, steps: steps([0, 0], [1_800_000, 10]) }],
    // Steps after the stop do not count.
    ['piecewise(0s=6/s, 2h=100/s)', HOUR, { kind: 'piecewise', ratePerSecond: 6, steps: steps([0, 6], [7_200_000, 100]) }],
    ['piecewise( 0s = 2/s )', HOUR, { kind: 'piecewise', ratePerSecond: 2, steps: steps([0, 2]) }],
    // daily: over whole days the mean is exactly (base + peak) / 2.
    ['daily(base=4/s, peak=20/s, at=12h)', undefined, { kind: 'daily', ratePerSecond: 12, baseRate: 4, peakRate: 20, peakAtMs: 43_200_000, periodMs: 86_400_000 }],
    ['daily(at=6h, peak=20/s, base=0/s)', 48 * HOUR, { kind: 'daily', ratePerSecond: 10, baseRate: 0, peakRate: 20, peakAtMs: 21_600_000, periodMs: 86_400_000 }],
    ['daily(base=5/s, peak=5/s, at=0s)', HOUR, { kind: 'daily', ratePerSecond: 5, baseRate: 5, peakRate: 5, peakAtMs: 0, periodMs: 86_400_000 }],
    // bursts: poisson + size / every, named arguments in any order.
    ['bursts(poisson=2/s, every=10m, size=500)', undefined, { kind: 'bursts', ratePerSecond: 2 + 500 / 600, baseRate: 2, everyMs: 600_000, size: 500 }],
    ['bursts(size=1, every=1s, poisson=0/s)', HOUR, { kind: 'bursts', ratePerSecond: 1, baseRate: 0, everyMs: 1000, size: 1 }],
    // trace: the times are read later, relative to the scenario file; the file stays as written.
    ['trace(data/sends.csv)', undefined, { kind: 'trace', ratePerSecond: NaN, file: 'data/sends.csv', timesMs: [] }],
    ['trace("my sends, v2.csv")', undefined, { kind: 'trace', ratePerSecond: NaN, file: 'my sends, v2.csv', timesMs: [] }],
  ])('%j over %j ms', (text, stopMs, spec) => {
    expect(parseArrivals(text, { stopMs })).toEqual(spec);
  });

  it('averages a daily cycle over a part of a day', () => {
    // At 0h the peak is at the start: over the first hour the mean is base + half (1 + sin(x) / x), x = 2π / 24.
    const x = Math.PI / 12;
    const spec = parseArrivals('daily(base=4/s, peak=20/s, at=0h)', { stopMs: HOUR });
    expect(typeof spec !== 'string' && spec.ratePerSecond).toBeCloseTo(4 + 8 * (1 + Math.sin(x) / x), 10);
    // Peak at noon: the first hour is near the trough.
    const night = parseArrivals('daily(base=4/s, peak=20/s, at=12h)', { stopMs: HOUR });
    expect(typeof night !== 'string' && night.ratePerSecond).toBeCloseTo(4 + 8 * (1 - Math.sin(x) / x), 10);
  });

  it.each([
    ['piecewise()', 'piecewise takes (time=rate, ...), e.g. piecewise(0s=4/s, 10m=12/s, 20m=4/s), got no arguments'],
    ['piecewise(4/s)', 'piecewise step 1: must be time=rate, e.g. 10m=12/s, got "4/s"'],
    ['piecewise(5m=4/s)', 'piecewise must start at 0s (the rate from the start), got "5m=4/s" first'],
    ['piecewise(0s=4/s, 20m=1/s, 10m=2/s)', 'piecewise times must increase from step to step, got "10m=2/s" after "20m=1/s"'],
    ['piecewise(0s=4/s, 0ms=2/s)', 'piecewise times must increase from step to step, got "0ms=2/s" after "0s=4/s"'],
    ['piecewise(0s=-1/s)', 'piecewise step 1 rate: must not be negative, got "-1/s"'],
    ['piecewise(0s=4/s, 1m=4)', 'piecewise step 2 rate: needs a unit, e.g. 4/s, got "4"'],
    ['piecewise(0=4/s)', 'piecewise step 1 time: needs a unit, e.g. 0ms, got "0"'],
    ['piecewise(0s=0/s, 1m=0/s)', 'piecewise needs at least one rate > 0, got only rates of 0'],
    ['daily(4/s, 20/s, 12h)', 'daily takes named arguments daily(base=rate, peak=rate, at=time of day), got "4/s"; write e.g. daily(base=4/s, peak=20/s, at=12h)'],
    ['daily(base=4/s, pek=20/s, at=12h)', 'daily has no argument "pek"; did you mean "peak"?'],
    ['daily(base=4/s, peak=20/s, at=12h, when=1h)', 'daily has no argument "when"; its arguments are base, peak, at'],
    ['daily(base=4/s, base=5/s, peak=20/s, at=12h)', 'daily has base= twice; give each argument once'],
    ['daily(base=4/s)', 'daily is missing peak=, at=; write e.g. daily(base=4/s, peak=20/s, at=12h)'],
    ['daily()', 'daily is missing base=, peak=, at=; write e.g. daily(base=4/s, peak=20/s, at=12h)'],
    ['daily(base=20/s, peak=4/s, at=12h)', 'daily needs base <= peak, got base=20/s, peak=4/s'],
    ['daily(base=0/s, peak=0/s, at=12h)', 'daily peak: must be > 0, got "0/s"'],
    ['daily(base=-1/s, peak=2/s, at=12h)', 'daily base: must not be negative, got "-1/s"'],
    ['daily(base=4/s, peak=20/s, at=24h)', 'daily at: must be a time of day, from 0h to less than 24h, got "24h"'],
    ['daily(base=4/s, peak=20/s, at=noon)', 'daily at: must be a duration such as 200ms, got "noon"'],
    ['bursts(poisson=2/s, every=0s, size=5)', 'bursts every: must be > 0, got "0s"'],
    ['bursts(poisson=2/s, every=10m, size=0)', 'bursts size: must be a positive integer (messages per burst), got "0"'],
    ['bursts(poisson=2/s, every=10m, size=2.5)', 'bursts size: must be a positive integer (messages per burst), got "2.5"'],
    ['bursts(poisson=-2/s, every=10m, size=5)', 'bursts poisson: must not be negative, got "-2/s"'],
    ['bursts(rate=2/s, every=10m, size=5)', 'bursts has no argument "rate"; its arguments are poisson, every, size'],
    ['bursts(poisson=2/s, evry=10m, size=5)', 'bursts has no argument "evry"; did you mean "every"?'],
    ['bursts(poisson=2/s, every=10m)', 'bursts is missing size=; write e.g. bursts(poisson=2/s, every=10m, size=500)'],
    ['trace()', 'trace takes (file.csv), got no file name'],
    ['tracer(a.csv)', 'unknown arrival process "tracer"; use one of poisson, constant, piecewise, daily, bursts, trace; did you mean "trace"?'],
    [
      'daily(base=4/s',
      'must be an arrival process, got "daily(base=4/s", which looks cut short at a comma: inside { ... } put quotes around a value that has commas, e.g. arrivals: "piecewise(0s=4/s, 10m=12/s, 20m=4/s)"',
    ],
  ])('%j is rejected', (text, message) => {
    expect(parseArrivals(text)).toBe(message);
  });

  it('rejects a piecewise process that sends nothing before the stop', () => {
    expect(parseArrivals('piecewise(0s=0/s, 2h=4/s)', { stopMs: HOUR })).toBe('piecewise sends nothing before stop.duration (1h): every rate until then is 0');
    expect(parseArrivals('piecewise(0s=0/s, 25h=4/s)')).toBe(
      'piecewise sends nothing in the first 24h (the run stops at a message count): every rate until then is 0',
    );
  });
});

describe('arrivals in a scenario', () => {
  const arrivalsOf = (sends: readonly SendSpec[]): ArrivalSpec[] => sends.map((s) => s.arrivals);

  it('loads every process, with its mean rate over the stop duration and trace times read relative to the file', () => {
    const result = loadScenarioFile(`${FIXTURES}/arrivals.yaml`);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const x = Math.PI / 12;
    expect(arrivalsOf(result.scenario.senders[0].sends)).toEqual([
      { kind: 'poisson', ratePerSecond: 8 },
      { kind: 'constant', ratePerSecond: 2 },
      { kind: 'piecewise', ratePerSecond: 16 / 3, steps: steps([0, 4], [600_000, 12], [1_200_000, 4]) },
      { kind: 'daily', ratePerSecond: expect.closeTo(4 + 8 * (1 + Math.sin(x) / x), 10), baseRate: 4, peakRate: 20, peakAtMs: 0, periodMs: 86_400_000 },
      { kind: 'bursts', ratePerSecond: 2 + 500 / 600, baseRate: 2, everyMs: 600_000, size: 500 },
      // sends.csv: a header, a blank line, bare ms and units, two at the same time: 5 sends over 2 s.
      { kind: 'trace', ratePerSecond: 2.5, file: 'data/sends.csv', timesMs: [0, 250, 250, 1500, 2000] },
      // All at 0: the count per second.
      { kind: 'trace', ratePerSecond: 2, file: 'data/sends-at-zero.csv', timesMs: [0, 0] },
    ]);
  });

  it('averages over a day when the run stops at a message count', () => {
    const text = changed('arrivals: poisson(8/s) }', 'arrivals: "piecewise(0s=4/s, 12h=8/s)" }');
    const result = loadScenarioText(text, F);
    expect(result.ok && result.scenario.senders[0].sends[0].arrivals.ratePerSecond).toBe(6);
    const timed = loadScenarioText(changed('stop: { messages: 100 }', 'stop: { duration: 12h }', text), F);
    expect(timed.ok && timed.scenario.senders[0].sends[0].arrivals.ratePerSecond).toBe(4);
  });

  it('reports a bad process at the arrivals, and one that sends nothing before stop.duration', () => {
    expect(problemLines(changed('arrivals: poisson(8/s) }', 'arrivals: "bursts(poisson=2/s, every=10m, size=0)" }'))).toEqual([
      `${F}:15:53: senders.Sender.sends[0].arrivals bursts size: must be a positive integer (messages per burst), got "0"`,
    ]);
    const late = changed('arrivals: poisson(8/s) }', 'arrivals: "piecewise(0s=0/s, 2h=1/s)" }', changed('stop: { messages: 100 }', 'stop: { duration: 1h }'));
    expect(problemLines(late)).toEqual([
      `${F}:15:53: senders.Sender.sends[0].arrivals piecewise sends nothing before stop.duration (1h): every rate until then is 0`,
    ]);
  });

  it('explains a process with commas cut short in a { ... } mapping, at every piece', () => {
    expect(problemLines(changed('arrivals: poisson(8/s) }', 'arrivals: daily(base=4/s, peak=20/s, at=12h) }'))).toEqual([
      `${F}:15:53: senders.Sender.sends[0].arrivals must be an arrival process, got "daily(base=4/s", which looks cut short at a comma: inside { ... } put quotes around a value that has commas, e.g. arrivals: "piecewise(0s=4/s, 10m=12/s, 20m=4/s)"`,
      `${F}:15:69: senders.Sender.sends[0] unknown key "peak=20/s" (part of a value cut short at a comma? quote values that have commas)`,
      `${F}:15:80: senders.Sender.sends[0] unknown key "at=12h)" (the end of a value cut short at a comma? quote values that have commas)`,
    ]);
  });
});

describe('trace data files', () => {
  const inline = (arrivals: string, extra = '') =>
    [
      'stop: { messages: 10 }',
      'machines: { box: }',
      'endpoints:',
      '  E:',
      '    handlers:',
      '      A: { duration: constant(1ms) }',
      extra,
      '    instances: [ { machine: box } ]',
      'senders:',
      '  S:',
      '    machine: box',
      '    sends:',
      `      - { message: A, to: E, arrivals: ${arrivals} }`,
      'strategies: { rr: { kind: round-robin } }',
    ].join('\n');
  const file = `${FIXTURES}/inline.yaml`;
  const data = `${FIXTURES}/data`;
  const lines = (text: string) => {
    const result = loadScenarioText(text, file);
    return result.ok ? [] : result.problems.map(formatProblem);
  };

  it('reports problems inside the file at their lines, after the arrivals naming it', () => {
    expect(lines(inline('trace(data/bad-sends.csv)'))).toEqual([
      `${file}:13:40: senders.S.sends[0].arrivals trace data file "${data}/bad-sends.csv" has 3 problems (listed next)`,
      `${data}/bad-sends.csv:3:1: must not be earlier than the line before ("2s"), got "1s": send times must not decrease`,
      `${data}/bad-sends.csv:4:1: must not be negative, got "-5"`,
      `${data}/bad-sends.csv:5:1: must be a send time such as 1.5s or a number of milliseconds, got "abc"`,
    ]);
  });

  it('reports a missing, empty or binary file', () => {
    expect(lines(inline('trace(data/missing.csv)'))).toEqual([
      `${file}:13:40: senders.S.sends[0].arrivals trace data file "${data}/missing.csv": cannot read file: no such file`,
    ]);
    expect(lines(inline('trace(data/empty.csv)'))).toEqual([
      `${file}:13:40: senders.S.sends[0].arrivals trace data file "${data}/empty.csv" has 1 problem (listed next)`,
      `${data}/empty.csv:1:1: has no send times; write one per line, e.g. 1.5s or 1500 (milliseconds)`,
    ]);
    expect(lines(inline('trace(data/binary.csv)'))).toEqual([
      `${file}:13:40: senders.S.sends[0].arrivals trace data file "${data}/binary.csv": is not a text file (binary content)`,
    ]);
  });

  it('reads one file as durations and as send times by their own rules', () => {
    // durations.csv is fine as durations, but 0ms and 300 follow 1.5s, so not as send times.
    expect(lines(inline('trace(data/durations.csv)', '      B: { duration: empirical(data/durations.csv) }'))).toEqual([
      `${file}:13:40: senders.S.sends[0].arrivals trace data file "${data}/durations.csv" has 2 problems (listed next)`,
      `${data}/durations.csv:6:1: must not be earlier than the line before ("1.5s"), got "0ms": send times must not decrease`,
      `${data}/durations.csv:7:1: must not be earlier than the line before ("1.5s"), got "300": send times must not decrease`,
    ]);
  });
});
