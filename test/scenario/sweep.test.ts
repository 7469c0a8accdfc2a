// The `sweep:` block: parameters (paths and their values, as lists or ranges), the grid of points, each
// the scenario with its values set and checked in full, and the problems of each part.
// Inline scenarios are BASE (17 lines, base-scenario.ts) followed by a sweep block from line 18.

import { describe, expect, it } from 'vitest';
import type { Scenario, Sweep } from '../../sim/model/scenario-types.js';
import { formatProblem, loadScenarioFile, loadScenarioText, parseRate } from '../../sim/scenario/index.js';
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

/** BASE (or `base`) followed by a sweep block (its lines given without the `sweep:` line). */
const withSweep = (...lines: string[]) => `${BASE}sweep:\n${lines.join('\n')}\n`;

function loaded(text: string, file = F): { scenario: Scenario; sweep: Sweep } {
  const result = loadScenarioText(text, file);
  if (!result.ok) throw new Error(`expected a sweep, got problems:\n${result.problems.map(formatProblem).join('\n')}`);
  if (result.sweep === undefined) throw new Error('expected a sweep, got none');
  return { scenario: result.scenario, sweep: result.sweep };
}

const valuesOf = (sweep: Sweep) => sweep.points.map((p) => [p.index, p.values]);

describe('a sweep', () => {
  it('expands the fixture to every point, each the exact scenario it makes', () => {
    const result = loadScenarioFile(`${FIXTURES}/sweep.yaml`);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const { scenario: base, sweep } = result;
    if (sweep === undefined) throw new Error('no sweep');
    expect(result.variants).toEqual([]);
    expect(sweep.parameters).toEqual([
      { path: 'endpoints.Sales.instances.count', values: [1, 2] },
      { path: 'senders.Sender.sends[0].arrivals.rate', values: [8, 16] },
      { path: 'endpoints.Sales.handlers.PlaceOrder.duration.mean', values: [200, 400] },
    ]);
    const worker = (n: number) => ({ name: `worker-${n}`, machine: `worker-${n}`, threads: 2, capacity: 2, speed: 1, addedAtMs: 0 });
    const point = (count: number, rate: number, mean: number): Scenario =>
      edit(base, (s) => {
        // worker-1, worker-2... copy worker (2 cores); the fault, the distributor and the sender keep their machines.
        for (let k = 1; k <= count; k++) s.machines.push({ name: `worker-${k}`, cores: 2 });
        s.endpoints[0].instances = Array.from({ length: count }, (_, k) => worker(k + 1));
        // piecewise(0s=4/s, 30m=12/s) has a mean of 8/s over the hour: at 16/s every rate doubles.
        const f = rate / 8;
        s.senders[0].sends[0].arrivals = { kind: 'piecewise', ratePerSecond: rate, steps: [{ atMs: 0, ratePerSecond: 4 * f }, { atMs: 1_800_000, ratePerSecond: 12 * f }] };
        // uniform(100ms, 300ms): the width stays half the mean on either side.
        s.endpoints[0].handlers[0].duration = { kind: 'uniform', min: mean / 2, max: (mean * 3) / 2 };
      });
    const expected = [
      [1, 8, 200],
      [1, 8, 400],
      [1, 16, 200],
      [1, 16, 400],
      [2, 8, 200],
      [2, 8, 400],
      [2, 16, 200],
      [2, 16, 400],
    ];
    expect(sweep.points).toEqual(expected.map((values, index) => ({ index, values, scenario: point(values[0], values[1], values[2]) })));
    // Every point keeps the scenario's name, replications and SLA.
    for (const p of sweep.points) expect([p.scenario.name, p.scenario.replications, p.scenario.sla]).toEqual(['sweep', 3, { metric: 'latency_p99', limitMs: 2000 }]);
    // The scenario as written is untouched.
    expect(base.endpoints[0].instances.map((i) => i.name)).toEqual(['w', 'server']);
  });

  it('is absent without a sweep block, and an empty value is no sweep', () => {
    const plain = loadScenarioText(BASE, F);
    expect(plain.ok && 'sweep' in plain).toBe(false);
    const empty = loadScenarioText(`${BASE}sweep:\n`, F);
    expect(empty.ok && 'sweep' in empty).toBe(false);
  });

  it('sets plain paths as written: numbers, durations, rates', () => {
    const text = changed('stop: { messages: 100 }', 'stop: { messages: 100 }\ntransport: { operation: 1ms }', BASE);
    const { scenario: base, sweep } = loaded(
      `${text}sweep:\n  "endpoints.Sales.instances[0].threads": [1, 2]\n  strategies.distributor.concurrency: [1, 4]\n  transport.operation: [0.5ms, 2s]\n`,
    );
    expect(valuesOf(sweep)).toEqual([
      [0, [1, 1, 0.5]],
      [1, [1, 1, 2000]],
      [2, [1, 4, 0.5]],
      [3, [1, 4, 2000]],
      [4, [2, 1, 0.5]],
      [5, [2, 1, 2000]],
      [6, [2, 4, 0.5]],
      [7, [2, 4, 2000]],
    ]);
    expect(sweep.points[6].scenario).toEqual(
      edit(base, (s) => {
        s.endpoints[0].instances[0].threads = 2;
        s.endpoints[0].instances[0].capacity = 2;
        s.strategies[0].concurrency = 4;
        s.transport.operationMs = 0.5;
      }),
    );
  });

  it('may add a key the scenario leaves out', () => {
    const { sweep } = loaded(withSweep('  "endpoints.Sales.instances[0].speed": [0.5, 2]'));
    expect(sweep.points.map((p) => p.scenario.endpoints[0].instances[0].speed)).toEqual([0.5, 2]);
  });
});

