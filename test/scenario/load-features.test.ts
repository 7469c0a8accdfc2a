// The keys for events, failures and retries, instance capacity, speed and lifetime, sender refresh, and
// the distributor's, fair and custom strategies' settings: read into exactly the expected model.
// Their problems are in feature-problems.test.ts, the defaults in load-valid.test.ts.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../sim/model/scenario-types.js';
import { loadScenarioFile, loadScenarioText, type LoadResult } from '../../sim/scenario/index.js';
import { BASE, changed } from './base-scenario.js';

const FIXTURES = 'test/fixtures/scenarios';

function scenarioOf(result: LoadResult): Scenario {
  if (!result.ok) throw new Error(`expected a scenario, got problems:\n${JSON.stringify(result.problems, null, 2)}`);
  return result.scenario;
}

const load = (text: string, file = 'scenarios/base.yaml') => scenarioOf(loadScenarioText(text, file));

describe('every new key', () => {
  it('loads features.yaml to exactly the expected model', () => {
    const modulePath = resolve(FIXTURES, 'strategies/pick-first.js');
    const expected: Scenario = {
      name: 'features',
      file: `${FIXTURES}/features.yaml`,
      seed: 1,
      stop: { durationMs: 3_600_000 },
      warmup: { messages: 0 },
      drainMs: 3_600_000,
      transport: { operationMs: 1, networkMs: 0.5, commitMs: 0, accept: 'session', window: 1, express: false },
      machines: [
        { name: 'client', cores: 1 },
        { name: 'server', cores: 2 },
        { name: 'fast', cores: 4 },
        { name: 'slow', cores: 1 },
      ],
      endpoints: [
        {
          name: 'Sales',
          handlers: [
            {
              message: 'PlaceOrder',
              duration: { kind: 'exponential', mean: 200 },
              reply: 'OrderAccepted',
              publish: 'OrderPlaced',
              cpuBound: true,
              failureProbability: 0.05,
            },
          ],
          instances: [
            { name: 'fast', machine: 'fast', threads: 4, capacity: 8, speed: 1, addedAtMs: 0 },
            { name: 'slow', machine: 'slow', threads: 1, capacity: 1, speed: 0.5, addedAtMs: 600_000, removedAtMs: 3_000_000 },
          ],
          retries: { immediate: 2, delayedMs: [1000, 60_000] },
          subscriptions: 'shared',
        },
        {
          name: 'Billing',
          handlers: [{ message: 'OrderPlaced', duration: { kind: 'constant', value: 10 }, cpuBound: false, failureProbability: 1 }],
          instances: [{ name: 'server', machine: 'server', threads: 1, capacity: 1, speed: 1, addedAtMs: 0 }],
          // delayed: [] turns delayed retries off.
          retries: { immediate: 0, delayedMs: [] },
          subscriptions: 'shared',
        },
        {
          name: 'Shipping',
          handlers: [
            { message: 'OrderPlaced', duration: { kind: 'constant', value: 5 }, cpuBound: false, failureProbability: 0 },
            { message: 'PriceChanged', duration: { kind: 'constant', value: 1 }, cpuBound: false, failureProbability: 0 },
          ],
          instances: [{ name: 'server', machine: 'server', threads: 1, capacity: 1, speed: 1, addedAtMs: 0, removedAtMs: 1_800_000 }],
          // The key not given keeps its default.
          retries: { immediate: 5, delayedMs: [5000] },
          subscriptions: 'shared',
        },
      ],
      senders: [
        {
          name: 'Web',
          machine: 'client',
          sends: [
            { message: 'PlaceOrder', to: 'Sales', publish: false, arrivals: { kind: 'poisson', ratePerSecond: 8 } },
            { message: 'PriceChanged', publish: true, arrivals: { kind: 'constant', ratePerSecond: 1 / 60 } },
          ],
          refreshMs: 5000,
        },
      ],
      strategies: [
        {
          name: 'distributor',
          kind: 'distributor',
          machine: 'server',
          concurrency: 2,
          noWorkerTimeoutMs: 2000,
          sessionIds: false,
          cpuMs: 0.2,
          perMessageType: true,
          senderSide: false,
          failoverMs: 30_000,
        },
        { name: 'fair', kind: 'fair', ackEvery: 10 },
        { name: 'fair-default', kind: 'fair', ackEvery: 1 },
        {
          name: 'first',
          kind: 'custom',
          module: 'strategies/pick-first.js',
          modulePath,
          options: { weights: [1, 2], label: 'first' },
        },
        // The path as written is kept; options default to an empty mapping.
        { name: 'first-bare', kind: 'custom', module: './strategies/pick-first.js', modulePath, options: {} },
      ],
      faults: [],
      replications: 1,
    };
    const result = loadScenarioFile(`${FIXTURES}/features.yaml`);
    expect(scenarioOf(result)).toEqual(expected);
    expect(result.ok && result.variants).toEqual([]);
  });

  it('leaves removedAt out when not given, and defaults capacity to threads', () => {
    const s = load(changed('{ machine: worker1, threads: 1 }', '{ machine: worker1, threads: 3 }'));
    expect(s.endpoints[0].instances).toEqual([{ name: 'worker1', machine: 'worker1', threads: 3, capacity: 3, speed: 1, addedAtMs: 0 }]);
    expect('removedAtMs' in s.endpoints[0].instances[0]).toBe(false);
  });

  it('accepts the edges of each range', () => {
    const s = load(
      changed(
        '{ machine: worker1, threads: 1 }',
        '{ machine: worker1, threads: 1, capacity: 1, speed: 0.001, addedAt: 0ms, removedAt: 1ms }',
        changed('{ duration: exponential(200ms) }', '{ duration: exponential(200ms), failureProbability: 0 }'),
      ).replace('    instances:\n', '    retries: { immediate: 0, delayed: [0.5ms] }\n    instances:\n'),
    );
    expect(s.endpoints[0].instances[0]).toMatchObject({ capacity: 1, speed: 0.001, addedAtMs: 0, removedAtMs: 1 });
    expect(s.endpoints[0].handlers[0].failureProbability).toBe(0);
    expect(s.endpoints[0].retries).toEqual({ immediate: 0, delayedMs: [0.5] });
    expect(load(changed('machine: worker1 }', 'machine: worker1, cpu: 0ms }')).strategies[0].cpuMs).toBe(0);
  });

  it('takes an empty retries mapping as all defaults', () => {
    const s = load(changed('    instances:\n', '    retries: {}\n    instances:\n'));
    expect(s.endpoints[0].retries).toEqual({ immediate: 5, delayedMs: [10_000, 20_000, 30_000] });
  });
});

