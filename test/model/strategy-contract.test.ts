// The contract every strategy kind keeps, run over every kind in the registry: on the same workload
// (with a worker crash and restart in it), the ledger balances, two runs give the same results, and
// work only ever goes to instances the endpoint has. A kind added to the registry without an entry
// in EXAMPLES fails the first test.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/metrics/run.js';
import type { TraceRecord } from '../../sim/model/kernel/trace.js';
import { STRATEGIES, STRATEGY_KINDS } from '../../sim/model/strategies/registry.js';
import { formatProblem, loadScenarioText } from '../../sim/scenario/index.js';

/** Each kind's settings for the contract workload (the file it is loaded from is in test/fixtures/scenarios/). */
const EXAMPLES: Readonly<Record<string, string>> = {
  distributor: '{ kind: distributor, machine: server }',
  'round-robin': '{ kind: round-robin }',
  random: '{ kind: random }',
  'shared-queue': '{ kind: shared-queue }',
  fair: '{ kind: fair, ackEvery: 2 }',
  custom: '{ kind: custom, module: strategies/pick-first.js }',
  'two-choices': '{ kind: two-choices, ackEvery: 2 }',
  broker: '{ kind: broker, host: server, prefetch: 2, operation: 0.1ms }',
};

const INSTANCES = ['w1', 'w2', 'w3'];

function workload(strategy: string): string {
  return `name: contract
seed: 7
stop: { messages: 300 }
transport: { operation: 0.2ms, network: 0.5ms }
machines: { client: {}, server: {}, w1: {}, w2: { cores: 2 }, w3: {} }
endpoints:
  Sales:
    handlers: { PlaceOrder: { duration: exponential(20ms), reply: OrderPlaced, failureProbability: 0.05 } }
    instances: [ { machine: w1 }, { machine: w2, threads: 2 }, { machine: w3 } ]
senders:
  Sender: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: poisson(60/s) } ] }
strategies: { s: ${strategy} }
faults: [ { kind: crash, instance: Sales/w2, at: 1s, duration: 500ms } ]
`;
}

async function runKind(kind: string): Promise<{ records: TraceRecord[]; summary: string; sent: number; completed: number; failed: number; lost: number }> {
  const loaded = loadScenarioText(workload(EXAMPLES[kind]), 'test/fixtures/scenarios/contract.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  const records: TraceRecord[] = [];
  const result = await runScenario(loaded.scenario, { trace: (r) => records.push(r) });
  const s = result.runs[0].summary;
  return { records, summary: JSON.stringify(result.runs.map((r) => r.summary)), sent: s.sent, completed: s.completed, failed: s.failed, lost: s.lost };
}

describe('every strategy kind', () => {
  it('has a contract example', () => {
    expect(STRATEGY_KINDS.filter((k) => !(k in EXAMPLES))).toEqual([]);
  });

  for (const kind of STRATEGY_KINDS) {
    describe(kind, () => {
      it('balances its ledger, repeats itself exactly and sends work only to known instances', async () => {
        const first = await runKind(kind);
        // The ledger is checked inside the run (an imbalance throws); here, all of it drained.
        expect(first.sent).toBe(300);
        expect(first.completed + first.failed + first.lost).toBe(300);
        expect(first.completed).toBeGreaterThan(250);
        const second = await runKind(kind);
        expect(second.summary).toBe(first.summary);
        expect(second.records.length).toBe(first.records.length);
        const routes = first.records.filter((r) => r.event === 'route');
        if (STRATEGIES[kind].placement === 'sender-side') expect(routes.length).toBeGreaterThanOrEqual(300);
        else expect(routes).toEqual([]);
        expect(routes.filter((r) => !INSTANCES.includes(r.where))).toEqual([]);
        const handledBy = new Set(first.records.filter((r) => r.event === 'complete').map((r) => r.by));
        expect([...handledBy].filter((by) => !INSTANCES.includes(by))).toEqual([]);
        expect(handledBy.size).toBeGreaterThan(0);
      });
    });
  }
});