describe('ranges', () => {
  const text = changed('stop: { messages: 100 }', 'stop: { messages: 100 }\ntransport: { operation: 1ms }', BASE);
  const rangeOf = (path: string, range: string) => loaded(`${text}sweep:\n  ${path}: ${range}\n`).sweep.parameters[0].values;

  it('counts from `from` to `to` by `step` (1 for plain numbers), including `to` when it lands on it', () => {
    expect(rangeOf('strategies.distributor.concurrency', '{ from: 1, to: 4 }')).toEqual([1, 2, 3, 4]);
    expect(rangeOf('strategies.distributor.concurrency', '{ from: 2, to: 9, step: 3 }')).toEqual([2, 5, 8]);
    expect(rangeOf('strategies.distributor.concurrency', '{ from: 3, to: 3 }')).toEqual([3]);
    expect(rangeOf('"endpoints.Sales.instances[0].speed"', '{ from: 0.1, to: 0.3, step: 0.1 }')).toEqual([0.1, 0.2, 0.3]);
  });

  it('steps durations and rates in any unit, exactly', () => {
    expect(rangeOf('transport.operation', '{ from: 0.1ms, to: 0.3ms, step: 0.1ms }')).toEqual([0.1, 0.2, 0.3]);
    expect(rangeOf('transport.operation', '{ from: 500ms, to: 2s, step: 0.5s }')).toEqual([500, 1000, 1500, 2000]);
    // 1/m is 0.01666... per second: the values are exactly what 1/m, 2/m and 3/m read as.
    expect(rangeOf('"senders.Sender.sends[0].arrivals.rate"', '{ from: 1/m, to: 3/m, step: 1/m }')).toEqual(['1/m', '2/m', '3/m'].map(parseRate));
    expect(rangeOf('"senders.Sender.sends[0].arrivals.rate"', '{ from: 30/m, to: 2/s, step: 0.5/s }')).toEqual([0.5, 1, 1.5, 2]);
  });

  it('sets each value at a plain path with its unit', () => {
    const { sweep } = loaded(`${text}sweep:\n  transport.operation: { from: 1s, to: 2s, step: 500ms }\n`);
    expect(sweep.points.map((p) => p.scenario.transport.operationMs)).toEqual([1000, 1500, 2000]);
  });
});

