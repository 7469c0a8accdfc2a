// The bundled publish-subscribe and retry-routing scenarios show what their comments say.
import { describe, expect, it } from 'vitest';
import type { RunResult, ScenarioResult } from '../../sim/metrics/results.js';
import { formatProblem, loadScenarioFile } from '../../sim/scenario/index.js';
import { run } from '../helpers.js';

async function runFile(file: string): Promise<ScenarioResult> {
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return run(loaded.scenario, { variants: loaded.variants });
}

function runOf(result: ScenarioResult, strategy: string, variant = ''): RunResult {
  const found = result.runs.find((r) => r.summary.strategy === strategy && r.summary.variant === variant);
  if (!found) throw new Error(`no run ${strategy}/${variant}`);
  return found;
}

const completedAt = (r: RunResult, endpoint: string) => r.endpoints.find((e) => e.endpoint === endpoint)?.completed ?? NaN;

describe('subscription-storage', () => {
  it('per-instance storage misses events only under the distributor; shared storage misses none', async () => {
    const result = await runFile('scenarios/subscription-storage.yaml');
    for (const strategy of ['distributor', 'round-robin']) expect(runOf(result, strategy, 'shared').summary.events_missed).toBe(0);
    expect(runOf(result, 'round-robin', 'per-instance').summary.events_missed).toBe(0);
    const missing = runOf(result, 'distributor', 'per-instance');
    const orders = completedAt(missing, 'Sales');
    // Each subscription reached one of the three Sales workers: each subscriber gets about a third of the events.
    for (const subscriber of ['Billing', 'Shipping']) {
      expect(completedAt(missing, subscriber) / orders).toBeGreaterThan(0.28);
      expect(completedAt(missing, subscriber) / orders).toBeLessThan(0.39);
    }
    // Every event copy is either sent (and completed here: the run drains) or counted missed.
    expect(missing.summary.events_missed + completedAt(missing, 'Billing') + completedAt(missing, 'Shipping')).toBe(2 * orders);
    expect(completedAt(runOf(result, 'distributor', 'shared'), 'Shipping')).toBe(completedAt(runOf(result, 'distributor', 'shared'), 'Sales'));
  });
});

describe('subscribe-at-start', () => {
  it('subscribers that start with the publisher miss nothing; one deployed two minutes later misses two minutes of events', async () => {
    const result = await runFile('scenarios/subscribe-at-start.yaml');
    for (const strategy of ['distributor', 'round-robin']) {
      expect(runOf(result, strategy, 'together').summary.events_missed).toBe(0);
      const later = runOf(result, strategy, 'billing-later');
      // Poisson(20/s) over 120 s: about 2,400 orders completed before Billing's subscriptions are stored.
      expect(later.summary.events_missed).toBeGreaterThan(2200);
      expect(later.summary.events_missed).toBeLessThan(2600);
      expect(completedAt(later, 'Billing') + later.summary.events_missed).toBe(completedAt(later, 'Sales'));
    }
  });
});

describe('retries-via-distributor', () => {
  it("enlisting the sender-side instances with a distributor spreads the slow instance's delayed retries", async () => {
    const result = await runFile('scenarios/retries-via-distributor.yaml');
    const processed = (strategy: string, instance: string) => runOf(result, strategy).instances.find((i) => i.instance === instance)?.processed ?? NaN;
    const queueMax = (strategy: string, instance: string) => runOf(result, strategy).instances.find((i) => i.instance === instance)?.queue_length_max ?? NaN;
    // The same orders and failures in every strategy.
    expect(new Set(result.runs.map((r) => r.summary.retries)).size).toBe(1);
    // Round-robin: every instance gets exactly its third, retries included (they return where they failed).
    expect(Math.abs(processed('round-robin', 'sales3') - processed('round-robin', 'sales1'))).toBeLessThan(0.02 * processed('round-robin', 'sales1'));
    // Through the distributor the slow instance's retries go elsewhere: it processes fewer, queues less.
    expect(processed('round-robin+distributor', 'sales3')).toBeLessThan(0.95 * processed('round-robin', 'sales3'));
    expect(queueMax('round-robin+distributor', 'sales3') * 3).toBeLessThan(queueMax('round-robin', 'sales3'));
    expect(runOf(result, 'round-robin+distributor').summary.latency_mean_ms * 2).toBeLessThan(runOf(result, 'round-robin').summary.latency_mean_ms);
  });
});
