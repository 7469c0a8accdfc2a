// Time-varying arrival processes: each produces arrivals at the rates it describes, deterministically.
import { describe, expect, it } from 'vitest';
import { createArrivalProcess } from '../../sim/random/arrivals.js';
import type { ArrivalSpec } from '../../sim/random/specs.js';
import { createStream } from '../../sim/random/stream.js';

function times(spec: ArrivalSpec, untilMs: number, seed = 1): number[] {
  const process = createArrivalProcess(spec);
  const rng = createStream(seed, 'arrivals-test');
  const out: number[] = [];
  for (let t = process.next(0, rng); t < untilMs; t = process.next(t, rng)) out.push(t);
  return out;
}

const within = (xs: number[], from: number, to: number) => xs.filter((t) => t >= from && t < to).length;

describe('arrival processes', () => {
  it('poisson arrives at its rate, in increasing times', () => {
    const xs = times({ kind: 'poisson', ratePerSecond: 200 }, 10);
    // The pinned first gaps of test/random/stream.test.ts come from another stream name; here, rate x time.
    const many = times({ kind: 'poisson', ratePerSecond: 200 }, 100_000);
    expect(many.length / 100).toBeGreaterThan(195);
    expect(many.length / 100).toBeLessThan(205);
    expect(xs.every((t, i) => i === 0 || t > xs[i - 1])).toBe(true);
  });

  it('piecewise follows each step\'s rate, and stops when the last rate is 0', () => {
    const spec: ArrivalSpec = {
      kind: 'piecewise',
      ratePerSecond: 0,
      steps: [
        { atMs: 0, ratePerSecond: 10 },
        { atMs: 100_000, ratePerSecond: 50 },
        { atMs: 200_000, ratePerSecond: 0 },
      ],
    };
    const xs = times(spec, 400_000);
    expect(within(xs, 0, 100_000)).toBeGreaterThan(900); // about 1000
    expect(within(xs, 0, 100_000)).toBeLessThan(1100);
    expect(within(xs, 100_000, 200_000)).toBeGreaterThan(4800); // about 5000
    expect(within(xs, 100_000, 200_000)).toBeLessThan(5200);
    expect(within(xs, 200_000, 400_000)).toBe(0);
    expect(createArrivalProcess(spec).next(250_000, createStream(1, 'x'))).toBe(Infinity);
  });

  it('daily is quiet at night and busy at the peak', () => {
    const day = 86_400_000;
    const xs = times({ kind: 'daily', ratePerSecond: 12, baseRate: 4, peakRate: 20, peakAtMs: day / 2, periodMs: day }, day);
    const hour = 3_600_000;
    const night = within(xs, 0, hour); // near the trough: about 4/s
    const noon = within(xs, day / 2 - hour / 2, day / 2 + hour / 2); // about 20/s
    expect(night / 3600).toBeGreaterThan(3.7);
    expect(night / 3600).toBeLessThan(4.6);
    expect(noon / 3600).toBeGreaterThan(19);
    expect(noon / 3600).toBeLessThan(20.5);
    expect(xs.length / 86_400).toBeGreaterThan(11.8); // mean of the raised cosine: (4 + 20) / 2
    expect(xs.length / 86_400).toBeLessThan(12.2);
  });

  it('bursts adds `size` simultaneous messages every `every`', () => {
    const xs = times({ kind: 'bursts', ratePerSecond: 0, baseRate: 1, everyMs: 60_000, size: 100 }, 180_000);
    for (const at of [60_000, 120_000]) expect(xs.filter((t) => t === at)).toHaveLength(100);
    const singles = xs.filter((t) => t !== 60_000 && t !== 120_000).length;
    expect(singles).toBeGreaterThan(140); // about 180 at 1/s
    expect(singles).toBeLessThan(220);
  });

  it('trace replays the recorded times in order, then ends', () => {
    const process = createArrivalProcess({ kind: 'trace', ratePerSecond: 0, file: 'x.csv', timesMs: [5, 5, 12, 40] });
    const rng = createStream(1, 'unused');
    const seen = [process.next(0, rng), process.next(5, rng), process.next(5, rng), process.next(12, rng), process.next(40, rng)];
    expect(seen).toEqual([5, 5, 12, 40, Infinity]);
  });

  it('the same seed gives the same arrivals; another seed other ones', () => {
    const spec: ArrivalSpec = { kind: 'daily', ratePerSecond: 12, baseRate: 4, peakRate: 20, peakAtMs: 0, periodMs: 60_000 };
    expect(times(spec, 10_000, 3)).toEqual(times(spec, 10_000, 3));
    expect(times(spec, 10_000, 4)).not.toEqual(times(spec, 10_000, 3));
  });
});
