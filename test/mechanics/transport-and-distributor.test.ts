// Trace-level tests of the transport and recoverability: tiny scenarios, the exact sequence of steps.
// Each expected line is "time_ms | event | message | by | where | detail".
import { describe, expect, it } from 'vitest';
import { machines, trace } from './trace-run.js';

describe('store-and-forward transport', () => {
  it('a remote send costs send + accept + receive operations; a local send skips the accept', async () => {
    const t = await trace(
      `name: transport
stop: { messages: 3 }
${machines('1ms', '0.5ms')}
endpoints:
  Sales:
    handlers: { PlaceOrder: { duration: constant(10ms) } }
    instances: [ { machine: w1 }, { machine: client, name: local } ]
senders:
  Sender: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(1000/s) } ] }
strategies: { rr: { kind: round-robin } }
`,
      ['route', 'send', 'accept', 'enqueue', 'receive', 'handle', 'complete'],
    );
    expect(t.lines).toEqual([
      // Sends queue on the client's queue manager one after another (1 ms each).
      '1 | route | PlaceOrder#0 | Sender | w1 | round-robin counter 0',
      '2 | send | PlaceOrder#0 | client | Sales@w1 | via the outgoing queue',
      '2 | route | PlaceOrder#1 | Sender | local | round-robin counter 1',
      // 0.5 ms of network, then w1's queue manager stores it: one accept operation.
      '2.5 | accept | PlaceOrder#0 | w1 | Sales@w1',
      // A local send is stored at once: no network, no accept.
      '3 | send | PlaceOrder#1 | client | Sales.local@client | local',
      '3 | enqueue | PlaceOrder#1 | client | Sales.local@client',
      '3 | receive | PlaceOrder#1 | local | Sales.local@client | attempt 1',
      '3 | route | PlaceOrder#2 | Sender | w1 | round-robin counter 2',
      '3.5 | enqueue | PlaceOrder#0 | w1 | Sales@w1',
      '3.5 | receive | PlaceOrder#0 | w1 | Sales@w1 | attempt 1',
      // Each receive is one operation before the handler starts.
      '4 | handle | PlaceOrder#1 | local | client | 10 ms',
      '4.5 | handle | PlaceOrder#0 | w1 | w1 | 10 ms',
      // The client's queue manager was busy with the local receive until 4: this send waits for it.
      '5 | send | PlaceOrder#2 | client | Sales@w1 | via the outgoing queue',
      '5.5 | accept | PlaceOrder#2 | w1 | Sales@w1',
      '6.5 | enqueue | PlaceOrder#2 | w1 | Sales@w1',
      '14 | complete | PlaceOrder#1 | local | client',
      '14.5 | complete | PlaceOrder#0 | w1 | w1',
      '14.5 | receive | PlaceOrder#2 | w1 | Sales@w1 | attempt 1',
      '15.5 | handle | PlaceOrder#2 | w1 | w1 | 10 ms',
      '25.5 | complete | PlaceOrder#2 | w1 | w1',
    ]);
    const s = t.result.runs[0].summary;
    // 3 sends + 2 accepts + 3 receives.
    expect(s.operations).toBe(8);
  });

  it('local-first: deliveries wait in the outgoing queue until the destination queue manager has no local work', async () => {
    const t = await trace(
      `name: backpressure
stop: { messages: 3 }
${machines('1ms', '0ms', 'accept: local-first')}
endpoints:
  Sales:
    handlers: { PlaceOrder: { duration: constant(0ms) } }
    instances: [ { machine: w1, threads: 3 } ]
senders:
  A: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(1000/s) } ] }
  B: { machine: server, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(1000/s) } ] }
strategies: { rr: { kind: round-robin } }
`,
      ["send", "accept", "enqueue", "receive"],
    );
    // PlaceOrder#1 reaches w1 at 2 while it accepts #0, and #2 at 3 while it receives #0: each is
    // accepted only once w1's queue manager is idle, and the receive its enqueue triggers goes first.
    expect(t.lines).toEqual([
      "2 | send | PlaceOrder#0 | client | Sales@w1 | via the outgoing queue",
      "2 | accept | PlaceOrder#0 | w1 | Sales@w1",
      "2 | send | PlaceOrder#1 | server | Sales@w1 | via the outgoing queue",
      "3 | enqueue | PlaceOrder#0 | w1 | Sales@w1",
      "3 | receive | PlaceOrder#0 | w1 | Sales@w1 | attempt 1",
      "3 | send | PlaceOrder#2 | client | Sales@w1 | via the outgoing queue",
      "4 | accept | PlaceOrder#1 | w1 | Sales@w1",
      "5 | enqueue | PlaceOrder#1 | w1 | Sales@w1",
      "5 | receive | PlaceOrder#1 | w1 | Sales@w1 | attempt 1",
      "6 | accept | PlaceOrder#2 | w1 | Sales@w1",
      "7 | enqueue | PlaceOrder#2 | w1 | Sales@w1",
      "7 | receive | PlaceOrder#2 | w1 | Sales@w1 | attempt 1",
    ]);
  });
});

