// The bundled where-the-backlog-sits.yaml: where the waiting orders are when the endpoint cannot keep
// up, under session accepts and under local-first (transport.accept).
import { describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../../sim/metrics/results.js';
import { formatProblem, loadScenarioFile } from '../../sim/scenario/index.js';
import { run } from '../helpers.js';

async function result(): Promise<ScenarioResult> {
  const loaded = loadScenarioFile('scenarios/where-the-backlog-sits.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return run(loaded.scenario, { variants: loaded.variants });
}

describe('where-the-backlog-sits', () => {
  it('the backlog is in the data queue under sessions and with spare time, in the outgoing queue under local-first on a saturated server', async () => {
    const r = await result();
    const inVariant = (variant: string) => {
      const found = r.runs.find((x) => x.summary.variant === variant);
      if (!found) throw new Error(`no run for variant ${variant}`);
      return found;
    };
    // The data queue is the distributor's; under worker-on-server the worker's input queue has the
    // same name, but its threads keep it near empty, so the peak is the data queue's.
    const peak = (variant: string, queue: string) => Math.max(0, ...inVariant(variant).queueLengths.filter((q) => q.queue === queue).map((q) => q.length));
    const data = (variant: string) => peak(variant, 'Sales@server');
    const outgoing = (variant: string) => peak(variant, 'outgoing client -> server');
    const serverBusy = (variant: string) => inVariant(variant).machines.find((m) => m.machine === 'server')?.queue_manager_utilisation ?? NaN;

    // Remote workers the bottleneck: the server has spare time, so both disciplines accept everything
    // and the backlog waits in the data queue.
    for (const variant of ['remote-workers', 'remote-workers-local-first']) {
      expect(serverBusy(variant)).toBeLessThan(0.7);
      expect(data(variant)).toBeGreaterThan(5000);
      expect(outgoing(variant)).toBeLessThan(10);
    }
    // A server saturated by its own worker: local-first never accepts while local work waits.
    expect(serverBusy('worker-on-server-local-first')).toBeGreaterThan(0.99);
    expect(data('worker-on-server-local-first')).toBe(0);
    expect(outgoing('worker-on-server-local-first')).toBeGreaterThan(5000);
    // Sessions get their turn: most of the backlog moves into the data queue; a wider window all of it.
    expect(serverBusy('worker-on-server')).toBeGreaterThan(0.99);
    expect(data('worker-on-server')).toBeGreaterThan(outgoing('worker-on-server'));
    expect(outgoing('worker-on-server')).toBeLessThan(outgoing('worker-on-server-local-first') / 2);
    expect(data('worker-on-server-window-4')).toBeGreaterThan(6000);
    expect(outgoing('worker-on-server-window-4')).toBeLessThan(20);
    // Where orders wait, not how fast the server works: throughput within 3% across disciplines.
    const throughput = (variant: string) => inVariant(variant).summary.throughput_per_s;
    for (const variant of ['worker-on-server', 'worker-on-server-window-4']) {
      expect(Math.abs(throughput(variant) / throughput('worker-on-server-local-first') - 1)).toBeLessThan(0.03);
    }
    // Every run drains: nothing is left anywhere.
    for (const x of r.runs) expect(x.leftovers).toEqual([]);
  });
});
