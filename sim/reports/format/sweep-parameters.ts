// How a report names a swept parameter and its values. Sweep values are plain numbers (durations in
// ms, rates per second, counts); the unit is read from the last segment of the parameter's path.
import type { AggregateRow, Estimate, SweepResult } from '../../metrics/results.js';
import type { SlaSpec } from '../../model/scenario-types.js';
import { formatNumber } from './number-format.js';

export type ParameterUnit = 'workers' | 'threads' | 'cores' | 'count' | 'ms' | 'messages/s' | '';

const DURATION_KEYS = new Set([
  'mean', 'duration', 'operation', 'network', 'drain', 'refresh', 'noWorkerTimeout', 'cpu', 'at', 'mttf', 'mttr',
  'addedAt', 'removedAt', 'every', 'p99', 'min', 'max', 'switchEvery', 'interval', 'value',
]);
const RATE_KEYS = new Set(['rate', 'arrivals', 'baseRate', 'peakRate', 'base', 'peak']);
const COUNT_KEYS = new Set(['count', 'capacity', 'concurrency', 'ackEvery', 'immediate', 'size', 'k', 'messages', 'replications']);

/** True for the parameter that sets how many instances an endpoint has. */
export function isInstanceCount(path: string): boolean {
  return path.endsWith('.instances.count');
}

export function parameterUnit(path: string): ParameterUnit {
  if (isInstanceCount(path)) return 'workers';
  const last = path.split('.').pop()?.replace(/\[\d+\]$/, '') ?? '';
  if (last === 'threads' || last === 'cores') return last;
  if (COUNT_KEYS.has(last)) return 'count';
  if (RATE_KEYS.has(last)) return 'messages/s';
  if (DURATION_KEYS.has(last) || last.endsWith('Ms')) return 'ms';
  return '';
}

/** Axis and header title: the path, with its unit, e.g. "endpoints.Sales.instances.count (workers)". */
export function parameterTitle(path: string): string {
  const unit = parameterUnit(path);
  return unit === '' ? path : `${path} (${unit})`;
}

/**
 * A short axis title for narrow panels: "workers" for an instance count, else the last two segments of
 * the path with the unit ("arrivals.rate (messages/s)").
 */
export function shortParameterTitle(path: string): string {
  if (isInstanceCount(path)) return 'workers';
  const unit = parameterUnit(path);
  const short = path.split('.').slice(-2).join('.');
  return unit === '' ? short : `${short} (${unit})`;
}

/** True when the parameter only takes whole numbers (its axis gets integer ticks). */
export function isCountParameter(path: string): boolean {
  const unit = parameterUnit(path);
  return unit === 'workers' || unit === 'threads' || unit === 'cores' || unit === 'count';
}

/** A value with its unit, short: "4", "12/s", "200 ms". */
export function formatParameterValue(path: string, value: number): string {
  const unit = parameterUnit(path);
  const text = formatNumber(value);
  if (unit === 'ms') return `${text} ms`;
  if (unit === 'messages/s') return `${text}/s`;
  return text;
}

/**
 * A value as the subject of a sentence: "4 workers (endpoints.Sales.instances.count)", or
 * "endpoints.Sales.handlers.PlaceOrder.duration.mean = 200 ms". `plural` picks the verb.
 */
export function describeParameterValue(path: string, value: number): { text: string; plural: boolean } {
  const unit = parameterUnit(path);
  if (unit === 'workers' || unit === 'threads' || unit === 'cores') {
    const noun = value === 1 ? unit.slice(0, -1) : unit;
    return { text: `${formatNumber(value)} ${noun} (${path})`, plural: value !== 1 };
  }
  return { text: `${path} = ${formatParameterValue(path, value)}`, plural: false };
}

/** The summary column an SLA bounds: latency_p99 -> latency_p99_ms. */
export function slaColumn(sla: SlaSpec): string {
  return `${sla.metric}_ms`;
}

/** The value an SLA is checked against, as plan.ts does: the upper 95% bound, or the mean with one replication. */
export function upperBound(estimate: Estimate | undefined): number {
  if (estimate === undefined) return NaN;
  return Number.isNaN(estimate.ci95) ? estimate.mean : estimate.mean + estimate.ci95;
}

/**
 * The metric's estimate, or NaN for both when the aggregate lacks it. A half-width below a billionth of
 * the mean is rounding noise from averaging equal values (a theory column, say) and reads as 0, not as
 * 0.000000000000172956.
 */
export function metricOf(row: AggregateRow, column: string): Estimate {
  const estimate = row.metrics[column];
  if (estimate === undefined) return { mean: NaN, ci95: NaN };
  if (Number.isFinite(estimate.ci95) && Math.abs(estimate.ci95) <= 1e-9 * Math.abs(estimate.mean)) return { mean: estimate.mean, ci95: 0 };
  return estimate;
}

export interface SweepContext {
  /** The values of the parameters after the first. */
  values: number[];
  /** Facet label: the value alone with one other parameter, "path = value, ..." with several. */
  label: string;
}

/** The combinations of the parameters after the first, in numeric order (one facet each). */
export function sweepContexts(result: SweepResult): SweepContext[] {
  const others = result.parameters.slice(1);
  const seen = new Map<string, number[]>();
  for (const a of result.aggregates) {
    const values = a.values.slice(1, result.parameters.length);
    seen.set(contextKey(values), values);
  }
  return [...seen.values()]
    .sort((a, b) => {
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
      return 0;
    })
    .map((values) => ({ values, label: contextLabel(others, values) }));
}

export function contextKey(values: readonly number[]): string {
  return values.join('|');
}

/** The facet label of an aggregate's other parameter values. */
export function contextLabel(others: readonly string[], values: readonly number[]): string {
  if (others.length === 1) return formatParameterValue(others[0], values[0]);
  return others.map((path, i) => `${path} = ${formatParameterValue(path, values[i])}`).join(', ');
}

/** The facet header title: the other parameter, or "other parameters" when there are several. */
export function contextTitle(parameters: readonly string[]): string {
  return parameters.length === 2 ? parameterTitle(parameters[1]) : 'other parameters';
}

/** Strategies in the order the sweep ran them (the scenario's order): the colour domain. */
export function sweepStrategies(result: SweepResult): string[] {
  return [...new Set([...result.aggregates.map((a) => a.strategy), ...result.runs.map((r) => r.run.summary.strategy)])];
}

/** "3 replications per point", or "2 to 3 replications per point" when they differ. */
export function replicationsText(result: SweepResult): string {
  const counts = result.aggregates.map((a) => a.replications);
  if (counts.length === 0) return 'no runs';
  const min = Math.min(...counts);
  const max = Math.max(...counts);
  const range = min === max ? `${min}` : `${min} to ${max}`;
  return `${range} replication${max === 1 ? '' : 's'} per point`;
}
