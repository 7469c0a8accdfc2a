// The `variants:` block: each variant is the scenario with values replaced by path, checked in full.
// Inline scenarios are BASE (17 lines, base-scenario.ts) followed by a variants block from line 18.

import { describe, expect, it } from 'vitest';
import type { Scenario, Variant } from '../../sim/model/scenario-types.js';
import { loadScenarioFile, loadScenarioText } from '../../sim/scenario/index.js';
import { BASE, changed, problemLines } from './base-scenario.js';

const FIXTURES = 'test/fixtures/scenarios';
const F = 'scenarios/base.yaml';

type DeepMutable<T> = { -readonly [K in keyof T]: DeepMutable<T[K]> };

/** A copy of `scenario` with `change` made to it. */
function edit(scenario: Scenario, change: (s: DeepMutable<Scenario>) => void): Scenario {
  const copy = structuredClone(scenario) as DeepMutable<Scenario>;
  change(copy);
  return copy;
}

/** BASE followed by a variants block (its lines given without the `variants:` line). */
const withVariants = (...lines: string[]) => `${BASE}variants:\n${lines.join('\n')}\n`;

function variantsOf(text: string, file = F): Variant[] {
  const result = loadScenarioText(text, file);
  if (!result.ok) throw new Error(`expected variants, got problems:\n${JSON.stringify(result.problems, null, 2)}`);
  return result.variants;
}

