// The `faults:` list and `transport.express`: each form of fault read into exactly the expected
// FaultSpec, every rule of the format with the exact problem lines a user sees, and variants that
// change faults. Inline scenarios are BASE (17 lines, base-scenario.ts) followed by a faults block
// whose first entry is on line 19.

import { describe, expect, it } from 'vitest';
import type { FaultSpec, Scenario } from '../../sim/model/scenario-types.js';
import { loadScenarioFile, loadScenarioText, type LoadResult } from '../../sim/scenario/index.js';
import { BASE, changed, problemLines } from './base-scenario.js';

const FIXTURES = 'test/fixtures/scenarios';
const F = 'scenarios/base.yaml';

function scenarioOf(result: LoadResult): Scenario {
  if (!result.ok) throw new Error(`expected a scenario, got problems:\n${JSON.stringify(result.problems, null, 2)}`);
  return result.scenario;
}

/** BASE followed by a faults block (its entries given without the `faults:` line). */
const withFaults = (...lines: string[]) => `${BASE}faults:\n${lines.join('\n')}\n`;

/** The faults of BASE with these entries (each a flow mapping, one per line). */
const faultsOf = (...entries: string[]): readonly FaultSpec[] => scenarioOf(loadScenarioText(withFaults(...entries.map((e) => `  - ${e}`)), F)).faults;

/** The problem lines for BASE with these fault entries. */
const faultProblems = (...entries: string[]) => problemLines(withFaults(...entries.map((e) => `  - ${e}`)));

/** Machines client, worker1 (BASE) and worker2, with an instance of Sales on each worker. */
const TWO_WORKERS = changed(
  '      - { machine: worker1, threads: 1 }\n',
  '      - { machine: worker1, threads: 1 }\n      - { machine: worker2 }\n',
  changed('  worker1: { cores: 2 }\n', '  worker1: { cores: 2 }\n  worker2: {}\n'),
);

