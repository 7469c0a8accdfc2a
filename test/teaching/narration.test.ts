// The narrated trace on real traces of tiny scenarios: the exact sentences, each from trace records.
import { describe, expect, it } from 'vitest';
import { Ev } from '../../sim/model/kernel/events.js';
import { narrateTrace, TraceStory } from '../../sim/reports/index.js';
import { MACHINES, records, recordsWith } from './story-run.js';

const DISTRIBUTOR = `name: distributor
stop: { messages: 2 }
${MACHINES}endpoints:
  Sales:
    handlers: { PlaceOrder: { duration: constant(100ms), reply: OrderPlaced } }
    instances: [ { machine: w1 } ]
senders:
  Sender: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(50/s) } ] }
strategies: { d: { kind: distributor, machine: server, noWorkerTimeout: 30ms } }
`;

describe('narrated trace', () => {
  it('distributor: registration, forwards on free slots, waits and no-worker timeouts, replies and ready messages', async () => {
    expect(narrateTrace(await records(DISTRIBUTOR), { messages: 2 })).toEqual([
      "  0.0000 s  w1 starts (session 1) and tells the distributor it has 1 free slot.",
      "  0.0045 s  The distributor on server registers 1 free slot for w1, session 1; free slots now: w1.",
      "  0.0210 s  Sender sends PlaceOrder #0 to the distributor on server (queue Sales@server) through client's outgoing queue.",
      "  0.0215 s  The queue manager on server accepts PlaceOrder #0 from the network and stores it in Sales@server.",
      "  0.0225 s  The distributor on server receives PlaceOrder #0 from Sales@server.",
      "  0.0255 s  The distributor on server takes w1's free slot (session 1) and forwards PlaceOrder #0 to Sales@w1; no free slots left.",
      "  0.0260 s  The queue manager on w1 accepts PlaceOrder #0 from the network and stores it in Sales@w1.",
      "  0.0270 s  w1 receives PlaceOrder #0 from Sales@w1 and runs the handler for 100 ms.",
      "  0.0410 s  Sender sends PlaceOrder #1 to the distributor on server (queue Sales@server) through client's outgoing queue.",
      "  0.0415 s  The queue manager on server accepts PlaceOrder #1 from the network and stores it in Sales@server.",
      "  0.0425 s  The distributor on server receives PlaceOrder #1 from Sales@server, but no worker has a free slot: it waits for a ready message.",
      "  0.0735 s  The distributor on server gives up (no free slot for 30 ms): its transaction rolls back and PlaceOrder #1 goes back to the head of Sales@server.",
      "  0.0735 s  The distributor on server receives PlaceOrder #1 again from Sales@server, but no worker has a free slot: it waits for a ready message.",
      "  0.1045 s  The distributor on server gives up (no free slot for 30 ms): its transaction rolls back and PlaceOrder #1 goes back to the head of Sales@server.",
      "  0.1045 s  The distributor on server receives PlaceOrder #1 again from Sales@server, but no worker has a free slot: it waits for a ready message.",
      "  0.1300 s  w1 completes PlaceOrder #0 (109 ms after it was sent), replies OrderPlaced to Sender and tells the distributor it is ready again.",
      "  0.1315 s  Sender receives OrderPlaced #0, the reply to PlaceOrder #0: 110.5 ms after sending it.",
      "  0.1335 s  The distributor on server registers 1 free slot for w1, session 1; free slots now: w1.",
      "  0.1355 s  The distributor on server takes w1's free slot (session 1) and forwards PlaceOrder #1 to Sales@w1; no free slots left.",
      "  0.1360 s  The queue manager on w1 accepts PlaceOrder #1 from the network and stores it in Sales@w1.",
      "  0.1370 s  w1 receives PlaceOrder #1 from Sales@w1 and runs the handler for 100 ms.",
      "  0.2400 s  w1 completes PlaceOrder #1 (199 ms after it was sent), replies OrderPlaced to Sender and tells the distributor it is ready again.",
      "  0.2415 s  Sender receives OrderPlaced #1, the reply to PlaceOrder #1: 200.5 ms after sending it.",
      // The run ends once every message is answered: the last ready message is still on its way.
    ]);
  });

  it('subscriptions: a subscription forwarded to one worker, stored in its own storage; the other worker publishes no copy', async () => {
    const all = await records(`name: subscriptions
stop: { messages: 2 }
${MACHINES}endpoints:
  Sales:
    subscriptions: per-instance
    handlers: { PlaceOrder: { duration: constant(10ms), publish: OrderAccepted } }
    instances: [ { machine: w1 }, { machine: w2 } ]
  Billing:
    handlers: { OrderAccepted: { duration: constant(5ms) } }
    instances: [ { machine: client } ]
senders:
  Sender: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(20/s) } ] }
strategies: { d: { kind: distributor, machine: server } }
`);
    expect(narrateTrace(all, { messages: 2 })).toEqual([
      "  0.0000 s  w1 starts (session 1) and tells the distributor it has 1 free slot.",
      "  0.0000 s  w2 starts (session 1) and tells the distributor it has 1 free slot.",
      "  0.0000 s  client starts (session 1) and tells the distributor it has 1 free slot.",
      // The three "worker starting" messages arrive on three sessions at once and are accepted first
      // (1.5-4.5 ms), then each distributor's control processor takes its own in turn.
      "  0.0065 s  The Sales distributor on server registers 1 free slot for w1, session 1; free slots now: w1.",
      "  0.0085 s  The Billing distributor on server registers 1 free slot for client, session 1; free slots now: client.",
      "  0.0115 s  The Sales distributor on server registers 1 free slot for w2, session 1; free slots now: w1, w2.",
      "  0.0190 s  w1 receives Billing/client's subscription to OrderAccepted (forwarded by the Sales distributor on server on one of w1's free slots) and writes it to its own subscription storage: from now on its OrderAccepted events reach Billing.",
      "  0.0510 s  A sender on client sends PlaceOrder #0 to the Sales distributor on server (queue Sales@server) through client's outgoing queue.",
      "  0.0515 s  The queue manager on server accepts PlaceOrder #0 from the network and stores it in Sales@server.",
      "  0.0525 s  The Sales distributor on server receives PlaceOrder #0 from Sales@server.",
      "  0.0555 s  The Sales distributor on server takes w2's free slot (session 1) and forwards PlaceOrder #0 to Sales@w2; free slots left: w1.",
      "  0.0560 s  The queue manager on w2 accepts PlaceOrder #0 from the network and stores it in Sales@w2.",
      "  0.0570 s  w2 receives PlaceOrder #0 from Sales@w2 and runs the handler for 10 ms.",
      "  0.0690 s  w2 completes PlaceOrder #0 (18 ms after it was sent), sends no event copy to Billing (no subscription of it in its storage) and tells the distributor it is ready again.",
      "  0.0725 s  The Sales distributor on server registers 1 free slot for w2, session 1; free slots now: w1, w2.",
      "  0.1010 s  A sender on client sends PlaceOrder #1 to the Sales distributor on server (queue Sales@server) through client's outgoing queue.",
      "  0.1015 s  The queue manager on server accepts PlaceOrder #1 from the network and stores it in Sales@server.",
      "  0.1025 s  The Sales distributor on server receives PlaceOrder #1 from Sales@server.",
      "  0.1055 s  The Sales distributor on server takes w1's free slot (session 1) and forwards PlaceOrder #1 to Sales@w1; free slots left: w2.",
      "  0.1060 s  The queue manager on w1 accepts PlaceOrder #1 from the network and stores it in Sales@w1.",
      "  0.1070 s  w1 receives PlaceOrder #1 from Sales@w1 and runs the handler for 10 ms.",
      "  0.1200 s  w1 completes PlaceOrder #1 (19 ms after it was sent), publishes OrderAccepted #2 and tells the distributor it is ready again.",
      "  0.1275 s  The Sales distributor on server registers 1 free slot for w1, session 1; free slots now: w2, w1.",
    ]);
  });

  it('round-robin: the route choice, and a message waiting behind a busy worker while the other idles', async () => {
    const all = await records(`name: round-robin
stop: { messages: 3 }
${MACHINES}endpoints:
  Sales:
    handlers: { PlaceOrder: { duration: constant(100ms) } }
    instances: [ { machine: w1 }, { machine: w2, speed: 4 } ]
senders:
  Sender: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(30/s) } ] }
strategies: { rr: { kind: round-robin } }
`);
    expect(narrateTrace(all, { messages: 3 })).toEqual([
      "  0.0000 s  w1 starts (session 1).",
      "  0.0000 s  w2 starts (session 1).",
      "  0.0343 s  Sender sends PlaceOrder #0 to w1 (round-robin counter 0) through client's outgoing queue.",
      "  0.0348 s  The queue manager on w1 accepts PlaceOrder #0 from the network and stores it in Sales@w1.",
      "  0.0358 s  w1 receives PlaceOrder #0 from Sales@w1 and runs the handler for 100 ms.",
      "  0.0677 s  Sender sends PlaceOrder #1 to w2 (round-robin counter 1) through client's outgoing queue.",
      "  0.0682 s  The queue manager on w2 accepts PlaceOrder #1 from the network and stores it in Sales@w2.",
      "  0.0692 s  w2 receives PlaceOrder #1 from Sales@w2 and runs the handler for 25 ms.",
      "  0.0952 s  w2 completes PlaceOrder #1 (28.5 ms after it was sent).",
      "  0.1010 s  Sender sends PlaceOrder #2 to w1 (round-robin counter 2) through client's outgoing queue.",
      "  0.1015 s  The queue manager on w1 accepts PlaceOrder #2 from the network and stores it in Sales@w1; w1 is busy with PlaceOrder #0 while w2 is idle.",
      "  0.1368 s  w1 completes PlaceOrder #0 (103.5 ms after it was sent).",
      "  0.1368 s  w1 receives PlaceOrder #2 from Sales@w1 after 34.3 ms in the queue and runs the handler for 100 ms.",
      "  0.2378 s  w1 completes PlaceOrder #2 (137.8 ms after it was sent).",
    ]);
  });

  it('retries: immediate retries roll back, a delayed round comes back through the distributor, then the error queue', async () => {
    const all = await records(`name: retries
stop: { messages: 1 }
${MACHINES}endpoints:
  Sales:
    handlers: { PlaceOrder: { duration: constant(10ms), failureProbability: 1 } }
    instances: [ { machine: w1 } ]
    retries: { immediate: 1, delayed: [100ms] }
senders:
  Sender: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(10/s) } ] }
strategies: { d: { kind: distributor, machine: server } }
`);
    expect(narrateTrace(all, { messages: 1 })).toEqual([
      "  0.0000 s  w1 starts (session 1) and tells the distributor it has 1 free slot.",
      "  0.0045 s  The distributor on server registers 1 free slot for w1, session 1; free slots now: w1.",
      // No reply and no route record: the trace does not name the sending process, only its machine.
      "  0.1010 s  A sender on client sends PlaceOrder #0 to the distributor on server (queue Sales@server) through client's outgoing queue.",
      "  0.1015 s  The queue manager on server accepts PlaceOrder #0 from the network and stores it in Sales@server.",
      "  0.1025 s  The distributor on server receives PlaceOrder #0 from Sales@server.",
      "  0.1055 s  The distributor on server takes w1's free slot (session 1) and forwards PlaceOrder #0 to Sales@w1; no free slots left.",
      "  0.1060 s  The queue manager on w1 accepts PlaceOrder #0 from the network and stores it in Sales@w1.",
      "  0.1070 s  w1 receives PlaceOrder #0 from Sales@w1 and runs the handler for 10 ms.",
      "  0.1180 s  PlaceOrder #0 fails on w1 (attempt 1): immediate retry, so the transaction rolls back and PlaceOrder #0 goes back to the head of Sales@w1.",
      "  0.1180 s  w1 receives PlaceOrder #0 from Sales@w1 (attempt 2) and runs the handler for 10 ms.",
      "  0.1290 s  PlaceOrder #0 fails on w1 (attempt 2): delayed retry round 1, due in 100 ms; it will come back to Sales@server. w1 tells the distributor it is ready again.",
      "  0.1345 s  The distributor on server registers 1 free slot for w1, session 1; free slots now: w1.",
      "  0.2310 s  The delay is over: w1 sends PlaceOrder #0 back to Sales@server through w1's outgoing queue.",
      "  0.2315 s  The queue manager on server accepts PlaceOrder #0 from the network and stores it in Sales@server.",
      "  0.2325 s  The distributor on server receives PlaceOrder #0 from Sales@server.",
      "  0.2355 s  The distributor on server takes w1's free slot (session 1) and forwards PlaceOrder #0 to Sales@w1; no free slots left.",
      "  0.2360 s  The queue manager on w1 accepts PlaceOrder #0 from the network and stores it in Sales@w1.",
      "  0.2370 s  w1 receives PlaceOrder #0 from Sales@w1 (attempt 3) and runs the handler for 10 ms.",
      "  0.2480 s  PlaceOrder #0 fails on w1 (attempt 3): immediate retry, so the transaction rolls back and PlaceOrder #0 goes back to the head of Sales@w1.",
      "  0.2480 s  w1 receives PlaceOrder #0 from Sales@w1 (attempt 4) and runs the handler for 10 ms.",
      "  0.2590 s  PlaceOrder #0 fails on w1 (attempt 4): no retries left, it moves to the error queue after 4 attempts. w1 tells the distributor it is ready again.",
    ]);
  });

  it('crash: the handled message rolls back, the restart is a new session, and the stale slot brings no ready message', async () => {
    // w1 crashes at 80 ms while it handles PlaceOrder #0, and starts again at 200 ms.
    const all = await recordsWith(
      `name: crash
stop: { messages: 2 }
${MACHINES}endpoints:
  Sales:
    handlers: { PlaceOrder: { duration: constant(100ms), reply: OrderPlaced } }
    instances: [ { machine: w1 }, { machine: w2 } ]
senders:
  Sender: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(20/s) } ] }
strategies: { d: { kind: distributor, machine: server } }
`,
      (at) => {
        at(80, Ev.InstanceCrash, 0);
        at(200, Ev.InstanceStart, 0);
      },
    );
    expect(narrateTrace(all, { messages: 2 }).slice(9)).toEqual([
      "  0.0570 s  w1 receives PlaceOrder #0 from Sales@w1 and runs the handler for 100 ms.",
      "  0.0800 s  w1 crashes: 22.0 ms of work lost.",
      "  0.0800 s  PlaceOrder #0, which w1 was handling, goes back to the head of Sales@w1 (the transaction rolled back).",
      "  0.1010 s  Sender sends PlaceOrder #1 to the distributor on server (queue Sales@server) through client's outgoing queue.",
      "  0.1015 s  The queue manager on server accepts PlaceOrder #1 from the network and stores it in Sales@server.",
      "  0.1025 s  The distributor on server receives PlaceOrder #1 from Sales@server.",
      "  0.1055 s  The distributor on server takes w2's free slot (session 1) and forwards PlaceOrder #1 to Sales@w2; no free slots left.",
      "  0.1060 s  The queue manager on w2 accepts PlaceOrder #1 from the network and stores it in Sales@w2.",
      "  0.1070 s  w2 receives PlaceOrder #1 from Sales@w2 and runs the handler for 100 ms.",
      "  0.2000 s  w1 starts (session 2) and tells the distributor it has 1 free slot.",
      "  0.2000 s  w1 receives PlaceOrder #0 from Sales@w1 (attempt 2) after 120 ms in the queue and runs the handler for 100 ms.",
      // The distributor now holds a slot of the new session although w1 is busy with the old one's message.
      "  0.2055 s  The distributor on server registers 1 free slot for w1, session 2; free slots now: w1.",
      "  0.2100 s  w2 completes PlaceOrder #1 (109 ms after it was sent), replies OrderPlaced to Sender and tells the distributor it is ready again.",
      "  0.2115 s  Sender receives OrderPlaced #1, the reply to PlaceOrder #1: 110.5 ms after sending it.",
      "  0.2135 s  The distributor on server registers 1 free slot for w2, session 1; free slots now: w1, w2.",
      "  0.3020 s  w1 completes PlaceOrder #0 (251 ms after it was sent), replies OrderPlaced to Sender and sends no ready message (the slot was from an earlier session).",
      "  0.3035 s  Sender receives OrderPlaced #0, the reply to PlaceOrder #0: 252.5 ms after sending it.",
    ]);
  });
});

