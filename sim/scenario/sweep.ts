// Step 7 of loading: the `sweep:` block. Each parameter is a path and its values (a list, or a range
// { from, to, step }); every combination of values is a point: the scenario with those values set,
// checked and built in full, like a variant. A problem that appears only at some points is reported
// once, at the value that causes it, marked with the point.

import type { Scenario, Sweep, SweepPoint } from '../model/scenario.js';
import { type BuildContext, type Data, entries, isData, problemAt, problemAtKey } from './build-context.js';
import { buildScenario } from './build-scenario.js';
import { describeValue } from './describe.js';
import type { Position } from './problem-list.js';
import { ProblemList } from './problem-list.js';
import { formatPath, type Problem, type Segment } from './problem.js';
import { checkStructure } from './structure.js';
import { type Applied, PSEUDO_KINDS, type Target, type ValueKind, applyPseudo, checkSweepTarget, targetOf } from './sweep-paths.js';
import { formatDuration, formatRate, parseDuration, parseNonNegativeRate } from './units.js';
import { OverlayPositions, type Override, replaceAt } from './variant-overlay.js';
import { parsePath } from './variant-path.js';

export const MAX_VALUES_PER_PARAMETER = 1000;
export const MAX_POINTS = 10_000;

/** One value of a parameter. */
interface Value {
  /** In the model's units: ms, per second, or as is. */
  readonly number: number;
  /** What is set at a plain path: the value as written (list), or as text with a unit (range). */
  readonly data: unknown;
  /** How problems show it: as written, or in the unit of the range. */
  readonly text: string;
  /** Where it is written: the list item, or the range. */
  readonly source: readonly Segment[];
}

interface Parameter {
  /** The path as written (the key under sweep). */
  readonly key: string;
  readonly path: readonly Segment[];
  readonly target: Target;
  readonly values: readonly Value[];
}

const KIND_WORDS: Readonly<Record<ValueKind, string>> = { number: 'a number', duration: 'a duration', rate: 'a rate' };
const SWEEP_VALUE = 'a number, a duration such as 2ms or a rate such as 4/s';

/**
 * The sweep of the scenario in `data`, or undefined without one (no `sweep` key, or an empty value)
 * or with problems (reported in ctx.problems).
 */
export function buildSweep(ctx: BuildContext, data: Data): Sweep | undefined {
  if (!Object.hasOwn(data, 'sweep') || data.sweep === null) return undefined;
  // Not a mapping: the schema reports it.
  if (!isData(data.sweep)) return undefined;
  if (isData(data.variants) && Object.keys(data.variants).length > 0) {
    problemAtKey(
      ctx,
      ['sweep'],
      'cannot be combined with variants (not supported): sweep a scenario without variants, or make what the variants change a sweep parameter',
    );
    return undefined;
  }
  const written = entries(ctx, data.sweep, ['sweep']);
  if (written.length === 0) {
    problemAt(ctx, ['sweep'], 'has no parameters; give at least one path and its values, e.g. "endpoints.Sales.instances[0].threads": [1, 2, 4]');
    return undefined;
  }
  // Each point starts from the scenario as written, without the sweep (and its empty variants).
  const base = Object.fromEntries(Object.entries(data).filter(([key]) => key !== 'sweep' && key !== 'variants'));
  const parameters: Parameter[] = [];
  let ok = true;
  for (const [key, raw] of written) {
    const parameter = readParameter(ctx, base, key, raw, parameters);
    if (parameter === undefined) ok = false;
    else parameters.push(parameter);
  }
  if (!ok) return undefined;
  const counts = parameters.map((p) => p.values.length);
  const total = counts.reduce((a, b) => a * b, 1);
  if (total > MAX_POINTS) {
    problemAt(ctx, ['sweep'], `makes ${total} points (${counts.join(' x ')} values); a sweep takes at most ${MAX_POINTS}`);
    return undefined;
  }
  const points: SweepPoint[] = [];
  let complete = true;
  for (let index = 0; index < total; index++) {
    // Mixed radix, the last parameter varying fastest.
    const choice: number[] = [];
    let rest = index;
    for (let j = parameters.length - 1; j >= 0; j--) {
      choice[j] = rest % counts[j];
      rest = Math.floor(rest / counts[j]);
    }
    const values = parameters.map((p, j) => p.values[choice[j]]);
    const scenario = buildPoint(ctx, base, parameters, values);
    if (scenario === undefined) complete = false;
    else points.push({ index, values: values.map((v) => v.number), scenario });
  }
  if (!complete) return undefined;
  return { parameters: parameters.map((p) => ({ path: p.key, values: p.values.map((v) => v.number) })), points };
}