describe('the fault forms', () => {
  // toStrictEqual throughout: a field the kind does not use must be absent, not present-and-undefined.

  it('crashes a machine for a while, or until the end of the run', () => {
    expect(faultsOf('{ kind: crash, machine: worker1, at: 2m, duration: 1m }', '{ kind: crash, machine: client, at: 0ms }')).toStrictEqual([
      { name: 'crash worker1', kind: 'crash', atMs: 120_000, durationMs: 60_000, machine: 'worker1' },
      { name: 'crash client', kind: 'crash', atMs: 0, machine: 'client' },
    ]);
  });

  it('crashes one worker process, named Endpoint/instance', () => {
    expect(faultsOf('{ kind: crash, instance: Sales/worker1, at: 2m, duration: 30s }')).toStrictEqual([
      { name: 'crash Sales/worker1', kind: 'crash', atMs: 120_000, durationMs: 30_000, instance: { endpoint: 'Sales', instance: 'worker1' } },
    ]);
  });

  it('crashes the distributor process only', () => {
    expect(faultsOf('{ kind: crash, process: distributor, at: 2m, duration: 10m }')).toStrictEqual([
      { name: 'crash distributor', kind: 'crash', atMs: 120_000, durationMs: 600_000, distributor: true },
    ]);
  });

  it('crashes and slows down on a random schedule, from time 0', () => {
    expect(faultsOf('{ kind: crash, machine: worker1, mttf: 10m, mttr: 1m }', '{ kind: slowdown, machine: client, factor: 2, mttf: 1h, mttr: 90s }')).toStrictEqual([
      { name: 'crash worker1', kind: 'crash', atMs: 0, mttfMs: 600_000, mttrMs: 60_000, machine: 'worker1' },
      { name: 'slowdown client', kind: 'slowdown', atMs: 0, mttfMs: 3_600_000, mttrMs: 90_000, machine: 'client', factor: 2 },
    ]);
  });

  it('slows a machine down by a factor', () => {
    expect(faultsOf('{ kind: slowdown, machine: worker1, factor: 3, at: 1m, duration: 2m }', '{ kind: slowdown, machine: client, factor: 1.01, at: 0s }')).toStrictEqual([
      { name: 'slowdown worker1', kind: 'slowdown', atMs: 60_000, durationMs: 120_000, machine: 'worker1', factor: 3 },
      { name: 'slowdown client', kind: 'slowdown', atMs: 0, machine: 'client', factor: 1.01 },
    ]);
  });

  it('partitions two machines', () => {
    expect(faultsOf('{ kind: partition, machines: [client, worker1], at: 1m, duration: 30s }')).toStrictEqual([
      { name: 'partition client-worker1', kind: 'partition', atMs: 60_000, durationMs: 30_000, machines: ['client', 'worker1'] },
    ]);
  });

  it('gives machines a duplicate QMId, with defaults for the loss and the switching', () => {
    expect(
      faultsOf(
        '{ kind: duplicate-qmid, machines: [client, worker1], at: 0s, lossProbability: 0.05, switchEvery: 5m }',
        '{ kind: duplicate-qmid, machines: [worker1, client], at: 1m, duration: 1h, lossProbability: 0, switchEvery: 10s }',
        '{ kind: duplicate-qmid, machines: [client, worker1], at: 2m }',
      ),
    ).toStrictEqual([
      { name: 'duplicate-qmid client+worker1', kind: 'duplicate-qmid', atMs: 0, machines: ['client', 'worker1'], lossProbability: 0.05, switchEveryMs: 300_000 },
      {
        name: 'duplicate-qmid worker1+client',
        kind: 'duplicate-qmid',
        atMs: 60_000,
        durationMs: 3_600_000,
        machines: ['worker1', 'client'],
        lossProbability: 0,
        switchEveryMs: 10_000,
      },
      { name: 'duplicate-qmid client+worker1 #2', kind: 'duplicate-qmid', atMs: 120_000, machines: ['client', 'worker1'], lossProbability: 0.05, switchEveryMs: 300_000 },
    ]);
  });

  it('decommissions an instance, carefully by default', () => {
    const text = withFaults(
      '  - { kind: decommission, instance: Sales/worker2, at: 2m, careful: true }',
      '  - { kind: decommission, instance: Sales/worker1, at: 3m, careful: false }',
      '  - { kind: decommission, instance: Sales/worker2, at: 4m }',
    ).replace(BASE, TWO_WORKERS);
    expect(scenarioOf(loadScenarioText(text, F)).faults).toStrictEqual([
      { name: 'decommission Sales/worker2', kind: 'decommission', atMs: 120_000, instance: { endpoint: 'Sales', instance: 'worker2' }, careful: true },
      { name: 'decommission Sales/worker1', kind: 'decommission', atMs: 180_000, instance: { endpoint: 'Sales', instance: 'worker1' }, careful: false },
      { name: 'decommission Sales/worker2 #2', kind: 'decommission', atMs: 240_000, instance: { endpoint: 'Sales', instance: 'worker2' }, careful: true },
    ]);
  });

  it('finds instances by their default or given names', () => {
    const text = changed('{ machine: worker1, threads: 1 }', '{ machine: worker1 }\n      - { machine: worker1 }\n      - { machine: client, name: front/1 }');
    const faults = scenarioOf(
      loadScenarioText(
        `${text}faults:\n  - { kind: crash, instance: Sales/worker1-2, at: 1m }\n  - { kind: decommission, instance: Sales/front/1, at: 1m }\n`,
        F,
      ),
    ).faults;
    expect(faults.map((f) => [f.name, f.instance])).toEqual([
      ['crash Sales/worker1-2', { endpoint: 'Sales', instance: 'worker1-2' }],
      // Everything after the endpoint is the instance name, slashes and all.
      ['decommission Sales/front/1', { endpoint: 'Sales', instance: 'front/1' }],
    ]);
  });

  it('reads block style like flow style', () => {
    expect(scenarioOf(loadScenarioText(withFaults('  - kind: crash', '    machine: worker1', '    at: 1m', '    name: reboot'), F)).faults).toStrictEqual([
      { name: 'reboot', kind: 'crash', atMs: 60_000, machine: 'worker1' },
    ]);
  });

  it('has no faults by default, nor with an empty list or an empty value', () => {
    expect(scenarioOf(loadScenarioText(BASE, F)).faults).toStrictEqual([]);
    expect(scenarioOf(loadScenarioText(`${BASE}faults: []\n`, F)).faults).toStrictEqual([]);
    expect(scenarioOf(loadScenarioText(`${BASE}faults:\n#  - { kind: crash, machine: worker1, at: 1m }\n`, F)).faults).toStrictEqual([]);
  });
});

