// Closed-form queueing results (sim/metrics/theory.ts) against published and hand-derived values.
// The headline case is docs/DOMAIN.md's: k = 10 single-thread workers, mu = 1, lambda = 8
// (utilisation 0.8): mean waits 0.205 shared queue, 1.922 round-robin, 4.0 random.
import { describe, expect, it } from 'vitest';
import {
  ekm1MeanWait,
  ekm1Sigma,
  erlangC,
  mm1MeanWait,
  mmcMeanQueueLength,
  mmcMeanWait,
  randomSplitMeanWait,
  utilisation,
} from '../../sim/theory/queueing.js';

/** Erlang C from the textbook sum, written independently of the Erlang B recursion under test. */
function erlangCBySum(c: number, a: number): number {
  let term = 1;
  let sum = 0;
  for (let n = 0; n < c; n++) {
    sum += term;
    term *= a / (n + 1);
  }
  const top = (term * c) / (c - a); // a^c / c! * c / (c - a)
  return top / (sum + top);
}

describe('k = 10, mu = 1, lambda = 8 (DOMAIN.md)', () => {
  it('has utilisation 0.8', () => {
    expect(utilisation(10, 8, 1)).toBeCloseTo(0.8, 15);
  });

  it('shared queue: M/M/10 mean wait 0.2046 (Erlang C)', () => {
    expect(mmcMeanWait(10, 8, 1)).toBeCloseTo(0.2046, 4);
    expect(erlangC(10, 8, 1)).toBeCloseTo(erlangCBySum(10, 8), 12);
    expect(erlangC(10, 8, 1)).toBeCloseTo(0.4092, 4);
    // Little's law: L_q = lambda W_q.
    expect(mmcMeanQueueLength(10, 8, 1)).toBeCloseTo(8 * 0.20459, 4);
  });

  it('round-robin: E_10/M/1 mean wait 1.922', () => {
    expect(ekm1MeanWait(10, 8, 1)).toBeCloseTo(1.922, 3);
    const sigma = ekm1Sigma(10, 8, 1);
    expect(sigma).toBeGreaterThan(0);
    expect(sigma).toBeLessThan(1);
    // sigma solves its own equation to better than 1e-12.
    expect(Math.abs((8 / (8 + 1 - sigma)) ** 10 - sigma)).toBeLessThan(1e-12);
  });

  it('random: M/M/1 at lambda / k, mean wait 4.0', () => {
    expect(randomSplitMeanWait(10, 8, 1)).toBeCloseTo(4, 12);
  });
});

describe('M/M/1', () => {
  it('mean wait rho / (mu - lambda)', () => {
    // lambda = 3, mu = 4: rho = 0.75, W_q = 0.75 / 1 = 0.75.
    expect(mm1MeanWait(3, 4)).toBeCloseTo(0.75, 12);
    // lambda = 1, mu = 2: W_q = 0.5 / 1 = 0.5, and scaling both rates by 1000 divides it by 1000.
    expect(mm1MeanWait(1, 2)).toBeCloseTo(0.5, 12);
    expect(mm1MeanWait(1000, 2000)).toBeCloseTo(0.0005, 12);
    expect(mm1MeanWait(0, 2)).toBe(0);
  });

  it('is M/M/c with c = 1, where Erlang C equals rho', () => {
    for (const rho of [0.1, 0.5, 0.8, 0.99]) {
      expect(erlangC(1, rho * 5, 5)).toBeCloseTo(rho, 12);
      expect(mmcMeanWait(1, rho * 5, 5)).toBeCloseTo(mm1MeanWait(rho * 5, 5), 12);
    }
  });

  it('is E_1/M/1, where sigma equals rho', () => {
    expect(ekm1Sigma(1, 0.3, 1)).toBeCloseTo(0.3, 12);
    expect(ekm1MeanWait(1, 3, 4)).toBeCloseTo(mm1MeanWait(3, 4), 12);
  });
});

