// The tables of report.html: the summary of an ordinary run (one column per strategy, one row per
// summary.csv column: 36 metrics read better down than across), a sweep's points with each key metric
// and its 95% interval, and small helpers the other HTML parts share. Numbers look as in the CSV files.
import type { AggregateRow, RunResult, SweepResult } from '../../metrics/results.js';
import { SUMMARY_COLUMNS } from '../csv/columns.js';
import { formatNumber } from '../format/number-format.js';
import { formatParameterValue, metricOf, shortParameterTitle } from '../format/sweep-parameters.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export interface Cell {
  text: string;
  /** Numbers are right-aligned. */
  numeric?: boolean;
}

/** A table with a header row; cells are escaped. `rowHeaders` makes each row's first cell a <th>. */
export function htmlTable(header: readonly string[], rows: readonly (readonly Cell[])[], options: { className?: string; rowHeaders?: boolean } = {}): string {
  const th = header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((row) => {
      const cells = row.map((cell, i) => {
        const tag = options.rowHeaders && i === 0 ? 'th scope="row"' : 'td';
        const close = tag.split(' ')[0];
        return `<${tag}${cell.numeric ? ' class="num"' : ''}>${escapeHtml(cell.text)}</${close}>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  const cls = options.className ? ` class="${options.className}"` : '';
  return `<div class="table-wrap"><table${cls}>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

/** A number as in the CSV files, '–' where the CSV cell is empty (NaN). */
export function numberCell(x: number): Cell {
  const text = formatNumber(x);
  return { text: text === '' ? '–' : text, numeric: true };
}

function valueCell(value: unknown): Cell {
  if (typeof value === 'number') return numberCell(value);
  const text = String(value ?? '');
  return { text: text === '' ? '–' : text };
}

/** summary.csv turned on its side: a row per column, a column per run (strategy, and variant). */
export function summaryTable(runs: readonly RunResult[]): string {
  const variants = runs.some((run) => run.summary.variant !== '');
  const header = ['', ...runs.map((run) => (variants ? `${run.summary.strategy} (${run.summary.variant})` : run.summary.strategy))];
  const rows = SUMMARY_COLUMNS.filter((column) => column !== 'strategy' && (variants || column !== 'variant')).map((column) => [
    { text: column },
    ...runs.map((run) => valueCell(run.summary[column])),
  ]);
  return htmlTable(header, rows, { className: 'summary', rowHeaders: true });
}

/** The metrics a sweep's table shows, each as mean ± 95% half-width; sweep-summary.csv has them all. */
const SWEEP_TABLE_METRICS = [
  'throughput_per_s',
  'latency_mean_ms',
  'latency_p50_ms',
  'latency_p99_ms',
  'wait_mean_ms',
  'theory_wait_mean_ms',
  'utilisation',
  'theory_utilisation',
] as const;

function estimateCell(row: AggregateRow, column: string): Cell {
  const { mean, ci95 } = metricOf(row, column);
  const text = formatNumber(mean);
  if (text === '') return { text: '–', numeric: true };
  const half = formatNumber(ci95);
  return { text: half === '' || half === '0' ? text : `${text} ± ${half}`, numeric: true };
}

/** One row per grid point and strategy, in sweep order; parameters under their short titles (the full paths are in the scenario section). */
export function sweepTable(result: SweepResult): string {
  const header = ['point', 'strategy', ...result.parameters.map(shortParameterTitle), 'replications', ...SWEEP_TABLE_METRICS];
  const rows = result.aggregates.map((a) => [
    numberCell(a.point),
    { text: a.strategy },
    ...result.parameters.map((path, i) => ({ text: formatParameterValue(path, a.values[i]), numeric: true })),
    numberCell(a.replications),
    ...SWEEP_TABLE_METRICS.map((column) => estimateCell(a, column)),
  ]);
  return htmlTable(header, rows, { className: 'sweep' });
}
