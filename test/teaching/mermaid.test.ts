// The story as a Mermaid sequence diagram: participants, arrows for sends, forwards, replies and ready
// messages, notes for handling and waits.
import { describe, expect, it } from 'vitest';
import { mermaidDiagram, TraceStory, type Step } from '../../sim/reports/index.js';
import { MACHINES, records } from './story-run.js';

async function diagram(yaml: string, messages: number): Promise<string> {
  const story = new TraceStory({ messages });
  for (const record of await records(yaml)) story.push(record);
  return mermaidDiagram(story.finish());
}

describe('mermaid sequence diagram', () => {
  it('distributor: ready for work, the send, the forward, handling and the reply', async () => {
    const text = await diagram(
      `name: one
stop: { messages: 1 }
${MACHINES}endpoints:
  Sales:
    handlers: { PlaceOrder: { duration: constant(100ms), reply: OrderPlaced } }
    instances: [ { machine: w1 } ]
senders:
  Sender: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(50/s) } ] }
strategies: { d: { kind: distributor, machine: server } }
`,
      1,
    );
    expect(text).toBe(
      [
        'sequenceDiagram',
        '    participant Sender',
        '    participant distributor_Sales_server as distributor Sales on server',
        '    participant w1',
        '    Note over w1: starts (session 1)',
        '    w1->>distributor_Sales_server: ready, 1 free slot, session 1',
        '    Sender->>distributor_Sales_server: PlaceOrder #35;0',
        '    distributor_Sales_server->>w1: PlaceOrder #35;0',
        '    Note over w1: handles PlaceOrder #35;0 (100 ms)',
        '    w1->>Sender: OrderPlaced #35;0',
        '',
      ].join('\n'),
    );
  });

  it('round-robin: a message waiting behind a busy worker', async () => {
    const text = await diagram(
      `name: rr
stop: { messages: 3 }
${MACHINES}endpoints:
  Sales:
    handlers: { PlaceOrder: { duration: constant(100ms) } }
    instances: [ { machine: w1 }, { machine: w2, speed: 4 } ]
senders:
  Sender: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: constant(30/s) } ] }
strategies: { rr: { kind: round-robin } }
`,
      3,
    );
    expect(text).toBe(
      [
        'sequenceDiagram',
        '    participant Sender',
        '    participant w1',
        '    participant w2',
        '    Note over w1: starts (session 1)',
        '    Note over w2: starts (session 1)',
        '    Sender->>w1: PlaceOrder #35;0',
        '    Note over w1: handles PlaceOrder #35;0 (100 ms)',
        '    Sender->>w2: PlaceOrder #35;1',
        '    Note over w2: handles PlaceOrder #35;1 (25 ms)',
        '    Sender->>w1: PlaceOrder #35;2',
        '    Note over w1: PlaceOrder #35;2 waits, w1 busy with PlaceOrder #35;0',
        '    Note over w1: handles PlaceOrder #35;2 (100 ms)',
        '',
      ].join('\n'),
    );
  });

  it('the shared queue is a participant; names become identifiers, ";" a comma and "#" its entity code', () => {
    const steps: Step[] = [
      { kind: 'send', time: 1, msg: 'Pay#0', sender: 'web shop', machine: 'client', queue: 'Pay (shared)', via: 'to the broker', target: 'Pay (shared)', targetKind: 'queue' },
      { kind: 'take', time: 2, msg: 'Pay#0', instance: '1st', queue: 'Pay (shared)', attempt: '1', waitedMs: 0, work: '5 ms' },
      { kind: 'fail', time: 7, msg: 'Pay#0', instance: '1st', attempt: '1', next: 'immediate retry; again', ready: false },
    ];
    expect(mermaidDiagram(steps)).toBe(
      [
        'sequenceDiagram',
        '    participant web_shop as web shop',
        '    participant Pay__shared_ as Pay (shared)',
        '    participant p1st as 1st',
        '    web_shop->>Pay__shared_: Pay #35;0',
        '    Pay__shared_-->>p1st: Pay #35;0',
        '    Note over p1st: handles Pay #35;0 (5 ms)',
        '    Note over p1st: Pay #35;0 fails: immediate retry, again',
        '',
      ].join('\n'),
    );
  });
});
