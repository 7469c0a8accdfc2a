// The instances (workers) of one endpoint: each one's machine checked and its name defaulted, with its
// threads, the capacity it announces to a distributor, its relative speed, and when it joins and leaves
// the instance mapping.

import type { InstanceSpec } from '../model/scenario-types.js';
import { type BuildContext, type Data, checkReference, durationAt, integerAt, isData, numberAt, optional, problemAt, stringAt } from './build-context.js';
import type { Segment } from './problem.js';

export const DEFAULT_THREADS = 1;
export const DEFAULT_SPEED = 1;
export const DEFAULT_ADDED_AT_MS = 0;

interface Draft {
  readonly index: number;
  readonly explicitName: string | undefined;
  readonly machine: string | undefined;
  /** The instance without its name, which depends on the other instances. */
  readonly spec: Omit<InstanceSpec, 'name' | 'machine'>;
}

export function buildInstances(ctx: BuildContext, value: unknown, path: readonly Segment[], machines: readonly string[]): InstanceSpec[] {
  if (!Array.isArray(value)) return [];
  const drafts: Draft[] = [];
  value.forEach((item: unknown, index) => {
    if (!isData(item)) return;
    const machine = stringAt(item.machine);
    if (machine !== undefined) checkReference(ctx, [...path, index, 'machine'], machine, 'machine', machines);
    const threads = optional(item, 'threads', (v) => integerAt(v, 1), DEFAULT_THREADS) ?? NaN;
    // A worker announces one slot per thread unless told otherwise.
    const capacity = optional(item, 'capacity', (v) => integerAt(v, 1), threads) ?? NaN;
    const speed = optional(item, 'speed', (v) => numberAt(v, (n) => n > 0), DEFAULT_SPEED) ?? NaN;
    const lifetime = instanceLifetime(ctx, item, [...path, index]);
    drafts.push({ index, explicitName: stringAt(item.name), machine, spec: { threads, capacity, speed, ...lifetime } });
  });
  const names = defaultNames(drafts);
  checkUniqueNames(ctx, drafts, names, path);
  return drafts.map((d, i) => ({ name: names[i], machine: d.machine ?? '', ...d.spec }));
}

/** `addedAt` (default 0) and `removedAt` (default never), which must come after it. */
function instanceLifetime(ctx: BuildContext, item: Data, path: readonly Segment[]): Pick<InstanceSpec, 'addedAtMs' | 'removedAtMs'> {
  const given = Object.hasOwn(item, 'addedAt');
  const addedAtMs = given ? durationAt(ctx, item.addedAt, [...path, 'addedAt'], false) : DEFAULT_ADDED_AT_MS;
  if (!Object.hasOwn(item, 'removedAt')) return { addedAtMs: addedAtMs ?? NaN };
  const removedAtMs = durationAt(ctx, item.removedAt, [...path, 'removedAt'], false);
  if (removedAtMs !== undefined && addedAtMs !== undefined && removedAtMs <= addedAtMs) {
    // Both as written: "5m" reads better than 300000.
    const after = given ? `addedAt (${String(item.addedAt)})` : 'addedAt (0ms when not given)';
    problemAt(ctx, [...path, 'removedAt'], `must be later than ${after}, got ${JSON.stringify(item.removedAt)}`);
  }
  return { addedAtMs: addedAtMs ?? NaN, removedAtMs: removedAtMs ?? NaN };
}

/**
 * An unnamed instance is named after its machine. When several unnamed instances of the endpoint share
 * a machine, each gets a number instead: worker1-1, worker1-2, ... in the order written.
 */
function defaultNames(drafts: readonly Draft[]): string[] {
  const unnamedPerMachine = new Map<string, number>();
  for (const d of drafts) {
    if (d.explicitName === undefined && d.machine !== undefined) {
      unnamedPerMachine.set(d.machine, (unnamedPerMachine.get(d.machine) ?? 0) + 1);
    }
  }
  const numbered = new Map<string, number>();
  return drafts.map((d) => {
    if (d.explicitName !== undefined) return d.explicitName;
    if (d.machine === undefined) return '';
    if (unnamedPerMachine.get(d.machine) === 1) return d.machine;
    const n = (numbered.get(d.machine) ?? 0) + 1;
    numbered.set(d.machine, n);
    return `${d.machine}-${n}`;
  });
}

/** Instance names identify workers in reports, so two instances of one endpoint may not share one. */
function checkUniqueNames(ctx: BuildContext, drafts: readonly Draft[], names: readonly string[], path: readonly Segment[]): void {
  const firstUse = new Map<string, Draft>();
  drafts.forEach((d, i) => {
    const name = names[i];
    if (name === '') return;
    const earlier = firstUse.get(name);
    if (earlier === undefined) {
      firstUse.set(name, d);
      return;
    }
    const shown = JSON.stringify(name);
    const other = `instances[${earlier.index}]`;
    const clash = earlier.explicitName === undefined ? `${shown} is also the default name of ${other}` : `${other} is also named ${shown}`;
    if (d.explicitName !== undefined) {
      problemAt(ctx, [...path, d.index, 'name'], `must be unique within the endpoint, but ${clash}`);
    } else {
      problemAt(ctx, [...path, d.index], `gets the default name ${shown}, but ${clash}; give one of them a name`);
    }
  });
}
