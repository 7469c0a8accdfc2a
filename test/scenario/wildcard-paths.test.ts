// `[*]` in sweep, variant and --set paths: every item of a list or every key of a mapping, each set as
// if written out, with problems that name the item at fault.

import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenarioText } from '../../sim/scenario/index.js';
import { formatPattern } from '../../sim/scenario/path-pattern.js';
import { parsePath } from '../../sim/scenario/variant-path.js';
import { BASE, changed, problemLines } from './base-scenario.js';

const F = 'scenarios/base.yaml';
// Three instances on three machines (lines 4 and 10 of BASE become three lines each).
const THREE = changed(
  '      - { machine: worker1, threads: 1 }',
  '      - { machine: worker1, threads: 1 }\n      - { machine: worker2, threads: 1 }\n      - { machine: worker3, threads: 1 }',
  changed('  worker1: { cores: 2 }', '  worker1: { cores: 2 }\n  worker2: { cores: 2 }\n  worker3: { cores: 2 }'),
);

function setProblems(text: string, set: string[]): string[] {
  const result = loadScenarioText(text, F, { set });
  return result.ok ? [] : result.problems.map(formatProblem);
}

function load(text: string, set: string[] = []) {
  const result = loadScenarioText(text, F, { set });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result;
}

describe('[*] in paths', () => {
  it('reads and writes back', () => {
    const path = parsePath('endpoints.Sales.instances[*].threads');
    if (typeof path === 'string') throw new Error(path);
    expect(formatPattern(path)).toBe('endpoints.Sales.instances[*].threads');
    const machines = parsePath('machines[*].cores');
    if (typeof machines === 'string') throw new Error(machines);
    expect(formatPattern(machines)).toBe('machines[*].cores');
  });

  it('sweeps every instance at once', () => {
    const { sweep } = load(`${THREE}sweep:\n  "endpoints.Sales.instances[*].threads": [1, 2, 4]\n`);
    expect(sweep?.points.map((p) => p.scenario.endpoints[0].instances.map((i) => i.threads))).toEqual([
      [1, 1, 1],
      [2, 2, 2],
      [4, 4, 4],
    ]);
  });

  it('sweeps every machine of a mapping', () => {
    const { sweep } = load(`${THREE}sweep:\n  "machines[*].cores": [1, 4]\n`);
    expect(sweep?.points.map((p) => p.scenario.machines.map((m) => m.cores))).toEqual([
      [1, 1, 1, 1],
      [4, 4, 4, 4],
    ]);
  });

  it('combines with an instance count: the template instance is set, then copied', () => {
    const { sweep } = load(`${BASE}sweep:\n  "endpoints.Sales.instances[*].threads": [2]\n  endpoints.Sales.instances.count: [3]\n`);
    expect(sweep?.points[0].scenario.endpoints[0].instances.map((i) => i.threads)).toEqual([2, 2, 2]);
  });

  it('sets every instance in a variant and with --set', () => {
    const variant = load(`${THREE}variants:\n  wide: { "endpoints.Sales.instances[*].threads": 3 }\n`);
    expect(variant.variants[0].scenario.endpoints[0].instances.map((i) => i.threads)).toEqual([3, 3, 3]);
    const set = load(THREE, ['endpoints.Sales.instances[*].threads=5']);
    expect(set.scenario.endpoints[0].instances.map((i) => i.threads)).toEqual([5, 5, 5]);
  });

  it('points a value problem at the sweep value, for every instance it reaches', () => {
    expect(problemLines(`${THREE}sweep:\n  "endpoints.Sales.instances[*].threads": [0, 2]\n`)).toEqual([
      `${F}:23:44: endpoints.Sales.instances[0].threads must be >= 1, got 0 (sweep point endpoints.Sales.instances[*].threads=0)`,
      `${F}:23:44: endpoints.Sales.instances[1].threads must be >= 1, got 0 (sweep point endpoints.Sales.instances[*].threads=0)`,
      `${F}:23:44: endpoints.Sales.instances[2].threads must be >= 1, got 0 (sweep point endpoints.Sales.instances[*].threads=0)`,
    ]);
  });

  it('names the item a path goes wrong at', () => {
    expect(problemLines(`${THREE}sweep:\n  "endpoints.Sales.instances[*].machine": [1, 2]\n`)).toEqual([
      `${F}:23:3: sweep["endpoints.Sales.instances[*].machine"] names endpoints.Sales.instances[0].machine, which cannot be swept: it holds "worker1" (string), not a number, a duration or a rate`,
    ]);
    expect(problemLines(`${THREE}sweep:\n  "endpoints.Sales.handlers.PlaceOrder[*]": [1, 2]\n`)).toEqual([
      `${F}:23:3: sweep["endpoints.Sales.handlers.PlaceOrder[*]"] names endpoints.Sales.handlers.PlaceOrder.duration, which cannot be swept: it holds "exponential(200ms)" (string), not a number, a duration or a rate; to sweep its mean, use "endpoints.Sales.handlers.PlaceOrder.duration.mean"`,
    ]);
    expect(setProblems(THREE, ['endpoints.Sales.instances[*].threads.x=1'])).toEqual([
      '--set:1:1: endpoints.Sales.instances[*].threads.x unknown path: endpoints.Sales.instances[0].threads is a single value, 1 (number), with nothing inside',
    ]);
    expect(setProblems(THREE, ['stop.messages[*]=1'])).toEqual([
      '--set:1:1: stop.messages[*] unknown path: stop.messages is a single value, 100 (number), so [*] has no items to name',
    ]);
    expect(setProblems(changed('  client: {}', '  client: {}\n  empty: []'), ['machines.empty[*].x=1'])).toEqual([
      '--set:1:1: machines.empty[*].x names nothing: machines.empty is an empty list, so [*] has no items to name',
    ]);
  });

  it('says when two parameters set one value through [*]', () => {
    expect(problemLines(`${THREE}sweep:\n  "endpoints.Sales.instances[1].threads": [1, 2]\n  "endpoints.Sales.instances[*].threads": [1, 2]\n`)).toEqual([
      `${F}:24:3: sweep["endpoints.Sales.instances[*].threads"] sets endpoints.Sales.instances[1].threads, which the parameter "endpoints.Sales.instances[1].threads" sets too`,
    ]);
  });
});

describe('cost:', () => {
  it('is read, a key left out costing 0', () => {
    expect(load(`${BASE}cost: { machine: 100, thread: 10 }\n`).cost).toEqual({ machine: 100, thread: 10, distributor: 0 });
    expect(load(BASE).cost).toBeUndefined();
  });

  it('rejects a negative price, an empty block and a sweep of it', () => {
    expect(problemLines(`${BASE}cost: { machine: -1 }\n`)).toEqual([`${F}:18:18: cost.machine must be >= 0, got -1`]);
    expect(problemLines(`${BASE}cost: {}\n`)).toEqual([`${F}:18:7: cost must price at least one of machine, thread or distributor, e.g. { machine: 100, thread: 10 }`]);
    expect(problemLines(`${BASE}cost: { machine: 1 }\nsweep:\n  cost.machine: [1, 2]\n`)).toEqual([`${F}:20:3: sweep["cost.machine"] cannot be swept: every point is priced the same way`]);
  });
});
