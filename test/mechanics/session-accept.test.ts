// Trace-level tests of how a queue manager takes in network deliveries (transport.accept): under
// `session` (the default) each outgoing queue is a session that hands the destination at most
// `window` messages at a time, and each accept is queued first come first served with the
// destination's local work. An accept line is the moment the session hands the message over.
// Each expected line is "time_ms | event | message | by | where | detail".
import { describe, expect, it } from 'vitest';
import { machines, trace } from './trace-run.js';

const twoSenders = `name: sessions
stop: { messages: 3 }
${machines('1ms', '0ms')}
endpoints:
  Sales:
    handlers: { PlaceOrder: { duration: constant(0ms) } }
    instances: [ { machine: w1, threads: 3 } ]
senders:
  A: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(1000/s) } ] }
  B: { machine: server, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(1000/s) } ] }
strategies: { rr: { kind: round-robin } }
`;

/** One sender to w1, whose operations a slowdown makes take 3 ms: deliveries come faster than it accepts. */
const slowReceiver = (window: number) => `name: window
stop: { messages: 3 }
${machines('1ms', '0ms', `window: ${window}`)}
endpoints:
  Sales:
    handlers: { PlaceOrder: { duration: constant(0ms) } }
    instances: [ { machine: w1, threads: 3 } ]
senders:
  Sender: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(1000/s) } ] }
strategies: { rr: { kind: round-robin } }
faults:
  - { kind: slowdown, machine: w1, factor: 3, at: 0ms }
`;

