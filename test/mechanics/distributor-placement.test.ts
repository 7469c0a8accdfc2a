// Seed 000 and 001: the distributor's server doubling as a worker, and several distributors on one
// server (one per endpoint). Both are expressed with the existing keys: an instance on the
// distributor's machine, and one distributor per endpoint on the strategy's machine.
import { describe, expect, it } from 'vitest';
import { machines, trace } from './trace-run.js';

describe('distributor placement', () => {
  it('the server runs a worker of its own and two distributors, one per endpoint', async () => {
    const t = await trace(
      `name: placement
stop: { messages: 40 }
${machines('1ms', '0.5ms')}
endpoints:
  Sales:
    handlers: { PlaceOrder: { duration: constant(50ms) } }
    instances: [ { machine: server, name: on-server }, { machine: w1 } ]
  Billing:
    handlers: { Bill: { duration: constant(50ms) } }
    instances: [ { machine: w2 }, { machine: w3 } ]
senders:
  S: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(20/s) }, { message: Bill, to: Billing, arrivals: constant(20/s) } ] }
strategies: { d: { kind: distributor, machine: server } }
`,
      ['forward', 'send'],
    );
    const forwards = t.lines.filter((l) => l.includes('| forward |'));
    // Two distributors on server, each forwarding its own endpoint's messages.
    expect(new Set(forwards.map((l) => l.split(' | ')[3]))).toEqual(new Set(['distributor Sales@server', 'distributor Billing@server']));
    expect(forwards.filter((l) => l.includes('distributor Billing@server')).every((l) => / \| (w2|w3) \| /.test(l))).toBe(true);
    // The server's own worker gets its share, through a local send (no network, no accept).
    expect(forwards.filter((l) => l.includes('| on-server |')).length).toBeGreaterThan(5);
    expect(t.lines.some((l) => l.includes('| send | PlaceOrder#') && l.includes('| server | Sales.on-server@server | local'))).toBe(true);
    const s = t.result.runs[0].summary;
    expect([s.sent, s.completed]).toEqual([40, 40]);
  });

  it("an unnamed worker on the distributor's machine has its own input queue, not the data queue's name", async () => {
    const t = await trace(
      `name: beside
stop: { messages: 10 }
${machines('1ms', '0.5ms')}
endpoints:
  Sales:
    handlers: { PlaceOrder: { duration: constant(50ms) } }
    instances: [ { machine: server }, { machine: w1 } ]
senders:
  S: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(20/s) } ] }
strategies: { d: { kind: distributor, machine: server } }
`,
      ['send'],
    );
    // One row per queue and sample: the data queue and the worker's queue under names of their own.
    const firstSample = t.result.runs[0].queueLengths.filter((r) => r.time_s === t.result.runs[0].queueLengths[0].time_s).map((r) => r.queue);
    expect(firstSample.filter((n) => n === 'Sales@server')).toHaveLength(1);
    expect(firstSample).toContain('Sales.worker@server');
    expect(t.lines.some((l) => l.includes('| send | PlaceOrder#') && l.includes('| Sales.worker@server | local'))).toBe(true);
  });
});
