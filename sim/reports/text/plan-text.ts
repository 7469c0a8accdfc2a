// The answer to a sweep's SLA as text for the terminal: one line per strategy (and combination of the
// other parameters), with the value found, the metric there and the margin left. Returns text;
// printing is the CLI's business.
import type { AggregateRow, PlanRow, SweepResult } from '../../metrics/results.js';
import { describeParameterValue, formatParameterValue, isInstanceCount, metricOf, upperBound } from '../format/sweep-parameters.js';

/**
 * E.g. "distributor: 4 workers (endpoints.Sales.instances.count) keep latency_p99 <= 2000 ms: 1480 ms
 * (95% upper bound 1612 ms, margin 388 ms)", or "round-robin: no swept value keeps latency_p99 <= 2000 ms
 * (best: 8 workers, 2490 ms, 95% upper bound 2611 ms)". Lines end with '\n'; '' when there is no plan.
 */
export function formatPlan(result: SweepResult): string {
  return result.plan.map((row) => `${planLine(result, row)}\n`).join('');
}

function planLine(result: SweepResult, row: PlanRow): string {
  const column = slaColumnOf(result, row);
  const candidates = result.aggregates.filter((a) => a.strategy === row.strategy && planContext(result.parameters, a) === row.context);
  // The other parameters' values with their units ("at senders.Sender.sends[0].arrivals.rate = 12/s").
  const others = result.parameters.slice(1);
  const where =
    row.context === ''
      ? ''
      : candidates.length > 0
        ? ` at ${others.map((path, i) => `${path} = ${formatParameterValue(path, candidates[0].values[i + 1])}`).join(', ')}`
        : ` at ${row.context}`;
  const who = `${row.strategy}${where}`;
  const single = candidates.length > 0 && candidates.every((a) => a.replications === 1);
  if (row.parameter === '') {
    // Nothing swept (a replicated scenario): the only question is whether the SLA is met.
    const bound = single ? '1 replication, no confidence interval' : `95% upper bound ${ms(row.metric_upper_ms)}`;
    return row.margin_ms >= 0
      ? `${who} meets ${row.sla}: ${ms(row.metric_mean_ms)} (${bound}, margin ${ms(row.margin_ms)})`
      : `${who} does not meet ${row.sla}: ${ms(row.metric_mean_ms)} (${bound}, ${ms(-row.margin_ms)} over)`;
  }
  if (Number.isFinite(row.answer)) {
    const { text, plural } = describeParameterValue(row.parameter, row.answer);
    const at = candidates.find((a) => a.values[0] === row.answer);
    const bound =
      at !== undefined && at.replications === 1
        ? `1 replication, no confidence interval; margin ${ms(row.margin_ms)}`
        : `95% upper bound ${ms(row.metric_upper_ms)}, margin ${ms(row.margin_ms)}`;
    return `${who}: ${text} ${plural ? 'keep' : 'keeps'} ${row.sla}: ${ms(row.metric_mean_ms)} (${bound})`;
  }
  // The best point is the one whose upper bound is lowest, as plan.ts picks it.
  const best = candidates.reduce<AggregateRow | undefined>((found, a) => {
    const upper = upperBound(metricOf(a, column));
    return found === undefined || upper < upperBound(metricOf(found, column)) ? a : found;
  }, undefined);
  const at = best === undefined ? '' : `${shortValue(row.parameter, best.values[0])}, `;
  const replicated = best !== undefined && best.replications > 1;
  const upper = replicated ? `, 95% upper bound ${ms(row.metric_upper_ms)}` : '';
  return `${who}: no swept value keeps ${row.sla} (best: ${at}${ms(row.metric_mean_ms)}${upper})`;
}

/** The context string plan.ts writes for an aggregate: "path=value, ..." of the other parameters. */
function planContext(parameters: readonly string[], a: AggregateRow): string {
  return parameters
    .slice(1)
    .map((p, i) => `${p}=${a.values[i + 1]}`)
    .join(', ');
}

/** The summary column of the row's SLA ("latency_p99 <= 2000 ms" -> latency_p99_ms). */
function slaColumnOf(result: SweepResult, row: PlanRow): string {
  const metric = /^(\w+) <=/.exec(row.sla)?.[1] ?? result.scenario.sla?.metric ?? '';
  return `${metric}_ms`;
}

/** "8 workers" for an instance count; "path = 12/s" otherwise. */
function shortValue(path: string, value: number): string {
  if (isInstanceCount(path)) return `${value} worker${value === 1 ? '' : 's'}`;
  return `${path} = ${formatParameterValue(path, value)}`;
}

/** Milliseconds for a sentence: whole ms from 100 on, one decimal below (12.3 ms), '-' for none. */
export function ms(x: number): string {
  if (!Number.isFinite(x)) return '- ms';
  const digits = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2;
  const text = x.toFixed(digits).replace(/\.0+$/, '').replace(/(\.\d*?)0+$/, '$1');
  return `${/^-0(\.0*)?$/.test(text) ? text.slice(1) : text} ms`;
}
