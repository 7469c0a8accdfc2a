// A user's own sender-side distribution strategy: a JavaScript module named in the scenario whose
// default export (or export named `select`) picks the destination instance for each message.
//
//   export default function select({ instances, message, state, random, now, options }) {
//     return instances[0];   // an entry of `instances`, its index, or its name
//   }
//
// - instances: the sender's current copy of the mapping: [{ name, machine, index }] (index = position)
// - message: { type, id, sender, endpoint }
// - state: an object kept per sender and destination endpoint between calls (the sender's counters)
// - random(): the sender's seeded routing stream, uniform in [0, 1) (never Math.random: determinism)
// - now: simulated time in ms; options: the strategy's `options` from the scenario
import { pathToFileURL } from 'node:url';
import type { Sender } from '../kernel/sender.js';
import type { World } from '../kernel/world.js';

export interface CustomInstance {
  readonly name: string;
  readonly machine: string;
  readonly index: number;
}

export interface CustomContext {
  readonly instances: readonly CustomInstance[];
  readonly message: { readonly type: string; readonly id: number; readonly sender: string; readonly endpoint: string };
  readonly state: Record<string, unknown>;
  random(): number;
  readonly now: number;
  readonly options: Readonly<Record<string, unknown>>;
}

export type CustomSelect = (context: CustomContext) => unknown;

/** A problem in the user's module: reported like a scenario problem, not as a crash of sim. */
export class CustomStrategyError extends Error {}

export async function loadCustomStrategy(modulePath: string, label: string): Promise<CustomSelect> {
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(modulePath).href)) as Record<string, unknown>;
  } catch (error) {
    throw new CustomStrategyError(`${label}: cannot load module ${modulePath}: ${describeValue(error)}`);
  }
  let select: unknown;
  try {
    select = module.default ?? module.select;
  } catch (error) {
    throw new CustomStrategyError(`${label}: module ${modulePath}: reading its export failed: ${describeValue(error)}`);
  }
  if (typeof select !== 'function') {
    throw new CustomStrategyError(`${label}: module ${modulePath} must export a function (default export or "select"), got ${typeof select}`);
  }
  return select as CustomSelect;
}

/** Asks the custom strategy for an instance; returns its position in `list`. */
export function callCustom(world: World, sender: Sender, endpoint: number, list: readonly number[], m: number): number {
  const instances = list.map((i, index) => ({ name: world.instances[i].name, machine: world.instances[i].machine.name, index }));
  const pool = world.pool;
  const context: CustomContext = {
    instances,
    message: { type: world.typeNames[pool.type[m]], id: pool.id[m], sender: sender.name, endpoint: world.endpointNames[endpoint] },
    state: sender.customState[endpoint],
    random: () => sender.routingRng.next(),
    now: world.sim.now,
    options: (world.strategy.kind === 'custom' ? world.strategy.options : undefined) ?? {},
  };
  let answer: unknown;
  try {
    answer = (world.custom as CustomSelect)(context);
  } catch (error) {
    throw new CustomStrategyError(`strategy ${world.strategy.name}: the custom module threw: ${describeValue(error)}`);
  }
  const pick =
    typeof answer === 'number' ? answer
    : typeof answer === 'string' ? instances.findIndex((x) => x.name === answer)
    : instances.indexOf(answer as CustomInstance);
  if (!Number.isInteger(pick) || pick < 0 || pick >= list.length) {
    throw new CustomStrategyError(
      `strategy ${world.strategy.name}: the custom module must return one of the instances (an entry, its index or its name), got ${describeValue(answer)}`,
    );
  }
  return pick;
}

/**
 * Whatever a module threw or returned, as text, without ever throwing itself (null, a string, a
 * bigint, a circular object, an object whose getters throw).
 */
export function describeValue(value: unknown): string {
  try {
    if (value instanceof Error) return `${value.name}: ${value.message}`;
    if (typeof value === 'bigint') return `${value}n`;
    if (typeof value === 'function' || typeof value === 'symbol') return String(value);
    const json = JSON.stringify(value);
    return json === undefined ? String(value) : json.length > 200 ? `${json.slice(0, 200)}...` : json;
  } catch {
    try {
      return Object.prototype.toString.call(value);
    } catch {
      return 'a value that cannot be shown';
    }
  }
}