describe('fault names', () => {
  it('defaults to kind and target, numbering repeats from #2', () => {
    const names = faultsOf(
      '{ kind: crash, machine: worker1, at: 1m }',
      '{ kind: crash, machine: worker1, mttf: 1h, mttr: 1m }',
      '{ kind: crash, instance: Sales/worker1, at: 1m }',
      '{ kind: crash, machine: worker1, at: 5m }',
      '{ kind: partition, machines: [worker1, client], at: 1m }',
    ).map((f) => f.name);
    expect(names).toEqual(['crash worker1', 'crash worker1 #2', 'crash Sales/worker1', 'crash worker1 #3', 'partition worker1-client']);
  });

  it('keeps a name given, and a default makes way for it', () => {
    const names = faultsOf(
      '{ kind: crash, machine: worker1, at: 1m }',
      '{ kind: crash, machine: client, at: 1m, name: "crash worker1 #2" }',
      '{ kind: crash, machine: worker1, at: 2m }',
      '{ kind: crash, machine: client, at: 2m, name: crash client }',
      '{ kind: crash, machine: client, at: 3m }',
    ).map((f) => f.name);
    expect(names).toEqual(['crash worker1', 'crash worker1 #2', 'crash worker1 #3', 'crash client', 'crash client #2']);
  });

  it('must be unique when given', () => {
    expect(faultProblems('{ kind: crash, machine: worker1, at: 1m, name: a }', '{ kind: crash, machine: client, at: 1m, name: a }')).toEqual([
      `${F}:20:51: faults[1].name must be unique among the faults, but faults[0] is also named "a"`,
    ]);
    expect(faultProblems('{ kind: crash, machine: worker1, at: 1m, name: "" }')).toEqual([`${F}:19:52: faults[0].name must not be empty, got ""`]);
  });
});

describe('transport.express', () => {
  it('defaults to false, and reads true', () => {
    expect(scenarioOf(loadScenarioText(BASE, F)).transport).toStrictEqual({ operationMs: 1, networkMs: 0.5, commitMs: 0, accept: 'session', window: 1, express: false });
    const text = `transport: { operation: 1ms, network: 0.5ms, express: true }\n${BASE}`;
    expect(scenarioOf(loadScenarioText(text, F)).transport).toStrictEqual({ operationMs: 1, networkMs: 0.5, commitMs: 0, accept: 'session', window: 1, express: true });
    expect(scenarioOf(loadScenarioText(`transport: { express: false }\n${BASE}`, F)).transport).toStrictEqual({ operationMs: 1, networkMs: 0.5, commitMs: 0, accept: 'session', window: 1, express: false });
  });

  it('must be true or false', () => {
    expect(problemLines(`transport: { express: yes }\n${BASE}`)).toEqual([`${F}:1:23: transport.express must be true or false, got "yes" (string)`]);
    expect(problemLines(`transport: { expres: true }\n${BASE}`)).toEqual([`${F}:1:14: transport unknown key "expres"; did you mean "express"?`]);
  });
});