describe('pseudo-paths', () => {
  it('instances.count: copies of the first instance, each on a copy of its machine, named after it', () => {
    const text = changed('      - { machine: worker1, threads: 1 }', '      - { machine: worker1, threads: 3, name: first, speed: 2 }\n      - { machine: client }');
    const { scenario: base, sweep } = loaded(`${text}faults:\n  - { kind: slowdown, machine: worker1, factor: 2, at: 1m }\nsweep:\n  endpoints.Sales.instances.count: [3]\n`);
    const copy = (k: number) => ({ name: `worker1-${k}`, machine: `worker1-${k}`, threads: 3, capacity: 3, speed: 2, addedAtMs: 0 });
    expect(sweep.points[0].scenario).toEqual(
      edit(base, (s) => {
        s.machines.push({ name: 'worker1-1', cores: 2 }, { name: 'worker1-2', cores: 2 }, { name: 'worker1-3', cores: 2 });
        s.endpoints[0].instances = [copy(1), copy(2), copy(3)];
      }),
    );
    // The distributor and the fault still name worker1, which stays.
    expect(sweep.points[0].scenario.strategies[0].machine).toBe('worker1');
    expect(sweep.points[0].scenario.faults[0].machine).toBe('worker1');
  });

  it('arrivals.rate: the mean rate, every rate of the process scaled with it', () => {
    const rateOf = (arrivals: string, values: string, stop = 'stop: { messages: 100 }') => {
      const text = changed('arrivals: poisson(8/s) }', `arrivals: "${arrivals}" }`, changed('stop: { messages: 100 }', stop));
      return loaded(`${text}sweep:\n  "senders.Sender.sends[0].arrivals.rate": ${values}\n`).sweep.points.map((p) => p.scenario.senders[0].sends[0].arrivals);
    };
    expect(rateOf('poisson(8/s)', '[2/s, 30/m]')).toEqual([
      { kind: 'poisson', ratePerSecond: 2 },
      { kind: 'poisson', ratePerSecond: 0.5 },
    ]);
    expect(rateOf('constant(8/s)', '[3/s]')).toEqual([{ kind: 'constant', ratePerSecond: 3 }]);
    // Its mean is over stop.duration (30 min at 4/s, 30 at 12/s: 8/s).
    expect(rateOf('piecewise(0s=4/s, 30m=12/s)', '[16/s]', 'stop: { duration: 1h }')).toEqual([
      { kind: 'piecewise', ratePerSecond: 16, steps: [{ atMs: 0, ratePerSecond: 8 }, { atMs: 1_800_000, ratePerSecond: 24 }] },
    ]);
    expect(rateOf('daily(base=4/s, peak=20/s, at=12h)', '[6/s]')).toEqual([
      { kind: 'daily', ratePerSecond: 6, baseRate: 2, peakRate: 10, peakAtMs: 43_200_000, periodMs: 86_400_000 },
    ]);
    // Bursts keep their size and come more often.
    expect(rateOf('bursts(poisson=2/s, every=10m, size=600)', '[6/s]')).toEqual([{ kind: 'bursts', ratePerSecond: 6, baseRate: 4, everyMs: 300_000, size: 600 }]);
  });

  it('arrivals.rate averages over each point\'s own stop duration', () => {
    const text = changed('arrivals: poisson(8/s) }', 'arrivals: "piecewise(0s=4/s, 30m=12/s)" }', changed('stop: { messages: 100 }', 'stop: { duration: 1h }'));
    const { sweep } = loaded(`${text}sweep:\n  stop.duration: [30m, 1h]\n  "senders.Sender.sends[0].arrivals.rate": [8/s]\n`);
    // Over 30 min the process is 4/s throughout, so 8/s doubles it; over the hour it is already 8/s.
    expect(sweep.points.map((p) => p.scenario.senders[0].sends[0].arrivals)).toEqual([
      { kind: 'piecewise', ratePerSecond: 8, steps: [{ atMs: 0, ratePerSecond: 8 }, { atMs: 1_800_000, ratePerSecond: 24 }] },
      { kind: 'piecewise', ratePerSecond: 8, steps: [{ atMs: 0, ratePerSecond: 4 }, { atMs: 1_800_000, ratePerSecond: 12 }] },
    ]);
  });

  it('duration.mean: the mean of each distribution, its shape kept', () => {
    const meanOf = (duration: string, values = '[100ms, 400ms]', file = F) => {
      const text = changed('{ duration: exponential(200ms) }', `{ duration: "${duration}" }`);
      return loaded(`${text}sweep:\n  endpoints.Sales.handlers.PlaceOrder.duration.mean: ${values}\n`, file).sweep.points.map((p) => p.scenario.endpoints[0].handlers[0].duration);
    };
    expect(meanOf('constant(200ms)')).toEqual([
      { kind: 'constant', value: 100 },
      { kind: 'constant', value: 400 },
    ]);
    expect(meanOf('exponential(200ms)', '[0.5s]')).toEqual([{ kind: 'exponential', mean: 500 }]);
    expect(meanOf('erlang(3, 300ms)')).toEqual([
      { kind: 'erlang', k: 3, mean: 100 },
      { kind: 'erlang', k: 3, mean: 400 },
    ]);
    expect(meanOf('uniform(100ms, 300ms)')).toEqual([
      { kind: 'uniform', min: 50, max: 150 },
      { kind: 'uniform', min: 200, max: 600 },
    ]);
    expect(meanOf('lognormal(200ms, 1s)')).toEqual([
      { kind: 'lognormal', mean: 100, p99: 500 },
      { kind: 'lognormal', mean: 400, p99: 2000 },
    ]);
    // durations.csv: 120, 250.5, 1500, 0 and 300 ms, a mean of 434.1 ms: every sample doubles.
    expect(meanOf('empirical(data/durations.csv)', '[868.2ms]', `${FIXTURES}/inline.yaml`)).toEqual([
      { kind: 'empirical', file: 'data/durations.csv', samples: [240, 501, 3000, 0, 600] },
    ]);
  });
});

