import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../sim/model/scenario-types.js';
import { loadScenarioFile, loadScenarioText, type LoadResult } from '../../sim/scenario/index.js';

const FIXTURES = 'test/fixtures/scenarios';

// The defaults of the fields a scenario leaves out, written out here so that a changed default fails.
const HANDLER = { cpuBound: false, failureProbability: 0 } as const;
const RETRIES = { immediate: 5, delayedMs: [10_000, 20_000, 30_000] };
const INSTANCE = { speed: 1, addedAtMs: 0 } as const;
// A distributor's settings at their defaults; the other kinds have none of them.
const DISTRIBUTOR = { concurrency: 1, noWorkerTimeoutMs: 10_000, sessionIds: true, cpuMs: 0, perMessageType: false, senderSide: false, failoverMs: 30_000 } as const;
const REFRESH_MS = 30_000;

function scenarioOf(result: LoadResult): Scenario {
  if (!result.ok) throw new Error(`expected a scenario, got problems:\n${JSON.stringify(result.problems, null, 2)}`);
  return result.scenario;
}

describe('a valid scenario', () => {
  it('loads the full example to exactly the expected model', () => {
    const expected: Scenario = {
      name: 'scale-out-sample',
      file: `${FIXTURES}/full.yaml`,
      seed: 7,
      stop: { messages: 20000 },
      warmup: { messages: 1000 },
      drainMs: 3_600_000,
      sampleIntervalMs: 10_000,
      transport: { operationMs: 1, networkMs: 0.5, commitMs: 0, accept: 'session', window: 1, express: false },
      machines: [
        { name: 'client', cores: 1 },
        { name: 'server', cores: 4 },
        { name: 'worker1', cores: 1 },
        { name: 'worker2', cores: 2 },
      ],
      endpoints: [
        {
          name: 'Sales',
          handlers: [
            { message: 'PlaceOrder', duration: { kind: 'exponential', mean: 200 }, reply: 'OrderPlaced', ...HANDLER },
            { message: 'CancelOrder', duration: { kind: 'constant', value: 0 }, ...HANDLER },
          ],
          instances: [
            { name: 'worker1', machine: 'worker1', threads: 1, capacity: 1, ...INSTANCE },
            { name: 'worker2', machine: 'worker2', threads: 2, capacity: 2, ...INSTANCE },
          ],
          retries: RETRIES,
          subscriptions: 'shared',
        },
        {
          name: 'Billing',
          handlers: [{ message: 'OrderPlaced', duration: { kind: 'uniform', min: 10, max: 1500 }, ...HANDLER }],
          // Two unnamed instances share worker1, so both are numbered; the named one keeps its name.
          instances: [
            { name: 'worker1-1', machine: 'worker1', threads: 1, capacity: 1, ...INSTANCE },
            { name: 'worker1-2', machine: 'worker1', threads: 4, capacity: 4, ...INSTANCE },
            { name: 'billing-b', machine: 'worker2', threads: 1, capacity: 1, ...INSTANCE },
          ],
          retries: RETRIES,
          subscriptions: 'shared',
        },
      ],
      senders: [
        {
          name: 'Sender',
          machine: 'client',
          sends: [
            { message: 'PlaceOrder', to: 'Sales', publish: false, arrivals: { kind: 'poisson', ratePerSecond: 8 } },
            { message: 'CancelOrder', to: 'Sales', publish: false, arrivals: { kind: 'constant', ratePerSecond: 0.5 } },
          ],
          refreshMs: REFRESH_MS,
        },
      ],
      strategies: [
        { name: 'distributor', kind: 'distributor', machine: 'server', ...DISTRIBUTOR, concurrency: 4 },
        { name: 'round-robin', kind: 'round-robin' },
        { name: 'random', kind: 'random' },
        { name: 'ideal', kind: 'shared-queue' },
      ],
      faults: [],
      replications: 1,
    };
    const result = loadScenarioFile(`${FIXTURES}/full.yaml`);
    const scenario = scenarioOf(result);
    expect(scenario).toEqual(expected);
    expect(result.ok && result.variants).toEqual([]);
    // Optional fields that were not given are absent, not present-and-undefined.
    expect(Object.keys(scenario.endpoints[0].handlers[1])).toEqual(['message', 'duration', 'cpuBound', 'failureProbability']);
    expect(Object.keys(scenario.endpoints[0].instances[0])).toEqual(['name', 'machine', 'threads', 'capacity', 'speed', 'addedAtMs']);
    expect(Object.keys(scenario.senders[0].sends[0])).toEqual(['message', 'to', 'publish', 'arrivals']);
    expect(Object.keys(scenario.strategies[1])).toEqual(['name', 'kind']);
    expect(Object.keys(scenario.strategies[0])).toEqual(['name', 'kind', 'machine', 'concurrency', 'noWorkerTimeoutMs', 'sessionIds', 'cpuMs', 'perMessageType', 'senderSide', 'failoverMs']);
  });

  it('fills in every default for a minimal scenario', () => {
    const scenario = scenarioOf(loadScenarioFile(`${FIXTURES}/minimal.yaml`));
    expect(scenario).toEqual({
      name: 'minimal', // the file name without its extension
      file: `${FIXTURES}/minimal.yaml`,
      seed: 1,
      stop: { durationMs: 600_000 },
      warmup: { messages: 0 },
      drainMs: 3_600_000,
      transport: { operationMs: 1, networkMs: 0.5, commitMs: 0, accept: 'session', window: 1, express: false },
      machines: [{ name: 'box', cores: 1 }], // `box:` with nothing after it
      endpoints: [
        {
          name: 'Worker',
          handlers: [{ message: 'Job', duration: { kind: 'erlang', k: 3, mean: 1500 }, cpuBound: false, failureProbability: 0 }],
          instances: [{ name: 'box', machine: 'box', threads: 1, capacity: 1, speed: 1, addedAtMs: 0 }],
          retries: { immediate: 5, delayedMs: [10_000, 20_000, 30_000] },
          subscriptions: 'shared',
        },
      ],
      senders: [
        {
          name: 'Feeder',
          machine: 'box',
          sends: [{ message: 'Job', to: 'Worker', publish: false, arrivals: { kind: 'poisson', ratePerSecond: 120 / 3600 } }],
          refreshMs: 30_000,
        },
      ],
      strategies: [
        { name: 'shared', kind: 'shared-queue' },
      ],
      faults: [],
      replications: 1,
    });
    expect('sampleIntervalMs' in scenario).toBe(false);
  });
});

