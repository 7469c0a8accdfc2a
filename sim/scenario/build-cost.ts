// `cost:` the price of a configuration, so that a sweep's plan can name the cheapest one that meets
// the SLA: a price per machine that hosts an endpoint instance, per handler thread, and per
// distributor (a distributor strategy's own process). What the units are (money a month, points) is
// the user's; only the order of the totals matters.

import { type BuildContext, isData, numberAt, problemAt } from './build-context.js';

export interface CostSpec {
  /** Per machine that hosts at least one endpoint instance (senders' and distributors' machines are not counted). */
  readonly machine: number;
  /** Per handler thread, over every instance of every endpoint. */
  readonly thread: number;
  /** Per distributor: one per endpoint with instances, for a strategy of kind distributor. */
  readonly distributor: number;
}

export const COST_KEYS = ['machine', 'thread', 'distributor'] as const;

/** The cost block, or undefined without one (or with problems, reported; unknown keys are the schema's). */
export function buildCost(ctx: BuildContext, data: unknown): CostSpec | undefined {
  if (!isData(data) || !Object.hasOwn(data, 'cost') || data.cost === null) return undefined;
  const cost = data.cost;
  if (!isData(cost)) return undefined;
  if (!COST_KEYS.some((k) => Object.hasOwn(cost, k))) {
    problemAt(ctx, ['cost'], 'must price at least one of machine, thread or distributor, e.g. { machine: 100, thread: 10 }');
    return undefined;
  }
  const read = (key: (typeof COST_KEYS)[number]): number => (Object.hasOwn(cost, key) ? (numberAt(cost[key], (n) => n >= 0) ?? NaN) : 0);
  const spec = { machine: read('machine'), thread: read('thread'), distributor: read('distributor') };
  // A wrong value (negative, not a number) is the schema's to report.
  return Object.values(spec).some(Number.isNaN) ? undefined : spec;
}
