// What a sweep parameter's path names. A plain path (as in variants) holds a number, a duration or a
// rate, set as written. Three pseudo-paths set a derived value instead, by rewriting the scenario's
// data so that each point is still checked in full:
//   endpoints.<E>.instances.count              N copies of the first instance, each on its own copy of its machine
//   senders.<S>.sends[i].arrivals.rate         the arrivals' mean rate (every rate of the process scales)
//   endpoints.<E>.handlers.<M>.duration.mean   the distribution's mean (its shape stays)

import type { Scenario } from '../model/scenario-types.js';
import { arrivalsTextWithMean, parseArrivals } from './arrivals.js';
import { type Data, isData } from './build-context.js';
import { describeValue } from './describe.js';
import { parseDistribution } from './distribution.js';
import { formatPath, type Segment } from './problem.js';
import { parseDuration } from './units.js';
import { replaceAt, valueAt } from './variant-overlay.js';

/** What a sweep value is: a plain number, a duration (ms) or a rate (per second). */
export type ValueKind = 'number' | 'duration' | 'rate';

export type Target =
  | { readonly kind: 'plain' }
  | { readonly kind: 'count'; readonly endpoint: string }
  | { readonly kind: 'rate'; readonly sender: string; readonly send: number }
  | { readonly kind: 'mean'; readonly endpoint: string; readonly message: string };

/** The value kind each pseudo-path takes, and how to say so. */
export const PSEUDO_KINDS: Readonly<Record<Exclude<Target['kind'], 'plain'>, { readonly kind: ValueKind; readonly words: string }>> = {
  count: { kind: 'number', words: 'instance counts, plain numbers such as [1, 2, 4]' },
  rate: { kind: 'rate', words: 'rates such as [4/s, 8/s]' },
  mean: { kind: 'duration', words: 'durations such as [100ms, 200ms]' },
};

/** Top-level keys a sweep may not set, and why. */
const FIXED: Readonly<Record<string, string>> = {
  name: "cannot be swept: every point keeps the scenario's name",
  seed: "cannot be swept: every point runs with the scenario's seed, so that points differ only in the values swept; for more seeds use replications",
  replications: "cannot be swept: every point has the scenario's replications",
  sla: "cannot be swept: every point answers the scenario's SLA",
  cost: 'cannot be swept: every point is priced the same way',
  sweep: 'cannot be swept: sweeps do not nest',
  variants: 'cannot be swept: sweeps and variants do not combine',
};

export function targetOf(path: readonly Segment[]): Target {
  const [top, name, list, index, key, last] = path;
  if (path.length === 4 && top === 'endpoints' && typeof name === 'string' && list === 'instances' && index === 'count') return { kind: 'count', endpoint: name };
  if (path.length !== 6 || typeof name !== 'string') return { kind: 'plain' };
  if (top === 'senders' && list === 'sends' && typeof index === 'number' && key === 'arrivals' && last === 'rate') return { kind: 'rate', sender: name, send: index };
  if (top === 'endpoints' && list === 'handlers' && typeof index === 'string' && key === 'duration' && last === 'mean') {
    return { kind: 'mean', endpoint: name, message: index };
  }
  return { kind: 'plain' };
}

/** Where the value a pseudo-path derives from is written: the instances, the arrivals, the duration. */
export function underlyingPath(path: readonly Segment[]): Segment[] {
  return path.slice(0, -1);
}

/**
 * Why `path` (whose target is `target`) cannot be swept in the scenario `data`, or undefined when it
 * can. Problems the scenario itself has (a broken instance list, say) are left to its own checks.
 */
export function checkSweepTarget(data: Data, path: readonly Segment[], target: Target): string | undefined {
  if (target.kind === 'plain') {
    const first = path[0];
    if (typeof first === 'string' && Object.hasOwn(FIXED, first)) return FIXED[first];
    const found = valueAt(data, path);
    if (typeof found === 'string') return found;
    const value = found.value;
    // A new key (its value is the schema's to judge), a number, or text that starts like one.
    if (value === undefined || typeof value === 'number' || (typeof value === 'string' && /^\s*[+-]?\.?\d/.test(value))) return undefined;
    return `cannot be swept: it holds ${describeValue(value)}, not a number, a duration or a rate${pseudoHint(path)}`;
  }
  const found = valueAt(data, underlyingPath(path));
  if (typeof found === 'string') return found;
  if (target.kind === 'rate' && typeof found.value === 'string') {
    const spec = parseArrivals(found.value);
    if (typeof spec !== 'string' && spec.kind === 'trace') {
      return 'cannot be swept: a trace replays recorded send times, which have no rate to set; .rate works for poisson, constant, piecewise, daily and bursts';
    }
  }
  return undefined;
}

/** For a value a pseudo-path would sweep: which one. */
export function pseudoHint(path: readonly Segment[]): string {
  const last = path[path.length - 1];
  const use = (key: string) => `; to sweep ${key === 'count' ? 'the number of instances' : `its ${key}`}, use ${JSON.stringify(formatPath([...path, key]))}`;
  if (path[0] === 'senders' && last === 'arrivals') return use('rate');
  if (path[0] === 'endpoints' && path[2] === 'handlers' && last === 'duration') return use('mean');
  if (path[0] === 'endpoints' && path.length === 3 && last === 'instances') return use('count');
  return '';
}

/** A pseudo-path applied to one point's data. */
export interface Applied {
  readonly data: unknown;
  /** The paths whose values it wrote (their problems point at the sweep value). */
  readonly paths: readonly Segment[][];
  /** A change made to the built scenario instead (an empirical distribution's samples), or why it cannot be made. */
  readonly after?: (scenario: Scenario) => Scenario | string;
}

