// Trace-level tests of decommission step 6 (`moveLeftoversAt`): the messages left in a stopped
// instance's input queue at that time are received from it and sent on to the other instances, one
// transaction each on its machine; exactly those, none lost, none counted twice.
import { describe, expect, it } from 'vitest';
import { machines, trace } from './trace-run.js';

const scenario = (fault: string, strategy = '{ rr: { kind: round-robin } }', n = 9) => `name: t
stop: { messages: ${n} }
${machines('1ms', '0.5ms')}
endpoints:
  Sales:
    handlers: { PlaceOrder: { duration: constant(100ms) } }
    instances: [ { machine: w1 }, { machine: w2 }, { machine: w3 } ]
senders:
  Sender: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(10/s) } ] }
strategies: ${strategy}
faults:
  - ${fault}
`;

const CARELESS = '{ kind: decommission, instance: Sales/w2, at: 150ms, careful: false, moveLeftoversAt: 700ms }';

describe('decommission step 6: moving the leftovers', () => {
  it('round-robin: the two orders left in w2 are received from its queue and sent to w1 and w3 in turn; an order arriving later stays', async () => {
    const t = await trace(scenario(CARELESS), ['crash', 'route', 'receive', 'send', 'enqueue']);
    expect(t.lines.filter((l) => l.includes('w2') || l.includes('move'))).toEqual([
      '150 | crash | w2 | w2 | 0.0 ms of work lost',
      '200 | route | PlaceOrder#1 | Sender | w2 | round-robin counter 1',
      '201 | send | PlaceOrder#1 | client | Sales@w2 | via the outgoing queue',
      '202.5 | enqueue | PlaceOrder#1 | w2 | Sales@w2',
      '500 | route | PlaceOrder#4 | Sender | w2 | round-robin counter 4',
      '501 | send | PlaceOrder#4 | client | Sales@w2 | via the outgoing queue',
      '502.5 | enqueue | PlaceOrder#4 | w2 | Sales@w2',
      // one transaction per leftover on w2's machine: a receive and a send (2 ms), then the next
      '700 | receive | PlaceOrder#1 | move leftovers of w2 | Sales@w2',
      '702 | send | PlaceOrder#1 | w2 | Sales@w1 | via the outgoing queue',
      '702 | receive | PlaceOrder#4 | move leftovers of w2 | Sales@w2',
      '704 | send | PlaceOrder#4 | w2 | Sales@w3 | via the outgoing queue',
      // the mapping still names w2 (careless): the senders keep sending it its share
      '800 | route | PlaceOrder#7 | Sender | w2 | round-robin counter 7',
      '801 | send | PlaceOrder#7 | client | Sales@w2 | via the outgoing queue',
      '802.5 | enqueue | PlaceOrder#7 | w2 | Sales@w2',
    ]);
    const s = t.result.runs[0].summary;
    // sent, completed, queued at end, in flight at end, lost, failed: the moved orders complete once
    expect([s.sent, s.completed, s.queued_at_end, s.in_flight_at_end, s.lost, s.failed]).toEqual([9, 8, 1, 0, 0, 0]);
    expect(t.result.runs[0].leftovers.map((l) => [l.queue, l.messages])).toEqual([['Sales@w2', 1]]);
  });

  it('the moved orders are processed by the instances they were sent to', async () => {
    const t = await trace(scenario(CARELESS), ['receive', 'complete']);
    expect(t.lines.filter((l) => l.includes('PlaceOrder#1 ') || l.includes('PlaceOrder#4 '))).toEqual([
      '700 | receive | PlaceOrder#1 | move leftovers of w2 | Sales@w2',
      '702 | receive | PlaceOrder#4 | move leftovers of w2 | Sales@w2',
      '705.5 | receive | PlaceOrder#4 | w3 | Sales@w3 | attempt 1',
      '803.5 | receive | PlaceOrder#1 | w1 | Sales@w1 | attempt 1',
      '806.5 | complete | PlaceOrder#4 | w3 | w3',
      '904.5 | complete | PlaceOrder#1 | w1 | w1',
    ]);
  });

  it('without step 6 the same orders stay in w2\'s queue', async () => {
    const t = await trace(scenario(CARELESS.replace(', moveLeftoversAt: 700ms', '')), ['receive']);
    expect(t.lines.filter((l) => l.includes('move'))).toEqual([]);
    const s = t.result.runs[0].summary;
    expect([s.sent, s.completed, s.queued_at_end, s.lost]).toEqual([9, 6, 3, 0]);
    expect(t.result.runs[0].leftovers.map((l) => [l.queue, l.messages])).toEqual([['Sales@w2', 3]]);
  });

  it('under a distributor the leftover goes back to the distributor\'s data queue, which forwards it to a ready worker', async () => {
    const t = await trace(scenario(CARELESS, '{ d: { kind: distributor, machine: server } }'), ['receive', 'send', 'forward', 'complete']);
    expect(t.lines.filter((l) => l.includes('PlaceOrder#1 '))).toEqual([
      '201 | send | PlaceOrder#1 | client | Sales@server | via the outgoing queue',
      '202.5 | receive | PlaceOrder#1 | distributor Sales@server | Sales@server',
      // w2 had stopped, but the distributor still held its free slot
      '205.5 | forward | PlaceOrder#1 | distributor Sales@server | w2 | entry of session 1',
      '205.5 | send | PlaceOrder#1 | server | Sales@w2 | via the outgoing queue',
      '700 | receive | PlaceOrder#1 | move leftovers of w2 | Sales@w2',
      '702 | send | PlaceOrder#1 | w2 | Sales@server | via the outgoing queue',
      '706.5 | receive | PlaceOrder#1 | distributor Sales@server | Sales@server',
      '714.5 | forward | PlaceOrder#1 | distributor Sales@server | w1 | entry of session 1',
      '714.5 | send | PlaceOrder#1 | server | Sales@w1 | via the outgoing queue',
      '716 | receive | PlaceOrder#1 | w1 | Sales@w1 | attempt 1',
      '818 | complete | PlaceOrder#1 | w1 | w1',
    ]);
    const s = t.result.runs[0].summary;
    expect([s.sent, s.completed, s.queued_at_end, s.in_flight_at_end, s.lost, s.failed]).toEqual([9, 9, 0, 0, 0, 0]);
  });

  it('careful: a move due while the instance still drains waits until it has stopped, and finds nothing left', async () => {
    const fault = '{ kind: decommission, instance: Sales/w2, at: 150ms, careful: true, moveLeftoversAt: 200ms }';
    const t = await trace(scenario(fault).replace('Sender: { machine: client,', 'Sender: { machine: client, refresh: 200ms,'), ['crash', 'receive']);
    expect(t.lines.filter((l) => l.includes('w2'))).toEqual([
      '202.5 | receive | PlaceOrder#1 | w2 | Sales@w2 | attempt 1',
      '350 | crash | w2 | w2 | 0.0 ms of work lost',
    ]);
    const s = t.result.runs[0].summary;
    expect([s.sent, s.completed, s.queued_at_end, s.lost]).toEqual([9, 9, 0, 0]);
  });
});

