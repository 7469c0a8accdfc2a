// Trace-level tests of sender-side distribution, events, worker mechanics and distributor options:
// tiny scenarios, the exact sequence of steps ("time_ms | event | message | by | where | detail").
// Transport costs are zero here unless a case needs them, so the times show the mechanism alone.
import { describe, expect, it } from 'vitest';
import { machines, trace } from './trace-run.js';

describe("sender-side distribution", () => {
  it("round-robin keeps one counter per destination endpoint, shared by message types, from the first instance", async () => {
    const t = await trace(
      `name: t
stop: { messages: 4 }
${machines('0ms', '0ms')}
endpoints:
  Sales:
    handlers: { PlaceOrder: { duration: constant(1ms) }, CancelOrder: { duration: constant(1ms) } }
    instances: [ { machine: w1 }, { machine: w2 }, { machine: w3 } ]
senders:
  Sender: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(100/s) }, { message: CancelOrder, to: Sales, arrivals: constant(60/s) } ] }
strategies: { rr: { kind: round-robin } }
`,
      ['route'],
    );
    expect(t.lines).toEqual([
      "10 | route | PlaceOrder#0 | Sender | w1 | round-robin counter 0",
      "16.667 | route | CancelOrder#1 | Sender | w2 | round-robin counter 1",
      "20 | route | PlaceOrder#2 | Sender | w3 | round-robin counter 2",
      "30 | route | PlaceOrder#3 | Sender | w1 | round-robin counter 3",
    ]);
  });

  it("mapping changes reach a sender at its next refresh, and its counter is not reset", async () => {
    const t = await trace(
      `name: t
stop: { duration: 4s }
${machines('0ms', '0ms')}
endpoints:
  Sales:
    handlers: { PlaceOrder: { duration: constant(10ms) } }
    instances: [ { machine: w1 }, { machine: w2, removedAt: 1s }, { machine: w3, addedAt: 1.5s } ]
senders:
  Sender: { machine: client, refresh: 1s, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(2/s) } ] }
strategies: { rr: { kind: round-robin } }
`,
      ['route', 'refresh', 'start'],
    );
    expect(t.lines).toEqual([
      "0 | start | w1 | w1 | session 1, capacity 1",
      "0 | start | w2 | w2 | session 1, capacity 1",
      "500 | route | PlaceOrder#0 | Sender | w1 | round-robin counter 0",
      "727.35 | refresh | Sender | instance mapping | Sales: w1, w2",
      "1000 | route | PlaceOrder#1 | Sender | w2 | round-robin counter 1",
      "1500 | start | w3 | w3 | session 1, capacity 1",
      "1500 | route | PlaceOrder#2 | Sender | w1 | round-robin counter 2",
      "1727.35 | refresh | Sender | instance mapping | Sales: w1, w3",
      "2000 | route | PlaceOrder#3 | Sender | w3 | round-robin counter 3",
      "2500 | route | PlaceOrder#4 | Sender | w1 | round-robin counter 4",
      "2727.35 | refresh | Sender | instance mapping | Sales: w1, w3",
      "3000 | route | PlaceOrder#5 | Sender | w3 | round-robin counter 5",
      "3500 | route | PlaceOrder#6 | Sender | w1 | round-robin counter 6",
      "3727.35 | refresh | Sender | instance mapping | Sales: w1, w3",
    ]);
  });

  it("fair sends to instances never used first, then to the fewest unacknowledged; acks are messages", async () => {
    const t = await trace(
      `name: t
stop: { messages: 5 }
${machines('0ms', '0ms')}
endpoints:
  Sales:
    handlers: { PlaceOrder: { duration: constant(100ms) } }
    instances: [ { machine: w1 }, { machine: w2, speed: 0.5 } ]
senders:
  Sender: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(20/s) } ] }
strategies: { fair: { kind: fair } }
`,
      ['route', 'complete', 'receive'],
    );
    expect(t.lines).toEqual([
      "50 | route | PlaceOrder#0 | Sender | w1 | fewest unacknowledged (0)",
      "50 | receive | PlaceOrder#0 | w1 | Sales@w1 | attempt 1",
      "100 | route | PlaceOrder#1 | Sender | w2 | fewest unacknowledged (0)",
      "100 | receive | PlaceOrder#1 | w2 | Sales@w2 | attempt 1",
      "150 | complete | PlaceOrder#0 | w1 | w1",
      "150 | receive | ack(w1) | Sender | Sender@client",
      "150 | route | PlaceOrder#2 | Sender | w1 | fewest unacknowledged (0)",
      "150 | receive | PlaceOrder#2 | w1 | Sales@w1 | attempt 1",
      "200 | route | PlaceOrder#3 | Sender | w2 | fewest unacknowledged (1)",
      "250 | complete | PlaceOrder#2 | w1 | w1",
      "250 | receive | ack(w1) | Sender | Sender@client",
      "250 | route | PlaceOrder#4 | Sender | w1 | fewest unacknowledged (0)",
      "250 | receive | PlaceOrder#4 | w1 | Sales@w1 | attempt 1",
      "300 | complete | PlaceOrder#1 | w2 | w2",
      "300 | receive | ack(w2) | Sender | Sender@client",
      "300 | receive | PlaceOrder#3 | w2 | Sales@w2 | attempt 1",
      "350 | complete | PlaceOrder#4 | w1 | w1",
      "350 | receive | ack(w1) | Sender | Sender@client",
      "500 | complete | PlaceOrder#3 | w2 | w2",
      "500 | receive | ack(w2) | Sender | Sender@client",
    ]);
    expect(t.result.runs[0].summary.operations).toBe(30); // 5 work + 5 acks, each send + accept + receive
  });

  it("a custom strategy module chooses the instance (scenarios/strategies/power-of-two.js)", async () => {
    const t = await trace(
      `name: t
stop: { messages: 3 }
${machines('0ms', '0ms')}
endpoints:
  Sales:
    handlers: { PlaceOrder: { duration: constant(1ms) } }
    instances: [ { machine: w1 }, { machine: w2 } ]
senders:
  Sender: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(10/s) } ] }
strategies: { p2: { kind: custom, module: ../../scenarios/strategies/power-of-two.js } }
`,
      ['route'],
    );
    expect(t.lines).toEqual([
      "100 | route | PlaceOrder#0 | Sender | w2 | by the custom strategy",
      "200 | route | PlaceOrder#1 | Sender | w1 | by the custom strategy",
      "300 | route | PlaceOrder#2 | Sender | w2 | by the custom strategy",
    ]);
  });
});

