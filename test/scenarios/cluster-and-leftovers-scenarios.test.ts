// The bundled scenarios of a distributor on a cluster and of decommission step 6 show what their
// headers say (numbers for seed 1; thresholds leave room).
import { describe, expect, it } from 'vitest';
import type { RunResult, ScenarioResult } from '../../sim/metrics/results.js';
import { formatProblem, loadScenarioFile } from '../../sim/scenario/index.js';
import { run } from '../helpers.js';

async function runFile(file: string): Promise<ScenarioResult> {
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return run(loaded.scenario, { variants: loaded.variants });
}

function runOf(result: ScenarioResult, strategy: string, variant: string): RunResult {
  const found = result.runs.find((r) => r.summary.strategy === strategy && r.summary.variant === variant);
  if (!found) throw new Error(`no run ${strategy} ${variant}`);
  return found;
}

describe('distributor-cluster and decommission step 6', () => {
  it('distributor-cluster: with a standby a 30-minute crash of the distributor\'s node costs what a 30-second one does; without, it strands the senders\' orders for 30 minutes; nothing is lost either way', async () => {
    const result = await runFile('scenarios/distributor-cluster.yaml');
    const fault = (strategy: string, variant: string) => runOf(result, strategy, variant).faults[0];
    const single = fault('single', 'lengthy');
    const cluster = fault('cluster', 'lengthy');
    expect(single.stranded).toBeGreaterThan(14_000);
    expect(cluster.stranded).toBeLessThan(400);
    // On the cluster recovery counts from the failover, 30 s after the crash.
    expect(cluster.time_to_recover_s).toBeLessThan(single.time_to_recover_s / 5);
    expect(runOf(result, 'single', 'lengthy').summary.latency_p99_ms).toBeGreaterThan(25 * 60_000);
    expect(runOf(result, 'cluster', 'lengthy').summary.latency_p99_ms).toBeLessThan(60_000);
    // The cluster's outage is the failover, however long the node is down.
    expect(runOf(result, 'cluster', 'lengthy').summary.latency_p99_ms).toBe(runOf(result, 'cluster', 'short').summary.latency_p99_ms);
    for (const r of result.runs) expect([r.summary.lost, r.summary.queued_at_end, r.summary.completed]).toEqual([0, 0, r.summary.sent]);
  });

  it('decommission: step 6 moves what the careless stop left, each moved order completes once; the mapping still names the instance, so what comes later piles up again', async () => {
    const result = await runFile('scenarios/decommission.yaml');
    const summary = (strategy: string, variant: string) => runOf(result, strategy, variant).summary;
    const careless = summary('round-robin', 'careless');
    const moved = summary('round-robin', 'careless-moved');
    expect(moved.sent).toBe(careless.sent);
    const movedOrders = moved.completed - careless.completed;
    expect(movedOrders).toBeGreaterThan(500);
    expect(careless.queued_at_end - moved.queued_at_end).toBe(movedOrders);
    expect(moved.queued_at_end).toBeGreaterThan(500);
    expect([moved.lost, moved.in_flight_at_end]).toEqual([0, 0]);
    // The moved orders waited in worker3's queue for up to five minutes.
    expect(moved.latency_p99_ms).toBeGreaterThan(60_000);
    // Under the distributor the one order stranded on worker3 is moved back through the distributor.
    expect(summary('distributor', 'careless').queued_at_end).toBe(1);
    expect(summary('distributor', 'careless-moved').queued_at_end).toBe(0);
    expect(summary('distributor', 'careless-moved').completed).toBe(summary('distributor', 'careless-moved').sent);
  });
});