describe('the fixture with every form', () => {
  const file = `${FIXTURES}/faults.yaml`;
  const sales = (instance: string) => ({ endpoint: 'Sales', instance });
  const faults: FaultSpec[] = [
    { name: 'crash worker1', kind: 'crash', atMs: 120_000, durationMs: 60_000, machine: 'worker1' },
    { name: 'crash Sales/worker1', kind: 'crash', atMs: 120_000, durationMs: 30_000, instance: sales('worker1') },
    { name: 'crash distributor', kind: 'crash', atMs: 120_000, durationMs: 600_000, distributor: true },
    { name: 'crash worker1 #2', kind: 'crash', atMs: 0, mttfMs: 600_000, mttrMs: 60_000, machine: 'worker1' },
    { name: 'slowdown worker2', kind: 'slowdown', atMs: 60_000, durationMs: 120_000, machine: 'worker2', factor: 3 },
    { name: 'flaky disk', kind: 'slowdown', atMs: 0, mttfMs: 1_200_000, mttrMs: 300_000, machine: 'worker2', factor: 1.5 },
    { name: 'partition client-server', kind: 'partition', atMs: 60_000, durationMs: 30_000, machines: ['client', 'server'] },
    { name: 'duplicate-qmid worker1+worker2', kind: 'duplicate-qmid', atMs: 0, machines: ['worker1', 'worker2'], lossProbability: 0.1, switchEveryMs: 120_000 },
    {
      name: 'duplicate-qmid worker1+worker2+worker3',
      kind: 'duplicate-qmid',
      atMs: 600_000,
      durationMs: 300_000,
      machines: ['worker1', 'worker2', 'worker3'],
      lossProbability: 0.05,
      switchEveryMs: 300_000,
    },
    { name: 'decommission Sales/worker2', kind: 'decommission', atMs: 120_000, instance: sales('worker2'), careful: true },
    { name: 'decommission Sales/spare', kind: 'decommission', atMs: 3_000_000, instance: sales('spare'), careful: false },
    { name: 'crash server', kind: 'crash', atMs: 2_400_000, machine: 'server' },
  ];

  it('loads every fault to exactly the expected FaultSpec', () => {
    const scenario = scenarioOf(loadScenarioFile(file));
    expect(scenario.transport).toStrictEqual({ operationMs: 1, networkMs: 0.5, commitMs: 0, accept: 'session', window: 1, express: true });
    expect(scenario.faults).toStrictEqual(faults);
  });

  it('has variants that change a fault, the transport and the whole list', () => {
    const result = loadScenarioFile(file);
    if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
    expect(result.variants.map((v) => [v.name, v.overrides])).toEqual([
      ['longer-crash', { 'faults[0].duration': '5m' }],
      ['durable', { 'transport.express': false }],
      ['no-faults', { faults: [] }],
    ]);
    const [longer, durable, none] = result.variants;
    expect(longer.scenario).toStrictEqual({ ...result.scenario, faults: [{ ...faults[0], durationMs: 300_000 }, ...faults.slice(1)] });
    expect(durable.scenario).toStrictEqual({ ...result.scenario, transport: { operationMs: 1, networkMs: 0.5, commitMs: 0, accept: 'session', window: 1, express: false } });
    expect(none.scenario).toStrictEqual({ ...result.scenario, faults: [] });
  });
});