// A small valid scenario, one line per fact, for tests that change one thing.
const BASE = `stop: { messages: 100 }
machines:
  client: {}
  worker1: { cores: 2 }
endpoints:
  Sales:
    handlers:
      PlaceOrder: { duration: exponential(200ms) }
    instances:
      - { machine: worker1, threads: 1 }
senders:
  Sender:
    machine: client
    sends:
      - { message: PlaceOrder, to: Sales, arrivals: poisson(8/s) }
strategies:
  distributor: { kind: distributor, machine: worker1 }
`;

function load(text: string): Scenario {
  return scenarioOf(loadScenarioText(text, 'scenarios/base.yaml'));
}

describe('defaults and shorthands', () => {
  it('takes the name from the file, defaults seed, warmup, drain, transport, concurrency and faults', () => {
    const s = load(BASE);
    expect(s.name).toBe('base');
    expect(s.file).toBe('scenarios/base.yaml');
    expect(s.seed).toBe(1);
    expect(s.warmup).toEqual({ messages: 0 });
    expect(s.drainMs).toBe(3_600_000);
    expect(s.sampleIntervalMs).toBeUndefined();
    expect(s.transport).toEqual({ operationMs: 1, networkMs: 0.5, commitMs: 0, accept: 'session', window: 1, express: false });
    expect(s.faults).toEqual([]);
    expect(s.strategies).toEqual([{ name: 'distributor', kind: 'distributor', machine: 'worker1', ...DISTRIBUTOR }]);
  });

  it('reads stop and warmup durations, drain, timeseries and a zero-cost transport', () => {
    const s = load(
      BASE.replace('stop: { messages: 100 }', 'stop: { duration: 1h }\nwarmup: { duration: 5m }\ndrain: 30s\ntimeseries: { interval: 10s }\ntransport: { operation: 0ms, network: 0ms }'),
    );
    expect(s.stop).toEqual({ durationMs: 3_600_000 });
    expect(s.warmup).toEqual({ durationMs: 300_000 });
    expect(s.drainMs).toBe(30_000);
    expect(s.sampleIntervalMs).toBe(10_000);
    expect(s.transport).toEqual({ operationMs: 0, networkMs: 0, commitMs: 0, accept: 'session', window: 1, express: false });
  });

  it('accepts a seed of 0 and a warmup of 0ms', () => {
    const s = load(`seed: 0\nwarmup: { duration: 0ms }\n${BASE.replace('stop: { messages: 100 }', 'stop: { duration: 1m }')}`);
    expect(s.seed).toBe(0);
    expect(s.warmup).toEqual({ durationMs: 0 });
  });

  it('names one unnamed instance per machine after the machine, several as machine-1, machine-2', () => {
    const s = load(
      BASE.replace(
        '      - { machine: worker1, threads: 1 }\n',
        '      - { machine: worker1 }\n      - { machine: client }\n      - { machine: worker1, threads: 3 }\n      - { machine: worker1, name: spare }\n',
      ),
    );
    expect(s.endpoints[0].instances).toEqual([
      { name: 'worker1-1', machine: 'worker1', threads: 1, capacity: 1, ...INSTANCE },
      { name: 'client', machine: 'client', threads: 1, capacity: 1, ...INSTANCE },
      { name: 'worker1-2', machine: 'worker1', threads: 3, capacity: 3, ...INSTANCE },
      { name: 'spare', machine: 'worker1', threads: 1, capacity: 1, ...INSTANCE },
    ]);
  });

  it('keeps the order written, even for names that look like numbers', () => {
    const s = load(BASE.replace('  client: {}\n  worker1: { cores: 2 }\n', '  client: {}\n  worker1: { cores: 2 }\n  "9":\n  "1":\n'));
    expect(s.machines.map((m) => m.name)).toEqual(['client', 'worker1', '9', '1']);
  });

  it('resolves YAML anchors and aliases', () => {
    const s = load(
      BASE.replace('  worker1: { cores: 2 }', '  worker1: &big { cores: 2 }\n  worker2: *big').replace(
        '      - { machine: worker1, threads: 1 }',
        '      - { machine: worker1, threads: 1 }\n      - { machine: worker2 }',
      ),
    );
    expect(s.machines).toContainEqual({ name: 'worker2', cores: 2 });
    expect(s.endpoints[0].instances.map((i) => i.name)).toEqual(['worker1', 'worker2']);
  });
});