/** One parameter, checked against the scenario and the parameters before it; undefined with problems (reported). */
function readParameter(ctx: BuildContext, base: Data, key: string, raw: unknown, earlier: readonly Parameter[]): Parameter | undefined {
  const at: Segment[] = ['sweep', key];
  const path = parsePath(key);
  let target: Target | undefined;
  let problem: string | undefined;
  if (typeof path === 'string') {
    problem = path;
  } else {
    target = targetOf(path);
    problem = checkSweepTarget(base, path, target) ?? overlap(path, target, earlier);
  }
  if (problem !== undefined) problemAtKey(ctx, at, problem);
  // The values are checked even when the path is bad: the list then has everything at once.
  const read = readValues(ctx, raw, at);
  if (problem !== undefined || read === undefined || typeof path === 'string' || target === undefined) return undefined;
  if (target.kind !== 'plain') {
    const wanted = PSEUDO_KINDS[target.kind];
    if (read.kind !== wanted.kind) {
      problemAt(ctx, at, `takes ${wanted.words}, got ${read.kind === 'number' ? 'numbers' : `${read.kind}s`}`);
      return undefined;
    }
    const bad = read.values.filter((v) => (target.kind === 'count' ? !Number.isInteger(v.number) || v.number < 1 : target.kind === 'rate' && v.number <= 0));
    for (const v of bad) {
      const message = target.kind === 'count' ? `must be a positive integer (a number of instances), got ${v.text}` : `must be > 0 (a mean rate), got ${v.text}`;
      problemAt(ctx, v.source, message);
    }
    if (bad.length > 0) return undefined;
  }
  return { key, path, target, values: read.values };
}

/** Two parameters must set different things. */
function overlap(path: readonly Segment[], target: Target, earlier: readonly Parameter[]): string | undefined {
  const shown = formatPath(path);
  for (const other of earlier) {
    if (formatPath(other.path) === shown) return `sets the same value as the parameter ${JSON.stringify(other.key)}`;
    // The count keeps copies of instances[0] only: a later instance's value would have no effect.
    const [count, item] = target.kind === 'count' ? [path, other.path] : [other.path, path];
    const dropped = item[0] === 'endpoints' && item[1] === count[1] && item[2] === 'instances' && typeof item[3] === 'number' && item[3] > 0;
    if (targetOf(count).kind === 'count' && dropped) {
      return target.kind === 'count'
        ? `keeps copies of instances[0] only, so the parameter ${JSON.stringify(other.key)} would have no effect`
        : `would have no effect: the parameter ${JSON.stringify(other.key)} keeps copies of instances[0] only`;
    }
  }
  return undefined;
}

/** The values of one parameter (a list or a range), all of one kind; undefined with problems (reported). */
function readValues(ctx: BuildContext, raw: unknown, at: readonly Segment[]): { kind: ValueKind; values: Value[] } | undefined {
  if (Array.isArray(raw)) return readList(ctx, raw, at);
  // Anything else is the schema's to report.
  return isData(raw) ? readRange(ctx, raw, at) : undefined;
}

function readList(ctx: BuildContext, list: readonly unknown[], at: readonly Segment[]): { kind: ValueKind; values: Value[] } | undefined {
  if (list.length === 0) {
    problemAt(ctx, at, 'must have at least one value, got an empty list');
    return undefined;
  }
  if (list.length > MAX_VALUES_PER_PARAMETER) {
    problemAt(ctx, at, `has ${list.length} values; a sweep takes at most ${MAX_VALUES_PER_PARAMETER} per parameter`);
    return undefined;
  }
  let ok = true;
  let kind: ValueKind | undefined;
  const values: Value[] = [];
  list.forEach((item, i) => {
    const source = [...at, i];
    const read = readValue(item);
    if (typeof read === 'string') {
      problemAt(ctx, source, read);
      ok = false;
      return;
    }
    kind ??= read.kind;
    const first = values.findIndex((v) => v.number === read.number);
    if (read.kind !== kind) {
      problemAt(ctx, source, `is ${KIND_WORDS[read.kind]}, but the first value is ${KIND_WORDS[kind]}; the values of one parameter must be all numbers, all durations or all rates`);
      ok = false;
    } else if (first >= 0) {
      problemAt(ctx, source, `repeats ${values[first].text} (the value at [${first}]); give each value once`);
      ok = false;
    }
    values.push({ number: read.number, data: item, text: typeof item === 'string' ? item.trim() : String(item), source });
  });
  return ok && kind !== undefined ? { kind, values } : undefined;
}