describe('recoverability', () => {
  it('immediate retries roll back to the head of the queue, delayed rounds come back, then the error queue', async () => {
    const t = await trace(
      `name: retries
stop: { messages: 1 }
${machines('1ms', '0.5ms')}
endpoints:
  Sales:
    handlers: { PlaceOrder: { duration: constant(10ms), failureProbability: 1 } }
    instances: [ { machine: w1 } ]
    retries: { immediate: 1, delayed: [100ms] }
senders:
  Sender: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(10/s) } ] }
strategies: { rr: { kind: round-robin } }
`,
      ["receive", "handle", "fail", "rollback", "delay", "send", "error"],
    );
    expect(t.lines).toEqual([
      "101 | send | PlaceOrder#0 | client | Sales@w1 | via the outgoing queue",
      "102.5 | receive | PlaceOrder#0 | w1 | Sales@w1 | attempt 1",
      "103.5 | handle | PlaceOrder#0 | w1 | w1 | 10 ms",
      "113.5 | fail | PlaceOrder#0 | w1 | w1 | immediate retry",
      "113.5 | rollback | PlaceOrder#0 | w1 | Sales@w1 | back to the head of the queue",
      "113.5 | receive | PlaceOrder#0 | w1 | Sales@w1 | attempt 2",
      "114.5 | handle | PlaceOrder#0 | w1 | w1 | 10 ms",
      "124.5 | fail | PlaceOrder#0 | w1 | w1 | delayed retry round 1",
      "125.5 | delay | PlaceOrder#0 | w1 | Sales@w1 | due in 100 ms",
      "225.5 | send | PlaceOrder#0 | w1 | Sales@w1 | local",
      "225.5 | receive | PlaceOrder#0 | w1 | Sales@w1 | attempt 3",
      "226.5 | handle | PlaceOrder#0 | w1 | w1 | 10 ms",
      "236.5 | fail | PlaceOrder#0 | w1 | w1 | immediate retry",
      "236.5 | rollback | PlaceOrder#0 | w1 | Sales@w1 | back to the head of the queue",
      "236.5 | receive | PlaceOrder#0 | w1 | Sales@w1 | attempt 4",
      "237.5 | handle | PlaceOrder#0 | w1 | w1 | 10 ms",
      "247.5 | fail | PlaceOrder#0 | w1 | w1 | to the error queue",
      "248.5 | error | PlaceOrder#0 | w1 | error queue | after 4 attempts",
    ]);
    const s = t.result.runs[0].summary;
    expect([s.sent, s.completed, s.failed, s.retries]).toEqual([1, 0, 1, 3]);
    expect(s.sent).toBe(s.completed + s.queued_at_end + s.in_flight_at_end + s.lost + s.failed);
  });
});

