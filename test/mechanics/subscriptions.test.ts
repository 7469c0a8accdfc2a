// Trace-level tests of publish-subscribe and of sender-side routing next to a distributor: subscription
// messages and their operations, events published before a subscription is stored (missed, counted),
// shared against per-instance subscription storage, and delayed retries sent to the distributor.
import { describe, expect, it } from 'vitest';
import { machines, trace } from './trace-run.js';

describe("subscriptions are messages", () => {
  it("a subscriber's subscription costs a send, an accept, a receive and a storage write; events published before it is stored miss it and are counted", async () => {
    const t = await trace(
      `name: t
stop: { messages: 6 }
${machines('1ms', '0.5ms')}
endpoints:
  Billing:
    handlers: { OrderAccepted: { duration: constant(1ms) } }
    instances: [ { machine: w3 } ]
senders:
  Sender: { machine: client, sends: [ { publish: OrderAccepted, arrivals: constant(1000/s) } ] }
strategies: { rr: { kind: round-robin } }
`,
      ['send', 'accept', 'receive', 'subscribe', 'missed', 'route'],
    );
    expect(t.lines.slice(0, 11)).toEqual([
      // The publish at 1 ms finds the storage empty: no copy is sent.
      "1 | missed | Sender | Sender | OrderAccepted not sent to Billing: no subscription stored yet",
      // w3 starts at 0: its send (0-1 ms), the network (0.5 ms), the client's accept (1.5-2.5 ms) ...
      "1 | send | subscribe(Billing/w3) | w3 | Sender@client | via the outgoing queue",
      "1.5 | accept | subscribe(Billing/w3) | client | Sender@client",
      "2 | missed | Sender | Sender | OrderAccepted not sent to Billing: no subscription stored yet",
      // ... the sender's receive (2.5-3.5 ms) and its storage write (3.5-4.5 ms).
      "2.5 | receive | subscribe(Billing/w3) | Sender | Sender@client",
      "3 | missed | Sender | Sender | OrderAccepted not sent to Billing: no subscription stored yet",
      "4 | missed | Sender | Sender | OrderAccepted not sent to Billing: no subscription stored yet",
      "4.5 | subscribe | subscribe(Billing/w3) | Sender | Sender | Billing subscribed to OrderAccepted",
      "5 | route | OrderAccepted#0 | Sender | w3 | round-robin counter 0",
      "6 | send | OrderAccepted#0 | client | Billing@w3 | via the outgoing queue",
      "6 | route | OrderAccepted#1 | Sender | w3 | round-robin counter 1",
    ]);
    // Six publishes: four missed, two sent; the ledger balances over the two sent.
    const s = t.result.runs[0].summary;
    expect([s.events_missed, s.sent, s.completed]).toEqual([4, 2, 2]);
  });

  it("per-instance storage under a distributor: only the worker the subscription was forwarded to publishes to the subscriber; shared storage reaches it from every worker", async () => {
    const t = await trace(
      `name: t
stop: { messages: 4 }
${machines('0ms', '0ms')}
endpoints:
  Sales:
    subscriptions: per-instance
    handlers: { PlaceOrder: { duration: constant(10ms), publish: OrderAccepted } }
    instances: [ { machine: w1 }, { machine: w2 } ]
  Billing:
    handlers: { OrderAccepted: { duration: constant(1ms) } }
    instances: [ { machine: w3 } ]
senders:
  Sender: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(50/s) } ] }
strategies: { d: { kind: distributor, machine: server }, rr: { kind: round-robin } }
variants: { per-instance: {}, shared: { endpoints.Sales.subscriptions: shared } }
`,
      ['forward', 'subscribe', 'missed'],
    );
    expect(t.lines).toEqual([
      // per-instance, distributor: the one subscription message goes to Sales's data queue and on to w1 only.
      "0 | forward | subscribe(Billing/w3) | distributor Sales@server | w1 | entry of session 1",
      "0 | subscribe | subscribe(Billing/w3) | w1 | w1 | Billing subscribed to OrderAccepted",
      "20 | forward | PlaceOrder#0 | distributor Sales@server | w2 | entry of session 1",
      "30 | missed | w2.publisher | w2 | OrderAccepted not sent to Billing: no subscription stored yet",
      "40 | forward | PlaceOrder#1 | distributor Sales@server | w1 | entry of session 1",
      "50 | forward | OrderAccepted#2 | distributor Billing@server | w3 | entry of session 1",
      "60 | forward | PlaceOrder#3 | distributor Sales@server | w2 | entry of session 1",
      "70 | missed | w2.publisher | w2 | OrderAccepted not sent to Billing: no subscription stored yet",
      "80 | forward | PlaceOrder#4 | distributor Sales@server | w1 | entry of session 1",
      "90 | forward | OrderAccepted#5 | distributor Billing@server | w3 | entry of session 1",
      // per-instance, round-robin: the subscriber sends one to each configured publisher instance.
      "0 | subscribe | subscribe(Billing/w3) | w1 | w1 | Billing subscribed to OrderAccepted",
      "0 | subscribe | subscribe(Billing/w3) | w2 | w2 | Billing subscribed to OrderAccepted",
      // shared, distributor: w1 stores it where w2 reads it too.
      "0 | forward | subscribe(Billing/w3) | distributor Sales@server | w1 | entry of session 1",
      "0 | subscribe | subscribe(Billing/w3) | w1 | Sales (shared) | Billing subscribed to OrderAccepted",
      "20 | forward | PlaceOrder#0 | distributor Sales@server | w2 | entry of session 1",
      "30 | forward | OrderAccepted#1 | distributor Billing@server | w3 | entry of session 1",
      "40 | forward | PlaceOrder#2 | distributor Sales@server | w1 | entry of session 1",
      "50 | forward | OrderAccepted#3 | distributor Billing@server | w3 | entry of session 1",
      "60 | forward | PlaceOrder#4 | distributor Sales@server | w2 | entry of session 1",
      "70 | forward | OrderAccepted#5 | distributor Billing@server | w3 | entry of session 1",
      "80 | forward | PlaceOrder#6 | distributor Sales@server | w1 | entry of session 1",
      "90 | forward | OrderAccepted#7 | distributor Billing@server | w3 | entry of session 1",
      // shared, round-robin: the second copy finds it stored already.
      "0 | subscribe | subscribe(Billing/w3) | w1 | Sales (shared) | Billing subscribed to OrderAccepted",
      "0 | subscribe | subscribe(Billing/w3) | w2 | Sales (shared) | Billing subscribed to OrderAccepted (already stored)",
    ]);
    expect(t.result.runs.map((r) => [r.summary.strategy, r.summary.variant, r.summary.events_missed, r.summary.completed])).toEqual([
      ['d', 'per-instance', 2, 6],
      ['rr', 'per-instance', 0, 8],
      ['d', 'shared', 0, 8],
      ['rr', 'shared', 0, 8],
    ]);
  });

  it("a restarted subscriber subscribes again; the publisher stores it once", async () => {
    const t = await trace(
      `name: t
stop: { messages: 2 }
${machines('0ms', '0ms')}
endpoints:
  Billing:
    handlers: { OrderAccepted: { duration: constant(1ms) } }
    instances: [ { machine: w3 } ]
senders:
  Sender: { machine: client, sends: [ { publish: OrderAccepted, arrivals: constant(1/s) } ] }
strategies: { rr: { kind: round-robin } }
faults: [ { kind: crash, instance: Billing/w3, at: 100ms, duration: 100ms } ]
`,
      ['subscribe', 'start', 'missed'],
    );
    expect(t.lines).toEqual([
      "0 | start | w3 | w3 | session 1, capacity 1",
      "0 | subscribe | subscribe(Billing/w3) | Sender | Sender | Billing subscribed to OrderAccepted",
      "200 | start | w3 | w3 | session 2, capacity 1",
      "200 | subscribe | subscribe(Billing/w3) | Sender | Sender | Billing subscribed to OrderAccepted (already stored)",
    ]);
  });
});

