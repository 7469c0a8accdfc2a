// Trace-level tests of every fault on tiny scenarios: the exact sequence of what happens, the ledger
// at the end, and what faults.csv reports ("time_ms | event | message | by | where | detail").
import { describe, expect, it } from 'vitest';
import { machines, trace } from './trace-run.js';

const base = (faults: string, strategy = '{ rr: { kind: round-robin } }', extra = '', rate = '10/s', n = 3) => `name: t
stop: { messages: ${n} }
${machines('1ms', '0.5ms')}
endpoints:
  Sales:
    handlers: { PlaceOrder: { duration: constant(100ms) } }
    instances: [ { machine: w1 }, { machine: w2 } ]
senders:
  Sender: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(${rate}) } ] }
strategies: ${strategy}
faults:
${faults}
${extra}`;

describe('faults', () => {
  it("a machine crash rolls back the handler in progress; deliveries wait in the outgoing queue until the restart", async () => {
    const t = await trace(base(`  - { kind: crash, machine: w1, at: 150ms, duration: 500ms }`), ['fault','crash','start','route','send','accept','receive','handle','rollback','complete']);
    expect(t.lines).toEqual([
      "0 | start | w1 | w1 | session 1, capacity 1",
      "0 | start | w2 | w2 | session 1, capacity 1",
      "100 | route | PlaceOrder#0 | Sender | w1 | round-robin counter 0",
      "101 | send | PlaceOrder#0 | client | Sales@w1 | via the outgoing queue",
      "101.5 | accept | PlaceOrder#0 | w1 | Sales@w1",
      "102.5 | receive | PlaceOrder#0 | w1 | Sales@w1 | attempt 1",
      "103.5 | handle | PlaceOrder#0 | w1 | w1 | 100 ms",
      "150 | fault | crash w1 | crash | starts",
      "150 | rollback | PlaceOrder#0 | w1 | Sales@w1 | back to the head of the queue",
      "150 | crash | w1 | w1 | 46.5 ms of work lost",
      "200 | route | PlaceOrder#1 | Sender | w2 | round-robin counter 1",
      "201 | send | PlaceOrder#1 | client | Sales@w2 | via the outgoing queue",
      "201.5 | accept | PlaceOrder#1 | w2 | Sales@w2",
      "202.5 | receive | PlaceOrder#1 | w2 | Sales@w2 | attempt 1",
      "203.5 | handle | PlaceOrder#1 | w2 | w2 | 100 ms",
      "300 | route | PlaceOrder#2 | Sender | w1 | round-robin counter 2",
      "301 | send | PlaceOrder#2 | client | Sales@w1 | via the outgoing queue",
      "303.5 | complete | PlaceOrder#1 | w2 | w2",
      "650 | fault | crash w1 | crash | ends",
      "650 | start | w1 | w1 | session 2, capacity 1",
      "650 | receive | PlaceOrder#0 | w1 | Sales@w1 | attempt 2",
      // The restarted machine's session from the client resumes: PlaceOrder#2's accept is queued
      // behind the receive asked for first (650-651), and done 651-652.
      "650 | accept | PlaceOrder#2 | w1 | Sales@w1",
      "651 | handle | PlaceOrder#0 | w1 | w1 | 100 ms",
      "751 | complete | PlaceOrder#0 | w1 | w1",
      "751 | receive | PlaceOrder#2 | w1 | Sales@w1 | attempt 1",
      "752 | handle | PlaceOrder#2 | w1 | w1 | 100 ms",
      "852 | complete | PlaceOrder#2 | w1 | w1",
    ]);
    const s = t.result.runs[0].summary;
    // sent, completed, queued at end, in flight at end, lost, failed
    expect([s.sent, s.completed, s.queued_at_end, s.in_flight_at_end, s.lost, s.failed]).toEqual([3, 3, 0, 0, 0, 0]);
    // stranded, wasted work (ms)
    expect(t.result.runs[0].faults.map((f) => [f.stranded, +f.wasted_work_ms.toFixed(3)])).toEqual([[2,46.5]]);
  });

  it("a distributor crash leaves its durable queues filling; after the restart it has no registrations: a ready message from a worker it does not know is dropped, a popped entry registers its worker again", async () => {
    const t = await trace(base(`  - { kind: crash, process: distributor, at: 150ms, duration: 300ms }`, '{ d: { kind: distributor, machine: server } }'), ['fault','crash','start','receive','forward','rollback','register','registration','drop','complete']);
    expect(t.lines).toEqual([
      "0 | start | w1 | w1 | session 1, capacity 1",
      "0 | start | w2 | w2 | session 1, capacity 1",
      // Both "worker starting" messages reach the server at 1.5, each in its own session: both
      // accepts are queued at once (1.5-2.5, 2.5-3.5), so w1's control receive and store (3.5-5.5)
      // come after w2's accept.
      "5.5 | registration | ready(w1) | distributor Sales@server | Sales.distributor.control@server | w1 starting, session 1",
      "5.5 | register | ready(w1) | distributor Sales@server | Sales.distributor.storage@server | 1 free slot for w1, session 1",
      "7.5 | registration | ready(w2) | distributor Sales@server | Sales.distributor.control@server | w2 starting, session 1",
      "7.5 | register | ready(w2) | distributor Sales@server | Sales.distributor.storage@server | 1 free slot for w2, session 1",
      "102.5 | receive | PlaceOrder#0 | distributor Sales@server | Sales@server",
      "105.5 | forward | PlaceOrder#0 | distributor Sales@server | w1 | entry of session 1",
      "107 | receive | PlaceOrder#0 | w1 | Sales@w1 | attempt 1",
      "150 | fault | crash distributor | crash | starts",
      "150 | crash | distributor Sales@server | server | its queues stay",
      "209 | complete | PlaceOrder#0 | w1 | w1",
      "450 | fault | crash distributor | crash | ends",
      "450 | start | distributor Sales@server | server | concurrency 1",
      "450 | receive | PlaceOrder#1 | distributor Sales@server | Sales@server",
      // w2's entry is popped first and registers w2 again; w1's ready message (sent while the
      // distributor was down) comes from a worker it no longer knows, and is dropped.
      "451 | registration | entry(w2) | distributor Sales@server | Sales.distributor.storage@server | w2 registered again from a popped free slot, session 1",
      "452 | drop | ready(w1) | distributor Sales@server | Sales.distributor.control@server | ready message of w1, session 1, dropped: worker not registered",
      "454 | forward | PlaceOrder#1 | distributor Sales@server | w2 | entry of session 1",
      "454 | receive | PlaceOrder#2 | distributor Sales@server | Sales@server",
      "455.5 | receive | PlaceOrder#1 | w2 | Sales@w2 | attempt 1",
      "557.5 | complete | PlaceOrder#1 | w2 | w2",
      "561 | register | ready(w2) | distributor Sales@server | Sales.distributor.storage@server | 1 free slot for w2, session 1",
      "563 | forward | PlaceOrder#2 | distributor Sales@server | w2 | entry of session 1",
      "564.5 | receive | PlaceOrder#2 | w2 | Sales@w2 | attempt 1",
      "666.5 | complete | PlaceOrder#2 | w2 | w2",
    ]);
    const s = t.result.runs[0].summary;
    // sent, completed, queued at end, in flight at end, lost, failed
    expect([s.sent, s.completed, s.queued_at_end, s.in_flight_at_end, s.lost, s.failed]).toEqual([3, 3, 0, 0, 0, 0]);
    // stranded, wasted work (ms)
    expect(t.result.runs[0].faults.map((f) => [f.stranded, +f.wasted_work_ms.toFixed(3)])).toEqual([[2,0]]);
  });

  it("a slowdown makes handlers started during it take factor times longer", async () => {
    const t = await trace(base(`  - { kind: slowdown, machine: w1, factor: 3, at: 50ms, duration: 200ms }`), ['fault','handle','complete']);
    expect(t.lines).toEqual([
      "50 | fault | slowdown w1 | slowdown | starts",
      "107.5 | handle | PlaceOrder#0 | w1 | w1 | 300 ms",
      "203.5 | handle | PlaceOrder#1 | w2 | w2 | 100 ms",
      "250 | fault | slowdown w1 | slowdown | ends",
      "303.5 | complete | PlaceOrder#1 | w2 | w2",
      "407.5 | complete | PlaceOrder#0 | w1 | w1",
      "408.5 | handle | PlaceOrder#2 | w1 | w1 | 100 ms",
      "508.5 | complete | PlaceOrder#2 | w1 | w1",
    ]);
    const s = t.result.runs[0].summary;
    // sent, completed, queued at end, in flight at end, lost, failed
    expect([s.sent, s.completed, s.queued_at_end, s.in_flight_at_end, s.lost, s.failed]).toEqual([3, 3, 0, 0, 0, 0]);
    // stranded, wasted work (ms): PlaceOrder#0 stays in the client's outgoing queue until its accept,
    // slowed to 3 ms (101.5-104.5), is done, and a sample falls inside it.
    expect(t.result.runs[0].faults.map((f) => [f.stranded, +f.wasted_work_ms.toFixed(3)])).toEqual([[1,0]]);
  });

  it("a partition holds messages in the outgoing queue until it heals", async () => {
    const t = await trace(base(`  - { kind: partition, machines: [client, w1], at: 0s, duration: 400ms }`), ['fault','route','send','accept','complete']);
    expect(t.lines).toEqual([
      "0 | fault | partition client-w1 | partition | starts",
      "100 | route | PlaceOrder#0 | Sender | w1 | round-robin counter 0",
      "101 | send | PlaceOrder#0 | client | Sales@w1 | via the outgoing queue",
      "200 | route | PlaceOrder#1 | Sender | w2 | round-robin counter 1",
      "201 | send | PlaceOrder#1 | client | Sales@w2 | via the outgoing queue",
      "201.5 | accept | PlaceOrder#1 | w2 | Sales@w2",
      "300 | route | PlaceOrder#2 | Sender | w1 | round-robin counter 2",
      "301 | send | PlaceOrder#2 | client | Sales@w1 | via the outgoing queue",
      "303.5 | complete | PlaceOrder#1 | w2 | w2",
      "400 | fault | partition client-w1 | partition | ends",
      // Both cross at the heal; the session (window 1) hands #2 over as #0's accept is done.
      "400.5 | accept | PlaceOrder#0 | w1 | Sales@w1",
      "401.5 | accept | PlaceOrder#2 | w1 | Sales@w1",
      "502.5 | complete | PlaceOrder#0 | w1 | w1",
      "603.5 | complete | PlaceOrder#2 | w1 | w1",
    ]);
    const s = t.result.runs[0].summary;
    // sent, completed, queued at end, in flight at end, lost, failed
    expect([s.sent, s.completed, s.queued_at_end, s.in_flight_at_end, s.lost, s.failed]).toEqual([3, 3, 0, 0, 0, 0]);
    // stranded, wasted work (ms)
    expect(t.result.runs[0].faults.map((f) => [f.stranded, +f.wasted_work_ms.toFixed(3)])).toEqual([[2,0]]);
  });

  it("a duplicate QMId: messages to the machine without the acks stall, are resent after 30 s, and may vanish", async () => {
    const t = await trace(base(`  - { kind: duplicate-qmid, machines: [w1, w2], at: 0s, lossProbability: 0.5, switchEvery: 1h }`, undefined, '', '10/s', 4), ['fault','route','send','stall','accept','lost','complete']);
    expect(t.lines).toEqual([
      "0 | fault | duplicate-qmid w1+w2 | duplicate-qmid | starts",
      "0 | fault | duplicate-qmid w1+w2 | w1 | gets the acknowledgements",
      "100 | route | PlaceOrder#0 | Sender | w1 | round-robin counter 0",
      "101 | send | PlaceOrder#0 | client | Sales@w1 | via the outgoing queue",
      "101.5 | accept | PlaceOrder#0 | w1 | Sales@w1",
      "200 | route | PlaceOrder#1 | Sender | w2 | round-robin counter 1",
      "201 | send | PlaceOrder#1 | client | Sales@w2 | via the outgoing queue",
      "201 | stall | PlaceOrder#1 | client | Sales@w2 | no acknowledgement; resend 1 in 30 s",
      "203.5 | complete | PlaceOrder#0 | w1 | w1",
      "300 | route | PlaceOrder#2 | Sender | w1 | round-robin counter 2",
      "301 | send | PlaceOrder#2 | client | Sales@w1 | via the outgoing queue",
      "301.5 | accept | PlaceOrder#2 | w1 | Sales@w1",
      "400 | route | PlaceOrder#3 | Sender | w2 | round-robin counter 3",
      "401 | send | PlaceOrder#3 | client | Sales@w2 | via the outgoing queue",
      "401 | stall | PlaceOrder#3 | client | Sales@w2 | no acknowledgement; resend 1 in 30 s",
      "403.5 | complete | PlaceOrder#2 | w1 | w1",
      "30201 | stall | PlaceOrder#1 | client | Sales@w2 | no acknowledgement; resend 2 in 30 s",
      "30401 | stall | PlaceOrder#3 | client | Sales@w2 | no acknowledgement; resend 2 in 30 s",
      "60201 | stall | PlaceOrder#1 | client | Sales@w2 | no acknowledgement; resend 3 in 30 s",
      "60401 | lost | PlaceOrder#3 | client | vanished (duplicate QMId)",
      "90201 | lost | PlaceOrder#1 | client | vanished (duplicate QMId)",
    ]);
    const s = t.result.runs[0].summary;
    // sent, completed, queued at end, in flight at end, lost, failed
    expect([s.sent, s.completed, s.queued_at_end, s.in_flight_at_end, s.lost, s.failed]).toEqual([4, 2, 0, 0, 2, 0]);
    // stranded, wasted work (ms)
    expect(t.result.runs[0].faults.map((f) => [f.stranded, +f.wasted_work_ms.toFixed(3)])).toEqual([[2,0]]);
  });

  it("careful decommission: senders stop sending after their refresh, the instance drains, then stops", async () => {
    const t = await trace(base(`  - { kind: decommission, instance: Sales/w2, at: 150ms, careful: true }`, undefined, '', '10/s', 6).replace("Sender: { machine: client,", "Sender: { machine: client, refresh: 200ms,"), ['fault','refresh','route','crash','complete']);
    expect(t.lines).toEqual([
      "100 | route | PlaceOrder#0 | Sender | w1 | round-robin counter 0",
      "145.47 | refresh | Sender | instance mapping | Sales: w1, w2",
      "150 | fault | decommission Sales/w2 | decommission | starts",
      "200 | route | PlaceOrder#1 | Sender | w2 | round-robin counter 1",
      "203.5 | complete | PlaceOrder#0 | w1 | w1",
      "300 | route | PlaceOrder#2 | Sender | w1 | round-robin counter 2",
      "303.5 | complete | PlaceOrder#1 | w2 | w2",
      "345.47 | refresh | Sender | instance mapping | Sales: w1",
      "350 | crash | w2 | w2 | 0.0 ms of work lost",
      "400 | route | PlaceOrder#3 | Sender | w1 | round-robin counter 3",
      "403.5 | complete | PlaceOrder#2 | w1 | w1",
      "500 | route | PlaceOrder#4 | Sender | w1 | round-robin counter 4",
      "504.5 | complete | PlaceOrder#3 | w1 | w1",
      "545.47 | refresh | Sender | instance mapping | Sales: w1",
      "600 | route | PlaceOrder#5 | Sender | w1 | round-robin counter 5",
      "605.5 | complete | PlaceOrder#4 | w1 | w1",
      "706.5 | complete | PlaceOrder#5 | w1 | w1",
    ]);
    const s = t.result.runs[0].summary;
    // sent, completed, queued at end, in flight at end, lost, failed
    expect([s.sent, s.completed, s.queued_at_end, s.in_flight_at_end, s.lost, s.failed]).toEqual([6, 6, 0, 0, 0, 0]);
    // stranded, wasted work (ms)
    expect(t.result.runs[0].faults.map((f) => [f.stranded, +f.wasted_work_ms.toFixed(3)])).toEqual([[0,0]]);
  });

  it("careless decommission: the instance stops at once and its share piles up in its queue", async () => {
    const t = await trace(base(`  - { kind: decommission, instance: Sales/w2, at: 150ms, careful: false }`, undefined, '', '10/s', 5), ['fault','crash','route','complete']);
    expect(t.lines).toEqual([
      "100 | route | PlaceOrder#0 | Sender | w1 | round-robin counter 0",
      "150 | fault | decommission Sales/w2 | decommission | starts",
      "150 | crash | w2 | w2 | 0.0 ms of work lost",
      "200 | route | PlaceOrder#1 | Sender | w2 | round-robin counter 1",
      "203.5 | complete | PlaceOrder#0 | w1 | w1",
      "300 | route | PlaceOrder#2 | Sender | w1 | round-robin counter 2",
      "400 | route | PlaceOrder#3 | Sender | w2 | round-robin counter 3",
      "403.5 | complete | PlaceOrder#2 | w1 | w1",
      "500 | route | PlaceOrder#4 | Sender | w1 | round-robin counter 4",
      "603.5 | complete | PlaceOrder#4 | w1 | w1",
    ]);
    const s = t.result.runs[0].summary;
    // sent, completed, queued at end, in flight at end, lost, failed
    expect([s.sent, s.completed, s.queued_at_end, s.in_flight_at_end, s.lost, s.failed]).toEqual([5, 3, 2, 0, 0, 0]);
    // stranded, wasted work (ms)
    expect(t.result.runs[0].faults.map((f) => [f.stranded, +f.wasted_work_ms.toFixed(3)])).toEqual([[2,0]]);
  });

  it("express messages: a machine crash loses what its queues hold", async () => {
    const t = await trace(base(`  - { kind: crash, machine: w1, at: 120ms, duration: 1s }`, undefined, '', '100/s', 4).replace('transport: { operation: 1ms, network: 0.5ms }', 'transport: { operation: 1ms, network: 0.5ms, express: true }').replace('instances: [ { machine: w1 }, { machine: w2 } ]', 'instances: [ { machine: w1 } ]'), ['fault','crash','enqueue','rollback','lost','complete']);
    expect(t.lines).toEqual([
      "12.5 | enqueue | PlaceOrder#0 | w1 | Sales@w1",
      "22.5 | enqueue | PlaceOrder#1 | w1 | Sales@w1",
      "32.5 | enqueue | PlaceOrder#2 | w1 | Sales@w1",
      "42.5 | enqueue | PlaceOrder#3 | w1 | Sales@w1",
      "113.5 | complete | PlaceOrder#0 | w1 | w1",
      "120 | fault | crash w1 | crash | starts",
      "120 | rollback | PlaceOrder#1 | w1 | Sales@w1 | back to the head of the queue",
      "120 | crash | w1 | w1 | 5.5 ms of work lost",
      "120 | lost | PlaceOrder#1 | w1 | lost in the crash (express)",
      "120 | lost | PlaceOrder#2 | w1 | lost in the crash (express)",
      "120 | lost | PlaceOrder#3 | w1 | lost in the crash (express)",
    ]);
    const s = t.result.runs[0].summary;
    // sent, completed, queued at end, in flight at end, lost, failed
    expect([s.sent, s.completed, s.queued_at_end, s.in_flight_at_end, s.lost, s.failed]).toEqual([4, 1, 0, 0, 3, 0]);
    // stranded, wasted work (ms)
    expect(t.result.runs[0].faults.map((f) => [f.stranded, +f.wasted_work_ms.toFixed(3)])).toEqual([[0,5.5]]);
  });
});
