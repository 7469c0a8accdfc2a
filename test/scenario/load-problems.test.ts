// Bad scenarios, one class of mistake per test, each asserting the exact problem lines a user sees.
// Reading and YAML-level problems are in read-and-parse.test.ts.

import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenarioFile, loadScenarioText } from '../../sim/scenario/index.js';
import { BASE, changed, problemLines } from './base-scenario.js';

const FIXTURES = 'test/fixtures/scenarios';
const F = 'scenarios/base.yaml';

function fileProblems(file: string): string[] {
  const result = loadScenarioFile(file);
  return result.ok ? [] : result.problems.map(formatProblem);
}

it('the base scenario used below is valid', () => {
  expect(problemLines(BASE)).toEqual([]);
});

describe('structure (JSON Schema)', () => {
  it('reports an unknown key with a did-you-mean', () => {
    expect(problemLines(changed('threads: 1', 'thread: 1'))).toEqual([
      `${F}:10:29: endpoints.Sales.instances[0] unknown key "thread"; did you mean "threads"?`,
    ]);
  });

  it('lists the allowed keys when no known key is close', () => {
    expect(problemLines(`colour: red\n${BASE}`)).toEqual([
      `${F}:1:1: unknown key "colour"; allowed keys here are name, seed, stop, warmup, drain, timeseries, transport, machines, endpoints, senders, strategies, faults, replications, sla, cost, sweep, variants`,
    ]);
  });

  it('reports wrong types with what was expected and what was received', () => {
    expect(problemLines(changed('threads: 1', 'threads: "two"'))).toEqual([
      `${F}:10:38: endpoints.Sales.instances[0].threads must be a positive integer, got "two" (string)`,
    ]);
    expect(problemLines(changed('cores: 2', 'cores: 2.5'))).toEqual([`${F}:4:21: machines.worker1.cores must be a positive integer, got 2.5 (number)`]);
    expect(problemLines(`seed: one\n${BASE}`)).toEqual([`${F}:1:7: seed must be a non-negative integer, got "one" (string)`]);
    expect(problemLines(changed('machines:\n  client: {}\n  worker1: { cores: 2 }\n', 'machines: [client, worker1]\n'))).toEqual([
      `${F}:2:11: machines must be a mapping, got ["client","worker1"] (list)`,
    ]);
    expect(problemLines(changed('    sends:\n      - { message: PlaceOrder, to: Sales, arrivals: poisson(8/s) }\n', '    sends: {}\n'))).toEqual([
      `${F}:14:12: senders.Sender.sends must be a list, got {} (mapping)`,
    ]);
    expect(problemLines(changed('  Sales:\n    handlers:', '  Sales:\n    handlers: yes\n    other:'))).toContain(
      `${F}:7:15: endpoints.Sales.handlers must be a mapping, got "yes" (string)`,
    );
  });

  it('reports an empty name or reference', () => {
    expect(problemLines(changed('machine: client', 'machine: ""'))).toEqual([`${F}:13:14: senders.Sender.machine must not be empty, got ""`]);
  });

  it('reports zero and negative threads', () => {
    expect(problemLines(changed('threads: 1', 'threads: 0'))).toEqual([`${F}:10:38: endpoints.Sales.instances[0].threads must be >= 1, got 0`]);
    expect(problemLines(changed('threads: 1', 'threads: -2'))).toEqual([`${F}:10:38: endpoints.Sales.instances[0].threads must be >= 1, got -2`]);
  });

  it('reports a missing required key at the mapping that lacks it', () => {
    expect(problemLines(changed('{ machine: worker1, threads: 1 }', '{ threads: 1 }'))).toEqual([
      `${F}:10:9: endpoints.Sales.instances[0] is missing required key "machine"`,
    ]);
    expect(problemLines(changed('{ duration: exponential(200ms) }', '{ reply: Done }'))).toEqual([
      `${F}:8:19: endpoints.Sales.handlers.PlaceOrder is missing required key "duration"`,
    ]);
    expect(problemLines(changed('strategies:\n  distributor: { kind: distributor, machine: worker1 }\n', ''))).toEqual([
      `${F}:1:1: the scenario is missing required key "strategies"`,
    ]);
  });

  it('reports an empty list or mapping where at least one entry is needed', () => {
    expect(problemLines(changed('    instances:\n      - { machine: worker1, threads: 1 }', '    instances: []'))).toEqual([
      `${F}:9:16: endpoints.Sales.instances must have at least one instance, got an empty list`,
    ]);
  });

  it('reports a strategy kind outside the closed set, with the choices', () => {
    expect(problemLines(changed('kind: distributor', 'kind: distrib'))).toEqual([
      `${F}:17:24: strategies.distributor.kind must be one of distributor, round-robin, random, shared-queue, fair, custom, two-choices, broker, got "distrib" (string); did you mean "distributor"?`,
    ]);
  });
});

