// Sweeps: every point x replication x strategy, aggregated with 95% confidence intervals, answering
// the SLA; identical whatever the number of worker threads.
import { describe, expect, it } from 'vitest';
import { estimate, tQuantile975 } from '../../sim/metrics/estimate.js';
import { planRows } from '../../sim/metrics/plan.js';
import type { AggregateRow } from '../../sim/metrics/results.js';
import { replicationSeed } from '../../sim/metrics/sweep-task.js';
import { runSweep } from '../../sim/metrics/sweep.js';
import { formatProblem, loadScenarioFile } from '../../sim/scenario/index.js';

describe('estimate', () => {
  it('gives the mean and the Student t 95% half-width', () => {
    // 2, 4, 6: mean 4, sample sd 2, t(2) = 4.303, half-width 4.303 * 2 / sqrt(3).
    const e = estimate([2, 4, 6]);
    expect(e.mean).toBe(4);
    expect(e.ci95).toBeCloseTo((4.303 * 2) / Math.sqrt(3), 10);
    expect(estimate([5]).ci95).toBeNaN();
    expect(estimate([NaN, 3]).mean).toBe(3);
    expect(tQuantile975(1)).toBe(12.706);
    expect(tQuantile975(100)).toBe(1.96);
  });
});

describe('replication seeds', () => {
  it('keep the scenario seed first, then independent derived seeds', () => {
    expect(replicationSeed(7, 0)).toBe(7);
    const seeds = [1, 2, 3, 4].map((r) => replicationSeed(7, r));
    expect(new Set(seeds).size).toBe(4);
    expect(replicationSeed(7, 2)).toBe(seeds[1]); // stable
    expect(replicationSeed(8, 1)).not.toBe(seeds[0]);
  });
});

describe('planRows', () => {
  const row = (strategy: string, count: number, mean: number, ci95: number): AggregateRow => ({
    point: count,
    strategy,
    values: [count],
    replications: 3,
    metrics: { latency_p99_ms: { mean, ci95 } },
  });
  it('answers with the smallest value whose upper bound meets the SLA, and the margin', () => {
    const rows = planRows(['endpoints.Sales.instances.count'], [row('d', 2, 1900, 200), row('d', 3, 1200, 100), row('d', 4, 900, 50), row('r', 2, 5000, 900), row('r', 3, 2600, 300)], { metric: 'latency_p99', limitMs: 2000 });
    expect(rows.map((r) => [r.strategy, r.answer, r.metric_upper_ms, r.margin_ms])).toEqual([
      ['d', 3, 1300, 700], // 2 workers: 1900 + 200 = 2100 > 2000, not with confidence
      ['r', NaN, 2900, -900], // none meets it: the best point is reported, with a negative margin
    ]);
  });
});

describe('runSweep', () => {
  const loaded = loadScenarioFile('scenarios/capacity-plan.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  const { scenario, sweep } = loaded;

  it('runs every point, replication and strategy and answers the SLA', async () => {
    expect(sweep).toBeDefined();
    const result = await runSweep(scenario, sweep!, { workers: 1 });
    expect(result.runs).toHaveLength(5 * 3 * 3);
    expect(result.aggregates).toHaveLength(5 * 3);
    for (const a of result.aggregates) expect(a.replications).toBe(3);
    // Common random numbers: within a replication every strategy and point has the same seed.
    const seeds = new Set(result.runs.filter((r) => r.replication === 1).map((r) => r.seed));
    expect(seeds.size).toBe(1);
    const answer = Object.fromEntries(result.plan.map((p) => [p.strategy, p.answer]));
    expect(answer).toEqual({ distributor: 3, 'round-robin': 4, 'shared-queue': 3 });
    for (const p of result.plan) expect(p.margin_ms).toBeGreaterThan(0);
  });

  it('gives identical results on one thread and on worker threads', async () => {
    const one = await runSweep(scenario, sweep!, { workers: 1 });
    const two = await runSweep(scenario, sweep!, { workers: 2 });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });
});