describe('expanding variants', () => {
  const instance = { capacity: 1, speed: 1, addedAtMs: 0 };
  const base: Scenario = {
    name: 'variants',
    file: `${FIXTURES}/variants.yaml`,
    seed: 1,
    stop: { messages: 1000 },
    warmup: { messages: 0 },
    drainMs: 3_600_000,
    transport: { operationMs: 1, networkMs: 0.5, commitMs: 0, accept: 'session', window: 1, express: false },
    machines: [
      { name: 'client', cores: 1 },
      { name: 'web.1', cores: 2 },
      { name: 'worker1', cores: 1 },
      { name: 'worker2', cores: 1 },
    ],
    endpoints: [
      {
        name: 'Sales',
        handlers: [{ message: 'PlaceOrder', duration: { kind: 'exponential', mean: 200 }, cpuBound: false, failureProbability: 0 }],
        instances: [
          { name: 'worker1', machine: 'worker1', threads: 1, ...instance },
          { name: 'worker2', machine: 'worker2', threads: 2, ...instance, capacity: 2 },
        ],
        retries: { immediate: 5, delayedMs: [10_000, 20_000, 30_000] },
        subscriptions: 'shared',
      },
    ],
    senders: [
      {
        name: 'Sender',
        machine: 'client',
        sends: [{ message: 'PlaceOrder', to: 'Sales', publish: false, arrivals: { kind: 'poisson', ratePerSecond: 8 } }],
        refreshMs: 30_000,
      },
    ],
    strategies: [
      { name: 'rr', kind: 'round-robin' },
    ],
    faults: [],
    replications: 1,
  };

  it('returns the scenario as written, and each variant as the exact scenario it makes', () => {
    const result = loadScenarioFile(`${FIXTURES}/variants.yaml`);
    if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
    expect(result.scenario).toEqual(base);
    expect(result.variants).toEqual([
      {
        name: 'handler-1ms',
        overrides: { 'endpoints.Sales.handlers.PlaceOrder.duration': 'exponential(1ms)', 'senders.Sender.sends[0].arrivals': 'poisson(1600/s)' },
        scenario: edit(base, (s) => {
          s.endpoints[0].handlers[0].duration = { kind: 'exponential', mean: 1 };
          s.senders[0].sends[0].arrivals = { kind: 'poisson', ratePerSecond: 1600 };
        }),
      },
      {
        name: 'handler-1s',
        overrides: { 'endpoints.Sales.handlers.PlaceOrder.duration': 'exponential(1s)' },
        scenario: edit(base, (s) => {
          s.endpoints[0].handlers[0].duration = { kind: 'exponential', mean: 1000 };
        }),
      },
      {
        name: 'more-threads',
        overrides: { 'endpoints.Sales.instances[0].threads': 4, 'machines.worker1.cores': 8, 'machines["web.1"].cores': 3 },
        // worker2 is an alias of worker1 (`*small`) in the file, but only worker1 changes.
        scenario: edit(base, (s) => {
          s.endpoints[0].instances[0] = { ...s.endpoints[0].instances[0], threads: 4, capacity: 4 };
          s.machines[1].cores = 3;
          s.machines[2].cores = 8;
        }),
      },
      {
        name: 'third-worker',
        overrides: {
          'machines.worker3': { cores: 2 },
          'endpoints.Sales.instances': [{ machine: 'worker1' }, { machine: 'worker3', speed: 2 }],
          'endpoints.Sales.instances[1].threads': 2,
        },
        // A new machine, a whole new list of instances, then a new key inside that list.
        scenario: edit(base, (s) => {
          s.machines.push({ name: 'worker3', cores: 2 });
          s.endpoints[0].instances = [
            { name: 'worker1', machine: 'worker1', threads: 1, ...instance },
            { name: 'worker3', machine: 'worker3', threads: 2, capacity: 2, speed: 2, addedAtMs: 0 },
          ];
        }),
      },
      // An empty variant changes nothing: a labelled copy of the scenario.
      { name: 'baseline', overrides: {}, scenario: base },
    ]);
  });

  it('returns no variants without a variants block', () => {
    const result = loadScenarioText(BASE, F);
    expect(result.ok && result.variants).toEqual([]);
    expect(variantsOf(`${BASE}variants: {}\n`)).toEqual([]);
  });

  it('leaves the scenario as written untouched', () => {
    const plain = loadScenarioText(BASE, F);
    const varied = loadScenarioText(withVariants('  big:', '    "endpoints.Sales.instances[0].threads": 8', '    seed: 9'), F);
    expect(varied.ok && varied.scenario).toEqual(plain.ok && plain.scenario);
    expect(varied.ok && varied.variants[0].scenario.seed).toBe(9);
  });

  it('applies overrides in the order written: a later one wins, and may change inside an earlier one', () => {
    const [later, inside] = variantsOf(
      withVariants(
        '  later:',
        '    "endpoints.Sales.instances[0].threads": 3',
        '    "endpoints.Sales.instances": [ { machine: client } ]',
        '  inside:',
        '    "endpoints.Sales.instances": [ { machine: client } ]',
        '    "endpoints.Sales.instances[0].threads": 3',
      ),
    );
    expect(later.scenario.endpoints[0].instances.map((i) => [i.machine, i.threads])).toEqual([['client', 1]]);
    expect(inside.scenario.endpoints[0].instances.map((i) => [i.machine, i.threads])).toEqual([['client', 3]]);
  });

  it('keeps new keys in the order written, after the existing ones', () => {
    const [v] = variantsOf(withVariants('  more:', '    machines.b: {}', '    machines.a: {}', '    machines.client: { cores: 3 }'));
    expect(v.scenario.machines).toEqual([
      { name: 'client', cores: 3 },
      { name: 'worker1', cores: 2 },
      { name: 'b', cores: 1 },
      { name: 'a', cores: 1 },
    ]);
  });

  it('adds a key to an empty value that stands for a mapping', () => {
    const text = changed('  client: {}', '  client:', withVariants('  big:', '    machines.client.cores: 4'));
    expect(variantsOf(text)[0].scenario.machines[0]).toEqual({ name: 'client', cores: 4 });
  });

  it('switches a send from a command to an event', () => {
    const [v] = variantsOf(withVariants('  events:', '    "senders.Sender.sends[0]": { publish: PlaceOrder, arrivals: poisson(1/s) }'));
    expect(v.scenario.senders[0].sends).toEqual([{ message: 'PlaceOrder', publish: true, arrivals: { kind: 'poisson', ratePerSecond: 1 } }]);
  });
});

