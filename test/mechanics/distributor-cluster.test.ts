// Trace-level tests of a distributor on a failover cluster (strategy key `standby`): when the node
// running it crashes, the other node brings its queues, with what they hold, and a new process online
// after `failover`; deliveries that waited for the crashed node flow to the new one; the ledger balances.
import { describe, expect, it } from 'vitest';
import { trace } from './trace-run.js';

const scenario = (strategy: string, faults: string, { workers = '[ { machine: w1 }, { machine: w2 } ]', rate = '10/s', n = 4, accept = 'session' } = {}) => `name: t
stop: { messages: ${n} }
transport: { operation: 1ms, network: 0.5ms, accept: ${accept} }
machines: { client: {}, server: {}, server2: {}, w1: {}, w2: {} }
endpoints:
  Sales:
    handlers: { PlaceOrder: { duration: constant(100ms) } }
    instances: ${workers}
senders:
  Sender: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(${rate}) } ] }
strategies: { d: ${strategy} }
faults:
${faults}
`;

const CLUSTER = '{ kind: distributor, machine: server, standby: server2, failover: 300ms }';
/** The distributor's node down for 10 s; the worker restarts at 1 s. */
const RESTARTING_WORKER = '  - { kind: crash, machine: server, at: 165ms, duration: 10s }\n  - { kind: crash, instance: Sales/w1, at: 1s, duration: 100ms }';