describe('decommission step 6 and a crash', () => {
  it('a crash of the machine during a move rolls the message back into the old queue; the move goes on after the restart, and moves each leftover once', async () => {
    const yaml = scenario(CARELESS).replace('faults:\n', 'faults:\n  - { kind: crash, machine: w2, at: 701ms, duration: 1s }\n');
    const t = await trace(yaml, ['fault', 'receive', 'send', 'rollback']);
    expect(t.lines.filter((l) => l.includes('move') || (l.includes('| w2 |') && l.includes('send')) || l.includes('fault'))).toEqual([
      '150 | fault | decommission Sales/w2 | decommission | starts',
      '700 | receive | PlaceOrder#1 | move leftovers of w2 | Sales@w2',
      '701 | fault | crash w2 | crash | starts',
      '702 | rollback | PlaceOrder#1 | move leftovers of w2 | Sales@w2 | back to the head of the queue',
      '1701 | fault | crash w2 | crash | ends',
      '1702 | receive | PlaceOrder#1 | move leftovers of w2 | Sales@w2',
      '1704 | send | PlaceOrder#1 | w2 | Sales@w1 | via the outgoing queue',
      '1704 | receive | PlaceOrder#4 | move leftovers of w2 | Sales@w2',
      '1706 | send | PlaceOrder#4 | w2 | Sales@w3 | via the outgoing queue',
    ]);
    const s = t.result.runs[0].summary;
    // PlaceOrder#7, sent to w2 after the move started, stays
    expect([s.sent, s.completed, s.queued_at_end, s.in_flight_at_end, s.lost, s.failed]).toEqual([9, 8, 1, 0, 0, 0]);
  });
});
