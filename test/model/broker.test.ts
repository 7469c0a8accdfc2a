// The broker strategy: at zero broker cost, zero network and prefetch 1 it is the ideal shared queue,
// field by field; prefetch makes messages wait in an instance's buffer behind a slow one (p99 grows
// with uneven handlers), and pays off when each delivery waits for a network round trip.
import { describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../../sim/metrics/results.js';
import { formatProblem, loadScenarioText } from '../../sim/scenario/index.js';
import { run, summaryOf } from '../helpers.js';

async function runText(text: string): Promise<ScenarioResult> {
  const loaded = loadScenarioText(text, 'test/model/broker.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return run(loaded.scenario);
}

/** Client-side costs, replies, events published to a second endpoint, failures with delayed retries, uneven instances. */
function sameAsShared(seed: number): string {
  return `name: broker-equals-shared
seed: ${seed}
stop: { messages: 3000 }
warmup: { messages: 300 }
transport: { operation: 0.2ms, network: 0ms }
machines: { client: {}, mq: {}, w1: {}, w2: { cores: 2 }, w3: {} }
endpoints:
  Sales:
    handlers:
      PlaceOrder: { duration: exponential(20ms), reply: OrderPlaced, publish: OrderAccepted, failureProbability: 0.05 }
    retries: { immediate: 0, delayed: [200ms, 400ms] }
    instances: [ { machine: w1 }, { machine: w2, threads: 2 }, { machine: w3, speed: 0.5 } ]
  Billing:
    handlers: { OrderAccepted: { duration: exponential(5ms) } }
    instances: [ { machine: w1 }, { machine: w3 } ]
senders:
  Sender: { machine: client, sends: [ { message: PlaceOrder, to: Sales, arrivals: poisson(80/s) } ] }
strategies:
  shared: { kind: shared-queue }
  broker: { kind: broker, host: mq }
`;
}

describe('broker at zero cost and prefetch 1', () => {
  for (const seed of [1, 2, 3]) {
    it(`equals shared-queue field by field (seed ${seed})`, async () => {
      const result = await runText(sameAsShared(seed));
      const { strategy: _a, kind: _b, ...shared } = summaryOf(result, 'shared');
      const { strategy: _c, kind: _d, ...broker } = summaryOf(result, 'broker');
      expect(shared.completed).toBeGreaterThan(2500);
      expect(shared.retries).toBeGreaterThan(0);
      expect(broker).toEqual(shared);
      const instances = (name: string) => result.runs.find((r) => r.summary.strategy === name)!.instances.map(({ strategy: _s, ...rest }) => rest);
      expect(instances('broker').map((i) => i.processed)).toEqual(instances('shared').map((i) => i.processed));
    });
  }
});

/** Four single-thread workers about half busy; one message in 21 takes 50 times longer than the rest. */
function uneven(prefetch: number, extra = ''): string {
  return `name: broker-prefetch
seed: 3
stop: { messages: 20000 }
warmup: { messages: 2000 }
transport: { operation: 0ms, network: 0ms }
machines: { client: {}, mq: {}, w1: {}, w2: {}, w3: {}, w4: {} }
endpoints:
  Sales:
    handlers:
      Quick: { duration: constant(10ms) }
      Slow: { duration: constant(500ms) }
    instances: [ { machine: w1 }, { machine: w2 }, { machine: w3 }, { machine: w4 } ]
senders:
  Sender:
    machine: client
    sends:
      - { message: Quick, to: Sales, arrivals: poisson(60/s) }
      - { message: Slow, to: Sales, arrivals: poisson(3/s) }
strategies:
  broker: { kind: broker, host: mq, prefetch: ${prefetch}${extra} }
`;
}

describe('broker prefetch', () => {
  it('makes quick messages wait behind slow ones in a buffer: p99 grows with prefetch', async () => {
    const one = summaryOf(await runText(uneven(1)), 'broker');
    const ten = summaryOf(await runText(uneven(10)), 'broker');
    expect(one.completed).toBe(20_000);
    expect(ten.completed).toBe(20_000);
    // With prefetch 1 a message waits only in the shared queue, for the first free worker; with 10, up
    // to 9 others wait in a worker's buffer while it runs a 500 ms handler and other workers may idle.
    expect(ten.latency_p99_ms).toBeGreaterThan(1.5 * one.latency_p99_ms);
    expect(ten.wait_mean_ms).toBeGreaterThan(3 * one.wait_mean_ms);
  });

  it('hides the delivery round trip when the network is slow', async () => {
    // 10 ms handlers, 5 ms each way: with prefetch 1 each worker idles a round trip (ack there, next
    // message back) between messages, so it is busy only 10 of every 20 ms; prefetch 4 keeps it busy.
    const costs = (p: number) =>
      uneven(p).replace('network: 0ms', 'network: 5ms').replace(/Slow: \{ duration: constant\(500ms\) \}/, 'Slow: { duration: constant(10ms) }');
    const one = summaryOf(await runText(costs(1)), 'broker');
    const four = summaryOf(await runText(costs(4)), 'broker');
    expect(four.latency_mean_ms).toBeLessThan(one.latency_mean_ms);
    expect(four.throughput_per_s).toBeGreaterThan(60);
  });

  it('charges its operations on the broker: a slower broker means longer waits', async () => {
    const free = summaryOf(await runText(uneven(1)), 'broker');
    const costly = summaryOf(await runText(uneven(1, ', operation: 2ms')), 'broker');
    // 3 operations per message at 2 ms each, 63 messages/s: the broker is 38% busy, and every
    // message waits at least its publish and delivery (4 ms) on top.
    expect(costly.latency_mean_ms).toBeGreaterThan(free.latency_mean_ms + 4);
    expect(costly.operations).toBe(free.operations);
  });
});