describe("sender-side routing with the distributor", () => {
  it("senders route round-robin; workers still register; delayed retries go to the distributor and on to a free worker; direct messages send no ready message", async () => {
    const scenario = `name: t
seed: 3
stop: { messages: 4 }
${machines('0ms', '0ms')}
endpoints:
  Sales:
    handlers: { PlaceOrder: { duration: constant(10ms), failureProbability: 0.5 } }
    retries: { immediate: 0, delayed: [100ms] }
    instances: [ { machine: w1 }, { machine: w2 } ]
senders:
  Sender: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(50/s) } ] }
strategies: { rr: { kind: round-robin }, both: { kind: distributor, machine: server, senderSide: true } }
`;
    const t = await trace(scenario, ['route', 'forward', 'delay', 'complete', 'register', 'error']);
    expect(t.lines).toEqual([
      // Plain round-robin: each delayed retry comes back to the instance it failed on.
      "20 | route | PlaceOrder#0 | Sender | w1 | round-robin counter 0",
      "30 | complete | PlaceOrder#0 | w1 | w1",
      "40 | route | PlaceOrder#1 | Sender | w2 | round-robin counter 1",
      "50 | delay | PlaceOrder#1 | w2 | Sales@w2 | due in 100 ms",
      "60 | route | PlaceOrder#2 | Sender | w1 | round-robin counter 2",
      "70 | delay | PlaceOrder#2 | w1 | Sales@w1 | due in 100 ms",
      "80 | route | PlaceOrder#3 | Sender | w2 | round-robin counter 3",
      "90 | complete | PlaceOrder#3 | w2 | w2",
      "160 | complete | PlaceOrder#1 | w2 | w2",
      "180 | error | PlaceOrder#2 | w1 | error queue | after 2 attempts",
      // Enlisted with a distributor: the workers announce their slots, the senders still choose ...
      "0 | register | ready(w1) | distributor Sales@server | Sales.distributor.storage@server | 1 free slot for w1, session 1",
      "0 | register | ready(w2) | distributor Sales@server | Sales.distributor.storage@server | 1 free slot for w2, session 1",
      "20 | route | PlaceOrder#0 | Sender | w1 | round-robin counter 0",
      "30 | complete | PlaceOrder#0 | w1 | w1",
      "40 | route | PlaceOrder#1 | Sender | w2 | round-robin counter 1",
      // ... and a delayed retry goes to the distributor's data queue, which forwards it on the oldest free slot.
      "50 | delay | PlaceOrder#1 | w2 | Sales@server | due in 100 ms",
      "60 | route | PlaceOrder#2 | Sender | w1 | round-robin counter 2",
      "70 | delay | PlaceOrder#2 | w1 | Sales@server | due in 100 ms",
      "80 | route | PlaceOrder#3 | Sender | w2 | round-robin counter 3",
      "90 | complete | PlaceOrder#3 | w2 | w2",
      "150 | forward | PlaceOrder#1 | distributor Sales@server | w1 | entry of session 1",
      "160 | complete | PlaceOrder#1 | w1 | w1",
      // Only a forwarded message is answered with a ready message: one free slot again for w1.
      "160 | register | ready(w1) | distributor Sales@server | Sales.distributor.storage@server | 1 free slot for w1, session 1",
      "170 | forward | PlaceOrder#2 | distributor Sales@server | w2 | entry of session 1",
      "180 | error | PlaceOrder#2 | w2 | error queue | after 2 attempts",
      "180 | register | ready(w2) | distributor Sales@server | Sales.distributor.storage@server | 1 free slot for w2, session 1",
    ]);
    expect(t.result.runs.map((r) => [r.summary.completed, r.summary.failed])).toEqual([[3, 1], [3, 1]]);
  });
});