function readRange(ctx: BuildContext, range: Data, at: readonly Segment[]): { kind: ValueKind; values: Value[] } | undefined {
  // Unknown or missing keys: the schema reports them.
  if (Object.keys(range).some((k) => !['from', 'to', 'step'].includes(k)) || !Object.hasOwn(range, 'from') || !Object.hasOwn(range, 'to')) return undefined;
  const read = (key: string) => {
    const value = readValue(range[key]);
    if (typeof value === 'string') problemAt(ctx, [...at, key], value);
    return typeof value === 'string' ? undefined : value;
  };
  const from = read('from');
  const to = read('to');
  const step = Object.hasOwn(range, 'step') ? read('step') : undefined;
  if (from === undefined || to === undefined || (Object.hasOwn(range, 'step') && step === undefined)) return undefined;
  const kind = from.kind;
  const shown = (key: string) => JSON.stringify(range[key]);
  for (const [key, value] of [['to', to], ['step', step]] as const) {
    if (value !== undefined && value.kind !== kind) {
      problemAt(ctx, [...at, key], `is ${KIND_WORDS[value.kind]}, but from is ${KIND_WORDS[kind]}; from, to and step must be of one kind, got ${shown(key)}`);
      return undefined;
    }
  }
  if (step === undefined && kind !== 'number') {
    problemAt(ctx, at, `needs a step for a range of ${kind}s, of the same kind as from, e.g. step: ${kind === 'duration' ? '1ms' : '1/s'}`);
    return undefined;
  }
  const by = step?.number ?? 1;
  if (by <= 0) {
    problemAt(ctx, [...at, 'step'], `must be > 0, got ${shown('step')}`);
    return undefined;
  }
  if (to.number < from.number) {
    problemAt(ctx, [...at, 'to'], `must not be below from (${shown('from')}), got ${shown('to')}`);
    return undefined;
  }
  // Decimal steps add up with binary rounding (0.1 + 2 x 0.1 is 0.30000000000000004): each value is
  // rounded to 15 digits, and a little slack keeps a `to` the steps land on. Rates are stepped per
  // hour, where /s, /m and /h are all whole multiples (2/m is 120/h, but 0.0333.../s).
  const scale = kind === 'rate' ? 3600 : 1;
  const [first, last, size] = [from.number, to.number, by].map((n) => clean(n * scale));
  const count = Math.floor((last - first) / size + 1e-9) + 1;
  if (count > MAX_VALUES_PER_PARAMETER) {
    problemAt(ctx, at, `makes ${count} values; a sweep takes at most ${MAX_VALUES_PER_PARAMETER} per parameter`);
    return undefined;
  }
  const unit = unitOf(range.from, kind);
  const values = Array.from({ length: count }, (_, i): Value => {
    const scaled = clean(first + i * size);
    const number = Math.abs(scaled - last) <= 1e-9 * Math.max(1, Math.abs(last)) ? to.number : scaled / scale;
    return { number, data: asData(number, kind), text: asText(number, kind, unit), source: at };
  });
  return { kind, values };
}

const clean = (n: number): number => Number(n.toPrecision(15));

/** A value as written: a number, a duration or a rate, or why it is none of them. */
function readValue(item: unknown): { kind: ValueKind; number: number } | string {
  if (typeof item === 'number' && Number.isFinite(item)) return { kind: 'number', number: item };
  if (typeof item === 'string' && /^\s*[+-]?\.?\d/.test(item)) {
    const rate = item.includes('/');
    const number = rate ? parseNonNegativeRate(item) : parseDuration(item);
    if (typeof number === 'string') return number;
    return { kind: rate ? 'rate' : 'duration', number };
  }
  return `must be ${SWEEP_VALUE}, got ${describeValue(item)}`;
}

