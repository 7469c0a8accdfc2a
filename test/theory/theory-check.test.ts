// The simulator against closed-form queueing theory (scenarios/theory-check.yaml): 10 single-thread
// workers, exponential 1 s handlers, Poisson 8/s, zero transport costs. Several seeds, a warm-up of
// 10,000 messages dropped, mean wait over the seeds within 5% of theory.
import { describe, expect, it } from 'vitest';
import { ekm1MeanWait, mmcMeanWait, randomSplitMeanWait } from '../../sim/theory/queueing.js';
import type { ScenarioResult } from '../../sim/metrics/results.js';
import { loadBundled, mean, run, summaryOf } from '../helpers.js';

const SEEDS = [1, 2, 3, 4, 5];
const K = 10;
const LAMBDA = 8;
const MU = 1;
const TOLERANCE = 0.05;

describe('theory check', () => {
  const bundled = loadBundled('scenarios/theory-check.yaml');
  // The broker at zero cost and prefetch 1 is one more competing-consumers queue (added here, so the
  // bundled scenario and its gallery report stay as they are).
  const base = { ...bundled, strategies: [...bundled.strategies, { name: 'broker', kind: 'broker' as const, host: 'server', prefetch: 1, operationMs: 0 }] };
  let results: ScenarioResult[] = [];

  it('runs several seeds of the bundled scenario', async () => {
    results = await Promise.all(SEEDS.map((seed) => run({ ...base, seed })));
    expect(results).toHaveLength(SEEDS.length);
    for (const r of results) for (const s of r.runs) expect(s.summary.measured).toBe(190_000);
  }, 300_000); // five seeds of five 200,000-message runs: about 30 s when the machine is busy

  const expected: Record<string, number> = {
    'shared-queue': mmcMeanWait(K, LAMBDA, MU),
    distributor: mmcMeanWait(K, LAMBDA, MU),
    broker: mmcMeanWait(K, LAMBDA, MU),
    'round-robin': ekm1MeanWait(K, LAMBDA, MU),
    random: randomSplitMeanWait(K, LAMBDA, MU),
  };

  it('uses the textbook values', () => {
    expect(expected['shared-queue']).toBeCloseTo(0.2046, 4);
    expect(expected['round-robin']).toBeCloseTo(1.922, 3);
    expect(expected.random).toBeCloseTo(4.0, 6);
  });

  for (const strategy of Object.keys(expected)) {
    it(`${strategy}: mean wait within 5% of theory over ${SEEDS.length} seeds`, () => {
      const waits = results.map((r) => summaryOf(r, strategy).wait_mean_ms / 1000);
      const relative = Math.abs(mean(waits) - expected[strategy]) / expected[strategy];
      expect(relative, `mean wait ${mean(waits).toFixed(4)} s vs ${expected[strategy].toFixed(4)} s`).toBeLessThan(TOLERANCE);
    });

    it(`${strategy}: Little's law and utilisation hold in every run`, () => {
      for (const r of results) {
        const s = summaryOf(r, strategy);
        // L (time-average in system) against lambda * W, over the same window.
        expect(Math.abs(s.in_system_mean - s.littles_law_in_system) / s.in_system_mean).toBeLessThan(0.02);
        expect(s.arrival_rate_per_s).toBeGreaterThan(LAMBDA * 0.98);
        expect(s.arrival_rate_per_s).toBeLessThan(LAMBDA * 1.02);
        expect(Math.abs(s.utilisation - LAMBDA / (K * MU))).toBeLessThan(0.02);
        expect(s.service_mean_ms).toBeGreaterThan(990);
        expect(s.service_mean_ms).toBeLessThan(1010);
        // The ledger is balanced and everything drained.
        expect(s.completed).toBe(s.sent);
        expect(s.queued_at_end + s.in_flight_at_end + s.lost).toBe(0);
      }
    });
  }

  it('with zero costs the distributor behaves exactly as an ideal shared queue', () => {
    for (const r of results) {
      const d = summaryOf(r, 'distributor');
      const q = summaryOf(r, 'shared-queue');
      expect(d.wait_mean_ms).toBe(q.wait_mean_ms);
      expect(d.latency_p99_ms).toBe(q.latency_p99_ms);
    }
  });

  it('the broker at zero cost and prefetch 1 fits M/M/10 and behaves exactly as the shared queue', () => {
    for (const r of results) {
      const b = summaryOf(r, 'broker');
      const q = summaryOf(r, 'shared-queue');
      expect(b.theory_model).toBe('M/M/10');
      expect(b.theory_flag).toBe('');
      expect(b.wait_mean_ms).toBe(q.wait_mean_ms);
      expect(b.latency_p99_ms).toBe(q.latency_p99_ms);
    }
  });
});
