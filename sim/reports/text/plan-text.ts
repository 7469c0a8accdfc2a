// The answer to a sweep's SLA as text for the terminal: one line per strategy (and combination of the
// other parameters), with the value found, the metric there and the margin left. Returns text;
// printing is the CLI's business.
import type { AggregateRow, PlanRow, SweepResult } from '../../metrics/results.js';
import { answerIndex, contextOf } from '../../metrics/plan.js';
import { formatNumber } from '../format/number-format.js';
import { describeParameterValue, formatParameterValue, isInstanceCount, parameterUnit, metricOf, upperBound } from '../format/sweep-parameters.js';

/**
 * E.g. "distributor: 4 workers (endpoints.Sales.instances.count) keep latency_p99 <= 2000 ms: 1480 ms
 * (95% upper bound 1612 ms, margin 388 ms)", or "round-robin: no swept value keeps latency_p99 <= 2000 ms
 * (best: 8 workers, 2490 ms, 95% upper bound 2611 ms)". Lines end with '\n'; '' when there is no plan.
 */
export function formatPlan(result: SweepResult): string {
  const rows = result.plan.filter((row) => !isExtraCheapest(result, row));
  const lines = rows.map((row) => `${planLine(result, row)}${priceText(result, row)}\n`);
  const cheapest = result.plan.find((row) => row.cheapest === 'yes');
  if (cheapest !== undefined) lines.push(`${cheapestLine(result, cheapest)}\n`);
  else if (result.cost !== undefined && result.plan.length > 0) lines.push('cheapest: no swept configuration meets the SLA\n');
  return lines.join('');
}

/** The row plan.ts adds for a cheapest configuration that answers no strategy's question. */
function isExtraCheapest(result: SweepResult, row: PlanRow): boolean {
  return row.cheapest === 'yes' && result.plan.some((other) => other !== row && other.strategy === row.strategy && other.context === row.context);
}

function priceText(result: SweepResult, row: PlanRow): string {
  return result.cost === undefined || row.cost === undefined || !Number.isFinite(row.cost) ? '' : `; cost ${formatNumber(row.cost)}`;
}

/** "cheapest meeting the SLA: distributor at 3 workers (...), cost 330 (3 machines, 3 threads, 1 distributor), margin 210 ms". */
function cheapestLine(result: SweepResult, row: PlanRow): string {
  const k = answerIndex(result.parameters, result.aggregates);
  const at = result.aggregates.find((a) => a.strategy === row.strategy && contextOf(result.parameters, k, a) === row.context && a.values[k] === row.answer);
  const setting = at === undefined ? row.context : result.parameters.map((path, i) => shortValue(path, at.values[i])).join(', ');
  const cost = result.cost;
  const parts = cost === undefined ? '' : ` (priced ${[`machine ${formatNumber(cost.machine)}`, `thread ${formatNumber(cost.thread)}`, `distributor ${formatNumber(cost.distributor)}`].join(', ')})`;
  return `cheapest meeting ${row.sla}: ${row.strategy}${setting === '' ? '' : ` at ${setting}`}, cost ${formatNumber(row.cost ?? NaN)}${parts}: ${ms(row.metric_mean_ms)}, 95% upper bound ${ms(row.metric_upper_ms)}, margin ${ms(row.margin_ms)}`;
}

function planLine(result: SweepResult, row: PlanRow): string {
  const column = slaColumnOf(result, row);
  const k = answerIndex(result.parameters, result.aggregates);
  const candidates = result.aggregates.filter((a) => a.strategy === row.strategy && contextOf(result.parameters, k, a) === row.context);
  // The other parameters' values with their units ("at senders.Sender.sends[0].arrivals.rate = 12/s").
  const others = result.parameters.flatMap((path, i) => (i === k ? [] : [{ path, i }]));
  const where =
    row.context === ''
      ? ''
      : candidates.length > 0
        ? ` at ${others.map(({ path, i }) => `${path} = ${formatParameterValue(path, candidates[0].values[i])}`).join(', ')}`
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
    const at = candidates.find((a) => a.values[k] === row.answer);
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
  const at = best === undefined ? '' : `${shortValue(row.parameter, best.values[k])}, `;
  const replicated = best !== undefined && best.replications > 1;
  const upper = replicated ? `, 95% upper bound ${ms(row.metric_upper_ms)}` : '';
  return `${who}: no swept value keeps ${row.sla} (best: ${at}${ms(row.metric_mean_ms)}${upper})`;
}

/** The summary column of the row's SLA ("latency_p99 <= 2000 ms" -> latency_p99_ms). */
function slaColumnOf(result: SweepResult, row: PlanRow): string {
  const metric = /^(\w+) <=/.exec(row.sla)?.[1] ?? result.scenario.sla?.metric ?? '';
  return `${metric}_ms`;
}

/** "8 workers" for an instance count, "2 threads" or "4 cores"; "path = 12/s" otherwise. */
function shortValue(path: string, value: number): string {
  if (isInstanceCount(path)) return `${value} worker${value === 1 ? '' : 's'}`;
  const unit = parameterUnit(path);
  if (unit === 'threads' || unit === 'cores') return `${value} ${value === 1 ? unit.slice(0, -1) : unit}`;
  return `${path} = ${formatParameterValue(path, value)}`;
}

/** Milliseconds for a sentence: whole ms from 100 on, one decimal below (12.3 ms), '-' for none. */
export function ms(x: number): string {
  if (!Number.isFinite(x)) return '- ms';
  const digits = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2;
  const text = x.toFixed(digits).replace(/\.0+$/, '').replace(/(\.\d*?)0+$/, '$1');
  return `${/^-0(\.0*)?$/.test(text) ? text.slice(1) : text} ms`;
}