describe('variants of faults', () => {
  const base = withFaults('  - { kind: crash, machine: worker1, at: 2m, duration: 1m }');
  const variant = (...lines: string[]) => `${base}variants:\n${lines.join('\n')}\n`;

  it('override a value, add a key, or replace a fault', () => {
    const result = loadScenarioText(
      variant(
        '  longer: { "faults[0].duration": 5m }',
        '  named: { "faults[0].name": reboot }',
        '  random: { "faults[0]": { kind: crash, machine: client, mttf: 1h, mttr: 1m } }',
      ),
      F,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
    expect(result.scenario.faults).toStrictEqual([{ name: 'crash worker1', kind: 'crash', atMs: 120_000, durationMs: 60_000, machine: 'worker1' }]);
    expect(result.variants.map((v) => v.scenario.faults)).toStrictEqual([
      [{ name: 'crash worker1', kind: 'crash', atMs: 120_000, durationMs: 300_000, machine: 'worker1' }],
      [{ name: 'reboot', kind: 'crash', atMs: 120_000, durationMs: 60_000, machine: 'worker1' }],
      [{ name: 'crash client', kind: 'crash', atMs: 0, mttfMs: 3_600_000, mttrMs: 60_000, machine: 'client' }],
    ]);
  });

  it('add faults to a scenario without any', () => {
    const result = loadScenarioText(`${BASE}variants:\n  faulty: { faults: [ { kind: slowdown, machine: worker1, factor: 2, at: 1m } ] }\n`, F);
    if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
    expect(result.scenario.faults).toStrictEqual([]);
    expect(result.variants[0].scenario.faults).toStrictEqual([{ name: 'slowdown worker1', kind: 'slowdown', atMs: 60_000, machine: 'worker1', factor: 2 }]);
  });

  it('report their bad values where written, naming the variant', () => {
    expect(problemLines(variant('  short: { "faults[0].duration": 0s }', '  random:', '    "faults[0].mttf": 1h'))).toEqual([
      `${F}:19:5: faults[0] is missing required key "mttr" (the mean time to repair: a random schedule needs both mttf and mttr) (variant "random")`,
      `${F}:19:38: faults[0].at a random schedule (mttf, mttr) has no at; remove it, or remove mttf and mttr for a fixed schedule (variant "random")`,
      `${F}:19:46: faults[0].duration a random schedule (mttf, mttr) has no duration; remove it, or remove mttf and mttr for a fixed schedule (variant "random")`,
      `${F}:21:34: faults[0].duration must be > 0, got "0s" (variant "short")`,
    ]);
  });

  it('report a fault a changed strategy leaves without a distributor', () => {
    const text = `${BASE}faults:\n  - { kind: crash, process: distributor, at: 1m }\nvariants:\n  sender-side: { strategies: { rr: { kind: round-robin } } }\n`;
    expect(problemLines(text)).toEqual([
      `${F}:19:29: faults[0].process needs a strategy of kind distributor, but the strategies are of kind round-robin (variant "sender-side")`,
    ]);
  });

  it('report a fault on a machine a variant removes', () => {
    expect(problemLines(variant('  fewer: { machines: { client: {}, worker2: {} }, "endpoints.Sales.instances[0].machine": worker2, "strategies.distributor.machine": worker2 }'))).toEqual([
      `${F}:19:29: faults[0].machine unknown machine "worker1"; did you mean "worker2"? (variant "fewer")`,
    ]);
  });
});

describe('problems', () => {
  it('needs a kind from the list', () => {
    expect(faultProblems('{ machine: worker1, at: 1m }')).toEqual([`${F}:19:5: faults[0] is missing required key "kind"`]);
    // The kind is unknown, but the machine named can still be checked.
    expect(faultProblems('{ kind: crsh, machine: workr1, at: 1m }')).toEqual([
      `${F}:19:13: faults[0].kind must be one of crash, slowdown, partition, duplicate-qmid, decommission, got "crsh" (string); did you mean "crash"?`,
      `${F}:19:28: faults[0].machine unknown machine "workr1"; did you mean "worker1"?`,
    ]);
  });

  it('reports an unknown key with a did-you-mean, once', () => {
    expect(faultProblems('{ kind: crash, machine: worker1, at: 1m, duraton: 1m }')).toEqual([`${F}:19:46: faults[0] unknown key "duraton"; did you mean "duration"?`]);
    // Not also "missing at" or "no target": the suggestion says it all.
    expect(faultProblems('{ kind: crash, machine: worker1, a: 1m }', '{ kind: crash, machin: worker1, at: 1m }')).toEqual([
      `${F}:19:38: faults[0] unknown key "a"; did you mean "at"?`,
      `${F}:20:20: faults[1] unknown key "machin"; did you mean "machine"?`,
    ]);
  });

  it('needs the list to be a list of mappings', () => {
    expect(problemLines(`${BASE}faults: { a: 1 }\n`)).toEqual([`${F}:18:9: faults must be a list or empty, got {"a":1} (mapping)`]);
    expect(faultProblems('crash')).toEqual([`${F}:19:5: faults[0] must be a mapping, got "crash" (string)`]);
  });

  describe('timing', () => {
    it('needs at unless the schedule is random', () => {
      expect(faultProblems('{ kind: crash, machine: worker1 }', '{ kind: partition, machines: [client, worker1] }')).toEqual([
        `${F}:19:5: faults[0] is missing required key "at" (when the fault starts; or mttf and mttr for a random schedule)`,
        `${F}:20:5: faults[1] is missing required key "at" (when the fault starts)`,
      ]);
    });

    it('needs at >= 0 and duration > 0, with units', () => {
      expect(faultProblems('{ kind: crash, machine: worker1, at: -1m, duration: 0s }', '{ kind: crash, machine: worker1, at: 1, duration: 1 }')).toEqual([
        `${F}:19:42: faults[0].at must not be negative, got "-1m"`,
        `${F}:19:57: faults[0].duration must be > 0, got "0s"`,
        `${F}:20:42: faults[1].at needs a unit, e.g. 1ms, got 1 (number)`,
        `${F}:20:55: faults[1].duration needs a unit, e.g. 1ms, got 1 (number)`,
      ]);
    });

    it('needs both mttf and mttr, each > 0, and then no at or duration', () => {
      expect(faultProblems('{ kind: crash, machine: worker1, mttf: 1m }', '{ kind: slowdown, machine: worker1, factor: 2, mttr: 1m }')).toEqual([
        `${F}:19:5: faults[0] is missing required key "mttr" (the mean time to repair: a random schedule needs both mttf and mttr)`,
        `${F}:20:5: faults[1] is missing required key "mttf" (the mean time to failure: a random schedule needs both mttf and mttr)`,
      ]);
      expect(faultProblems('{ kind: crash, machine: worker1, mttf: 0s, mttr: 1m, at: 1m, duration: 1m }')).toEqual([
        `${F}:19:44: faults[0].mttf must be > 0, got "0s"`,
        `${F}:19:58: faults[0].at a random schedule (mttf, mttr) has no at; remove it, or remove mttf and mttr for a fixed schedule`,
        `${F}:19:66: faults[0].duration a random schedule (mttf, mttr) has no duration; remove it, or remove mttf and mttr for a fixed schedule`,
      ]);
    });

    it('allows a random schedule for crash and slowdown only', () => {
      expect(faultProblems('{ kind: partition, machines: [client, worker1], mttf: 1m, mttr: 1m, at: 0s }')).toEqual([
        `${F}:19:53: faults[0].mttf only crash and slowdown faults have an mttf (a random schedule); remove it (this fault is partition)`,
        `${F}:19:63: faults[0].mttr only crash and slowdown faults have an mttr (a random schedule); remove it (this fault is partition)`,
      ]);
      expect(faultProblems('{ kind: decommission, instance: Sales/worker1, mttf: 1m, mttr: 1m }')).toEqual([
        `${F}:19:5: faults[0] is missing required key "at" (when the fault starts)`,
        `${F}:19:52: faults[0].mttf only crash and slowdown faults have an mttf (a random schedule); remove it (this fault is decommission)`,
        `${F}:19:62: faults[0].mttr only crash and slowdown faults have an mttr (a random schedule); remove it (this fault is decommission)`,
      ]);
    });

    it('gives a decommission no duration', () => {
      expect(faultProblems('{ kind: decommission, instance: Sales/worker1, at: 1m, duration: 1m }')).toEqual([
        `${F}:19:60: faults[0].duration only crash, slowdown, partition and duplicate-qmid faults have a duration; remove it (this fault is decommission)`,
      ]);
    });
  });

  describe('crash', () => {
    it('needs exactly one of machine, instance and process', () => {
      expect(faultProblems('{ kind: crash, at: 1m }', '{ kind: crash, machine: worker1, instance: Sales/worker1, at: 1m }')).toEqual([
        `${F}:19:5: faults[0] must have exactly one of machine, instance or process (what crashes), got none`,
        `${F}:20:5: faults[1] must have exactly one of machine, instance or process (what crashes), got machine and instance`,
      ]);
    });

    it('suggests machine for machines, once', () => {
      expect(faultProblems('{ kind: crash, machines: [worker1], at: 1m }')).toEqual([
        `${F}:19:20: faults[0].machines only partition and duplicate-qmid faults have machines (this fault is crash); did you mean "machine"?`,
      ]);
    });

    it('needs a known machine', () => {
      expect(faultProblems('{ kind: crash, machine: workr1, at: 1m }', '{ kind: crash, machine: server, at: 1m }')).toEqual([
        `${F}:19:29: faults[0].machine unknown machine "workr1"; did you mean "worker1"?`,
        `${F}:20:29: faults[1].machine unknown machine "server"; the machines are client, worker1`,
      ]);
    });

    it('needs process to be distributor, and a distributor strategy to crash', () => {
      expect(faultProblems('{ kind: crash, process: distrib, at: 1m }')).toEqual([
        `${F}:19:29: faults[0].process must be one of distributor, got "distrib" (string); did you mean "distributor"?`,
      ]);
      const sender = (kind: string) => changed('{ kind: distributor, machine: worker1 }', `{ kind: ${kind} }`);
      const crash = 'faults:\n  - { kind: crash, process: distributor, at: 1m }\n';
      expect(problemLines(`${sender('round-robin')}${crash}`)).toEqual([
        `${F}:19:29: faults[0].process needs a strategy of kind distributor, but the strategies are of kind round-robin`,
      ]);
      // A misspelt strategy kind is reported once, at the strategy.
      expect(problemLines(`${sender('distributer, machine: worker1')}${crash}`)).toEqual([
        `${F}:17:24: strategies.distributor.kind must be one of distributor, round-robin, random, shared-queue, fair, custom, two-choices, broker, got "distributer" (string); did you mean "distributor"?`,
      ]);
    });
  });

  describe('instance references', () => {
    it('need Endpoint/instance, with a known endpoint and one of its instances', () => {
      expect(
        faultProblems(
          '{ kind: crash, instance: worker1, at: 1m }',
          '{ kind: crash, instance: Sale/worker1, at: 1m }',
          '{ kind: crash, instance: Sales/workr1, at: 1m }',
          '{ kind: crash, instance: Billing/x, at: 1m }',
          '{ kind: crash, instance: Sales/nope, at: 1m }',
          '{ kind: decommission, instance: zzz, at: 1m }',
        ),
      ).toEqual([
        `${F}:19:30: faults[0].instance must be an endpoint and one of its instances, written Endpoint/instance, got "worker1"; did you mean "Sales/worker1"?`,
        `${F}:20:30: faults[1].instance unknown endpoint "Sale" in "Sale/worker1"; did you mean "Sales/worker1"?`,
        `${F}:21:30: faults[2].instance endpoint Sales has no instance "workr1"; did you mean "worker1"?`,
        `${F}:22:30: faults[3].instance unknown endpoint "Billing" in "Billing/x"; the endpoints are Sales`,
        `${F}:23:30: faults[4].instance endpoint Sales has no instance "nope"; its instances are worker1`,
        `${F}:24:37: faults[5].instance must be an endpoint and one of its instances, written Endpoint/instance, e.g. "Sales/worker1", got "zzz"`,
      ]);
    });
  });

  describe('slowdown', () => {
    it('needs a machine and a factor > 1', () => {
      expect(
        faultProblems(
          '{ kind: slowdown, at: 1m }',
          '{ kind: slowdown, machine: worker1, factor: 1, at: 1m }',
          '{ kind: slowdown, machine: worker1, factor: x, at: 1m, instance: Sales/worker1 }',
        ),
      ).toEqual([
        `${F}:19:5: faults[0] is missing required key "machine" (the machine that slows down)`,
        `${F}:19:5: faults[0] is missing required key "factor" (how many times longer operations and handlers on the machine take, a number > 1)`,
        `${F}:20:49: faults[1].factor must be > 1, got 1`,
        `${F}:21:49: faults[2].factor must be a number > 1, got "x" (string)`,
        `${F}:21:60: faults[2].instance only crash and decommission faults have an instance; remove it (this fault is slowdown)`,
      ]);
    });

    it('suggests machine for machines', () => {
      expect(faultProblems('{ kind: slowdown, machines: [worker1], factor: 2, at: 1m }')).toEqual([
        `${F}:19:23: faults[0].machines only partition and duplicate-qmid faults have machines (this fault is slowdown); did you mean "machine"?`,
      ]);
    });
  });

  describe('partition', () => {
    it('needs exactly two different known machines', () => {
      expect(
        faultProblems(
          '{ kind: partition, machines: [client], at: 1m }',
          '{ kind: partition, machines: [client, worker1, client], at: 1m }',
          '{ kind: partition, machines: [client, workr1], at: 1m }',
          '{ kind: partition, machines: client, at: 1m }',
          '{ kind: partition, machines: [], at: 1m }',
        ),
      ).toEqual([
        `${F}:19:34: faults[0].machines must name exactly two machines (a partition cuts the network between two), got 1 machine`,
        `${F}:20:34: faults[1].machines must name exactly two machines (a partition cuts the network between two), got 3 machines`,
        `${F}:20:52: faults[1].machines[2] repeats "client" (machines[0]); the machines must be different`,
        `${F}:21:43: faults[2].machines[1] unknown machine "workr1"; did you mean "worker1"?`,
        `${F}:22:34: faults[3].machines must be a list, got "client" (string)`,
        `${F}:23:34: faults[4].machines must name exactly two machines (a partition cuts the network between two), got an empty list`,
      ]);
    });

    it('suggests machines for machine, and needs machines', () => {
      expect(faultProblems('{ kind: partition, machine: client, at: 1m }', '{ kind: partition, at: 1m }')).toEqual([
        `${F}:19:24: faults[0].machine only crash and slowdown faults have a machine (this fault is partition); did you mean "machines"?`,
        `${F}:20:5: faults[1] is missing required key "machines" (the two machines cut off from each other)`,
      ]);
    });
  });

  describe('duplicate-qmid', () => {
    it('needs two or more different machines, a probability and a switchEvery > 0', () => {
      expect(faultProblems('{ kind: duplicate-qmid, machines: [client], at: 1m, lossProbability: 1.5, switchEvery: 0s, careful: true }')).toEqual([
        `${F}:19:39: faults[0].machines must name at least two machines (the ones sharing a QMId), got 1 machine`,
        `${F}:19:74: faults[0].lossProbability must be <= 1, got 1.5`,
        `${F}:19:92: faults[0].switchEvery must be > 0, got "0s"`,
        `${F}:19:96: faults[0].careful only a decommission fault has a careful setting; remove it (this fault is duplicate-qmid)`,
      ]);
      expect(faultProblems('{ kind: duplicate-qmid, machines: [client, worker1, worker1], at: 1m, lossProbability: -1 }', '{ kind: duplicate-qmid, at: 1m }')).toEqual([
        `${F}:19:57: faults[0].machines[2] repeats "worker1" (machines[1]); the machines must be different`,
        `${F}:19:92: faults[0].lossProbability must be >= 0, got -1`,
        `${F}:20:5: faults[1] is missing required key "machines" (the machines that share one QMId)`,
      ]);
    });

    it('keeps its settings to itself', () => {
      expect(faultProblems('{ kind: partition, machines: [client, worker1], at: 1m, lossProbability: 0.1, switchEvery: 1m }')).toEqual([
        `${F}:19:61: faults[0].lossProbability only a duplicate-qmid fault has a lossProbability; remove it (this fault is partition)`,
        `${F}:19:83: faults[0].switchEvery only a duplicate-qmid fault has a switchEvery; remove it (this fault is partition)`,
      ]);
    });
  });

  describe('decommission', () => {
    it('needs an instance, a boolean careful and no other kind\'s keys', () => {
      expect(faultProblems('{ kind: decommission, at: 1m, careful: "yes", factor: 2 }')).toEqual([
        `${F}:19:5: faults[0] is missing required key "instance" (the endpoint instance taken out, as Endpoint/instance)`,
        `${F}:19:44: faults[0].careful must be true or false, got "yes" (string)`,
        `${F}:19:51: faults[0].factor only a slowdown fault has a factor; remove it (this fault is decommission)`,
      ]);
      expect(faultProblems('{ kind: decommission, instance: Sales/worker1, process: distributor, at: 1m }')).toEqual([
        `${F}:19:52: faults[0].process only a crash fault has a process; remove it (this fault is decommission)`,
      ]);
    });
  });
});