describe("events", () => {
  it("a published event goes to one instance of each subscribing endpoint, under every strategy", async () => {
    const t = await trace(
      `name: t
stop: { messages: 2 }
${machines('0ms', '0ms')}
endpoints:
  Sales:
    handlers: { PlaceOrder: { duration: constant(10ms), publish: OrderAccepted } }
    instances: [ { machine: w1 } ]
  Billing:
    handlers: { OrderAccepted: { duration: constant(5ms) } }
    instances: [ { machine: w2 }, { machine: w3 } ]
  Shipping:
    handlers: { OrderAccepted: { duration: constant(7ms) } }
    instances: [ { machine: w3 } ]
senders:
  Sender: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(10/s) } ] }
strategies: { rr: { kind: round-robin }, d: { kind: distributor, machine: server } }
`,
      ['route', 'forward', 'complete'],
    );
    expect(t.lines).toEqual([
      "100 | route | PlaceOrder#0 | Sender | w1 | round-robin counter 0",
      "110 | complete | PlaceOrder#0 | w1 | w1",
      "110 | route | OrderAccepted#1 | w1.publisher | w2 | round-robin counter 0",
      "110 | route | OrderAccepted#2 | w1.publisher | w3 | round-robin counter 0",
      "115 | complete | OrderAccepted#1 | w2 | w2",
      "117 | complete | OrderAccepted#2 | w3 | w3",
      "200 | route | PlaceOrder#3 | Sender | w1 | round-robin counter 1",
      "210 | complete | PlaceOrder#3 | w1 | w1",
      "210 | route | OrderAccepted#4 | w1.publisher | w3 | round-robin counter 1",
      "210 | route | OrderAccepted#5 | w1.publisher | w3 | round-robin counter 1",
      "215 | complete | OrderAccepted#4 | w3 | w3",
      "217 | complete | OrderAccepted#5 | w3 | w3",
      // Under the distributor every subscriber instance's subscription goes to the publisher's data queue.
      "0 | forward | subscribe(Billing/w2) | distributor Sales@server | w1 | entry of session 1",
      "0 | forward | subscribe(Billing/w3) | distributor Sales@server | w1 | entry of session 1",
      "0 | forward | subscribe(Shipping/w3) | distributor Sales@server | w1 | entry of session 1",
      "100 | forward | PlaceOrder#0 | distributor Sales@server | w1 | entry of session 1",
      "110 | complete | PlaceOrder#0 | w1 | w1",
      "110 | forward | OrderAccepted#1 | distributor Billing@server | w2 | entry of session 1",
      "110 | forward | OrderAccepted#2 | distributor Shipping@server | w3 | entry of session 1",
      "115 | complete | OrderAccepted#1 | w2 | w2",
      "117 | complete | OrderAccepted#2 | w3 | w3",
      "200 | forward | PlaceOrder#3 | distributor Sales@server | w1 | entry of session 1",
      "210 | complete | PlaceOrder#3 | w1 | w1",
      "210 | forward | OrderAccepted#4 | distributor Billing@server | w3 | entry of session 1",
      "210 | forward | OrderAccepted#5 | distributor Shipping@server | w3 | entry of session 1",
      "215 | complete | OrderAccepted#4 | w3 | w3",
      "217 | complete | OrderAccepted#5 | w3 | w3",
    ]);
    expect(t.result.runs.map((r) => r.summary.completed)).toEqual([6, 6]);
  });
});