describe('problems at points', () => {
  it('are reported once, at the value that causes them, marked with the point', () => {
    expect(problemLines(withSweep('  "endpoints.Sales.instances[0].threads": [0, 2]', '  strategies.distributor.concurrency: [1, 2, 3]'))).toEqual([
      `${F}:19:44: endpoints.Sales.instances[0].threads must be >= 1, got 0 (sweep point endpoints.Sales.instances[0].threads=0)`,
    ]);
  });

  it('inside a range, are reported at the range with the value', () => {
    expect(problemLines(withSweep('  strategies.distributor.concurrency: { from: 0, to: 2 }'))).toEqual([
      `${F}:19:39: strategies.distributor.concurrency must be >= 1, got 0 (sweep point strategies.distributor.concurrency=0)`,
    ]);
    expect(problemLines(withSweep('  endpoints.Sales.handlers.PlaceOrder.duration.mean: { from: 0s, to: 1s, step: 500ms }'))).toEqual([
      `${F}:19:54: endpoints.Sales.handlers.PlaceOrder.duration exponential mean: must be > 0, got "0ms" (sweep point endpoints.Sales.handlers.PlaceOrder.duration.mean=0s)`,
    ]);
  });

  it('that no single value causes are reported where they are, with the point', () => {
    const text = changed('stop: { messages: 100 }', 'stop: { messages: 100 }\nwarmup: { messages: 10 }');
    expect(problemLines(`${text}sweep:\n  stop.messages: [5, 20]\n  "endpoints.Sales.instances[0].threads": [1, 2]\n`)).toEqual([
      `${F}:2:21: warmup.messages must be less than stop.messages (5) so that some messages are measured, got 10 (sweep point stop.messages=5, endpoints.Sales.instances[0].threads=1)`,
    ]);
  });

  it('include values of the wrong kind for the path', () => {
    expect(problemLines(withSweep('  "endpoints.Sales.instances[0].threads": [1ms]'))).toEqual([
      `${F}:19:44: endpoints.Sales.instances[0].threads must be a positive integer, got "1ms" (string) (sweep point endpoints.Sales.instances[0].threads=1ms)`,
    ]);
    expect(problemLines(withSweep('  senders.Sender.refresh: [5, 10]'))).toEqual([
      `${F}:19:28: senders.Sender.refresh needs a unit, e.g. 5ms, got 5 (number) (sweep point senders.Sender.refresh=5)`,
      `${F}:19:31: senders.Sender.refresh needs a unit, e.g. 10ms, got 10 (number) (sweep point senders.Sender.refresh=10)`,
    ]);
  });

  it('include a machine the copies of a count would clash with', () => {
    const text = changed('  client: {}', '  client: {}\n  worker1-2: {}');
    expect(problemLines(`${text}sweep:\n  endpoints.Sales.instances.count: [1, 2, 3]\n`)).toEqual([
      `${F}:20:40: sweep["endpoints.Sales.instances.count"][1] cannot put the copies of endpoints.Sales.instances[0] on new machines: the scenario has a machine named "worker1-2" already (sweep point endpoints.Sales.instances.count=2)`,
      `${F}:20:43: sweep["endpoints.Sales.instances.count"][2] cannot put the copies of endpoints.Sales.instances[0] on new machines: the scenario has a machine named "worker1-2" already (sweep point endpoints.Sales.instances.count=3)`,
    ]);
  });

  it('include empirical samples that cannot take a mean', () => {
    const text = changed('{ duration: exponential(200ms) }', '{ duration: empirical(data/sends-at-zero.csv) }');
    expect(problemLines(`${text}sweep:\n  endpoints.Sales.handlers.PlaceOrder.duration.mean: [0ms, 100ms]\n`, `${FIXTURES}/inline.yaml`)).toEqual([
      `${FIXTURES}/inline.yaml:19:60: sweep["endpoints.Sales.handlers.PlaceOrder.duration.mean"][1] cannot give "data/sends-at-zero.csv" a mean of 100ms: its samples are all 0 (sweep point endpoints.Sales.handlers.PlaceOrder.duration.mean=100ms)`,
    ]);
  });

  it('leave the scenario\'s own problems to the scenario', () => {
    expect(problemLines(changed('threads: 1', 'threads: 0', withSweep('  "endpoints.Sales.instances[0].threads": [1, 2]', '  seed: [1]')))).toEqual([
      `${F}:10:38: endpoints.Sales.instances[0].threads must be >= 1, got 0`,
      `${F}:20:3: sweep.seed cannot be swept: every point runs with the scenario's seed, so that points differ only in the values swept; for more seeds use replications`,
    ]);
    // A scenario problem no point fixes is reported once, not at every point.
    expect(problemLines(`seed: -1\n${withSweep('  strategies.distributor.concurrency: [1, 2]')}`)).toEqual([
      `${F}:1:7: seed must be >= 0, got -1`,
    ]);
  });
});