describe('narrated trace without session ids', () => {
  it('a worker without session ids: no session on its slots, no promise of a missing ready message, and the ready message it does send', async () => {
    // w1 crashes at 80 ms while it handles PlaceOrder #0, and starts again at 200 ms; old-style worker.
    const all = await recordsWith(
      `name: crash
stop: { messages: 2 }
${MACHINES}endpoints:
  Sales:
    handlers: { PlaceOrder: { duration: constant(100ms), reply: OrderPlaced } }
    instances: [ { machine: w1 }, { machine: w2 } ]
senders:
  Sender: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(20/s) } ] }
strategies: { d: { kind: distributor, machine: server, sessionIds: false } }
`,
      (at) => {
        at(80, Ev.InstanceCrash, 0);
        at(200, Ev.InstanceStart, 0);
      },
    );
    const lines = narrateTrace(all, { messages: 2 });
    const text = lines.join('\n');
    expect(text).not.toMatch(/no ready message/);
    expect(text).not.toMatch(/free slot \(session/);
    expect(lines).toContain("  0.0555 s  The distributor on server takes w1's free slot and forwards PlaceOrder #0 to Sales@w1; free slots left: w2.");
    // What the model did: w1 tells the distributor it is ready after the message of its old session.
    expect(lines.find((l) => l.includes('w1 completes PlaceOrder #0'))).toMatch(/tells the distributor it is ready again\.$/);
  });
});

describe('which messages the story follows', () => {
  it('--from: the first messages sent at or after the time, without the starts before it', async () => {
    const lines = narrateTrace(await records(DISTRIBUTOR), { messages: 1, fromMs: 30 });
    expect(lines[0]).toBe("  0.0410 s  Sender sends PlaceOrder #1 to the distributor on server (queue Sales@server) through client's outgoing queue.");
    expect(lines.join('\n')).not.toMatch(/PlaceOrder #0|starts/);
  });

  it('is complete once its messages are done, and ignores later records', async () => {
    const all = await records(DISTRIBUTOR);
    const story = new TraceStory({ messages: 1 });
    let read = 0;
    for (const record of all) {
      story.push(record);
      if (story.complete) break;
      read++;
    }
    expect(story.complete).toBe(true);
    expect(read).toBeLessThan(all.length);
    const steps = story.finish();
    expect(steps.some((s) => 'msg' in s && s.msg === 'PlaceOrder#1')).toBe(false);
    expect(steps.at(-1)?.kind).toBe('register');
  });

  it('a message the trace ended before is told as unfinished; a short run finds fewer messages', async () => {
    const all = await records(DISTRIBUTOR);
    const cut = all.filter((r) => r.time_ms < 100);
    const story = new TraceStory({ messages: 3 });
    for (const record of cut) story.push(record);
    const lines = narrateTrace(cut, { messages: 3 });
    expect(story.found).toBe(2);
    expect(lines.slice(-2)).toEqual([
      '  0.0745 s  PlaceOrder #0 had not finished when the trace ended (last seen at w1).',
      '  0.0745 s  PlaceOrder #1 had not finished when the trace ended (last seen at the distributor on server).',
    ]);
  });
});
