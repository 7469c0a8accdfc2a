import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHART_POINTS, MIN_SERIES_POINTS, SERIES_POINTS, movingAverage, seriesBudget, thinOne, thinSeries } from '../../sim/reports/charts/thin-series.js';
import { queueLengthsChart } from '../../sim/reports/charts/time-charts.js';
import { fixtureResult } from './fixture.js';

/** The drawn line's value at position j: linear between the kept points around it. */
function lineAt(values: number[], kept: number[], j: number): number {
  const after = kept.findIndex((k) => k >= j);
  const b = kept[after];
  if (b === j) return values[j];
  const a = kept[after - 1];
  return values[a] + ((values[b] - values[a]) * (j - a)) / (b - a);
}

describe('thinOne', () => {
  it('keeps a short series whole, save the inside of flat runs, which draw the same line', () => {
    const values = [0, 0, 0, 0, 3, 3, 1, 1, 1, 0];
    const kept = thinOne(values);
    expect(kept).toEqual([0, 3, 4, 5, 6, 8, 9]);
    for (let j = 0; j < values.length; j++) expect(lineAt(values, kept, j)).toBe(values[j]);
  });

  it('thins a long series to the budget and keeps every group peak and low, so a one-bucket spike shows', () => {
    const values = Array.from({ length: 10_000 }, (_, j) => (j * 7919) % 13);
    values[4321] = 500;
    values[8765] = -40;
    const kept = thinOne(values);
    expect(kept.length).toBeLessThanOrEqual(SERIES_POINTS + 2);
    expect(kept).toContain(4321);
    expect(kept).toContain(8765);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(9_999);
    expect(Math.max(...kept.map((j) => values[j]))).toBe(500);
    expect(Math.min(...kept.map((j) => values[j]))).toBe(-40);
  });

  it('keeps both sides of a gap, so the line breaks where it did', () => {
    const values = Array.from({ length: 1000 }, (_, j) => (j >= 500 && j < 520 ? NaN : j % 10));
    const kept = thinOne(values, 100);
    expect(kept).toEqual(expect.arrayContaining([499, 500, 519, 520]));
    expect(kept.filter((j) => Number.isNaN(values[j]))).toEqual([500, 519]);
  });

  it('never loses the extremes of any group, for any series (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 3000 }), fc.integer({ min: 4, max: 500 }), (values, points) => {
        const kept = thinOne(values, points);
        expect([...kept].sort((a, b) => a - b)).toEqual(kept);
        if (values.length > points) expect(kept.length).toBeLessThanOrEqual(points + 2 + 2);
        const size = values.length <= points ? 1 : Math.ceil(values.length / Math.floor(points / 2));
        for (let start = 0; start < values.length; start += size) {
          const group = values.slice(start, start + size);
          // The drawn line reaches the group's highest and lowest value (and may pass beyond them on its
          // way to a neighbouring group's).
          const drawn = group.map((_, k) => lineAt(values, kept, start + k));
          expect(Math.max(...drawn)).toBeGreaterThanOrEqual(Math.max(...group));
          expect(Math.min(...drawn)).toBeLessThanOrEqual(Math.min(...group));
        }
      }),
      { numRuns: 200, seed: 13 },
    );
  });
});

describe('thinSeries', () => {
  it('thins each series on its own and keeps the rows in their order', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => ({ queue: i % 2 === 0 ? 'a' : 'b', t: Math.floor(i / 2), v: i % 2 === 0 ? 1 : Math.floor(i / 2) % 17 }));
    const thin = thinSeries(rows, (row) => row.queue, [(row) => row.v], 100);
    const a = thin.filter((row) => row.queue === 'a');
    expect(a.map((row) => row.t)).toEqual([0, 999]);
    const b = thin.filter((row) => row.queue === 'b');
    expect(b.length).toBeLessThanOrEqual(102);
    expect(b.length).toBeGreaterThan(50);
    expect(thin.map((row) => rows.indexOf(row))).toEqual([...thin.map((row) => rows.indexOf(row))].sort((x, y) => x - y));
    expect(thinSeries(rows, (row) => row.queue, [(row) => row.v], 100)).toEqual(thin);
  });

  it('keeps the shape of every line drawn from the rows: a flat value with a moving average that rises', () => {
    // The value is flat, its average is not: rows the flat value could lose are still the average's.
    const rows = Array.from({ length: 50 }, (_, t) => ({ t, v: 500, average: t < 30 ? 500 : 500 + (t - 30) }));
    const thin = thinSeries(rows, () => '', [(row) => row.v, (row) => row.average]);
    expect(thin.map((row) => row.t)).toEqual([0, ...Array.from({ length: 20 }, (_, k) => 30 + k)]);
    const long = Array.from({ length: 5000 }, (_, t) => ({ t, v: t % 7, average: Math.sin(t / 300) }));
    const kept = thinSeries(long, () => '', [(row) => row.v, (row) => row.average]);
    expect(kept.length).toBeLessThanOrEqual(SERIES_POINTS + 2);
    expect(Math.max(...kept.map((row) => row.average))).toBe(Math.max(...long.map((row) => row.average)));
  });
});

describe('seriesBudget', () => {
  it('gives a line SERIES_POINTS until the chart has more lines than that fills, then a share of CHART_POINTS, never below MIN_SERIES_POINTS', () => {
    expect(seriesBudget(1)).toBe(SERIES_POINTS);
    expect(seriesBudget(CHART_POINTS / SERIES_POINTS)).toBe(SERIES_POINTS);
    expect(seriesBudget(80)).toBe(100);
    expect(seriesBudget(10_000)).toBe(MIN_SERIES_POINTS);
  });

  it('bounds the queue-lengths chart, however many queues and buckets: the lines share the points', () => {
    const result = fixtureResult();
    // 2 runs x 60 queues x 3000 buckets, each queue a saw-tooth: every bucket a peak or a low.
    for (const run of result.runs) {
      run.queueLengths = [];
      for (let b = 1; b <= 3000; b++) {
        for (let q = 0; q < 60; q++) run.queueLengths.push({ strategy: run.summary.strategy, variant: '', time_s: b, queue: `Q${q}@m${q}`, machine: `m${q}`, length: (b + q) % 9 });
      }
    }
    const rows = (queueLengthsChart(result) as { data: { values: { strategy: string; queue_label: string; length: number }[] } }).data.values;
    expect(rows.length).toBeLessThanOrEqual(CHART_POINTS + 2 * 120);
    expect(rows.length).toBeGreaterThan(CHART_POINTS / 2);
    // Every line keeps its highest and its lowest value.
    const q7 = rows.filter((row) => row.strategy === 'distributor' && row.queue_label === 'input: Q7@m7').map((row) => row.length);
    expect([Math.min(...q7), Math.max(...q7)]).toEqual([0, 8]);
  });
});

describe('movingAverage', () => {
  it('is the centred mean over the frame, shorter at the ends, skipping non-numbers', () => {
    expect(movingAverage([1, 2, 3, 4, 5], 1)).toEqual([1.5, 2, 3, 4, 4.5]);
    expect(movingAverage([1, NaN, 3], 1)).toEqual([1, 2, 3]);
    expect(movingAverage([NaN], 2)).toEqual([NaN]);
  });
});
