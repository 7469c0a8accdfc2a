// The latency histogram counts values per HdrHistogram bucket itself and hands the counts over in one
// pass: its percentiles must be exactly those of an HdrHistogram that recorded every value.
import * as hdr from 'hdr-histogram-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { initHistograms, LatencyHistogram } from '../../sim/metrics/histogram.js';
import { createStream } from '../../sim/random/stream.js';

beforeAll(async () => {
  await initHistograms();
});

describe('LatencyHistogram', () => {
  it.each([0.001, 1, 1000, 1e6, 1e9])('gives HdrHistogram percentiles exactly (values around %s ms)', (scale) => {
    const ours = new LatencyHistogram();
    const direct = hdr.build({ useWebAssembly: true, bitBucketSize: 32, autoResize: true, lowestDiscernibleValue: 1, highestTrackableValue: 2 ** 40, numberOfSignificantValueDigits: 3 });
    const rng = createStream(7, `histogram/${scale}`);
    const values: number[] = [];
    for (let i = 0; i < 20000; i++) values.push(-scale * Math.log(1 - rng.next()) * (i % 97 === 0 ? 50 : 1));
    // Bucket edges, a value a hair below zero, and values past 2^32 microseconds.
    values.push(2.047, 2.048, 4.095, 4.096, -1e-9, (2 ** 32 - 1) / 1000, 2 ** 32 / 1000, (2 ** 33 + 5) / 1000);
    for (const ms of values) {
      ours.record(ms);
      direct.recordValue(ms > 0 ? Math.round(ms * 1000) : 0);
    }
    const percentiles = Array.from({ length: 1001 }, (_, i) => i / 10);
    expect(percentiles.map((p) => ours.percentileMs(p))).toEqual(percentiles.map((p) => direct.getValueAtPercentile(p) / 1000));
    expect(ours.count).toBe(values.length);
    ours.destroy();
    direct.destroy();
  });
});
