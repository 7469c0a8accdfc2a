// The answer to an SLA: per strategy, the smallest value of the answered parameter whose metric meets
// the limit with confidence (its upper 95% bound, or its value with a single replication), for each
// combination of the other parameters. The answered parameter is the first one swept over more than
// one value (a parameter with one value, such as `instances.count: [3]`, is part of the setting).
// With a `cost:` block each row is priced, and the cheapest configuration meeting the SLA across
// strategies and swept values is marked (added as a row of its own when no row answers with it).
import type { Scenario, SlaSpec, Sweep } from '../model/scenario-types.js';
import type { CostSpec } from '../scenario/build-cost.js';
import { configurationCost } from './cost.js';
import type { AggregateRow, PlanRow } from './results.js';

/**
 * What prices a configuration: the cost block, the price of each (point, strategy) keyed
 * "point|strategy", and the strategies that are the ideal reference. Plain data, so that a sweep run
 * on shards or on a worker pool prices its plan exactly as one run on this machine.
 */
export interface Pricing {
  readonly cost: CostSpec;
  readonly prices: Readonly<Record<string, number>>;
  readonly ideal: readonly string[];
}

/** The pricing of every point and strategy of a sweep, or undefined without a `cost:` block. */
export function pricingOf(scenario: Scenario, sweep: Sweep, cost: CostSpec | undefined): Pricing | undefined {
  if (cost === undefined) return undefined;
  const prices: Record<string, number> = {};
  for (const point of sweep.points) {
    for (const s of point.scenario.strategies) prices[`${point.index}|${s.name}`] = configurationCost(cost, point.scenario, s.name).total;
  }
  const ideal = scenario.strategies.filter((s) => s.kind === 'shared-queue').map((s) => s.name);
  return { cost, prices, ideal };
}

/** The index of the parameter the plan answers with: the first with several values, else the first. */
export function answerIndex(parameters: readonly string[], aggregates: readonly AggregateRow[]): number {
  const i = parameters.findIndex((_, k) => new Set(aggregates.map((a) => a.values[k])).size > 1);
  return Math.max(0, i);
}

/** The "path=value, ..." of the parameters other than the answered one. */
export function contextOf(parameters: readonly string[], answered: number, a: AggregateRow): string {
  return parameters.flatMap((p, i) => (i === answered ? [] : [`${p}=${a.values[i]}`])).join(', ');
}

export function upperOf(a: AggregateRow, column: string): number {
  const e = a.metrics[column];
  return Number.isNaN(e.ci95) ? e.mean : e.mean + e.ci95;
}

export function planRows(parameters: readonly string[], aggregates: readonly AggregateRow[], sla: SlaSpec, pricing?: Pricing): PlanRow[] {
  const column = `${sla.metric}_ms`;
  const k = answerIndex(parameters, aggregates);
  const rows: PlanRow[] = [];
  const price = (a: AggregateRow): number => pricing?.prices[`${a.point}|${a.strategy}`] ?? NaN;
  const row = (a: AggregateRow, met: boolean): PlanRow => ({
    strategy: a.strategy,
    sla: `${sla.metric} <= ${sla.limitMs} ms`,
    parameter: parameters[k] ?? '',
    context: contextOf(parameters, k, a),
    answer: met ? (a.values[k] ?? NaN) : NaN,
    metric_mean_ms: a.metrics[column].mean,
    metric_upper_ms: upperOf(a, column),
    margin_ms: sla.limitMs - upperOf(a, column),
    ...(pricing === undefined ? {} : { cost: met ? price(a) : NaN, cheapest: '' }),
  });
  const answered: AggregateRow[] = [];
  const strategies = [...new Set(aggregates.map((a) => a.strategy))];
  for (const strategy of strategies) {
    const mine = aggregates.filter((a) => a.strategy === strategy);
    // Group by the values of the other parameters.
    const contexts = new Map<string, AggregateRow[]>();
    for (const a of mine) {
      const key = contextOf(parameters, k, a);
      contexts.set(key, [...(contexts.get(key) ?? []), a]);
    }
    for (const group of contexts.values()) {
      const sorted = [...group].sort((x, y) => x.values[k] - y.values[k]);
      const met = sorted.find((a) => upperOf(a, column) <= sla.limitMs);
      const shown = met ?? sorted.reduce((best, a) => (upperOf(a, column) < upperOf(best, column) ? a : best), sorted[0]);
      rows.push(row(shown, met !== undefined));
      answered.push(met ?? shown);
    }
  }
  if (pricing === undefined) return rows;
  // The cheapest configuration meeting the SLA anywhere; on a tie in price, the one with more margin.
  // The shared queue is the ideal reference (MSMQ has no remote competing consumers), not something to
  // buy: it is left out when a real strategy was run.
  const ideal = (a: AggregateRow) => pricing.ideal.includes(a.strategy);
  const real = aggregates.some((a) => !ideal(a)) ? aggregates.filter((a) => !ideal(a)) : aggregates;
  const meeting = real.filter((a) => upperOf(a, column) <= sla.limitMs);
  const cheapest = meeting.reduce<AggregateRow | undefined>((best, a) => {
    if (best === undefined) return a;
    const d = price(a) - price(best);
    return d < 0 || (d === 0 && upperOf(a, column) < upperOf(best, column)) ? a : best;
  }, undefined);
  if (cheapest === undefined) return rows;
  const at = answered.indexOf(cheapest);
  if (at >= 0) rows[at] = { ...rows[at], cheapest: 'yes' };
  else rows.push({ ...row(cheapest, true), cheapest: 'yes' });
  return rows;
}
