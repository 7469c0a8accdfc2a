// `--set path=value` options: applied to the scenario as written, before it is checked, like a variant's
// overrides; their problems point into the option as --set:<n>:<col>.

import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenarioFile, loadScenarioText, SET_FILE } from '../../sim/scenario/index.js';
import { BASE } from './base-scenario.js';

const FIXTURES = 'test/fixtures/scenarios';
const F = 'scenarios/base.yaml';

function loaded(set: string[], text = BASE) {
  const result = loadScenarioText(text, F, { set });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result;
}

function problems(set: string[], text = BASE): string[] {
  const result = loadScenarioText(text, F, { set });
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('--set', () => {
  it('replaces values by path, read as YAML: numbers, durations, expressions, flow mappings and lists', () => {
    const { scenario } = loaded([
      'endpoints.Sales.instances[0].threads=4',
      'transport={ operation: 2ms }',
      'machines["worker1"].cores= 8',
      'endpoints.Sales.handlers.PlaceOrder.duration=uniform(1ms, 2ms)',
      'strategies={ rr: { kind: round-robin }, random: { kind: random } }',
      'name=renamed',
    ]);
    expect(scenario.name).toBe('renamed');
    expect(scenario.endpoints[0].instances[0]).toMatchObject({ threads: 4, capacity: 4 });
    expect(scenario.transport).toEqual({ operationMs: 2, networkMs: 0.5, commitMs: 0, accept: 'session', window: 1, express: false });
    expect(scenario.machines[1]).toEqual({ name: 'worker1', cores: 8 });
    expect(scenario.endpoints[0].handlers[0].duration).toEqual({ kind: 'uniform', min: 1, max: 2 });
    expect(scenario.strategies.map((s) => s.name)).toEqual(['rr', 'random']);
  });

  it('applies the options in order: a later one wins, or changes inside an earlier one', () => {
    expect(loaded(['seed=2', 'seed=3']).scenario.seed).toBe(3);
    expect(loaded(['transport={ operation: 2ms }', 'transport.network=0ms']).scenario.transport).toEqual({ operationMs: 2, networkMs: 0, commitMs: 0, accept: 'session', window: 1, express: false });
  });

  it('changes what every variant starts from', () => {
    const result = loadScenarioFile(`${FIXTURES}/variants.yaml`, { set: ['endpoints.Sales.instances[0].threads=3'] });
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.scenario.endpoints[0].instances[0].threads).toBe(3);
    // more-threads sets 4 itself; third-worker replaces the instances.
    expect(result.variants.map((v) => [v.name, v.scenario.endpoints[0].instances[0].threads])).toEqual([
      ['handler-1ms', 3],
      ['handler-1s', 3],
      ['more-threads', 4],
      ['third-worker', 1],
      ['baseline', 3],
    ]);
  });

  it('adds, changes or removes a sweep (an empty value is none)', () => {
    const text = `${BASE}sweep:\n  "endpoints.Sales.instances[0].threads": [1, 2]\n`;
    expect('sweep' in loaded(['sweep=null'], text)).toBe(false);
    expect('sweep' in loaded(['sweep='], text)).toBe(false);
    expect(loaded(['sweep["strategies.distributor.concurrency"]=[1, 4]'], text).sweep?.parameters).toEqual([
      { path: 'endpoints.Sales.instances[0].threads', values: [1, 2] },
      { path: 'strategies.distributor.concurrency', values: [1, 4] },
    ]);
    // One value of a sweep-only path: a sweep of one point.
    const one = loaded(['sweep={ "endpoints.Sales.instances.count": [2] }']).sweep;
    expect(one?.points.map((p) => p.scenario.endpoints[0].instances.map((i) => i.machine))).toEqual([['worker1-1', 'worker1-2']]);
  });

  it('loads the scenario unchanged without options', () => {
    expect(loaded([])).toEqual(loadScenarioText(BASE, F));
  });
});

describe('a malformed --set', () => {
  it('without "=" is reported at its start, with an example', () => {
    expect(SET_FILE).toBe('--set');
    expect(problems(['seed=2', 'threads4'])).toEqual([`--set:2:1: must be path=value, e.g. endpoints.Sales.instances[0].threads=4, got "threads4"`]);
    expect(problems([''])).toEqual([`--set:1:1: must be path=value, e.g. endpoints.Sales.instances[0].threads=4, got ""`]);
  });

  it('with a value that is not YAML, or not plain data, is reported at the column inside the value', () => {
    expect(problems(['seed=[1'])).toEqual(['--set:1:8: seed value is not valid YAML: Flow sequence must end with a ]']);
    expect(problems(['seed=a: b: c'])).toEqual(['--set:1:9: seed value is not valid YAML: Nested mappings are not allowed in compact mappings']);
    expect(problems(['seed=!!binary abc'])).toEqual(['--set:1:15: seed value uses the YAML tag !!binary, which scenarios do not support; remove it']);
    expect(problems(['seed={ [a]: 1 }'])).toEqual(['--set:1:8: seed value has a key that is a list or mapping; keys must be plain names']);
  });

  it('stops loading: the scenario is not judged with some options missing', () => {
    expect(problems(['seed=-1', 'x..y=1'])).toEqual([
      '--set:2:1: x..y is not a valid path: expected a key at character 3, got "."; write dots between keys, [0] for a list item and [*] for every item, e.g. endpoints.Sales.instances[0].threads, and quote a key with dots or spaces: machines["web.1"]',
    ]);
  });
});