describe('a distributor on a failover cluster', () => {
  it('after the failover time the other node takes the queues and the process over; what waited in the outgoing queues is accepted there, and the crashed node returning takes nothing back', async () => {
    const t = await trace(scenario(CLUSTER, '  - { kind: crash, machine: server, at: 150ms, duration: 400ms }', { n: 6, accept: 'local-first' }), ['fault', 'crash', 'start', 'accept', 'forward', 'complete']);
    const lines = t.lines.filter((l) => !l.includes('ready(') || l.includes('server2'));
    expect(lines).toEqual([
      '0 | start | w1 | w1 | session 1, capacity 1',
      '0 | start | w2 | w2 | session 1, capacity 1',
      '101.5 | accept | PlaceOrder#0 | server | Sales@server',
      '105.5 | forward | PlaceOrder#0 | distributor Sales@server | w1 | entry of session 1',
      '106 | accept | PlaceOrder#0 | w1 | Sales@w1',
      '150 | fault | crash server | crash | starts',
      '150 | crash | distributor Sales@server | server | its queues stay',
      '209 | complete | PlaceOrder#0 | w1 | w1',
      // 300 ms after the crash: the queues and a new process are on server2; the order that waited in
      // the client's outgoing queue since 201 ms, and w1's ready message, are accepted there.
      '450 | start | distributor Sales@server2 | server2 | concurrency 1, its queues taken over from server',
      '450 | accept | PlaceOrder#1 | server2 | Sales@server',
      '454 | forward | PlaceOrder#1 | distributor Sales@server2 | w2 | entry of session 1',
      '454 | accept | ready(w1) | server2 | Sales.distributor.control@server',
      '454.5 | accept | PlaceOrder#1 | w2 | Sales@w2',
      '456 | accept | PlaceOrder#2 | server2 | Sales@server',
      '458 | accept | PlaceOrder#3 | server2 | Sales@server',
      '501.5 | accept | PlaceOrder#4 | server2 | Sales@server',
      // server restarts; the distributor stays on server2 (no failback) and nothing starts on server.
      '550 | fault | crash server | crash | ends',
      '557.5 | complete | PlaceOrder#1 | w2 | w2',
      '558 | accept | ready(w2) | server2 | Sales.distributor.control@server',
      '563 | forward | PlaceOrder#2 | distributor Sales@server2 | w2 | entry of session 1',
      '563.5 | accept | PlaceOrder#2 | w2 | Sales@w2',
      '601.5 | accept | PlaceOrder#5 | server2 | Sales@server',
      '666.5 | complete | PlaceOrder#2 | w2 | w2',
      '667 | accept | ready(w2) | server2 | Sales.distributor.control@server',
      '672 | forward | PlaceOrder#3 | distributor Sales@server2 | w2 | entry of session 1',
      '672.5 | accept | PlaceOrder#3 | w2 | Sales@w2',
      '775.5 | complete | PlaceOrder#3 | w2 | w2',
      '776 | accept | ready(w2) | server2 | Sales.distributor.control@server',
      '781 | forward | PlaceOrder#4 | distributor Sales@server2 | w2 | entry of session 1',
      '781.5 | accept | PlaceOrder#4 | w2 | Sales@w2',
      '884.5 | complete | PlaceOrder#4 | w2 | w2',
      '885 | accept | ready(w2) | server2 | Sales.distributor.control@server',
      '890 | forward | PlaceOrder#5 | distributor Sales@server2 | w2 | entry of session 1',
      '890.5 | accept | PlaceOrder#5 | w2 | Sales@w2',
      '993.5 | complete | PlaceOrder#5 | w2 | w2',
    ]);
    const s = t.result.runs[0].summary;
    // sent, completed, queued at end, in flight at end, lost, failed
    expect([s.sent, s.completed, s.queued_at_end, s.in_flight_at_end, s.lost, s.failed]).toEqual([6, 6, 0, 0, 0, 0]);
    // what the crash held up: messages towards server (orders and ready messages) at the peak
    const f = t.result.runs[0].faults[0];
    expect([f.start_s, f.end_s, f.stranded]).toEqual([0.15, 0.55, 5]);
  });

  it('under session accepts, the sessions towards the crashed node hand what waits in them to the node that took its queues over', async () => {
    const t = await trace(scenario(CLUSTER, '  - { kind: crash, machine: server, at: 150ms, duration: 400ms }', { n: 6 }), ['fault', 'crash', 'start', 'accept', 'forward', 'complete']);
    const lines = t.lines.filter((l) => !l.includes('ready(') || l.includes('server2'));
    expect(lines).toEqual([
      '0 | start | w1 | w1 | session 1, capacity 1',
      '0 | start | w2 | w2 | session 1, capacity 1',
      '101.5 | accept | PlaceOrder#0 | server | Sales@server',
      '105.5 | forward | PlaceOrder#0 | distributor Sales@server | w1 | entry of session 1',
      '106 | accept | PlaceOrder#0 | w1 | Sales@w1',
      '150 | fault | crash server | crash | starts',
      '150 | crash | distributor Sales@server | server | its queues stay',
      '209 | complete | PlaceOrder#0 | w1 | w1',
      // At the failover the sessions towards server (w1's, with its ready message, and the client's,
      // with PlaceOrder#1) hand over to server2, where the queues are now.
      '450 | start | distributor Sales@server2 | server2 | concurrency 1, its queues taken over from server',
      '450 | accept | ready(w1) | server2 | Sales.distributor.control@server',
      '450 | accept | PlaceOrder#1 | server2 | Sales@server',
      // The client's session hands over the next order as each accept is done, in turn with the
      // distributor's own operations.
      '452 | accept | PlaceOrder#2 | server2 | Sales@server',
      '455 | accept | PlaceOrder#3 | server2 | Sales@server',
      '457 | forward | PlaceOrder#1 | distributor Sales@server2 | w2 | entry of session 1',
      '457.5 | accept | PlaceOrder#1 | w2 | Sales@w2',
      '501.5 | accept | PlaceOrder#4 | server2 | Sales@server',
      '550 | fault | crash server | crash | ends',
      '560.5 | complete | PlaceOrder#1 | w2 | w2',
      '561 | accept | ready(w2) | server2 | Sales.distributor.control@server',
      '566 | forward | PlaceOrder#2 | distributor Sales@server2 | w2 | entry of session 1',
      '566.5 | accept | PlaceOrder#2 | w2 | Sales@w2',
      '601.5 | accept | PlaceOrder#5 | server2 | Sales@server',
      '669.5 | complete | PlaceOrder#2 | w2 | w2',
      '670 | accept | ready(w2) | server2 | Sales.distributor.control@server',
      '675 | forward | PlaceOrder#3 | distributor Sales@server2 | w2 | entry of session 1',
      '675.5 | accept | PlaceOrder#3 | w2 | Sales@w2',
      '778.5 | complete | PlaceOrder#3 | w2 | w2',
      '779 | accept | ready(w2) | server2 | Sales.distributor.control@server',
      '784 | forward | PlaceOrder#4 | distributor Sales@server2 | w2 | entry of session 1',
      '784.5 | accept | PlaceOrder#4 | w2 | Sales@w2',
      '887.5 | complete | PlaceOrder#4 | w2 | w2',
      '888 | accept | ready(w2) | server2 | Sales.distributor.control@server',
      '893 | forward | PlaceOrder#5 | distributor Sales@server2 | w2 | entry of session 1',
      '893.5 | accept | PlaceOrder#5 | w2 | Sales@w2',
      '996.5 | complete | PlaceOrder#5 | w2 | w2',
    ]);
    const s = t.result.runs[0].summary;
    expect([s.sent, s.completed, s.queued_at_end, s.in_flight_at_end, s.lost, s.failed]).toEqual([6, 6, 0, 0, 0, 0]);
    const f = t.result.runs[0].faults[0];
    expect([f.start_s, f.end_s, f.stranded]).toEqual([0.15, 0.55, 5]);
  });

  it('nothing durable is lost: the data queue moves with the orders it holds, the forward in progress rolls back, and the orders flow from the other node once the worker registers there', async () => {
    // One worker busy 100 ms per order, orders every 20 ms: at the crash the data queue holds orders
    // and the forwarder waits in its transaction for a free slot. The failover is a restart of the
    // process: the worker's ready message sent during the outage comes from a worker it does not know,
    // so the orders wait on server2 until the worker restarts and says "starting" (at 1.1 s).
    const yaml = scenario(CLUSTER, RESTARTING_WORKER, { workers: '[ { machine: w1 } ]', rate: '50/s', n: 8 });
    const t = await trace(yaml, ['crash', 'start', 'rollback', 'forward', 'drop', 'registration']);
    expect(t.lines).toEqual([
      '0 | start | w1 | w1 | session 1, capacity 1',
      '4.5 | registration | ready(w1) | distributor Sales@server | Sales.distributor.control@server | w1 starting, session 1',
      '25.5 | forward | PlaceOrder#0 | distributor Sales@server | w1 | entry of session 1',
      '134.5 | forward | PlaceOrder#1 | distributor Sales@server | w1 | entry of session 1',
      '165 | rollback | PlaceOrder#2 | distributor Sales@server | Sales@server | back to the head of the queue',
      '165 | crash | distributor Sales@server | server | its queues stay',
      '465 | start | distributor Sales@server2 | server2 | concurrency 1, its queues taken over from server',
      '468 | drop | ready(w1) | distributor Sales@server2 | Sales.distributor.control@server | ready message of w1, session 1, dropped: worker not registered',
      '1000 | crash | w1 | w1 | 0.0 ms of work lost',
      '1100 | start | w1 | w1 | session 2, capacity 1',
      '1104.5 | registration | ready(w1) | distributor Sales@server2 | Sales.distributor.control@server | w1 starting, session 2',
      '1106.5 | forward | PlaceOrder#2 | distributor Sales@server2 | w1 | entry of session 2',
      '1215.5 | forward | PlaceOrder#3 | distributor Sales@server2 | w1 | entry of session 2',
      '1324.5 | forward | PlaceOrder#4 | distributor Sales@server2 | w1 | entry of session 2',
      '1433.5 | forward | PlaceOrder#5 | distributor Sales@server2 | w1 | entry of session 2',
      '1542.5 | forward | PlaceOrder#6 | distributor Sales@server2 | w1 | entry of session 2',
      '1651.5 | forward | PlaceOrder#7 | distributor Sales@server2 | w1 | entry of session 2',
    ]);
    const s = t.result.runs[0].summary;
    // sent, completed, queued at end, in flight at end, lost, failed
    expect([s.sent, s.completed, s.queued_at_end, s.in_flight_at_end, s.lost, s.failed]).toEqual([8, 8, 0, 0, 0, 0]);
  });

  it('without a standby the same crash stops the distribution until the machine is back', async () => {
    const yaml = scenario('{ kind: distributor, machine: server }', RESTARTING_WORKER, { workers: '[ { machine: w1 } ]', rate: '50/s', n: 8 });
    const t = await trace(yaml, ['start', 'forward']);
    expect(t.lines.slice(0, 6)).toEqual([
      '0 | start | w1 | w1 | session 1, capacity 1',
      '25.5 | forward | PlaceOrder#0 | distributor Sales@server | w1 | entry of session 1',
      '134.5 | forward | PlaceOrder#1 | distributor Sales@server | w1 | entry of session 1',
      '1100 | start | w1 | w1 | session 2, capacity 1',
      '10165 | start | distributor Sales@server | server | concurrency 1',
      '10173 | forward | PlaceOrder#2 | distributor Sales@server | w1 | entry of session 2',
    ]);
    const s = t.result.runs[0].summary;
    expect([s.sent, s.completed, s.queued_at_end, s.in_flight_at_end, s.lost, s.failed]).toEqual([8, 8, 0, 0, 0, 0]);
  });

  it('when the other node is down too at the failover, the distributor comes online on the first node back', async () => {
    const yaml = scenario(CLUSTER, '  - { kind: crash, machine: server2, at: 50ms, duration: 2s }\n  - { kind: crash, machine: server, at: 150ms, duration: 1s }');
    const t = await trace(yaml, ['fault', 'start']);
    expect(t.lines.filter((l) => l.includes('distributor') || l.includes('fault'))).toEqual([
      '50 | fault | crash server2 | crash | starts',
      '150 | fault | crash server | crash | starts',
      '1150 | fault | crash server | crash | ends',
      '1150 | start | distributor Sales@server | server | concurrency 1',
    ]);
    const s = t.result.runs[0].summary;
    expect([s.sent, s.completed, s.lost]).toEqual([4, 4, 0]);
  });
});