describe('distributor', () => {
  it('registers capacity, forwards on the oldest free slot, and aborts after the no-worker timeout', async () => {
    const t = await trace(
      `name: distributor
stop: { messages: 3 }
${machines('1ms', '0.5ms')}
endpoints:
  Sales:
    handlers: { PlaceOrder: { duration: constant(100ms), reply: OrderPlaced } }
    instances: [ { machine: w1 } ]
senders:
  Sender: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(50/s) } ] }
strategies: { d: { kind: distributor, machine: server, noWorkerTimeout: 30ms } }
`,
      ["register", "receive", "wait", "timeout", "rollback", "forward", "complete"],
    );
    expect(t.lines).toEqual([
      "4.5 | register | ready(w1) | distributor Sales@server | Sales.distributor.storage@server | 1 free slot for w1, session 1",
      "22.5 | receive | PlaceOrder#0 | distributor Sales@server | Sales@server",
      "25.5 | forward | PlaceOrder#0 | distributor Sales@server | w1 | entry of session 1",
      "27 | receive | PlaceOrder#0 | w1 | Sales@w1 | attempt 1",
      "42.5 | receive | PlaceOrder#1 | distributor Sales@server | Sales@server",
      "43.5 | wait | PlaceOrder#1 | distributor Sales@server | Sales.distributor.storage@server | no free slot",
      "73.5 | timeout | PlaceOrder#1 | distributor Sales@server | Sales.distributor.storage@server | no free slot for 30 ms",
      "73.5 | rollback | PlaceOrder#1 | distributor Sales@server | Sales@server | back to the head of the queue",
      "73.5 | receive | PlaceOrder#1 | distributor Sales@server | Sales@server",
      "74.5 | wait | PlaceOrder#1 | distributor Sales@server | Sales.distributor.storage@server | no free slot",
      "104.5 | timeout | PlaceOrder#1 | distributor Sales@server | Sales.distributor.storage@server | no free slot for 30 ms",
      "104.5 | rollback | PlaceOrder#1 | distributor Sales@server | Sales@server | back to the head of the queue",
      "104.5 | receive | PlaceOrder#1 | distributor Sales@server | Sales@server",
      "105.5 | wait | PlaceOrder#1 | distributor Sales@server | Sales.distributor.storage@server | no free slot",
      "130 | complete | PlaceOrder#0 | w1 | w1",
      "131.5 | receive | OrderPlaced#0 | Sender | Sender@client",
      "133.5 | register | ready(w1) | distributor Sales@server | Sales.distributor.storage@server | 1 free slot for w1, session 1",
      "135.5 | forward | PlaceOrder#1 | distributor Sales@server | w1 | entry of session 1",
      "135.5 | receive | PlaceOrder#2 | distributor Sales@server | Sales@server",
      "136.5 | wait | PlaceOrder#2 | distributor Sales@server | Sales.distributor.storage@server | no free slot",
      "137 | receive | PlaceOrder#1 | w1 | Sales@w1 | attempt 1",
      "166.5 | timeout | PlaceOrder#2 | distributor Sales@server | Sales.distributor.storage@server | no free slot for 30 ms",
      "166.5 | rollback | PlaceOrder#2 | distributor Sales@server | Sales@server | back to the head of the queue",
      "166.5 | receive | PlaceOrder#2 | distributor Sales@server | Sales@server",
      "167.5 | wait | PlaceOrder#2 | distributor Sales@server | Sales.distributor.storage@server | no free slot",
      "197.5 | timeout | PlaceOrder#2 | distributor Sales@server | Sales.distributor.storage@server | no free slot for 30 ms",
      "197.5 | rollback | PlaceOrder#2 | distributor Sales@server | Sales@server | back to the head of the queue",
      "197.5 | receive | PlaceOrder#2 | distributor Sales@server | Sales@server",
      "198.5 | wait | PlaceOrder#2 | distributor Sales@server | Sales.distributor.storage@server | no free slot",
      "228.5 | timeout | PlaceOrder#2 | distributor Sales@server | Sales.distributor.storage@server | no free slot for 30 ms",
      "228.5 | rollback | PlaceOrder#2 | distributor Sales@server | Sales@server | back to the head of the queue",
      "228.5 | receive | PlaceOrder#2 | distributor Sales@server | Sales@server",
      "229.5 | wait | PlaceOrder#2 | distributor Sales@server | Sales.distributor.storage@server | no free slot",
      "240 | complete | PlaceOrder#1 | w1 | w1",
      "241.5 | receive | OrderPlaced#1 | Sender | Sender@client",
      "243.5 | register | ready(w1) | distributor Sales@server | Sales.distributor.storage@server | 1 free slot for w1, session 1",
      "245.5 | forward | PlaceOrder#2 | distributor Sales@server | w1 | entry of session 1",
      "247 | receive | PlaceOrder#2 | w1 | Sales@w1 | attempt 1",
      "350 | complete | PlaceOrder#2 | w1 | w1",
      "351.5 | receive | OrderPlaced#2 | Sender | Sender@client",
    ]);
    // Round trips (send to reply received): 112.5, 202.5 and 292.5 ms.
    expect(t.result.runs[0].summary.roundtrip_mean_ms).toBeCloseTo(202.5, 6);
  });
});

