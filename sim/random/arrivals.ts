// Arrival processes: when a sender's next message of one kind is sent. Each send entry gets its own
// process (some keep state) and its own random stream, so every strategy sees the same arrivals.
//
// - poisson, constant: gaps from a sampler (exponential or fixed).
// - piecewise, daily: a Poisson process whose rate varies with time, drawn by thinning (Lewis and
//   Shedler, 1979): candidates at the highest rate, each kept with probability rate(t) / highest.
// - bursts: Poisson at the base rate, plus `size` messages at once every `every`.
// - trace: the recorded times, in order.
import { createInterarrivalSampler } from './distributions.js';
import type { ArrivalSpec } from './specs.js';
import type { RandomStream } from './stream.js';

export interface ArrivalProcess {
  /** The time of the first arrival after `now` (or at `now`, for simultaneous ones); Infinity when there are no more. */
  next(now: number, rng: RandomStream): number;
}

export function createArrivalProcess(spec: ArrivalSpec): ArrivalProcess {
  switch (spec.kind) {
    case 'poisson':
    case 'constant': {
      const gaps = createInterarrivalSampler(spec);
      return { next: (now, rng) => now + gaps.sample(rng) };
    }
    case 'piecewise': {
      const steps = spec.steps;
      const rateAt = (t: number): number => {
        let rate = 0;
        for (const step of steps) if (step.atMs <= t) rate = step.ratePerSecond;
        return rate;
      };
      const last = steps[steps.length - 1];
      return thinning(Math.max(...steps.map((s) => s.ratePerSecond)), rateAt, (t) => t >= last.atMs && last.ratePerSecond === 0);
    }
    case 'daily': {
      const { baseRate, peakRate, peakAtMs, periodMs } = spec;
      // A raised cosine: base at the trough, peak at peakAtMs, once per period.
      const rateAt = (t: number): number => baseRate + ((peakRate - baseRate) * (1 + Math.cos((2 * Math.PI * (t - peakAtMs)) / periodMs))) / 2;
      return thinning(peakRate, rateAt, () => false);
    }
    case 'bursts':
      return new Bursts(spec.baseRate, spec.everyMs, spec.size);
    case 'trace': {
      let i = 0;
      const times = spec.timesMs;
      return { next: (now) => (i < times.length ? Math.max(now, times[i++]) : Infinity) };
    }
  }
}

/** Non-homogeneous Poisson arrivals by thinning; `finished(t)` says no arrival can come after t. */
function thinning(highest: number, rateAt: (t: number) => number, finished: (t: number) => boolean): ArrivalProcess {
  const meanGap = 1000 / highest;
  return {
    next(now, rng) {
      let t = now;
      for (;;) {
        if (finished(t)) return Infinity;
        t += -meanGap * Math.log(1 - rng.next());
        if (rng.next() * highest < rateAt(t)) return t;
      }
    },
  };
}

/** Poisson at a base rate plus bursts of `size` messages every `every` ms. */
class Bursts implements ArrivalProcess {
  private nextBurst: number;
  private nextSingle = NaN;
  private left = 0;

  constructor(
    private readonly baseRate: number,
    private readonly everyMs: number,
    private readonly size: number,
  ) {
    this.nextBurst = everyMs;
  }

  next(now: number, rng: RandomStream): number {
    if (this.left > 0) {
      this.left--;
      return now;
    }
    if (Number.isNaN(this.nextSingle)) this.nextSingle = this.baseRate > 0 ? now - (1000 / this.baseRate) * Math.log(1 - rng.next()) : Infinity;
    if (this.nextBurst <= this.nextSingle) {
      const t = this.nextBurst;
      this.nextBurst += this.everyMs;
      this.left = this.size - 1;
      return t;
    }
    const t = this.nextSingle;
    this.nextSingle = t - (1000 / this.baseRate) * Math.log(1 - rng.next());
    return t;
  }
}