describe("workers", () => {
  it("CPU-bound handlers share the cores (processor sharing) and speed scales the drawn duration", async () => {
    const t = await trace(
      `name: t
stop: { messages: 3 }
${machines('0ms', '0ms')}
endpoints:
  Sales:
    handlers: { Resize: { duration: constant(100ms), cpuBound: true } }
    instances: [ { machine: w1, threads: 3, speed: 0.5 } ]
senders:
  Sender: { machine: client, sends: [ { message: Resize, to: Sales, arrivals: constant(100/s) } ] }
strategies: { rr: { kind: round-robin } }
`,
      ['handle', 'complete'],
    );
    expect(t.lines).toEqual([
      "10 | handle | Resize#0 | w1 | w1 | 200 ms of CPU",
      "20 | handle | Resize#1 | w1 | w1 | 200 ms of CPU",
      "30 | handle | Resize#2 | w1 | w1 | 200 ms of CPU",
      "585 | complete | Resize#0 | w1 | w1",
      "605 | complete | Resize#1 | w1 | w1",
      "610 | complete | Resize#2 | w1 | w1",
    ]);
  });
});

describe("distributor", () => {
  it("a prefetching worker announces an explicit capacity: two slots for one thread", async () => {
    const t = await trace(
      `name: t
stop: { messages: 3 }
${machines('0ms', '0ms')}
endpoints:
  Sales:
    handlers: { PlaceOrder: { duration: constant(100ms) } }
    instances: [ { machine: w1, threads: 1, capacity: 2 } ]
senders:
  Sender: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(1000/s) } ] }
strategies: { d: { kind: distributor, machine: server } }
`,
      ['register', 'forward', 'receive', 'complete', 'wait'],
    );
    expect(t.lines).toEqual([
      "0 | register | ready(w1) | distributor Sales@server | Sales.distributor.storage@server | 2 free slots for w1, session 1",
      "1 | receive | PlaceOrder#0 | distributor Sales@server | Sales@server",
      "1 | forward | PlaceOrder#0 | distributor Sales@server | w1 | entry of session 1",
      "1 | receive | PlaceOrder#0 | w1 | Sales@w1 | attempt 1",
      "2 | receive | PlaceOrder#1 | distributor Sales@server | Sales@server",
      "2 | forward | PlaceOrder#1 | distributor Sales@server | w1 | entry of session 1",
      "3 | receive | PlaceOrder#2 | distributor Sales@server | Sales@server",
      "3 | wait | PlaceOrder#2 | distributor Sales@server | Sales.distributor.storage@server | no free slot",
      "101 | complete | PlaceOrder#0 | w1 | w1",
      "101 | register | ready(w1) | distributor Sales@server | Sales.distributor.storage@server | 1 free slot for w1, session 1",
      "101 | forward | PlaceOrder#2 | distributor Sales@server | w1 | entry of session 1",
      "101 | receive | PlaceOrder#1 | w1 | Sales@w1 | attempt 1",
      "201 | complete | PlaceOrder#1 | w1 | w1",
      "201 | register | ready(w1) | distributor Sales@server | Sales.distributor.storage@server | 1 free slot for w1, session 1",
      "201 | receive | PlaceOrder#2 | w1 | Sales@w1 | attempt 1",
      "301 | complete | PlaceOrder#2 | w1 | w1",
      "301 | register | ready(w1) | distributor Sales@server | Sales.distributor.storage@server | 1 free slot for w1, session 1",
    ]);
  });

  it("perMessageType: one distributor and one worker process per message type, with separate queues", async () => {
    const t = await trace(
      `name: t
stop: { messages: 2 }
${machines('0ms', '0ms')}
endpoints:
  Sales:
    handlers: { PlaceOrder: { duration: constant(10ms) }, BulkImport: { duration: constant(10ms) } }
    instances: [ { machine: w1 } ]
senders:
  Sender: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(100/s) }, { message: BulkImport, to: Sales, arrivals: constant(100/s) } ] }
strategies: { d: { kind: distributor, machine: server, perMessageType: true } }
`,
      ['register', 'forward', 'receive'],
    );
    expect(t.lines).toEqual([
      "0 | register | ready(w1/PlaceOrder) | distributor PlaceOrder.Sales@server | PlaceOrder.Sales.distributor.storage@server | 1 free slot for w1/PlaceOrder, session 1",
      "0 | register | ready(w1/BulkImport) | distributor BulkImport.Sales@server | BulkImport.Sales.distributor.storage@server | 1 free slot for w1/BulkImport, session 1",
      "10 | receive | PlaceOrder#0 | distributor PlaceOrder.Sales@server | PlaceOrder.Sales@server",
      "10 | forward | PlaceOrder#0 | distributor PlaceOrder.Sales@server | w1/PlaceOrder | entry of session 1",
      "10 | receive | PlaceOrder#0 | w1/PlaceOrder | PlaceOrder.Sales@w1 | attempt 1",
      "10 | receive | BulkImport#1 | distributor BulkImport.Sales@server | BulkImport.Sales@server",
      "10 | forward | BulkImport#1 | distributor BulkImport.Sales@server | w1/BulkImport | entry of session 1",
      "10 | receive | BulkImport#1 | w1/BulkImport | BulkImport.Sales@w1 | attempt 1",
      "20 | register | ready(w1/PlaceOrder) | distributor PlaceOrder.Sales@server | PlaceOrder.Sales.distributor.storage@server | 1 free slot for w1/PlaceOrder, session 1",
      "20 | register | ready(w1/BulkImport) | distributor BulkImport.Sales@server | BulkImport.Sales.distributor.storage@server | 1 free slot for w1/BulkImport, session 1",
    ]);
  });
});