describe('the commit wait (transport.commit)', () => {
  it('each transaction waits for its commit after its last operation; the queue manager serves others meanwhile', async () => {
    const t = await trace(
      `name: commit
stop: { messages: 2 }
transport: { operation: 1ms, network: 0ms, commit: 5ms }
machines: { client: {}, server: {}, w1: {} }
endpoints:
  Sales:
    handlers: { PlaceOrder: { duration: constant(10ms) } }
    instances: [ { machine: w1 } ]
senders:
  Sender: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(1000/s) } ] }
strategies: { d: { kind: distributor, machine: server, concurrency: 2 } }
`,
      ['send', 'accept', 'receive', 'register', 'forward', 'complete'],
    );
    expect(t.lines).toEqual([
      // w1's "worker starting": 1 send operation (0-1), committed at 6; the server accepts it (6-7).
      '6 | send | ready(w1) | w1 | Sales.distributor.control@server | via the outgoing queue',
      '6 | accept | ready(w1) | server | Sales.distributor.control@server',
      // The sender's send: 1 operation (1-2), committed at 7.
      '7 | send | PlaceOrder#0 | client | Sales@server | via the outgoing queue',
      '7 | accept | PlaceOrder#0 | server | Sales@server',
      '8 | send | PlaceOrder#1 | client | Sales@server | via the outgoing queue',
      // The control processor's receive and store (8-10) is done; while it waits for its commit
      // (10-15) the queue manager serves forwarder 1's receive (10-11), the accept of PlaceOrder#1
      // (handed over at 8, done in its turn, 11-12) and forwarder 2's receive (12-13).
      '8 | receive | PlaceOrder#0 | distributor Sales@server | Sales@server',
      '8 | accept | PlaceOrder#1 | server | Sales@server',
      '12 | receive | PlaceOrder#1 | distributor Sales@server | Sales@server',
      '15 | register | ready(w1) | distributor Sales@server | Sales.distributor.storage@server | 1 free slot for w1, session 1',
      // Forwarder 1 pops the entry and sends (15-17), then commits at 22.
      '22 | forward | PlaceOrder#0 | distributor Sales@server | w1 | entry of session 1',
      '22 | send | PlaceOrder#0 | server | Sales@w1 | via the outgoing queue',
      '22 | accept | PlaceOrder#0 | w1 | Sales@w1',
      // The handler's transaction: receive (23-24), 10 ms of work, the ready send (34-35), commit at 40.
      '23 | receive | PlaceOrder#0 | w1 | Sales@w1 | attempt 1',
      '40 | complete | PlaceOrder#0 | w1 | w1',
      '40 | send | ready(w1) | w1 | Sales.distributor.control@server | via the outgoing queue',
      '40 | accept | ready(w1) | server | Sales.distributor.control@server',
      '48 | register | ready(w1) | distributor Sales@server | Sales.distributor.storage@server | 1 free slot for w1, session 1',
      '55 | forward | PlaceOrder#1 | distributor Sales@server | w1 | entry of session 1',
      '55 | send | PlaceOrder#1 | server | Sales@w1 | via the outgoing queue',
      '55 | accept | PlaceOrder#1 | w1 | Sales@w1',
      '56 | receive | PlaceOrder#1 | w1 | Sales@w1 | attempt 1',
      '73 | complete | PlaceOrder#1 | w1 | w1',
      '73 | send | ready(w1) | w1 | Sales.distributor.control@server | via the outgoing queue',
      '73 | accept | ready(w1) | server | Sales.distributor.control@server',
    ]);
  });
});
