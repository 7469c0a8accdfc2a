// Worker session ids: each worker start is a new session. Entries of an old session stay in the
// distributor's storage; a message forwarded on one is processed without a ready message (the later
// NServiceBus behaviour), so the surplus drains itself. Without session ids every message is answered
// with a ready message, and stale entries pile up with each restart (the earlier behaviour).
import { describe, expect, it } from 'vitest';
import { Collector } from '../../sim/metrics/collector.js';
import { initHistograms } from '../../sim/metrics/histogram.js';
import { takeLedger } from '../../sim/metrics/ledger.js';
import { buildWorld } from '../../sim/model/build/build-world.js';
import { Ev } from '../../sim/model/kernel/events.js';
import type { TraceRecord } from '../../sim/model/kernel/trace.js';
import { traceDetail } from '../../sim/model/trace-words.js';
import { formatProblem, loadScenarioText } from '../../sim/scenario/index.js';

const RESTARTS = [10_000, 20_000, 30_000];

async function runWithRestarts(sessionIds: boolean): Promise<{ storage: number[]; records: TraceRecord[]; completed: number; sent: number }> {
  await initHistograms();
  const loaded = loadScenarioText(
    `name: sessions
seed: 3
stop: { duration: 60s }
transport: { operation: 1ms, network: 0.5ms }
machines: { client: {}, server: {}, w1: {}, w2: {} }
endpoints:
  Sales:
    handlers: { Work: { duration: exponential(400ms) } }
    instances: [ { machine: w1, threads: 2 }, { machine: w2, threads: 2 } ]
senders:
  S: { machine: client, sends: [ { message: Work, to: Sales, arrivals: poisson(4/s) } ] }
strategies: { d: { kind: distributor, machine: server, sessionIds: ${sessionIds} } }
timeseries: { interval: 1s }
`,
    'test/mechanics/sessions.yaml',
  );
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  const scenario = loaded.scenario;
  const collector = new Collector('', 1);
  const world = buildWorld(scenario, scenario.strategies[0], collector);
  const records: TraceRecord[] = [];
  world.trace = (r) => {
    if (r.event === 'start' || r.event === 'crash' || (r.event === 'register' && r.worker === 'w1')) records.push(r);
  };
  // w1 crashes and starts again 2 s later, three times.
  for (const t of RESTARTS) {
    world.sim.at(t, Ev.InstanceCrash, 0, 0);
    world.sim.at(t + 2000, Ev.InstanceStart, 0, 0);
  }
  world.run();
  const result = collector.finish(world, takeLedger(world));
  const storage = result.queueLengths.filter((q) => q.queue === 'Sales.distributor.storage@server').map((q) => q.length);
  return { storage, records, completed: result.summary.completed, sent: result.summary.sent };
}

describe('worker session ids', () => {
  it('each start is a new session that announces its capacity again', async () => {
    const { records } = await runWithRestarts(true);
    const w1 = records.filter((r) => r.by === 'w1' || (r.event === 'register' && r.worker === 'w1'));
    expect(w1.filter((r) => r.event === 'start').map((r) => [r.time_ms, traceDetail(r)])).toEqual([
      [0, 'session 1, capacity 2'],
      [12_000, 'session 2, capacity 2'],
      [22_000, 'session 3, capacity 2'],
      [32_000, 'session 4, capacity 2'],
    ]);
    expect(w1.filter((r) => r.event === 'crash').map((r) => r.time_ms)).toEqual(RESTARTS);
    // Each start registers two free slots of the new session.
    const registrations = w1.filter((r) => r.event === 'register' && r.slots === 2);
    expect(registrations.map((r) => traceDetail(r))).toEqual([1, 2, 3, 4].map((s) => `2 free slots for w1, session ${s}`));
  });

  it('with session ids, stale entries drain: storage never holds more than the total capacity', async () => {
    const on = await runWithRestarts(true);
    expect(Math.max(...on.storage)).toBeLessThanOrEqual(4);
    expect(on.completed).toBe(on.sent);
  });

  it('without session ids, stale entries pile up with each restart', async () => {
    const off = await runWithRestarts(false);
    expect(off.completed).toBe(off.sent);
    // Every restart leaves the slots held by the crashed session in storage, and adds two more.
    expect(Math.max(...off.storage)).toBeGreaterThanOrEqual(8);
    expect(off.storage[off.storage.length - 1]).toBeGreaterThan(4);
  });
});