describe('a bad path', () => {
  it('is reported at the path, with a did-you-mean on the step that fails', () => {
    expect(problemLines(withVariants('  fast:', '    endpoints.Sale.handlers.PlaceOrder.duration: exponential(1ms)'))).toEqual([
      `${F}:20:5: variants.fast["endpoints.Sale.handlers.PlaceOrder.duration"] unknown path: endpoints has no "Sale"; did you mean "Sales"?`,
    ]);
    expect(problemLines(withVariants('  fast:', '    "endpoints.Sales.handlers.PlaceOrdr.duration": exponential(1ms)'))).toEqual([
      `${F}:20:5: variants.fast["endpoints.Sales.handlers.PlaceOrdr.duration"] unknown path: endpoints.Sales.handlers has no "PlaceOrdr"; did you mean "PlaceOrder"?`,
    ]);
  });

  it('says how to add what the scenario does not have', () => {
    expect(problemLines(withVariants('  free:', '    transport.operation: 0ms'))).toEqual([
      `${F}:20:5: variants.free["transport.operation"] unknown path: the scenario has no "transport" (it has stop, machines, endpoints, senders, strategies); to add it, override "transport" as a whole`,
    ]);
    expect(variantsOf(withVariants('  free:', '    transport: { operation: 0ms }'))[0].scenario.transport).toEqual({ operationMs: 0, networkMs: 0.5, commitMs: 0, accept: 'session', window: 1, express: false });
  });

  it('is reported for list items that do not exist and steps of the wrong kind', () => {
    expect(
      problemLines(
        withVariants(
          '  odd:',
          '    "senders.Sender.sends[1].arrivals": poisson(1/s)',
          '    "endpoints.Sales[0]": 1',
          '    "endpoints.Sales.instances.0.threads": 1',
          '    "endpoints.Sales.handlers.PlaceOrder.duration.mean": 1ms',
        ),
      ),
    ).toEqual([
      `${F}:20:5: variants.odd["senders.Sender.sends[1].arrivals"] unknown path: senders.Sender.sends has 1 item, so it has no [1]`,
      `${F}:21:5: variants.odd["endpoints.Sales[0]"] unknown path: endpoints.Sales is a mapping, not a list, so it has no [0]`,
      `${F}:22:5: variants.odd["endpoints.Sales.instances.0.threads"] unknown path: endpoints.Sales.instances is a list, so "0" must be an item number such as [0]`,
      `${F}:23:5: variants.odd["endpoints.Sales.handlers.PlaceOrder.duration.mean"] unknown path: endpoints.Sales.handlers.PlaceOrder.duration is a single value, "exponential(200ms)" (string), with nothing inside`,
    ]);
  });

  it('does not append to a list', () => {
    expect(problemLines(withVariants('  more:', '    "endpoints.Sales.instances[1]": { machine: client }'))).toEqual([
      `${F}:20:5: variants.more["endpoints.Sales.instances[1]"] unknown path: endpoints.Sales.instances has 1 item, so it has no [1]`,
    ]);
  });

  it('is reported when it is not a path at all', () => {
    expect(problemLines(withVariants('  odd:', '    "a..b": 1'))).toEqual([
      `${F}:20:5: variants.odd["a..b"] is not a valid path: expected a key at character 3, got "."; write dots between keys, [0] for a list item and [*] for every item, e.g. endpoints.Sales.instances[0].threads, and quote a key with dots or spaces: machines["web.1"]`,
    ]);
  });

  it('may not change the name or the variants', () => {
    expect(problemLines(withVariants('  renamed:', '    name: other', '    "variants.x": {}'))).toEqual([
      `${F}:20:5: variants.renamed.name cannot be overridden: every variant keeps the scenario's name (the variant's own name is its key under variants)`,
      `${F}:21:5: variants.renamed["variants.x"] cannot be overridden: variants do not nest`,
    ]);
  });

  it('adding a key the format does not allow there is an unknown key, at the path', () => {
    expect(problemLines(withVariants('  fast:', '    "endpoints.Sales.instances[0].thread": 2'))).toEqual([
      `${F}:20:5: endpoints.Sales.instances[0] unknown key "thread"; did you mean "threads"? (variant "fast")`,
    ]);
  });
});

