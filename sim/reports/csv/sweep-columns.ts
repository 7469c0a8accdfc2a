// The columns of a sweep's CSV files. sweep.csv and sweep-summary.csv have one column per swept
// parameter, so their headers depend on the sweep; the fixed parts are listed here.
import type { PlanRow, SummaryRow } from '../../metrics/results.js';
import { SUMMARY_COLUMNS } from './columns.js';

/** plan.csv: the PlanRow fields in declaration order (test/reports/sweep-csv.test.ts checks the order). */
export const PLAN_COLUMNS = [
  'strategy',
  'sla',
  'parameter',
  'context',
  'answer',
  'metric_mean_ms',
  'metric_upper_ms',
  'margin_ms',
] as const satisfies readonly (keyof PlanRow)[];

/** plan.csv's last columns when the scenario has a `cost:` block. */
export const PLAN_COST_COLUMNS = ['cost', 'cheapest'] as const satisfies readonly (keyof PlanRow)[];

// Leaving out a PlanRow field is a compile error.
type MissingPlanColumn = Exclude<keyof PlanRow, (typeof PLAN_COLUMNS)[number] | (typeof PLAN_COST_COLUMNS)[number]>;
const planColumnsComplete: [MissingPlanColumn] extends [never] ? true : { missing: MissingPlanColumn } = true;
void planColumnsComplete;

/** The summary columns that are not metrics: names, and the seed (which identifies a run). */
const NOT_METRICS = ['strategy', 'variant', 'kind', 'seed', 'theory_model', 'theory_flag'] as const satisfies readonly (keyof SummaryRow)[];

type MetricColumn = Exclude<keyof SummaryRow, (typeof NOT_METRICS)[number]>;
// Every other summary column must be a number, or it would have no mean: a compile error otherwise.
type NotNumeric = { [K in MetricColumn]: SummaryRow[K] extends number ? never : K }[MetricColumn];
const metricsNumeric: [NotNumeric] extends [never] ? true : { notNumeric: NotNumeric } = true;
void metricsNumeric;

/**
 * The numeric summary columns, in summary.csv order: the metrics a sweep averages over replications
 * (AggregateRow.metrics is keyed by these).
 */
export const SUMMARY_METRIC_COLUMNS: readonly MetricColumn[] = SUMMARY_COLUMNS.filter(
  (column): column is MetricColumn => !(NOT_METRICS as readonly string[]).includes(column),
);

/**
 * sweep.csv: the run's point, replication and seed, the parameter values, then every summary.csv
 * column except `seed` (the third column already; a CSV header naming one column twice confuses
 * spreadsheets and data frames).
 */
export function sweepColumns(parameters: readonly string[]): string[] {
  return ['point', 'replication', 'seed', ...parameters, ...SUMMARY_COLUMNS.filter((column) => column !== 'seed')];
}

/** sweep-summary.csv: point, strategy, the parameter values, replications, then each metric and its _ci95. */
export function sweepSummaryColumns(parameters: readonly string[]): string[] {
  return ['point', 'strategy', ...parameters, 'replications', ...SUMMARY_METRIC_COLUMNS.flatMap((m) => [m, `${m}_ci95`])];
}
