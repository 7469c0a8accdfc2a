// The question the README's capacity-planning section asks, asked directly: three 4-core machines,
// `instances[*].threads` swept over all three at once; the plan answers with the threads per machine,
// prices each answer with `cost:` and names the cheapest configuration meeting the SLA.
import { describe, expect, it } from 'vitest';
import { runSweep } from '../../sim/metrics/sweep.js';
import { formatPlan, planCsv, sweepFindings } from '../../sim/reports/index.js';
import { buildSweepCharts } from '../../sim/reports/index.js';
import { formatProblem, loadScenarioText } from '../../sim/scenario/index.js';

const SCENARIO = `
name: three-machines
seed: 3
stop: { duration: 3m }
warmup: { duration: 20s }
machines:
  client: {}
  server: { cores: 4 }
  m1: { cores: 4 }
  m2: { cores: 4 }
  m3: { cores: 4 }
endpoints:
  Sales:
    handlers:
      PlaceOrder: { duration: exponential(200ms) }
    instances:
      - { machine: m1 }
      - { machine: m2 }
      - { machine: m3 }
senders:
  Sender:
    machine: client
    sends:
      - { message: PlaceOrder, to: Sales, arrivals: poisson(20/s) }
strategies:
  distributor: { kind: distributor, machine: server }
  round-robin: { kind: round-robin }
sweep:
  "endpoints.Sales.instances[*].threads": [1, 2, 3, 4]
replications: 3
sla: { latency_p99: 1500ms }
cost: { machine: 100, thread: 10, distributor: 50 }
`;

async function sweep() {
  const loaded = loadScenarioText(SCENARIO, 'three-machines.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  if (loaded.sweep === undefined) throw new Error('no sweep');
  return runSweep(loaded.scenario, loaded.sweep, { workers: 1, cost: loaded.cost });
}

describe('a [*] sweep over three instances', () => {
  it('answers with the threads per machine, priced, and names the cheapest', async () => {
    const result = await sweep();
    // Every point set all three instances.
    expect(result.runs.every((r) => r.run.instances.filter((i) => i.endpoint === 'Sales').length === 3)).toBe(true);
    const rows = result.plan;
    expect(rows.map((r) => [r.strategy, r.parameter])).toEqual([
      ['distributor', 'endpoints.Sales.instances[*].threads'],
      ['round-robin', 'endpoints.Sales.instances[*].threads'],
    ]);
    // 20/s of 200 ms work is 4 busy threads on average: 1 thread each (3 in all) is overloaded.
    for (const row of rows) {
      expect(row.answer).toBeGreaterThan(1);
      expect(row.margin_ms).toBeGreaterThanOrEqual(0);
      // 3 machines, 3 x threads, plus the distributor's own price.
      expect(row.cost).toBe(300 + 30 * row.answer + (row.strategy === 'distributor' ? 50 : 0));
    }
    const cheapest = rows.filter((r) => r.cheapest === 'yes');
    expect(cheapest).toHaveLength(1);
    expect(cheapest[0].cost).toBe(Math.min(...rows.map((r) => r.cost ?? Infinity)));
    const text = formatPlan(result);
    expect(text).toContain(`${cheapest[0].strategy}: ${cheapest[0].answer} threads (endpoints.Sales.instances[*].threads) keep latency_p99 <= 1500 ms`);
    expect(text).toMatch(/^cheapest meeting latency_p99 <= 1500 ms: .* cost \d+ \(priced machine 100, thread 10, distributor 50\): .*margin \d+ ms$/m);
    expect(planCsv(result).split('\n')[0]).toBe('strategy,sla,parameter,context,answer,metric_mean_ms,metric_upper_ms,margin_ms,cost,cheapest');
    expect(sweepFindings(result).some((f) => f.startsWith('the cheapest configuration meeting the SLA is'))).toBe(true);
    // No worker count is swept: no min-workers chart.
    expect(buildSweepCharts(result).map((c) => c.name)).not.toContain('min-workers');
  }, 120_000);
});