describe('problems in the sweep block', () => {
  // BASE with a transport and a second instance: the sweep block starts at line 20.
  const T = changed('stop: { messages: 100 }', 'stop: { messages: 100 }\ntransport: { operation: 1ms }').replace(
    '      - { machine: worker1, threads: 1 }\n',
    '      - { machine: worker1, threads: 1 }\n      - { machine: client }\n',
  );
  const sweepLines = (...lines: string[]) => problemLines(`${T}sweep:\n${lines.join('\n')}\n`);

  it('a path that names nothing, with a did-you-mean, or is not a path', () => {
    expect(
      sweepLines(
        '  endpoints.Sale.instances.count: [1]',
        '  "endpoints.Sales.handlers.PlaceOrdr.duration.mean": [1ms]',
        '  "senders.Sender.sends[1].arrivals.rate": [1/s]',
        '  "a..b": [1]',
      ),
    ).toEqual([
      `${F}:21:3: sweep["endpoints.Sale.instances.count"] unknown path: endpoints has no "Sale"; did you mean "Sales"?`,
      `${F}:22:3: sweep["endpoints.Sales.handlers.PlaceOrdr.duration.mean"] unknown path: endpoints.Sales.handlers has no "PlaceOrdr"; did you mean "PlaceOrder"?`,
      `${F}:23:3: sweep["senders.Sender.sends[1].arrivals.rate"] unknown path: senders.Sender.sends has 1 item, so it has no [1]`,
      `${F}:24:3: sweep["a..b"] is not a valid path: expected a key at character 3, got "."; write dots between keys, [0] for a list item and [*] for every item, e.g. endpoints.Sales.instances[0].threads, and quote a key with dots or spaces: machines["web.1"]`,
    ]);
  });

  it('a key every point shares', () => {
    expect(sweepLines('  name: [1]', '  seed: [1, 2]', '  replications: [1, 2]', '  sla.latency_p99: [1s]', '  variants: [1]', '  sweep.x: [1]')).toEqual([
      `${F}:21:3: sweep.name cannot be swept: every point keeps the scenario's name`,
      `${F}:22:3: sweep.seed cannot be swept: every point runs with the scenario's seed, so that points differ only in the values swept; for more seeds use replications`,
      `${F}:23:3: sweep.replications cannot be swept: every point has the scenario's replications`,
      `${F}:24:3: sweep["sla.latency_p99"] cannot be swept: every point answers the scenario's SLA`,
      `${F}:25:3: sweep.variants cannot be swept: sweeps and variants do not combine`,
      `${F}:26:3: sweep["sweep.x"] cannot be swept: sweeps do not nest`,
    ]);
  });

  it('a path that holds something other than a number, a duration or a rate, with the pseudo-path to use', () => {
    expect(
      sweepLines(
        '  "senders.Sender.sends[0].arrivals": [1/s]',
        '  endpoints.Sales.handlers.PlaceOrder.duration: [1ms]',
        '  endpoints.Sales.instances: [2]',
        '  senders.Sender.machine: [1]',
      ),
    ).toEqual([
      `${F}:21:3: sweep["senders.Sender.sends[0].arrivals"] cannot be swept: it holds "poisson(8/s)" (string), not a number, a duration or a rate; to sweep its rate, use "senders.Sender.sends[0].arrivals.rate"`,
      `${F}:22:3: sweep["endpoints.Sales.handlers.PlaceOrder.duration"] cannot be swept: it holds "exponential(200ms)" (string), not a number, a duration or a rate; to sweep its mean, use "endpoints.Sales.handlers.PlaceOrder.duration.mean"`,
      `${F}:23:3: sweep["endpoints.Sales.instances"] cannot be swept: it holds [{"machine":"worker1","threads":1},{"... (list), not a number, a duration or a rate; to sweep the number of instances, use "endpoints.Sales.instances.count"`,
      `${F}:24:3: sweep["senders.Sender.machine"] cannot be swept: it holds "client" (string), not a number, a duration or a rate`,
    ]);
  });

  it('a pseudo-path with values of the wrong kind, or out of range', () => {
    expect(
      sweepLines(
        '  endpoints.Sales.instances.count: [1ms]',
        '  "senders.Sender.sends[0].arrivals.rate": [1, 2]',
        '  endpoints.Sales.handlers.PlaceOrder.duration.mean: [4/s]',
      ),
    ).toEqual([
      `${F}:21:36: sweep["endpoints.Sales.instances.count"] takes instance counts, plain numbers such as [1, 2, 4], got durations`,
      `${F}:22:44: sweep["senders.Sender.sends[0].arrivals.rate"] takes rates such as [4/s, 8/s], got numbers`,
      `${F}:23:54: sweep["endpoints.Sales.handlers.PlaceOrder.duration.mean"] takes durations such as [100ms, 200ms], got rates`,
    ]);
    expect(sweepLines('  endpoints.Sales.instances.count: [0, 1.5, 2]', '  "senders.Sender.sends[0].arrivals.rate": [0/s, 1/s]')).toEqual([
      `${F}:21:37: sweep["endpoints.Sales.instances.count"][0] must be a positive integer (a number of instances), got 0`,
      `${F}:21:40: sweep["endpoints.Sales.instances.count"][1] must be a positive integer (a number of instances), got 1.5`,
      `${F}:22:45: sweep["senders.Sender.sends[0].arrivals.rate"][0] must be > 0 (a mean rate), got 0/s`,
    ]);
  });

  it('a rate of recorded send times', () => {
    const text = changed('arrivals: poisson(8/s)', 'arrivals: trace(data/sends.csv)', `${BASE}sweep:\n  "senders.Sender.sends[0].arrivals.rate": [1/s]\n`);
    expect(problemLines(text, `${FIXTURES}/inline.yaml`)).toEqual([
      `${FIXTURES}/inline.yaml:19:3: sweep["senders.Sender.sends[0].arrivals.rate"] cannot be swept: a trace replays recorded send times, which have no rate to set; .rate works for poisson, constant, piecewise, daily and bursts`,
    ]);
  });

  it('values that are none of number, duration and rate, mixed, repeated, or none at all, besides a bad path', () => {
    expect(
      sweepLines(
        '  strategies.distributor.concurrency: []',
        '  seedx: [1, 2ms, 3/s]',
        '  transport.operation: [abc, [1], { a: 1 }, -1ms, 2/x, true]',
        '  machines.client.cores: [1, 2, 1]',
        '  endpoints.Sale.instances.count: [0]',
      ),
    ).toEqual([
      `${F}:21:39: sweep["strategies.distributor.concurrency"] must have at least one value, got an empty list`,
      `${F}:22:14: sweep.seedx[1] is a duration, but the first value is a number; the values of one parameter must be all numbers, all durations or all rates`,
      `${F}:22:19: sweep.seedx[2] is a rate, but the first value is a number; the values of one parameter must be all numbers, all durations or all rates`,
      `${F}:23:25: sweep["transport.operation"][0] must be a number, a duration such as 2ms or a rate such as 4/s, got "abc" (string)`,
      `${F}:23:30: sweep["transport.operation"][1] must be a number, a duration such as 2ms or a rate such as 4/s, got [1] (list)`,
      `${F}:23:35: sweep["transport.operation"][2] must be a number, a duration such as 2ms or a rate such as 4/s, got {"a":1} (mapping)`,
      `${F}:23:45: sweep["transport.operation"][3] must not be negative, got "-1ms"`,
      `${F}:23:51: sweep["transport.operation"][4] unknown unit "/x" in "2/x"; use /s, /m or /h`,
      `${F}:23:56: sweep["transport.operation"][5] must be a number, a duration such as 2ms or a rate such as 4/s, got true (boolean)`,
      `${F}:24:33: sweep["machines.client.cores"][2] repeats 1 (the value at [0]); give each value once`,
      `${F}:25:3: sweep["endpoints.Sale.instances.count"] unknown path: endpoints has no "Sale"; did you mean "Sales"?`,
    ]);
  });

  it('values that are neither a list nor a range (the schema)', () => {
    expect(sweepLines('  a: 3', '  b:', '  c: "1, 2"', '  d: { from: 1 }', '  e: { from: 1, to: 2, by: 1 }')).toEqual([
      `${F}:21:6: sweep.a must be a list of values such as [2, 4, 8] or a range such as { from: 2, to: 8, step: 2 }, got 3 (number)`,
      `${F}:22:3: sweep.b must be a list of values such as [2, 4, 8] or a range such as { from: 2, to: 8, step: 2 }, got null (empty)`,
      `${F}:23:6: sweep.c must be a list of values such as [2, 4, 8] or a range such as { from: 2, to: 8, step: 2 }, got "1, 2" (string)`,
      `${F}:24:6: sweep.d is missing required key "to"`,
      `${F}:25:24: sweep.e unknown key "by"; allowed keys here are from, to, step`,
    ]);
  });

  it('a range without a step for durations, of mixed kinds, with a step <= 0, backwards, or with too many values', () => {
    expect(
      sweepLines(
        '  transport.operation: { from: 1ms, to: 3ms }',
        '  transport.network: { from: 1ms, to: 3, step: 1ms }',
        '  strategies.distributor.concurrency: { from: 1, to: 3, step: 1ms }',
        '  machines.client.cores: { from: 1, to: 3, step: 0 }',
        '  machines.worker1.cores: { from: 3, to: 1 }',
        '  drain: { from: abc, to: 1s, step: 1s }',
        '  "endpoints.Sales.instances[0].threads": { from: 1, to: 1001 }',
      ),
    ).toEqual([
      `${F}:21:24: sweep["transport.operation"] needs a step for a range of durations, of the same kind as from, e.g. step: 1ms`,
      `${F}:22:39: sweep["transport.network"].to is a number, but from is a duration; from, to and step must be of one kind, got 3`,
      `${F}:23:63: sweep["strategies.distributor.concurrency"].step is a duration, but from is a number; from, to and step must be of one kind, got "1ms"`,
      `${F}:24:50: sweep["machines.client.cores"].step must be > 0, got 0`,
      `${F}:25:42: sweep["machines.worker1.cores"].to must not be below from (3), got 1`,
      `${F}:26:18: sweep.drain.from must be a number, a duration such as 2ms or a rate such as 4/s, got "abc" (string)`,
      `${F}:27:43: sweep["endpoints.Sales.instances[0].threads"] makes 1001 values; a sweep takes at most 1000 per parameter`,
    ]);
  });

  it('a list of more than 1000 values', () => {
    const values = Array.from({ length: 1001 }, (_, i) => i + 1).join(', ');
    expect(sweepLines(`  strategies.distributor.concurrency: [${values}]`)).toEqual([
      `${F}:21:39: sweep["strategies.distributor.concurrency"] has 1001 values; a sweep takes at most 1000 per parameter`,
    ]);
  });

  it('more than 10000 points in all', () => {
    expect(sweepLines('  strategies.distributor.concurrency: { from: 1, to: 200 }', '  machines.client.cores: { from: 1, to: 51 }')).toEqual([
      `${F}:21:3: sweep makes 10200 points (200 x 51 values); a sweep takes at most 10000`,
    ]);
  });

  it('two parameters that set the same thing, or one the other undoes', () => {
    expect(sweepLines('  transport.operation: [1ms]', '  transport["operation"]: [2ms]')).toEqual([
      `${F}:22:3: sweep["transport[\\"operation\\"]"] sets the same value as the parameter "transport.operation"`,
    ]);
    expect(sweepLines('  endpoints.Sales.instances.count: [1, 2]', '  "endpoints.Sales.instances[1].threads": [1]', '  "endpoints.Sales.instances[0].threads": [1, 3]')).toEqual([
      `${F}:22:3: sweep["endpoints.Sales.instances[1].threads"] would have no effect: the parameter "endpoints.Sales.instances.count" keeps copies of instances[0] only`,
    ]);
    expect(sweepLines('  "endpoints.Sales.instances[1].threads": [1]', '  endpoints.Sales.instances.count: [1, 2]')).toEqual([
      `${F}:22:3: sweep["endpoints.Sales.instances.count"] keeps copies of instances[0] only, so the parameter "endpoints.Sales.instances[1].threads" would have no effect`,
    ]);
  });

  it('no parameters, or a sweep that is not a mapping', () => {
    expect(problemLines(`${BASE}sweep: {}\n`)).toEqual([
      `${F}:18:8: sweep has no parameters; give at least one path and its values, e.g. "endpoints.Sales.instances[0].threads": [1, 2, 4]`,
    ]);
    expect(problemLines(`${BASE}sweep: [1, 2]\n`)).toEqual([`${F}:18:8: sweep must be a mapping or empty, got [1,2] (list)`]);
  });

  it('a sweep together with variants (not supported), and a variant that changes the sweep', () => {
    expect(problemLines(`${BASE}variants:\n  a: { seed: 2 }\nsweep:\n  "endpoints.Sales.instances[0].threads": [1]\n`)).toEqual([
      `${F}:20:1: sweep cannot be combined with variants (not supported): sweep a scenario without variants, or make what the variants change a sweep parameter`,
    ]);
    // An empty variants block is no variants.
    expect(problemLines(`${BASE}variants: {}\nsweep:\n  "endpoints.Sales.instances[0].threads": [1]\n`)).toEqual([]);
    expect(problemLines(`${BASE}variants:\n  a: { sweep: { seed: [1] } }\n`)).toEqual([
      `${F}:19:8: variants.a.sweep cannot be overridden: sweeps and variants do not combine`,
    ]);
  });
});
