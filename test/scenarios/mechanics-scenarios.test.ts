// The bundled mechanics scenarios show what their comments say.
import { describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../../sim/metrics/results.js';
import { readFileSync } from 'node:fs';
import { formatProblem, loadScenarioFile, loadScenarioText } from '../../sim/scenario/index.js';
import { run, summaryOf } from '../helpers.js';

function load(file: string) {
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return loaded;
}

function ratio(result: ScenarioResult): number {
  return summaryOf(result, 'direct').throughput_per_s / summaryOf(result, 'distributor').throughput_per_s;
}

describe('msmq-divide-by-4', () => {
  const { scenario } = load('scenarios/msmq-divide-by-4.yaml');

  it('direct throughput is 3.5-4.5 times the distributor throughput with the default costs', async () => {
    const result = await run(scenario);
    expect(ratio(result)).toBeGreaterThan(3.5);
    expect(ratio(result)).toBeLessThan(4.5);
    // The mechanism: the server performs 2 operations per message directly, 8 via the distributor.
    const ops = result.runs.map((r) => r.machines.find((m) => m.machine === 'server')?.operations ?? 0);
    expect(ops[0] / scenario.stop.messages!).toBeCloseTo(2, 2);
    expect(ops[1] / scenario.stop.messages!).toBeCloseTo(8, 2);
    for (const r of result.runs) expect(r.machines.find((m) => m.machine === 'server')?.queue_manager_utilisation).toBeGreaterThan(0.99);
  });

  it('accepts in turn (session) put the backlog in the data queue; local-first leaves it in the client\'s outgoing queue', async () => {
    const peak = (result: ScenarioResult, queue: string) =>
      Math.max(0, ...result.runs.filter((r) => r.summary.strategy === 'distributor').flatMap((r) => r.queueLengths.filter((q) => q.queue === queue).map((q) => q.length)));
    const session = await run(scenario);
    expect(peak(session, 'Sales@server')).toBeGreaterThan(5000);
    const localFirst = await run({ ...scenario, transport: { ...scenario.transport, accept: 'local-first' } });
    expect(peak(localFirst, 'Sales@server')).toBe(0);
    // The earlier model's figures, reproduced: exactly 4.
    expect(ratio(localFirst)).toBeCloseTo(4, 2);
  });

  for (const operation of [0.25, 0.5, 2, 5]) {
    it(`the ratio stays in the band with an operation cost of ${operation} ms`, async () => {
      const result = await run({ ...scenario, transport: { ...scenario.transport, operationMs: operation } });
      expect(ratio(result)).toBeGreaterThan(3.5);
      expect(ratio(result)).toBeLessThan(4.5);
      expect(summaryOf(result, 'direct').throughput_per_s).toBeCloseTo(1000 / (2 * operation), 0);
    });
  }
});

describe('fair-distribution', () => {
  it('fair sends about twice as many to the fast server and has a lower p99 than round-robin', async () => {
    const result = await run(load('scenarios/fair-distribution.yaml').scenario);
    const processed = (strategy: string, instance: string) =>
      result.runs.find((r) => r.summary.strategy === strategy)?.instances.find((i) => i.instance === instance)?.processed ?? NaN;
    const share = processed('fair', 'fast') / processed('fair', 'slow');
    expect(share).toBeGreaterThan(1.6);
    expect(share).toBeLessThan(2.4);
    expect(processed('round-robin', 'fast')).toBe(processed('round-robin', 'slow'));
    expect(summaryOf(result, 'fair').latency_p99_ms * 10).toBeLessThan(summaryOf(result, 'round-robin').latency_p99_ms);
    // Acknowledgements are real messages: each costs a send, an accept and a receive, as much as the work
    // message itself (the run ends when the work is done, before the last acknowledgement is received).
    expect(summaryOf(result, 'fair').operations).toBeGreaterThan(1.999 * summaryOf(result, 'round-robin').operations);
    expect(summaryOf(result, 'fair').operations).toBeLessThanOrEqual(2 * summaryOf(result, 'round-robin').operations);
  });
});

describe('short-vs-long-handlers', () => {
  it('the distributor loses with 1 ms handlers and wins from 10 ms on', async () => {
    const { scenario, variants } = load('scenarios/short-vs-long-handlers.yaml');
    const result = await run(scenario, { variants });
    expect(result.variants).toEqual(['1ms', '10ms', '100ms', '1s']);
    const p99 = (variant: string, strategy: string) =>
      result.runs.find((r) => r.summary.variant === variant && r.summary.strategy === strategy)?.summary.latency_p99_ms ?? NaN;
    expect(p99('1ms', 'distributor')).toBeGreaterThan(10 * p99('1ms', 'round-robin'));
    for (const v of ['10ms', '100ms', '1s']) expect(p99(v, 'distributor')).toBeLessThan(p99(v, 'round-robin'));
  });
});

describe('noop-drain: the docs\' measurement, a queue filled beforehand', () => {
  it('direct pays 1 operation per message, the distributor 7: the drain gives a ratio of 7, from operation counts', async () => {
    const result = await run(load('scenarios/measurements/noop-drain.yaml').scenario);
    const direct = summaryOf(result, 'direct');
    const distributor = summaryOf(result, 'distributor');
    expect([direct.sent, direct.completed, distributor.completed]).toEqual([20000, 20000, 20000]);
    expect(direct.operations).toBe(20000);
    expect(distributor.operations / 20000).toBeGreaterThan(6.99);
    expect(distributor.operations / 20000).toBeLessThan(7.01);
    expect(direct.throughput_per_s / distributor.throughput_per_s).toBeGreaterThan(6.8);
    expect(direct.throughput_per_s / distributor.throughput_per_s).toBeLessThan(7.2);
  });
});

describe('distributor-concurrency', () => {
  it('at cpu 0ms, one forwarder is bound by its own commit waits; two or more overlap them', async () => {
    const result = await run(load('scenarios/distributor-concurrency.yaml').scenario);
    const one = summaryOf(result, 'concurrency-1');
    const two = summaryOf(result, 'concurrency-2');
    const eight = summaryOf(result, 'concurrency-8');
    // 1 / (3 operations of 0.2 ms + a 2 ms commit) = 385 per second at most, below the 500 sent.
    expect(one.throughput_per_s).toBeLessThan(385);
    expect(two.throughput_per_s).toBeGreaterThan(490);
    expect(eight.throughput_per_s).toBeGreaterThan(490);
    expect(one.latency_p99_ms).toBeGreaterThan(20 * eight.latency_p99_ms);
  });

  it('without a commit wait, concurrency changes nothing at cpu 0ms (the queue manager is one serial server)', async () => {
    const text = readFileSync('scenarios/distributor-concurrency.yaml', 'utf8');
    const at = async (transport: string) => {
      const loaded = loadScenarioText(text.replace('commit: 2ms', transport), 'scenarios/distributor-concurrency.yaml');
      if (!loaded.ok) throw new Error('does not load');
      const result = await run(loaded.scenario);
      return [summaryOf(result, 'concurrency-1'), summaryOf(result, 'concurrency-8')];
    };
    // Local-first: accepts only fill idle moments, so the forwarders' requests are served in the same order.
    const [oneLocal, eightLocal] = await at('commit: 0ms\n  accept: local-first');
    expect(oneLocal.latency_p99_ms).toBe(eightLocal.latency_p99_ms);
    // Sessions: the same throughput; eight forwarders' receives wait in line with the accepts, which
    // reorders a few operations, and no more (p99 within 1%).
    const [one, eight] = await at('commit: 0ms');
    expect(one.throughput_per_s).toBeCloseTo(eight.throughput_per_s, 1);
    expect(Math.abs(one.latency_p99_ms / eight.latency_p99_ms - 1)).toBeLessThan(0.01);
  });
});