describe('a bad value', () => {
  it('is reported at the value inside the variants block, with the field path and the variant', () => {
    expect(problemLines(withVariants('  handler-1ms:', '    endpoints.Sales.handlers.PlaceOrder.duration: exponential(0ms)'))).toEqual([
      `${F}:20:51: endpoints.Sales.handlers.PlaceOrder.duration exponential mean: must be > 0, got "0ms" (variant "handler-1ms")`,
    ]);
    expect(problemLines(withVariants('  slow:', '    "endpoints.Sales.instances[0].speed": 0', '    "senders.Sender.sends[0].arrivals": 8/s'))).toEqual([
      `${F}:20:43: endpoints.Sales.instances[0].speed must be > 0, got 0 (variant "slow")`,
      `${F}:21:41: senders.Sender.sends[0].arrivals must be an arrival process, got "8/s"; write poisson(8/s) or constant(8/s) (variant "slow")`,
    ]);
  });

  it('inside a replaced mapping is reported where it is written', () => {
    expect(problemLines(withVariants('  fast:', '    "endpoints.Sales.instances[0]": { machine: worker1, thread: 2, speed: -1 }'))).toEqual([
      `${F}:20:57: endpoints.Sales.instances[0] unknown key "thread"; did you mean "threads"? (variant "fast")`,
      `${F}:20:75: endpoints.Sales.instances[0].speed must be > 0, got -1 (variant "fast")`,
    ]);
  });

  it('that makes a reference dangle is reported, at the override or at the reference it breaks', () => {
    expect(
      problemLines(withVariants('  refund:', '    "senders.Sender.sends[0].message": Refund', '  fewer:', '    machines: { client: {}, worker2: {} }')),
    ).toEqual([
      `${F}:10:20: endpoints.Sales.instances[0].machine unknown machine "worker1"; did you mean "worker2"? (variant "fewer")`,
      `${F}:17:46: strategies.distributor.machine unknown machine "worker1"; did you mean "worker2"? (variant "fewer")`,
      `${F}:20:40: senders.Sender.sends[0].message endpoint Sales has no handler for "Refund"; it handles PlaceOrder (variant "refund")`,
    ]);
  });

  it('pointing at a bad data file is reported with the file problem', () => {
    expect(problemLines(withVariants('  measured:', '    endpoints.Sales.handlers.PlaceOrder.duration: empirical(data/missing.csv)'))).toEqual([
      `${F}:20:51: endpoints.Sales.handlers.PlaceOrder.duration empirical data file "scenarios/data/missing.csv": cannot read file: no such file (variant "measured")`,
    ]);
  });

  it('is reported once per variant, each naming its own', () => {
    expect(problemLines(withVariants('  a: { seed: -1 }', '  b: { seed: -1 }'))).toEqual([
      `${F}:19:14: seed must be >= 0, got -1 (variant "a")`,
      `${F}:20:14: seed must be >= 0, got -1 (variant "b")`,
    ]);
  });
});

describe('the scenario as written', () => {
  it('must be valid too; its own problems are reported once, not again for each variant', () => {
    const text = changed('threads: 1', 'threads: 0', withVariants('  fast:', '    endpoints.Sales.handlers.PlaceOrder.duration: exponential(1ms)', '  big:', '    seed: -3'));
    expect(problemLines(text)).toEqual([
      `${F}:10:38: endpoints.Sales.instances[0].threads must be >= 1, got 0`,
      `${F}:22:11: seed must be >= 0, got -3 (variant "big")`,
    ]);
  });

  it('is reported even when a variant would fix it', () => {
    const text = changed('threads: 1', 'threads: 0', withVariants('  fixed:', '    "endpoints.Sales.instances[0].threads": 1'));
    expect(problemLines(text)).toEqual([`${F}:10:38: endpoints.Sales.instances[0].threads must be >= 1, got 0`]);
  });

  it('reports a variants block of the wrong shape', () => {
    expect(problemLines(`${BASE}variants: [a]\n`)).toEqual([`${F}:18:11: variants must be a mapping, got ["a"] (list)`]);
    expect(problemLines(withVariants('  fast: [1]', '  slow: 3'))).toEqual([
      `${F}:19:9: variants.fast must be a mapping or empty, got [1] (list)`,
      `${F}:20:9: variants.slow must be a mapping or empty, got 3 (number)`,
    ]);
  });
});
