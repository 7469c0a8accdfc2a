// Common random numbers: every strategy sees exactly the same arrivals and handler durations, and
// adding a machine or a strategy changes neither.
import { describe, expect, it } from 'vitest';
import type { MessageRow } from '../../sim/metrics/results.js';
import type { Scenario } from '../../sim/model/scenario-types.js';
import { loadBundled, run } from '../helpers.js';

async function workload(scenario: Scenario): Promise<Map<string, Array<[number, number]>>> {
  const rows: MessageRow[] = [];
  await run(scenario, { messages: { write: (row) => rows.push(row) } });
  const byStrategy = new Map<string, Array<[number, number]>>();
  for (const row of rows) {
    const list = byStrategy.get(row.strategy) ?? [];
    list[row.id] = [row.sent_ms, row.service_ms];
    byStrategy.set(row.strategy, list);
  }
  return byStrategy;
}

describe('common random numbers', () => {
  const base: Scenario = { ...loadBundled('scenarios/scale-out-sample.yaml'), stop: { messages: 2000 }, warmup: { messages: 100 } };

  it('gives every strategy the same send times and handler durations', async () => {
    const byStrategy = await workload(base);
    expect([...byStrategy.keys()]).toEqual(['distributor', 'round-robin', 'random', 'shared-queue']);
    const reference = byStrategy.get('distributor');
    expect(reference).toHaveLength(2000);
    for (const list of byStrategy.values()) expect(list).toEqual(reference);
  });

  it('is unchanged by adding a machine, an instance and a strategy', async () => {
    const before = (await workload(base)).get('round-robin');
    const endpoint = base.endpoints[0];
    const bigger: Scenario = {
      ...base,
      machines: [...base.machines, { name: 'worker3', cores: 1 }],
      endpoints: [{ ...endpoint, instances: [...endpoint.instances, { ...endpoint.instances[0], name: 'worker3', machine: 'worker3', threads: 2, capacity: 2 }] }],
      strategies: [{ ...base.strategies[2], name: 'another' }, ...base.strategies],
    };
    const after = await workload(bigger);
    expect(after.get('round-robin')).toEqual(before);
    expect(after.get('another')).toEqual(before);
  });

  it('changes with the seed', async () => {
    const a = (await workload(base)).get('round-robin');
    const b = (await workload({ ...base, seed: 2 })).get('round-robin');
    expect(b).not.toEqual(a);
  });
});
