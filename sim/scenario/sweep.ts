// Step 7 of loading: the `sweep:` block. Each parameter is a path and its values (a list, or a range
// { from, to, step }); every combination of values is a point: the scenario with those values set,
// checked and built in full, like a variant. A problem that appears only at some points is reported
// once, at the value that causes it, marked with the point.

import type { Scenario, Sweep, SweepPoint } from '../model/scenario-types.js';
import { type BuildContext, type Data, entries, isData, problemAt, problemAtKey } from './build-context.js';
import { buildScenario } from './build-scenario.js';
import type { Position } from './problem-list.js';
import { ProblemList } from './problem-list.js';
import { formatPath, type Problem, type Segment } from './problem.js';
import { checkStructure } from './structure.js';
import { type Applied, PSEUDO_KINDS, type Target, applyPseudo, checkSweepTarget, targetOf } from './sweep-paths.js';
import { type Value, readValues } from './sweep-values.js';
import { OverlayPositions, type Override, replaceAt } from './variant-overlay.js';
import { parsePath } from './variant-path.js';
import { type PathStep, expandPath, hasWildcard } from './path-pattern.js';

export const MAX_POINTS = 10_000;

interface Parameter {
  /** The path as written (the key under sweep). */
  readonly key: string;
  readonly path: readonly PathStep[];
  /** The plain paths it names ([*] expanded against the scenario), each with what it sets. */
  readonly paths: readonly (readonly Segment[])[];
  readonly targets: readonly Target[];
  /** What every path sets (one kind for all). */
  readonly target: Target;
  readonly values: readonly Value[];
}

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
  // A problem already found in the scenario (or a --set) would come back once per point: report it once.
  if (ctx.problems.size > 0) return undefined;
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
  const expanded = typeof path === 'string' ? path : expandPath(base, path);
  let targets: Target[] = [];
  let problem: string | undefined;
  if (typeof expanded === 'string') {
    problem = expanded;
  } else {
    targets = expanded.map(targetOf);
    const wild = hasWildcard(path as PathStep[]);
    const kinds = new Set(targets.map((t) => t.kind));
    if (kinds.size > 1) problem = `names values of different kinds (${[...kinds].join(', ')}); give each its own parameter`;
    else if (wild && targets[0].kind === 'count' && targets.length > 1) problem = 'cannot take [*]: .count copies one endpoint\'s first instance; give each endpoint its own parameter';
    for (let i = 0; problem === undefined && i < expanded.length; i++) {
      const found = checkSweepTarget(base, expanded[i], targets[i]);
      if (found !== undefined) problem = wild && !found.startsWith('unknown path') ? `names ${formatPath(expanded[i])}, which ${found}` : found;
    }
    problem ??= overlap(path as PathStep[], expanded, targets[0], earlier);
  }
  if (problem !== undefined) problemAtKey(ctx, at, problem);
  // The values are checked even when the path is bad: the list then has everything at once.
  const read = readValues(ctx, raw, at);
  if (problem !== undefined || read === undefined || typeof path === 'string' || typeof expanded === 'string') return undefined;
  const target = targets[0];
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
  return { key, path, paths: expanded, targets, target, values: read.values };
}

/** Two parameters must set different things. */
function overlap(path: readonly PathStep[], paths: readonly (readonly Segment[])[], target: Target, earlier: readonly Parameter[]): string | undefined {
  const shown = new Set(paths.map((p) => formatPath(p)));
  for (const other of earlier) {
    const same = other.paths.map((p) => formatPath(p)).find((p) => shown.has(p));
    if (same !== undefined) {
      return paths.length === 1 && other.paths.length === 1
        ? `sets the same value as the parameter ${JSON.stringify(other.key)}`
        : `sets ${same}, which the parameter ${JSON.stringify(other.key)} sets too`;
    }
    // The count keeps copies of instances[0] only: a later instance's value would have no effect.
    const [count, item] = target.kind === 'count' ? [path, other.path] : [other.path, path];
    const dropped = item[0] === 'endpoints' && item[1] === count[1] && item[2] === 'instances' && typeof item[3] === 'number' && item[3] > 0;
    if (!hasWildcard(count) && targetOf(count as Segment[]).kind === 'count' && dropped) {
      return target.kind === 'count'
        ? `keeps copies of instances[0] only, so the parameter ${JSON.stringify(other.key)} would have no effect`
        : `would have no effect: the parameter ${JSON.stringify(other.key)} keeps copies of instances[0] only`;
    }
  }
  return undefined;
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
    const { targets, paths } = parameters[j];
    const value = values[j];
    for (let k = 0; k < paths.length; k++) {
      const target = targets[k];
      const result = target.kind === 'plain' ? plain(data, paths[k], value.data) : applyPseudo(data, target, value.number);
      if (typeof result === 'string') {
        ctx.problems.add(ctx.source.valuePos(value.source), formatPath(value.source), `${result}${pointSuffix(parameters, values, j)}`);
        failed = true;
        break;
      }
      data = result.data;
      for (const p of result.paths) overrides.push({ path: p, source: value.source });
      if (result.after) afters.push({ after: result.after, value });
    }
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