describe('units and expressions', () => {
  it('reports zero and negative rates', () => {
    expect(problemLines(changed('poisson(8/s)', 'poisson(0/s)'))).toEqual([
      `${F}:15:53: senders.Sender.sends[0].arrivals poisson rate: must be > 0, got "0/s"`,
    ]);
    expect(problemLines(changed('poisson(8/s)', 'constant(-3/m)'))).toEqual([
      `${F}:15:53: senders.Sender.sends[0].arrivals constant rate: must be > 0, got "-3/m"`,
    ]);
  });

  it('reports zero and negative durations where they must be > 0', () => {
    expect(problemLines(changed('exponential(200ms)', 'exponential(0ms)'))).toEqual([
      `${F}:8:31: endpoints.Sales.handlers.PlaceOrder.duration exponential mean: must be > 0, got "0ms"`,
    ]);
    expect(problemLines(changed('stop: { messages: 100 }', 'stop: { duration: 0s }'))).toEqual([`${F}:1:19: stop.duration must be > 0, got "0s"`]);
    expect(problemLines(`drain: -1h\n${BASE}`)).toEqual([`${F}:1:8: drain must not be negative, got "-1h"`]);
    expect(problemLines(`drain: 0ms\n${BASE}`)).toEqual([`${F}:1:8: drain must be > 0, got "0ms"`]);
    expect(problemLines(`timeseries: { interval: 0s }\n${BASE}`)).toEqual([`${F}:1:25: timeseries.interval must be > 0, got "0s"`]);
    expect(problemLines(`transport: { network: -1ms }\n${BASE}`)).toEqual([`${F}:1:23: transport.network must not be negative, got "-1ms"`]);
  });

  it('reports a duration written without a unit', () => {
    expect(problemLines(`drain: 5\n${BASE}`)).toEqual([`${F}:1:8: drain needs a unit, e.g. 5ms, got 5 (number)`]);
    expect(problemLines(changed('exponential(200ms)', 'exponential(200)'))).toEqual([
      `${F}:8:31: endpoints.Sales.handlers.PlaceOrder.duration exponential mean: needs a unit, e.g. 200ms, got "200"`,
    ]);
  });

  it('reports an unknown unit', () => {
    expect(problemLines(changed('exponential(200ms)', 'exponential(200sec)'))).toEqual([
      `${F}:8:31: endpoints.Sales.handlers.PlaceOrder.duration exponential mean: unknown unit "sec" in "200sec"; use ms, s, m or h`,
    ]);
    expect(problemLines(`transport: { operation: 1msec }\n${BASE}`)).toEqual([
      `${F}:1:25: transport.operation unknown unit "msec" in "1msec"; use ms, s, m or h`,
    ]);
  });

  it('reports an unknown distribution with a did-you-mean and the list', () => {
    expect(problemLines(changed('exponential(200ms)', 'expo(200ms)'))).toEqual([
      `${F}:8:31: endpoints.Sales.handlers.PlaceOrder.duration unknown distribution "expo"; use one of constant, exponential, uniform, erlang, lognormal, empirical; did you mean "exponential"?`,
    ]);
  });

  it('explains a flow-mapping value cut short at a comma', () => {
    expect(problemLines(changed('exponential(200ms)', 'uniform(1ms, 2ms)'))).toEqual([
      `${F}:8:31: endpoints.Sales.handlers.PlaceOrder.duration must be a distribution, got "uniform(1ms", which looks cut short at a comma: inside { ... } put quotes around a value that has commas, e.g. duration: "uniform(100ms, 300ms)"`,
      `${F}:8:44: endpoints.Sales.handlers.PlaceOrder unknown key "2ms)" (the end of a value cut short at a comma? quote values that have commas)`,
    ]);
    expect(problemLines(changed('exponential(200ms)', '"uniform(1ms, 2ms)"'))).toEqual([]);
  });
});