describe('accepting network deliveries through sessions', () => {
  it('an accept is queued at the destination like any local operation, first come first served', async () => {
    const t = await trace(twoSenders, ['send', 'accept', 'enqueue', 'receive']);
    expect(t.lines).toEqual([
      // Two sessions, client -> w1 and server -> w1: both deliveries are handed over at 2 and their
      // accepts served in turn (2-3, 3-4).
      '2 | send | PlaceOrder#0 | client | Sales@w1 | via the outgoing queue',
      '2 | accept | PlaceOrder#0 | w1 | Sales@w1',
      '2 | send | PlaceOrder#1 | server | Sales@w1 | via the outgoing queue',
      '2 | accept | PlaceOrder#1 | w1 | Sales@w1',
      // #0 is stored at 3; its receive joins the line behind #1's accept (4-5).
      '3 | enqueue | PlaceOrder#0 | w1 | Sales@w1',
      '3 | receive | PlaceOrder#0 | w1 | Sales@w1 | attempt 1',
      // #2 arrives at 3 on the client's session, free again: its accept is next in line (5-6),
      // before #1's receive, asked for at 4 (6-7). Local work has no priority over it.
      '3 | send | PlaceOrder#2 | client | Sales@w1 | via the outgoing queue',
      '3 | accept | PlaceOrder#2 | w1 | Sales@w1',
      '4 | enqueue | PlaceOrder#1 | w1 | Sales@w1',
      '4 | receive | PlaceOrder#1 | w1 | Sales@w1 | attempt 1',
      '6 | enqueue | PlaceOrder#2 | w1 | Sales@w1',
      '6 | receive | PlaceOrder#2 | w1 | Sales@w1 | attempt 1',
    ]);
    // 3 sends + 3 accepts + 3 receives, as under local-first: only the order differs.
    expect(t.result.runs[0].summary.operations).toBe(9);
  });

  it('a session has at most `window` messages in the destination hands; the next goes as an accept is done', async () => {
    const one = await trace(slowReceiver(1), ['send', 'accept', 'enqueue', 'receive']);
    const three = await trace(slowReceiver(3), ['send', 'accept', 'enqueue', 'receive']);
    expect(one.lines).toEqual([
      // Each accept takes 3 ms (the slowdown). #1 and #2 cross while #0's accept is in hand: with a
      // window of 1 they wait in the client's outgoing queue.
      '2 | send | PlaceOrder#0 | client | Sales@w1 | via the outgoing queue',
      '2 | accept | PlaceOrder#0 | w1 | Sales@w1',
      '3 | send | PlaceOrder#1 | client | Sales@w1 | via the outgoing queue',
      '4 | send | PlaceOrder#2 | client | Sales@w1 | via the outgoing queue',
      // #0's accept is done at 5: the thread's receive is asked for (5-8), then #1 is handed over (8-11).
      '5 | enqueue | PlaceOrder#0 | w1 | Sales@w1',
      '5 | receive | PlaceOrder#0 | w1 | Sales@w1 | attempt 1',
      '5 | accept | PlaceOrder#1 | w1 | Sales@w1',
      '11 | enqueue | PlaceOrder#1 | w1 | Sales@w1',
      '11 | receive | PlaceOrder#1 | w1 | Sales@w1 | attempt 1',
      '11 | accept | PlaceOrder#2 | w1 | Sales@w1',
      '17 | enqueue | PlaceOrder#2 | w1 | Sales@w1',
      '17 | receive | PlaceOrder#2 | w1 | Sales@w1 | attempt 1',
    ]);
    // With a window of 3 each is handed over as it arrives: the accepts run back to back (2-5, 5-8,
    // 8-11) and the receives follow them.
    expect(three.lines).toEqual([
      '2 | send | PlaceOrder#0 | client | Sales@w1 | via the outgoing queue',
      '2 | accept | PlaceOrder#0 | w1 | Sales@w1',
      '3 | send | PlaceOrder#1 | client | Sales@w1 | via the outgoing queue',
      '3 | accept | PlaceOrder#1 | w1 | Sales@w1',
      '4 | send | PlaceOrder#2 | client | Sales@w1 | via the outgoing queue',
      '4 | accept | PlaceOrder#2 | w1 | Sales@w1',
      '5 | enqueue | PlaceOrder#0 | w1 | Sales@w1',
      '5 | receive | PlaceOrder#0 | w1 | Sales@w1 | attempt 1',
      '8 | enqueue | PlaceOrder#1 | w1 | Sales@w1',
      '8 | receive | PlaceOrder#1 | w1 | Sales@w1 | attempt 1',
      '11 | enqueue | PlaceOrder#2 | w1 | Sales@w1',
      '11 | receive | PlaceOrder#2 | w1 | Sales@w1 | attempt 1',
    ]);
  });

  it('a crash of the destination undoes the accept in progress; its restart resumes the session', async () => {
    const t = await trace(
      `name: crash
stop: { messages: 1 }
${machines('10ms', '0ms')}
endpoints:
  Sales:
    handlers: { PlaceOrder: { duration: constant(0ms) } }
    instances: [ { machine: w1 } ]
senders:
  Sender: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(100/s) } ] }
strategies: { rr: { kind: round-robin } }
faults:
  - { kind: crash, machine: w1, at: 25ms, duration: 100ms }
`,
      ['fault', 'send', 'accept', 'enqueue', 'receive', 'complete'],
    );
    expect(t.lines).toEqual([
      // The accept (20-30) is cut by the crash at 25: the message stays in the client's outgoing queue.
      '20 | send | PlaceOrder#0 | client | Sales@w1 | via the outgoing queue',
      '20 | accept | PlaceOrder#0 | w1 | Sales@w1',
      '25 | fault | crash w1 | crash | starts',
      // At the restart the session resumes and hands it over again.
      '125 | fault | crash w1 | crash | ends',
      '125 | accept | PlaceOrder#0 | w1 | Sales@w1',
      '135 | enqueue | PlaceOrder#0 | w1 | Sales@w1',
      '135 | receive | PlaceOrder#0 | w1 | Sales@w1 | attempt 1',
      '145 | complete | PlaceOrder#0 | w1 | w1',
    ]);
    const s = t.result.runs[0].summary;
    // 1 send + 2 accepts (the cut one is paid) + 1 receive; nothing lost.
    expect([s.operations, s.completed, s.lost]).toEqual([4, 1, 0]);
  });
});