describe('events', () => {
  const withEvent = changed(
    '      PlaceOrder: { duration: exponential(200ms) }\n',
    '      PlaceOrder: { duration: exponential(200ms), publish: OrderPlaced }\n      OrderPlaced: { duration: constant(1ms) }\n',
  );

  it('lets a handler publish an event that some endpoint handles, even its own', () => {
    const s = load(withEvent);
    expect(s.endpoints[0].handlers[0]).toEqual({
      message: 'PlaceOrder',
      duration: { kind: 'exponential', mean: 200 },
      publish: 'OrderPlaced',
      cpuBound: false,
      failureProbability: 0,
    });
  });

  it('lets a sender publish an event, with no destination', () => {
    const s = load(changed('{ message: PlaceOrder, to: Sales, arrivals: poisson(8/s) }', '{ publish: OrderPlaced, arrivals: poisson(2/s) }', withEvent));
    expect(s.senders[0].sends).toEqual([{ message: 'OrderPlaced', publish: true, arrivals: { kind: 'poisson', ratePerSecond: 2 } }]);
    expect('to' in s.senders[0].sends[0]).toBe(false);
  });

  it('sends commands and publishes events from one sender', () => {
    const s = load(
      changed(
        '      - { message: PlaceOrder, to: Sales, arrivals: poisson(8/s) }\n',
        '      - { message: PlaceOrder, to: Sales, arrivals: poisson(8/s) }\n      - publish: OrderPlaced\n        arrivals: constant(1/s)\n',
        withEvent,
      ),
    );
    expect(s.senders[0].sends.map((x) => [x.message, x.to, x.publish])).toEqual([
      ['PlaceOrder', 'Sales', false],
      ['OrderPlaced', undefined, true],
    ]);
  });
});

describe('custom strategies', () => {
  it('finds the module relative to the scenario file, and an absolute path as it is', () => {
    const modulePath = resolve(FIXTURES, 'strategies/pick-first.js');
    const relative = changed('{ kind: distributor, machine: worker1 }', '{ kind: custom, module: strategies/pick-first.js }');
    expect(load(relative, `${FIXTURES}/inline.yaml`).strategies[0]).toMatchObject({ module: 'strategies/pick-first.js', modulePath });
    const absolute = changed('{ kind: distributor, machine: worker1 }', `{ kind: custom, module: "${modulePath}" }`);
    expect(load(absolute, 'elsewhere/inline.yaml').strategies[0]).toMatchObject({ module: modulePath, modulePath });
  });

  it('checks that the module exists without running it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-custom-'));
    try {
      const flag = `simCustomImported${process.pid}`;
      writeFileSync(join(dir, 'loud.mjs'), `globalThis.${flag} = true;\nexport default () => 0;\n`);
      const text = changed('{ kind: distributor, machine: worker1 }', '{ kind: custom, module: loud.mjs, options: { seed: 3 } }');
      const s = load(text, join(dir, 'scenario.yaml'));
      expect(s.strategies[0]).toMatchObject({ module: 'loud.mjs', modulePath: join(dir, 'loud.mjs'), options: { seed: 3 } });
      await new Promise((r) => setTimeout(r, 20));
      expect((globalThis as Record<string, unknown>)[flag]).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('hands options over as a plain copy', () => {
    const text = `${BASE.replace('{ kind: distributor, machine: worker1 }', '{ kind: custom, module: strategies/pick-first.js, options: { nested: { a: [1, { b: x }] } } }')}`;
    const s = load(text, `${FIXTURES}/inline.yaml`);
    expect(s.strategies[0].options).toEqual({ nested: { a: [1, { b: 'x' }] } });
  });
});