describe('references', () => {
  it('reports an unknown machine, suggesting a close name or listing them', () => {
    expect(problemLines(changed('machine: worker1, threads', 'machine: workr1, threads'))).toEqual([
      `${F}:10:20: endpoints.Sales.instances[0].machine unknown machine "workr1"; did you mean "worker1"?`,
    ]);
    expect(problemLines(changed('machine: client', 'machine: laptop'))).toEqual([
      `${F}:13:14: senders.Sender.machine unknown machine "laptop"; the machines are client, worker1`,
    ]);
    expect(problemLines(changed('machine: worker1 }', 'machine: server }'))).toEqual([
      `${F}:17:46: strategies.distributor.machine unknown machine "server"; the machines are client, worker1`,
    ]);
  });

  it('reports an unknown endpoint', () => {
    expect(problemLines(changed('to: Sales', 'to: Sale'))).toEqual([`${F}:15:36: senders.Sender.sends[0].to unknown endpoint "Sale"; did you mean "Sales"?`]);
  });

  it('reports a message the destination endpoint does not handle', () => {
    expect(problemLines(changed('message: PlaceOrder', 'message: PlaceOrdr'))).toEqual([
      `${F}:15:20: senders.Sender.sends[0].message endpoint Sales has no handler for "PlaceOrdr"; did you mean "PlaceOrder"?`,
    ]);
    expect(problemLines(changed('message: PlaceOrder', 'message: Refund'))).toEqual([
      `${F}:15:20: senders.Sender.sends[0].message endpoint Sales has no handler for "Refund"; it handles PlaceOrder`,
    ]);
  });
});

describe('cross-field rules', () => {
  it('needs exactly one of messages or duration in stop and warmup', () => {
    expect(problemLines(changed('stop: { messages: 100 }', 'stop: { messages: 100, duration: 1h }'))).toEqual([
      `${F}:1:7: stop must have exactly one of messages or duration, got both`,
    ]);
    expect(problemLines(changed('stop: { messages: 100 }', 'stop: {}'))).toEqual([`${F}:1:7: stop must have exactly one of messages or duration, got neither`]);
    expect(problemLines(`warmup: {}\n${BASE}`)).toEqual([`${F}:1:9: warmup must have exactly one of messages or duration, got neither`]);
  });

  it('needs the warmup to leave something to measure', () => {
    expect(problemLines(`warmup: { messages: 100 }\n${BASE}`)).toEqual([
      `${F}:1:21: warmup.messages must be less than stop.messages (100) so that some messages are measured, got 100`,
    ]);
    const durations = changed('stop: { messages: 100 }', 'stop: { duration: 10m }\nwarmup: { duration: 1h }');
    expect(problemLines(durations)).toEqual([
      `${F}:2:21: warmup.duration must be shorter than stop.duration (10m) so that some messages are measured, got "1h"`,
    ]);
    // A count and a time cannot be compared before running, so they are not.
    expect(problemLines(changed('stop: { messages: 100 }', 'stop: { messages: 100 }\nwarmup: { duration: 1h }'))).toEqual([]);
  });

  it('gives a distributor a machine, and no other strategy a machine or concurrency', () => {
    expect(problemLines(changed('{ kind: distributor, machine: worker1 }', '{ kind: distributor }'))).toEqual([
      `${F}:17:16: strategies.distributor is missing required key "machine" (the machine the distributor runs on)`,
    ]);
    expect(problemLines(changed('kind: distributor, machine: worker1', 'kind: round-robin, machine: worker1'))).toEqual([
      `${F}:17:37: strategies.distributor.machine only a distributor has a machine; remove it (this strategy is round-robin)`,
    ]);
    expect(problemLines(changed('{ kind: distributor, machine: worker1 }', '{ kind: random, concurrency: 2 }'))).toEqual([
      `${F}:17:32: strategies.distributor.concurrency only a distributor has a concurrency; remove it (this strategy is random)`,
    ]);
    expect(problemLines(changed('machine: worker1 }', 'machine: worker1, concurrency: 0 }'))).toEqual([
      `${F}:17:68: strategies.distributor.concurrency must be >= 1, got 0`,
    ]);
  });

  it('needs instance names to be unique within an endpoint', () => {
    const text = changed(
      '      - { machine: worker1, threads: 1 }\n',
      '      - { machine: worker1, name: a }\n      - { machine: client, name: a }\n      - { machine: client }\n      - { machine: worker1, name: client }\n',
    );
    expect(problemLines(text)).toEqual([
      `${F}:11:34: endpoints.Sales.instances[1].name must be unique within the endpoint, but instances[0] is also named "a"`,
      `${F}:13:35: endpoints.Sales.instances[3].name must be unique within the endpoint, but "client" is also the default name of instances[2]`,
    ]);
  });
});

