// The targets of faults (build-faults.ts): a machine, a list of machines, the distributor process or
// an endpoint instance written Endpoint/instance, each checked against what the scenario has.

import type { FaultTarget } from '../model/faults/definition.js';
import type { EndpointSpec, FaultSpec } from '../model/scenario-types.js';
import { STRATEGY_KINDS } from '../model/strategies/registry.js';
import { type BuildContext, type Data, checkReference, entries, isData, problemAt, stringAt } from './build-context.js';
import type { Segment } from './problem.js';
import { closest, didYouMean, listChoices } from './suggest.js';

export type Target = Pick<FaultSpec, 'machine' | 'instance' | 'distributor' | 'machines'>;

/** With an unknown kind: the machines and instance named are checked all the same. */
export function checkNamedTargets(ctx: BuildContext, fault: Data, path: readonly Segment[], machines: readonly string[], endpoints: readonly EndpointSpec[]): void {
  machineTarget(ctx, fault, path, machines);
  instanceTarget(ctx, fault, path, endpoints);
  if (Array.isArray(fault.machines)) {
    fault.machines.forEach((m: unknown, i) => {
      const name = stringAt(m);
      if (name !== undefined) checkReference(ctx, [...path, 'machines', i], name, 'machine', machines);
    });
  }
}

export function machineTarget(ctx: BuildContext, fault: Data, path: readonly Segment[], machines: readonly string[]): Target {
  const machine = stringAt(fault.machine);
  if (machine === undefined) return {};
  checkReference(ctx, [...path, 'machine'], machine, 'machine', machines);
  return { machine };
}

/** Different machines, as many as the kind's `count` says (a partition two, a duplicate QMId two or more). */
export function machinesTarget(ctx: BuildContext, fault: Data, path: readonly Segment[], count: FaultTarget['count'], machines: readonly string[]): Target {
  // Not a list: the schema reports it.
  if (!Array.isArray(fault.machines)) return {};
  const list: unknown[] = fault.machines;
  const at = [...path, 'machines'];
  const got = list.length === 0 ? 'an empty list' : list.length === 1 ? '1 machine' : `${list.length} machines`;
  if (count !== undefined && (list.length < count.min || list.length > count.max)) problemAt(ctx, at, `${count.problem}, got ${got}`);
  const names: string[] = [];
  list.forEach((m, i) => {
    const name = stringAt(m);
    if (name === undefined) return;
    const first = list.indexOf(name);
    if (first < i) problemAt(ctx, [...at, i], `repeats ${JSON.stringify(name)} (machines[${first}]); the machines must be different`);
    else checkReference(ctx, [...at, i], name, 'machine', machines);
    names.push(name);
  });
  return { machines: names };
}

/** `process: distributor` (the only value the schema allows): the scenario must run a distributor. */
export function processTarget(ctx: BuildContext, fault: Data, path: readonly Segment[], data: Data): Target {
  if (fault.process !== 'distributor') return {};
  // Kinds as written: a strategy with problems of its own still counts.
  const kinds = entries(ctx, data.strategies, ['strategies']).map(([, s]) => (isData(s) ? s.kind : undefined));
  // No strategies, or one without a valid kind (a misspelt distributor, maybe): already reported.
  const judged = kinds.length > 0 && kinds.every((k) => STRATEGY_KINDS.some((known) => known === k));
  if (judged && !kinds.includes('distributor')) {
    const written = [...new Set(kinds.map(String))];
    problemAt(ctx, [...path, 'process'], `needs a strategy of kind distributor, but the strategies are of kind ${listChoices(written)}`);
  }
  return { distributor: true };
}

/** `instance: Endpoint/instance`, an existing endpoint and one of its instances (names as defaulted). */
export function instanceTarget(ctx: BuildContext, fault: Data, path: readonly Segment[], endpoints: readonly EndpointSpec[]): Target {
  const text = stringAt(fault.instance);
  if (text === undefined) return {};
  const at = [...path, 'instance'];
  const shown = JSON.stringify(text);
  const instancesOf = (e: EndpointSpec) => e.instances.map((i) => i.name).filter((n) => n !== '');
  const full = endpoints.flatMap((e) => instancesOf(e).map((i) => `${e.name}/${i}`));
  // The longest endpoint name the text starts with: an instance name may itself contain a "/".
  const endpoint = [...endpoints].sort((a, b) => b.name.length - a.name.length).find((e) => text.startsWith(`${e.name}/`));
  if (endpoint === undefined) {
    // No endpoints, or none with a named instance: already reported.
    if (full.length === 0) return {};
    if (!text.includes('/')) {
      // `worker1`: the instance without its endpoint, most likely.
      const parts = full.map((f) => f.slice(f.indexOf('/') + 1));
      const match = closest(text, parts);
      const written = 'must be an endpoint and one of its instances, written Endpoint/instance';
      const message =
        match === undefined ? `${written}, e.g. ${JSON.stringify(full[0])}, got ${shown}` : `${written}, got ${shown}; did you mean ${JSON.stringify(full[parts.indexOf(match)])}?`;
      problemAt(ctx, at, message);
      return {};
    }
    const typed = text.slice(0, text.indexOf('/'));
    const names = endpoints.map((e) => e.name);
    const hint = didYouMean(text, full) || didYouMean(typed, names) || `; the endpoints are ${listChoices(names)}`;
    problemAt(ctx, at, `unknown endpoint ${JSON.stringify(typed)} in ${shown}${hint}`);
    return {};
  }
  const instance = text.slice(endpoint.name.length + 1);
  const known = instancesOf(endpoint);
  if (!known.includes(instance) && known.length > 0) {
    const hint = didYouMean(instance, known) || `; its instances are ${listChoices(known)}`;
    problemAt(ctx, at, `endpoint ${endpoint.name} has no instance ${JSON.stringify(instance)}${hint}`);
    return {};
  }
  return { instance: { endpoint: endpoint.name, instance } };
}