/** What is set at a plain path: a number, or text with a unit that reads back exactly. */
function asData(number: number, kind: ValueKind): unknown {
  if (kind === 'number') return number;
  return kind === 'duration' ? `${number}ms` : formatRate(number);
}

/** The unit `from` is written in (`s` in 1.5s, `/m` in 2/m), for showing a range's values. */
function unitOf(from: unknown, kind: ValueKind): string | undefined {
  if (kind === 'number' || typeof from !== 'string') return undefined;
  return /[\d.]\s*([a-z/]+)\s*$/i.exec(from)?.[1].replace(/\s+/g, '');
}

const DURATION_FACTORS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const RATE_FACTORS: Readonly<Record<string, number>> = { '/s': 1, '/m': 1 / 60, '/h': 1 / 3600 };

/** A range's value for people: in the unit of `from` where that is exact enough, else in ms or /s. */
function asText(number: number, kind: ValueKind, unit: string | undefined): string {
  if (kind === 'number') return String(number);
  const factors = kind === 'duration' ? DURATION_FACTORS : RATE_FACTORS;
  if (unit !== undefined && Object.hasOwn(factors, unit)) return `${Number((number / factors[unit]).toPrecision(12))}${unit}`;
  return kind === 'duration' ? formatDuration(number) : formatRate(number);
}

/** The scenario at one point, or undefined with problems (reported once each, marked with the point). */
function buildPoint(ctx: BuildContext, base: Data, parameters: readonly Parameter[], values: readonly Value[]): Scenario | undefined {
  let data: unknown = base;
  const overrides: Override[] = [];
  const afters: { after: NonNullable<Applied['after']>; value: Value }[] = [];
  let failed = false;
  // Plain paths first: a count copies the first instance as set, a rate averages over the stop as set.
  const order = parameters.map((p, j) => j).sort((a, b) => Number(parameters[a].target.kind !== 'plain') - Number(parameters[b].target.kind !== 'plain'));
  for (const j of order) {
    const { target, path } = parameters[j];
    const value = values[j];
    const result = target.kind === 'plain' ? plain(data, path, value.data) : applyPseudo(data, target, value.number);
    if (typeof result === 'string') {
      ctx.problems.add(ctx.source.valuePos(value.source), formatPath(value.source), `${result}${pointSuffix(parameters, values, j)}`);
      failed = true;
      continue;
    }
    data = result.data;
    for (const p of result.paths) overrides.push({ path: p, source: value.source });
    if (result.after) afters.push({ after: result.after, value });
  }
  if (failed || !isData(data)) return undefined;
  const problems = new ProblemList(ctx.file);
  const source = new OverlayPositions(ctx.source, overrides);
  checkStructure(data, source, problems);
  let scenario = buildScenario({ ...ctx, source, problems }, data);
  if (problems.size === 0) {
    for (const { after, value } of afters) {
      const changed = after(scenario);
      if (typeof changed === 'string') problems.add(ctx.source.valuePos(value.source), formatPath(value.source), changed);
      else scenario = changed;
    }
  }
  const positions = values.map((v) => ctx.source.valuePos(v.source));
  const suffix = (problem: Problem) => {
    const j = positions.findIndex((pos) => at(problem, pos, ctx.file));
    return pointSuffix(parameters, values, j);
  };
  ctx.problems.addFrom(problems, suffix, { once: true });
  return problems.size === 0 ? scenario : undefined;
}

function plain(data: unknown, path: readonly Segment[], value: unknown): Applied | string {
  const out = replaceAt(data, path, value);
  return typeof out === 'string' ? out : { data: out.data, paths: [path as Segment[]] };
}

function at(problem: Problem, pos: Position, mainFile: string): boolean {
  return problem.line === pos.line && problem.col === pos.col && problem.file === (pos.file ?? mainFile);
}

/** ` (sweep point path=value)` for the parameter `j` that caused a problem, or every value when none did (j < 0). */
function pointSuffix(parameters: readonly Parameter[], values: readonly Value[], j: number): string {
  const pair = (k: number) => `${parameters[k].key}=${values[k].text}`;
  return ` (sweep point ${j >= 0 ? pair(j) : parameters.map((_, k) => pair(k)).join(', ')})`;
}
