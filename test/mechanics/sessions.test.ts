// Worker session ids, as NServiceBus.Distributor.Msmq handles them: each worker start is a new
// session. With session ids, entries of an old session stay in storage until popped, and are then
// dropped (the next entry is popped), so a restarted worker never gets their share. Without session
// ids (old-style workers) "worker starting" removes the worker's entries from storage before adding
// its capacity; ready messages for messages queued before the restart still add entries.
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
    if (r.event === 'start' || r.event === 'crash' || r.event === 'forward' || r.event === 'registration' || (r.event === 'register' && r.worker === 'w1')) records.push(r);
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

  it('with session ids, every forward to w1 uses an entry of its current session', async () => {
    const on = await runWithRestarts(true);
    expect(on.completed).toBe(on.sent);
    expect(Math.max(...on.storage)).toBeLessThanOrEqual(4);
    let current = 0;
    let forwards = 0;
    for (const r of on.records) {
      if (r.event === 'registration' && r.worker === 'w1' && r.change === 'starting') current = r.session;
      if (r.event === 'forward' && r.where === 'w1') {
        forwards++;
        expect(r.session).toBe(current);
      }
    }
    expect(forwards).toBeGreaterThan(50);
  });

  it('without session ids, each "worker starting" removes the entries of w1 that are in storage', async () => {
    const off = await runWithRestarts(false);
    expect(off.completed).toBe(off.sent);
    const starts = off.records.filter((r) => r.event === 'registration' && r.worker === 'w1' && r.change === 'starting');
    expect(starts).toHaveLength(4);
    // Forwards carry no session id, so the narration cannot promise "no ready message".
    expect(off.records.filter((r) => r.event === 'forward').every((r) => r.event === 'forward' && !r.labelled)).toBe(true);
  });
});

/** The case: an idle 2-thread worker restarted three times, then a burst of 8 messages. */
async function idleRestartsThenBurst(sessionIds: boolean): Promise<{ lines: string[]; toW1: number; storageBeforeBurst: number }> {
  const { trace } = await import('./trace-run.js');
  const t = await trace(
    `name: idle-restarts
seed: 1
stop: { messages: 8 }
transport: { operation: 1ms, network: 0.5ms }
machines: { client: {}, server: {}, w1: {}, w2: {} }
endpoints:
  Sales:
    handlers: { Work: { duration: constant(1s) } }
    instances: [ { machine: w1, threads: 2 }, { machine: w2, threads: 2 } ]
senders:
  S: { machine: client, sends: [ { message: Work, to: Sales, arrivals: 'bursts(poisson=0/s, every=10s, size=8)' } ] }
strategies: { d: { kind: distributor, machine: server, sessionIds: ${sessionIds} } }
faults:
  - { kind: crash, instance: Sales/w1, at: 1s, duration: 500ms }
  - { kind: crash, instance: Sales/w1, at: 3s, duration: 500ms }
  - { kind: crash, instance: Sales/w1, at: 5s, duration: 500ms }
`,
    ['registration', 'register', 'drop', 'forward'],
  );
  const storage = t.result.runs[0].queueLengths.filter((q) => q.queue === 'Sales.distributor.storage@server' && q.time_s <= 9).map((q) => q.length);
  const toW1 = t.lines.filter((l) => l.includes('| forward |') && l.includes('| w1 |')).length;
  return { lines: t.lines, toW1, storageBeforeBurst: storage[storage.length - 1] };
}

describe('an idle worker restarted three times, then a burst', () => {
  it('with session ids: the six stale entries are dropped when popped; w1 gets only its capacity', async () => {
    const on = await idleRestartsThenBurst(true);
    // Storage holds 8 entries of w1 (6 of old sessions) and 2 of w2 before the burst.
    expect(on.storageBeforeBurst).toBe(10);
    const drops = on.lines.filter((l) => l.includes('| drop |'));
    expect(drops).toHaveLength(6);
    expect(drops.every((l) => l.includes('entry(w1)') && l.endsWith('dropped: not its current session'))).toBe(true);
    // The burst's first forwards: w1 gets 2 (its session-4 entries), w2 its 2; the rest on ready messages.
    const firstFour = on.lines.filter((l) => l.includes('| forward |')).slice(0, 4);
    expect(firstFour.filter((l) => l.includes('| w1 |')).every((l) => l.endsWith('entry of session 4'))).toBe(true);
    expect(firstFour.filter((l) => l.includes('| w1 |'))).toHaveLength(2);
  });

  it('without session ids: "worker starting" removes the old entries, so storage stays at the capacity', async () => {
    const off = await idleRestartsThenBurst(false);
    expect(off.storageBeforeBurst).toBe(4);
    expect(off.lines.filter((l) => l.includes('| registration |') && l.includes('w1 starting')).map((l) => l.split(' | ').pop())).toEqual([
      'w1 starting, session 1',
      'w1 starting, session 2; its 2 old free slots removed',
      'w1 starting, session 3; its 2 old free slots removed',
      'w1 starting, session 4; its 2 old free slots removed',
    ]);
    expect(off.lines.filter((l) => l.includes('| drop |'))).toHaveLength(0);
  });
});