/**
 * `data` with the pseudo-path `target` set to `value` (ms, per second or a count), or why not. Data
 * the scenario's own checks reject is left unchanged (no paths): those problems are reported there.
 */
export function applyPseudo(data: unknown, target: Exclude<Target, { kind: 'plain' }>, value: number): Applied | string {
  switch (target.kind) {
    case 'count':
      return setCount(data, target.endpoint, value);
    case 'rate':
      return setRate(data, ['senders', target.sender, 'sends', target.send, 'arrivals'], value);
    case 'mean':
      return setMean(data, target.endpoint, target.message, value);
  }
}

const unchanged = (data: unknown): Applied => ({ data, paths: [] });

function setCount(data: unknown, endpoint: string, count: number): Applied | string {
  const at: Segment[] = ['endpoints', endpoint, 'instances'];
  const found = valueAt(data, at);
  const machines = isData(data) ? data.machines : undefined;
  if (typeof found === 'string' || !Array.isArray(found.value) || !isData(machines)) return unchanged(data);
  const first: unknown = found.value[0];
  if (!isData(first) || typeof first.machine !== 'string' || !Object.hasOwn(machines, first.machine)) return unchanged(data);
  const machine = first.machine;
  const names = Array.from({ length: count }, (_, k) => `${machine}-${k + 1}`);
  const taken = names.find((n) => Object.hasOwn(machines, n));
  if (taken !== undefined) {
    return `cannot put the copies of ${formatPath([...at, 0])} on new machines: the scenario has a machine named ${JSON.stringify(taken)} already`;
  }
  // Each copy is named after its machine (the default), so the first instance's own name goes.
  const copies = names.map((name) => {
    const { name: _name, ...rest } = first;
    return { ...rest, machine: name };
  });
  let out = replaceAt(data, at, copies);
  const paths: Segment[][] = [at];
  for (const name of names) {
    if (typeof out === 'string') break;
    out = replaceAt(out.data, ['machines', name], machines[machine]);
    paths.push(['machines', name]);
  }
  return typeof out === 'string' ? out : { data: out.data, paths };
}

function setRate(data: unknown, at: readonly Segment[], perSecond: number): Applied | string {
  const found = valueAt(data, at);
  if (typeof found === 'string' || typeof found.value !== 'string') return unchanged(data);
  // The mean of piecewise and daily is over this point's stop.duration.
  const stop = isData(data) && isData(data.stop) ? data.stop.duration : undefined;
  const stopMs = typeof stop === 'string' ? parseDuration(stop) : undefined;
  const spec = parseArrivals(found.value, { stopMs: typeof stopMs === 'number' ? stopMs : undefined });
  if (typeof spec === 'string') return unchanged(data);
  const text = arrivalsTextWithMean(spec, perSecond);
  if (text === undefined) return unchanged(data);
  const out = replaceAt(data, at, text);
  return typeof out === 'string' ? out : { data: out.data, paths: [[...at]] };
}

function setMean(data: unknown, endpoint: string, message: string, mean: number): Applied | string {
  const at: Segment[] = ['endpoints', endpoint, 'handlers', message, 'duration'];
  const found = valueAt(data, at);
  if (typeof found === 'string' || typeof found.value !== 'string') return unchanged(data);
  const spec = parseDistribution(found.value);
  if (typeof spec === 'string') return unchanged(data);
  let text: string;
  switch (spec.kind) {
    case 'constant':
      text = `constant(${mean}ms)`;
      break;
    case 'exponential':
      text = `exponential(${mean}ms)`;
      break;
    case 'erlang':
      text = `erlang(${spec.k}, ${mean}ms)`;
      break;
    case 'uniform': {
      // The same width relative to the mean: uniform(100ms, 300ms) at a mean of 400ms is uniform(200ms, 600ms).
      const ratio = (spec.max - spec.min) / (spec.max + spec.min);
      text = `uniform(${mean * (1 - ratio)}ms, ${mean * (1 + ratio)}ms)`;
      break;
    }
    case 'lognormal':
      text = `lognormal(${mean}ms, ${mean * (spec.p99 / spec.mean)}ms)`;
      break;
    case 'empirical':
      // The samples come from the file: scale them once it has been read.
      return { data, paths: [], after: (scenario) => scaleEmpirical(scenario, endpoint, message, mean) };
  }
  const out = replaceAt(data, at, text);
  return typeof out === 'string' ? out : { data: out.data, paths: [at] };
}

function scaleEmpirical(scenario: Scenario, endpoint: string, message: string, mean: number): Scenario | string {
  let problem: string | undefined;
  const endpoints = scenario.endpoints.map((e) => {
    if (e.name !== endpoint) return e;
    const handlers = e.handlers.map((h) => {
      if (h.message !== message || h.duration.kind !== 'empirical') return h;
      const { samples } = h.duration;
      const current = samples.reduce((sum, s) => sum + s, 0) / samples.length;
      if (current === 0 && mean > 0) {
        problem = `cannot give ${JSON.stringify(h.duration.file)} a mean of ${mean}ms: its samples are all 0`;
        return h;
      }
      const factor = current === 0 ? 0 : mean / current;
      return { ...h, duration: { ...h.duration, samples: samples.map((s) => s * factor) } };
    });
    return { ...e, handlers };
  });
  return problem ?? { ...scenario, endpoints };
}