describe('a file with several problems', () => {
  it('reports all of them, in line order, once each', () => {
    const file = `${FIXTURES}/many-problems.yaml`;
    expect(fileProblems(file)).toEqual([
      `${file}:2:7: seed must be >= 0, got -1`,
      `${file}:4:21: warmup.messages must be less than stop.messages (100) so that some messages are measured, got 100`,
      `${file}:7:21: machines.worker1.cores must be >= 1, got 0`,
      `${file}:11:31: endpoints.Sales.handlers.PlaceOrder.duration exponential mean: unknown unit "sec" in "200sec"; use ms, s, m or h`,
      `${file}:13:20: endpoints.Sales.instances[0].machine unknown machine "workr1"; did you mean "worker1"?`,
      `${file}:13:28: endpoints.Sales.instances[0] unknown key "thread"; did you mean "threads"?`,
      `${file}:14:38: endpoints.Sales.instances[1].threads must be a positive integer, got "two" (string)`,
      `${file}:19:20: senders.Sender.sends[0].message endpoint Sales has no handler for "PlaceOrdr"; did you mean "PlaceOrder"?`,
      `${file}:19:52: senders.Sender.sends[0].arrivals poisson rate: must be > 0, got "0/s"`,
      `${file}:21:24: strategies.distributor.kind must be one of distributor, round-robin, random, shared-queue, fair, custom, two-choices, broker, got "distrib" (string); did you mean "distributor"?`,
      `${file}:21:42: strategies.distributor.machine unknown machine "server"; the machines are client, worker1`,
      `${file}:22:37: strategies.round-robin.concurrency only a distributor has a concurrency; remove it (this strategy is round-robin)`,
    ]);
  });

  it('gives the same positions for a file with Windows line endings', () => {
    const crlf = changed('threads: 1', 'threads: 0').replace(/\n/g, '\r\n');
    expect(problemLines(crlf)).toEqual([`${F}:10:38: endpoints.Sales.instances[0].threads must be >= 1, got 0`]);
  });

  it('returns problems as data with 1-based positions and the path separate', () => {
    const result = loadScenarioText(changed('threads: 1', 'threads: 0'), 'x.yaml');
    expect(result).toEqual({
      ok: false,
      problems: [{ file: 'x.yaml', line: 10, col: 38, path: 'endpoints.Sales.instances[0].threads', message: 'must be >= 1, got 0' }],
    });
  });
});

describe('formatProblem', () => {
  it('joins file, line, column, path and message, leaving out an empty path', () => {
    expect(formatProblem({ file: 'a.yaml', line: 3, col: 9, path: 'seed', message: 'must be >= 0, got -1' })).toBe('a.yaml:3:9: seed must be >= 0, got -1');
    expect(formatProblem({ file: 'a.yaml', line: 1, col: 1, path: '', message: 'file is empty' })).toBe('a.yaml:1:1: file is empty');
  });

  it('brackets keys that would be ambiguous in a dotted path', () => {
    const text = changed('  worker1: { cores: 2 }', '  worker1: { cores: 2 }\n  "web.1": { cores: 0 }');
    expect(problemLines(text)).toEqual([`${F}:5:21: machines["web.1"].cores must be >= 1, got 0`]);
  });
});