describe('hand-derived values', () => {
  it('M/M/2 with lambda = mu = 1: C = 1/3 and W_q = 1/3', () => {
    // a = 1, c = 2: C = (a^2/2! * 2/(2 - 1)) / (1 + a + 1) = 1/3; W_q = C / (2 mu - lambda) = 1/3.
    // Also the textbook M/M/2 form L_q = 2 rho^3 / (1 - rho^2) with rho = 1/2.
    expect(erlangC(2, 1, 1)).toBeCloseTo(1 / 3, 12);
    expect(mmcMeanWait(2, 1, 1)).toBeCloseTo(1 / 3, 12);
    expect(mmcMeanQueueLength(2, 1, 1)).toBeCloseTo((2 * 0.125) / 0.75, 12);
  });

  it('E_2/M/1 with lambda = mu = 1: sigma = (3 - sqrt 5) / 2, W_q = (sqrt 5 - 1) / 2', () => {
    // sigma (2 - sigma)^2 = 1 factors as (sigma - 1)(sigma^2 - 3 sigma + 1) = 0.
    expect(ekm1Sigma(2, 1, 1)).toBeCloseTo((3 - Math.sqrt(5)) / 2, 12);
    expect(ekm1MeanWait(2, 1, 1)).toBeCloseTo((Math.sqrt(5) - 1) / 2, 12);
  });

  it('Erlang C stays finite and matches the sum for many servers', () => {
    expect(erlangC(50, 45, 1)).toBeCloseTo(erlangCBySum(50, 45), 12);
    // c = 1000 overflows the textbook a^c / c!; the recursion does not.
    const c1000 = erlangC(1000, 950, 1);
    expect(c1000).toBeGreaterThan(0);
    expect(c1000).toBeLessThan(1);
  });
});

describe('ordering of the strategies (pooling helps, round-robin sits between)', () => {
  it.each([0.3, 0.6, 0.9, 0.95])('utilisation %s', (rho) => {
    const k = 4;
    const lambda = rho * k;
    expect(mmcMeanWait(k, lambda, 1)).toBeLessThan(ekm1MeanWait(k, lambda, 1));
    expect(ekm1MeanWait(k, lambda, 1)).toBeLessThan(randomSplitMeanWait(k, lambda, 1));
  });
});

describe('unstable systems (utilisation >= 1)', () => {
  it('have infinite mean waits and queue lengths, never NaN', () => {
    for (const lambda of [10, 12]) {
      expect(mmcMeanWait(10, lambda, 1)).toBe(Infinity);
      expect(mmcMeanQueueLength(10, lambda, 1)).toBe(Infinity);
      expect(ekm1MeanWait(10, lambda, 1)).toBe(Infinity);
      expect(randomSplitMeanWait(10, lambda, 1)).toBe(Infinity);
    }
    expect(mm1MeanWait(1, 1)).toBe(Infinity);
    expect(mm1MeanWait(2, 1)).toBe(Infinity);
  });

  it('make every arrival wait (probabilities stay probabilities)', () => {
    expect(erlangC(10, 12, 1)).toBe(1);
    expect(ekm1Sigma(10, 12, 1)).toBe(1);
    expect(utilisation(10, 12, 1)).toBeCloseTo(1.2, 15);
  });
});

describe('invalid rates', () => {
  it('are rejected', () => {
    expect(() => erlangC(0, 1, 1)).toThrow('Expected `c` to be an integer >= 1, got `0` (number)');
    expect(() => mmcMeanWait(2.5, 1, 1)).toThrow(RangeError);
    expect(() => mm1MeanWait(-1, 1)).toThrow(/lambda/);
    expect(() => ekm1MeanWait(3, 1, 0)).toThrow(/mu/);
    expect(() => randomSplitMeanWait(2, Number.NaN, 1)).toThrow(/lambda/);
  });
});
