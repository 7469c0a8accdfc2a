// Logical endpoints: their handlers and the instances (workers) they are scaled out to, with each
// instance's machine checked and its name defaulted.

import type { EndpointSpec, InstanceSpec } from '../model/scenario.js';
import { type BuildContext, type Data, checkReference, entries, integerAt, isData, problemAt, stringAt } from './build-context.js';
import { buildHandlers } from './build-handlers.js';
import type { Segment } from './problem.js';

export function buildEndpoints(ctx: BuildContext, data: Data, machines: readonly string[]): EndpointSpec[] {
  const endpoints: EndpointSpec[] = [];
  for (const [name, endpoint] of entries(ctx, data.endpoints, ['endpoints'])) {
    if (!isData(endpoint)) continue;
    const path = ['endpoints', name];
    const handlers = buildHandlers(ctx, endpoint.handlers, [...path, 'handlers']);
    const instances = buildInstances(ctx, endpoint.instances, [...path, 'instances'], machines);
    endpoints.push({ name, handlers, instances });
  }
  return endpoints;
}

interface Draft {
  readonly index: number;
  readonly explicitName: string | undefined;
  readonly machine: string | undefined;
  readonly threads: number;
}

function buildInstances(ctx: BuildContext, value: unknown, path: readonly Segment[], machines: readonly string[]): InstanceSpec[] {
  if (!Array.isArray(value)) return [];
  const drafts: Draft[] = [];
  value.forEach((item: unknown, index) => {
    if (!isData(item)) return;
    const machine = stringAt(item.machine);
    if (machine !== undefined) checkReference(ctx, [...path, index, 'machine'], machine, 'machine', machines);
    const threads = Object.hasOwn(item, 'threads') ? integerAt(item.threads, 1) : 1;
    drafts.push({ index, explicitName: stringAt(item.name), machine, threads: threads ?? NaN });
  });
  const names = defaultNames(drafts);
  checkUniqueNames(ctx, drafts, names, path);
  return drafts.map((d, i) => ({ name: names[i], machine: d.machine ?? '', threads: d.threads }));
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