describe('a bad path in --set', () => {
  it('is reported at the start of the option, with a did-you-mean, as for variants', () => {
    expect(problems(['endpoints.Sale.instances[0].threads=2'])).toEqual([
      '--set:1:1: endpoints.Sale.instances[0].threads unknown path: endpoints has no "Sale"; did you mean "Sales"?',
    ]);
    expect(problems(['endpoints.Sales.instances[3].threads=2'])).toEqual([
      '--set:1:1: endpoints.Sales.instances[3].threads unknown path: endpoints.Sales.instances has 1 item, so it has no [3]',
    ]);
    expect(problems(['transport.operation=2ms'])).toEqual([
      '--set:1:1: transport.operation unknown path: the scenario has no "transport" (it has stop, machines, endpoints, senders, strategies); to add it, override "transport" as a whole',
    ]);
    expect(problems(['=4'])).toEqual([
      '--set:1:1: is not a valid path: it is empty; write dots between keys, [0] for a list item and [*] for every item, e.g. endpoints.Sales.instances[0].threads, and quote a key with dots or spaces: machines["web.1"]',
    ]);
  });

  it('says how to set one value of a sweep-only path', () => {
    expect(problems(['seed=1', 'endpoints.Sales.handlers.PlaceOrder.duration.mean=100ms'])).toEqual([
      '--set:2:1: endpoints.Sales.handlers.PlaceOrder.duration.mean unknown path: endpoints.Sales.handlers.PlaceOrder.duration is a single value, "exponential(200ms)" (string), with nothing inside; .mean is a sweep path: for one value, set sweep={"endpoints.Sales.handlers.PlaceOrder.duration.mean": [100ms]}',
    ]);
  });
});

describe('a bad value in --set', () => {
  it('is reported at its column in the option, with the field path', () => {
    expect(problems(['endpoints.Sales.instances[0].threads=0'])).toEqual(['--set:1:38: endpoints.Sales.instances[0].threads must be >= 1, got 0']);
    expect(problems(['senders.Sender.sends[0].arrivals=daily(base=4/s, peak=2/s, at=12h)'])).toEqual([
      '--set:1:34: senders.Sender.sends[0].arrivals daily needs base <= peak, got base=4/s, peak=2/s',
    ]);
    expect(problems(['senders.Sender.machine=clinet'])).toEqual(['--set:1:24: senders.Sender.machine unknown machine "clinet"; did you mean "client"?']);
  });

  it('inside a mapping, is reported where it is written in the value', () => {
    expect(problems(['endpoints.Sales.instances[0]={ machine: worker1, thread: 2 }'])).toEqual([
      '--set:1:50: endpoints.Sales.instances[0] unknown key "thread"; did you mean "threads"?',
    ]);
    expect(problems(['transport={ operation: 2 }'])).toEqual(['--set:1:24: transport.operation needs a unit, e.g. 2ms, got 2 (number)']);
  });

  it('is listed after the problems of the scenario file, in the order of the options', () => {
    expect(problems(['strategies.distributor.concurrency=-1', 'endpoints.Sales.instances[0].threads=0'], `seed: -1\n${BASE}`)).toEqual([
      `${F}:1:7: seed must be >= 0, got -1`,
      '--set:1:36: strategies.distributor.concurrency must be >= 1, got -1',
      '--set:2:38: endpoints.Sales.instances[0].threads must be >= 1, got 0',
    ]);
  });

  it('that only a variant or a sweep point breaks is marked with it', () => {
    const variants = `${BASE}variants:\n  fewer: { machines: { client: {}, worker2: {} } }\n`;
    expect(problems(['senders.Sender.machine=worker1'], variants)).toEqual([
      `${F}:10:20: endpoints.Sales.instances[0].machine unknown machine "worker1"; did you mean "worker2"? (variant "fewer")`,
      `${F}:17:46: strategies.distributor.machine unknown machine "worker1"; did you mean "worker2"? (variant "fewer")`,
      '--set:1:24: senders.Sender.machine unknown machine "worker1"; did you mean "worker2"? (variant "fewer")',
    ]);
    expect(problems(['sweep={ "strategies.distributor.concurrency": [1, 0] }'])).toEqual([
      '--set:1:51: strategies.distributor.concurrency must be >= 1, got 0 (sweep point strategies.distributor.concurrency=0)',
    ]);
  });
});
