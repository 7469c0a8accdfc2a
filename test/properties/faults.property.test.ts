// Property tests: random small scenarios with random faults keep the ledger balanced, never produce a
// negative queue, a NaN count or a message completed twice, and are deterministic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initHistograms } from '../../sim/metrics/histogram.js';
import type { MessageRow, RunResult } from '../../sim/metrics/results.js';
import { runStrategy } from '../../sim/metrics/run.js';
import type { FaultSpec, Scenario, StrategyKind, StrategySpec } from '../../sim/model/scenario-types.js';

const WORKERS = ['w1', 'w2', 'w3'];

function strategy(kind: StrategyKind, sessionIds: boolean, clustered: boolean): StrategySpec {
  if (kind === 'distributor') {
    // Clustered: w3 is the other node (it also runs a worker).
    const cluster = clustered ? { standby: 'w3' } : {};
    return { name: kind, kind, machine: 'server', concurrency: 1, noWorkerTimeoutMs: 500, sessionIds, cpuMs: 0, perMessageType: false, failoverMs: 300, ...cluster };
  }
  if (kind === 'fair') return { name: kind, kind, ackEvery: 1 };
  return { name: kind, kind } as StrategySpec;
}

const fault: fc.Arbitrary<FaultSpec> = fc.oneof(
  fc.record({ kind: fc.constant('crash' as const), machine: fc.constantFrom(...WORKERS, 'server', 'client') }),
  fc.record({ kind: fc.constant('crash' as const), instance: fc.constantFrom(...WORKERS).map((i) => ({ endpoint: 'Sales', instance: i })) }),
  fc.record({ kind: fc.constant('crash' as const), distributor: fc.constant(true) }),
  fc.record({ kind: fc.constant('slowdown' as const), machine: fc.constantFrom(...WORKERS), factor: fc.double({ min: 1.5, max: 5, noNaN: true }) }),
  fc.record({ kind: fc.constant('partition' as const), machines: fc.constantFrom(['client', 'w1'], ['server', 'w2'], ['client', 'server']) }),
  fc.record({ kind: fc.constant('duplicate-qmid' as const), machines: fc.constantFrom(['w1', 'w2'], ['w2', 'w3', 'server']), lossProbability: fc.double({ min: 0, max: 0.5, noNaN: true }), switchEveryMs: fc.integer({ min: 500, max: 5000 }) }),
  fc.record({
    kind: fc.constant('decommission' as const),
    instance: fc.constantFrom(...WORKERS).map((i) => ({ endpoint: 'Sales', instance: i })),
    careful: fc.boolean(),
    moveAfterMs: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
  }),
).chain((f) =>
  fc.record({ atMs: fc.integer({ min: 0, max: 4000 }), durationMs: fc.option(fc.integer({ min: 100, max: 4000 }), { nil: undefined }) }).map((t) => {
    if (f.kind !== 'decommission') return { ...f, name: '', ...t } as FaultSpec;
    // Step 6 some time after the decommission, or never.
    const { moveAfterMs, ...rest } = f;
    const move = moveAfterMs === undefined ? {} : { moveLeftoversAtMs: t.atMs + moveAfterMs };
    return { ...rest, name: '', atMs: t.atMs, ...move } as FaultSpec;
  }),
);

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    messages: fc.integer({ min: 20, max: 300 }),
    operationMs: fc.constantFrom(0, 0.2, 1),
    networkMs: fc.constantFrom(0, 0.5),
    commitMs: fc.constantFrom(0, 2),
    express: fc.boolean(),
    accept: fc.constantFrom('session' as const, 'local-first' as const),
    window: fc.constantFrom(1, 1, 3),
    rate: fc.integer({ min: 5, max: 200 }),
    meanMs: fc.integer({ min: 1, max: 100 }),
    failure: fc.constantFrom(0, 0, 0.2, 0.7),
    threads: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
    faults: fc.array(fault, { maxLength: 3 }),
  })
  .map((p) => ({
    name: 'property',
    file: '',
    seed: p.seed,
    stop: { messages: p.messages },
    warmup: { messages: 0 },
    drainMs: 30_000,
    transport: { operationMs: p.operationMs, networkMs: p.networkMs, commitMs: p.commitMs, accept: p.accept, window: p.window, express: p.express },
    machines: ['client', 'server', ...WORKERS].map((name) => ({ name, cores: 2 })),
    endpoints: [
      {
        name: 'Sales',
        handlers: [{ message: 'Work', duration: { kind: 'exponential' as const, mean: p.meanMs }, reply: 'Done', cpuBound: p.meanMs % 2 === 0, failureProbability: p.failure }],
        instances: WORKERS.map((m, i) => ({ name: m, machine: m, threads: p.threads[i], capacity: p.threads[i], speed: 1, addedAtMs: 0 })),
        retries: { immediate: 1, delayedMs: [200] },
      },
    ],
    senders: [{ name: 'S', machine: 'client', refreshMs: 1000, sends: [{ message: 'Work', to: 'Sales', publish: false, arrivals: { kind: 'poisson' as const, ratePerSecond: p.rate } }] }],
    strategies: [],
    faults: p.faults.map((f, i) => ({ ...f, name: `f${i}` })),
  }));

function check(run: RunResult, rows: MessageRow[]): void {
  const s = run.summary;
  for (const key of ['sent', 'completed', 'queued_at_end', 'in_flight_at_end', 'lost', 'failed', 'retries', 'operations', 'events'] as const) {
    expect(Number.isFinite(s[key]), key).toBe(true);
    expect(s[key], key).toBeGreaterThanOrEqual(0);
  }
  expect(s.completed + s.queued_at_end + s.in_flight_at_end + s.lost + s.failed).toBe(s.sent);
  for (const q of run.queueLengths) expect(q.length).toBeGreaterThanOrEqual(0);
  for (const b of run.timeseries) expect(b.in_system).toBeGreaterThanOrEqual(0);
  // No message is completed twice (a retry only ever follows a rollback or a failure).
  const ids = rows.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBe(s.completed);
}

describe('random scenarios with random faults', () => {
  it('keep the ledger balanced, queues non-negative, completions unique, and are deterministic', async () => {
    await initHistograms();
    const kinds: StrategyKind[] = ['distributor', 'round-robin', 'random', 'shared-queue', 'fair'];
    await fc.assert(
      fc.asyncProperty(scenario, fc.constantFrom(...kinds), fc.boolean(), fc.boolean(), async (base, kind, sessionIds, clustered) => {
        const spec = strategy(kind, sessionIds, clustered);
        const s: Scenario = { ...base, strategies: [spec] };
        const rows: MessageRow[] = [];
        const first = runStrategy(s, spec, { messages: { write: (r) => rows.push(r) } });
        check(first, rows);
        const again = runStrategy(s, spec);
        expect(JSON.stringify(again.summary)).toBe(JSON.stringify(first.summary));
        expect(JSON.stringify(again.faults)).toBe(JSON.stringify(first.faults));
      }),
      { numRuns: 150, seed: 20261123 },
    );
  });
});
