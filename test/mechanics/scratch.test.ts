import { it } from 'vitest';
import { machines, trace } from './trace-run.js';
const ALL = ['start','crash','route','send','accept','enqueue','receive','handle','fail','rollback','complete','forward','register','wait','timeout','refresh','delay','error'] as const;
const cases: Record<string, string> = {
backpressure: `name: t
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
`,
retries: `name: t
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
distributor: `name: t
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
};
it('dump', async () => {
  for (const [name, yaml] of Object.entries(cases)) {
    const t = await trace(yaml, ALL);
    console.log(`=== ${name}\n${t.lines.join('\n')}\n${JSON.stringify(t.result.runs.map((r) => [r.summary.completed, r.summary.failed, r.summary.retries, r.summary.roundtrip_mean_ms]))}`);
  }
});