describe('a worker that stops cleanly under the distributor', () => {
  it('careful decommission: w2 unregisters, its entries are dropped when popped, its ready messages ignored, nothing is stranded', async () => {
    const { trace } = await import('./trace-run.js');
    const t = await trace(
      `name: decommission
seed: 1
stop: { messages: 12 }
transport: { operation: 1ms, network: 0.5ms }
machines: { client: {}, server: {}, w1: {}, w2: {} }
endpoints:
  Sales:
    handlers: { Work: { duration: constant(300ms) } }
    instances: [ { machine: w1, threads: 2 }, { machine: w2, threads: 2 } ]
senders:
  S: { machine: client, refresh: 200ms, sends: [ { message: Work, to: Sales, arrivals: constant(10/s) } ] }
strategies: { d: { kind: distributor, machine: server } }
faults:
  - { kind: decommission, instance: Sales/w2, at: 450ms, careful: true }
`,
      ['registration', 'drop', 'forward', 'crash'],
    );
    const unregistered = t.lines.findIndex((l) => l.includes('| registration |') && l.endsWith('w2 disconnected'));
    expect(unregistered).toBeGreaterThan(0);
    const after = t.lines.slice(unregistered + 1);
    // Nothing is forwarded to w2 once it is unregistered; what comes back from it is dropped.
    expect(after.filter((l) => l.includes('| forward |') && l.includes('| w2 |'))).toEqual([]);
    const drops = after.filter((l) => l.includes('| drop |'));
    expect(drops.length).toBeGreaterThan(0);
    expect(drops.every((l) => l.includes('(w2)') && l.endsWith('dropped: worker disconnected'))).toBe(true);
    // w2 stops only after it drained; every message is processed.
    expect(after.some((l) => l.includes('| crash |') && l.includes('| w2 |'))).toBe(true);
    const s = t.result.runs[0].summary;
    expect([s.sent, s.completed, s.queued_at_end, s.lost]).toEqual([12, 12, 0, 0]);
  });

  it('after a distributor restart, the first popped entry re-registers its session, even an old one: the current session\'s entries are then dropped', async () => {
    const { trace } = await import('./trace-run.js');
    // w1 restarts (storage: 2 entries of session 1, 2 of session 2), then the distributor restarts
    // and forgets it; a burst of 3 pops the session-1 entries first.
    const t = await trace(
      `name: re-register
seed: 1
stop: { messages: 3 }
drain: 30s
transport: { operation: 1ms, network: 0.5ms }
machines: { client: {}, server: {}, w1: {} }
endpoints:
  Sales:
    handlers: { Work: { duration: constant(100ms) } }
    instances: [ { machine: w1, threads: 2 } ]
senders:
  S: { machine: client, sends: [ { message: Work, to: Sales, arrivals: 'bursts(poisson=0/s, every=3s, size=3)' } ] }
strategies: { d: { kind: distributor, machine: server } }
faults:
  - { kind: crash, instance: Sales/w1, at: 1s, duration: 200ms }
  - { kind: crash, process: distributor, at: 2s, duration: 100ms }
`,
      ['registration', 'drop', 'forward'],
    );
    expect(t.lines.filter((l) => Number(l.split(' | ')[0]) >= 3000).map((l) => l.split(' | ').slice(1).join(' | '))).toEqual([
      'registration | entry(w1) | distributor Sales@server | Sales.distributor.storage@server | w1 registered again from a popped free slot, session 1',
      'forward | Work#0 | distributor Sales@server | w1 | entry of session 1',
      'forward | Work#1 | distributor Sales@server | w1 | entry of session 1',
      'drop | entry(w1) | distributor Sales@server | Sales.distributor.storage@server | free slot of w1, session 2, dropped: not its current session',
      'drop | entry(w1) | distributor Sales@server | Sales.distributor.storage@server | free slot of w1, session 2, dropped: not its current session',
    ]);
    // w1 sends no ready message for messages stamped with session 1: the third message waits for good.
    const s = t.result.runs[0].summary;
    expect([s.sent, s.completed]).toEqual([3, 2]);
  });
});
