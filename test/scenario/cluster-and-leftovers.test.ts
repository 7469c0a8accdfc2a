// The keys of a distributor on a cluster (`standby`, `failover`) and of decommission step 6
// (`moveLeftoversAt`): what they read into, and the exact problem lines a user sees.
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../sim/scenario/index.js';
import { BASE, BASE_FILE as F, changed, problemLines } from './base-scenario.js';

const WITH_SERVERS = changed('  worker1: { cores: 2 }\n', '  worker1: { cores: 2 }\n  server2: {}\n');
const strategyLine = (line: string) => changed('  distributor: { kind: distributor, machine: worker1 }\n', `${line}\n`, WITH_SERVERS);

describe('a distributor on a cluster', () => {
  it('reads standby and failover (default 30 s); without standby there is none', () => {
    const read = (text: string) => {
      const r = loadScenarioText(text, F);
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      return r.scenario.strategies[0];
    };
    expect(read(strategyLine('  d: { kind: distributor, machine: worker1, standby: server2 }'))).toMatchObject({ standby: 'server2', failoverMs: 30_000 });
    expect(read(strategyLine('  d: { kind: distributor, machine: worker1, standby: server2, failover: 2m }'))).toMatchObject({ standby: 'server2', failoverMs: 120_000 });
    expect(read(WITH_SERVERS)).not.toHaveProperty('standby');
  });

  it('reports a standby that is the distributor\'s own machine, an unknown one, and a standby on another kind', () => {
    expect(problemLines(strategyLine('  d: { kind: distributor, machine: worker1, standby: worker1 }'))).toEqual([
      `${F}:18:54: strategies.d.standby must be a machine other than \`machine\` ("worker1" is both)`,
    ]);
    expect(problemLines(strategyLine('  d: { kind: distributor, machine: worker1, standby: server3 }'))).toEqual([
      `${F}:18:54: strategies.d.standby unknown machine "server3"; did you mean "server2"?`,
    ]);
    expect(problemLines(strategyLine('  d: { kind: round-robin, standby: server2 }'))).toEqual([
      `${F}:18:27: strategies.d.standby only a distributor has a standby machine; remove it (this strategy is round-robin)`,
    ]);
  });
});

describe('decommission step 6', () => {
  const TWO = changed('      - { machine: worker1, threads: 1 }\n', '      - { machine: worker1, threads: 1 }\n      - { machine: server2 }\n', WITH_SERVERS);
  const fault = (entry: string) => `${TWO}faults:\n  - ${entry}\n`;

  it('reads moveLeftoversAt; absent, the fault has none', () => {
    const r = loadScenarioText(fault('{ kind: decommission, instance: Sales/server2, at: 2m, careful: false, moveLeftoversAt: 5m }'), F);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.scenario.faults[0]).toStrictEqual({
      name: 'decommission Sales/server2',
      kind: 'decommission',
      atMs: 120_000,
      instance: { endpoint: 'Sales', instance: 'server2' },
      careful: false,
      moveLeftoversAtMs: 300_000,
    });
    const without = loadScenarioText(fault('{ kind: decommission, instance: Sales/server2, at: 2m }'), F);
    expect(without.ok && without.scenario.faults[0]).not.toHaveProperty('moveLeftoversAtMs');
  });

  it('reports a move before the decommission, a bad time, and the key on another kind', () => {
    expect(problemLines(fault('{ kind: decommission, instance: Sales/server2, at: 2m, moveLeftoversAt: 1m }'))).toEqual([
      `${F}:21:60: faults[0].moveLeftoversAt must not be before the decommission (\`at\`): the leftovers are moved after the instance has stopped`,
    ]);
    expect(problemLines(fault('{ kind: decommission, instance: Sales/server2, at: 2m, moveLeftoversAt: soon }'))).toHaveLength(1);
    expect(problemLines(fault('{ kind: crash, machine: server2, at: 2m, moveLeftoversAt: 5m }'))).toEqual([
      `${F}:21:46: faults[0].moveLeftoversAt only a decommission fault has a moveLeftoversAt time; remove it (this fault is crash)`,
    ]);
  });
});
