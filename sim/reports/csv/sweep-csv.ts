// The CSV files of a sweep: every run (sweep.csv), every grid point and strategy over its replications
// (sweep-summary.csv), and the answer to the SLA (plan.csv). Numbers are formatted as in every other
// CSV file (formatNumber): NaN, e.g. a confidence interval from one replication, is an empty cell, and
// a half-width that is only rounding noise is 0 (metricOf).
import { stringify } from 'csv-stringify/sync';
import type { SweepResult } from '../../metrics/results.js';
import { toCsv } from './run-csv.js';
import { formatNumber } from '../format/number-format.js';
import { PLAN_COLUMNS, PLAN_COST_COLUMNS, SUMMARY_METRIC_COLUMNS, sweepColumns, sweepSummaryColumns } from './sweep-columns.js';
import { SUMMARY_COLUMNS } from './columns.js';
import { metricOf } from '../format/sweep-parameters.js';

type Cell = string | number | boolean;

/**
 * CSV text from a header and rows of cells, formatted like toCsv. Rows are arrays, not records: the
 * header holds parameter paths chosen by the user, which must not collide with field names.
 */
export function tableCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return stringify([[...header], ...rows.map((row) => [...row])], {
    record_delimiter: '\n',
    cast: {
      number: formatNumber,
      boolean: (value) => (value ? 'true' : 'false'),
    },
  });
}

/** sweep.csv: one row per run, in run order (point, replication, strategy). */
export function sweepCsv(result: SweepResult): string {
  const summaryColumns = SUMMARY_COLUMNS.filter((column) => column !== 'seed');
  const rows = result.runs.map((r) => [
    r.point,
    r.replication,
    r.seed,
    ...parameterCells(result.parameters, r.values),
    ...summaryColumns.map((column) => r.run.summary[column]),
  ]);
  return tableCsv(sweepColumns(result.parameters), rows);
}

/** sweep-summary.csv: one row per grid point and strategy, each metric's mean and 95% CI half-width. */
export function sweepSummaryCsv(result: SweepResult): string {
  const rows = result.aggregates.map((a) => [
    a.point,
    a.strategy,
    ...parameterCells(result.parameters, a.values),
    a.replications,
    ...SUMMARY_METRIC_COLUMNS.flatMap((column) => {
      const { mean, ci95 } = metricOf(a, column);
      return [mean, ci95];
    }),
  ]);
  return tableCsv(sweepSummaryColumns(result.parameters), rows);
}

/** plan.csv: one row per strategy (and combination of the other parameters). */
export function planCsv(result: SweepResult): string {
  const priced = result.plan.some((row) => row.cost !== undefined);
  return toCsv(result.plan, priced ? [...PLAN_COLUMNS, ...PLAN_COST_COLUMNS] : PLAN_COLUMNS);
}

/** One cell per parameter; a missing value (a malformed run) is an empty cell, not a shifted row. */
function parameterCells(parameters: readonly string[], values: readonly number[]): number[] {
  return parameters.map((_, i) => values[i] ?? NaN);
}
