// utilisation-heatmap: how busy each instance's handler threads were over time, one panel per
// strategy (instance x time bucket, darker = busier). A crashed worker is a white stripe, an instance
// round-robin keeps overloading a solid dark one, an idle one pale.
import type { TopLevelSpec } from 'vega-lite';
import type { RunResult, ScenarioResult } from '../../metrics/results.js';
import { CHART_WIDTH, PANEL_HEADER, VARIANT_TOOLTIP, chartHeader, strategyOrder } from './chart-style.js';
import { roundSignificant } from '../format/number-format.js';
import { columnBudget, heatmapColumns, mergeCells } from './heatmap-columns.js';

const ROW_STEP = 16;

/**
 * A cell's utilisation to a whole percent: what its tooltip shows, and finer than the colour scale
 * draws apart (a percent moves a colour channel by about 3 of 255). Neighbours that round alike are
 * then one cell. utilisation.csv keeps every bucket's exact value.
 */
const toPercent = (x: number): number => Math.round(x * 100) / 100;

interface Cell {
  strategy: string;
  variant: string;
  instance: string;
  start_s: number;
  time_s: number;
  utilisation: number;
}

/** Per instance, consecutive buckets merged `factor` at a time: their mean utilisation. */
function runCells(run: RunResult, budget: number): Cell[] {
  const columns = heatmapColumns(
    run.utilisation.map((row) => row.time_s),
    budget,
  );
  const sums = new Map<string, { cell: Cell; total: number; n: number }>();
  for (const row of run.utilisation) {
    const c = columns.columnOf(row.time_s);
    const label = instanceLabel(row);
    const key = `${label}\u0000${c}`;
    const value = Number.isFinite(row.utilisation) ? row.utilisation : 0;
    const entry = sums.get(key);
    if (entry) {
      entry.total += value;
      entry.n++;
    } else {
      const { start_s, time_s } = columns.span(c);
      const cell = { strategy: row.strategy, variant: row.variant, instance: label, start_s: roundSignificant(start_s), time_s: roundSignificant(time_s), utilisation: 0 };
      sums.set(key, { cell, total: value, n: 1 });
    }
  }
  const cells = [...sums.values()].map(({ cell, total, n }) => ({ ...cell, utilisation: toPercent(total / n) }));
  return mergeCells(cells, (cell) => cell.instance, (cell) => cell.utilisation);
}

/** An instance's row: its name, and its machine where that differs. */
const instanceLabel = (row: { instance: string; machine: string }): string => (row.instance === row.machine ? row.instance : `${row.instance} on ${row.machine}`);

/** Where a run's time axis ends: its last bucket (the domain the cells covered before idle ones were left out). */
const runEnd = (run: RunResult): number => roundSignificant(Math.max(0, ...run.utilisation.map((row) => row.time_s)));

export function utilisationHeatmapChart(result: ScenarioResult): TopLevelSpec {
  const strategies = strategyOrder(result.runs);
  const variants = result.variants.length > 0;
  // Every panel's rows (instances) share the chart's cells.
  const budget = columnBudget(result.runs.reduce((n, run) => n + new Set(run.utilisation.map(instanceLabel)).size, 0));
  const cells = result.runs.flatMap((run) => runCells(run, budget));
  const values = variants ? cells : cells.map(({ variant: _, ...cell }) => cell);
  const mark = { type: 'rect', tooltip: true, aria: false } as const;
  const encoding = (end: number) => ({
    // The whole run, also where its first or last columns are idle and drawn as no cell.
    x: { field: 'start_s', type: 'quantitative', title: 'time (s)', scale: { nice: false, domain: [0, end] } },
    x2: { field: 'time_s' },
    y: { field: 'instance', type: 'nominal', title: null, axis: { labelLimit: 400 } },
    color: {
      field: 'utilisation',
      type: 'quantitative',
      title: 'busy threads',
      scale: { domain: [0, 1], range: ['#ffffff', '#6baed6', '#08306b'] },
      legend: { format: '.0%', gradientLength: 160 },
    },
    tooltip: [
      ...(variants ? [VARIANT_TOOLTIP] : []),
      { field: 'strategy', type: 'nominal', title: 'strategy' },
      { field: 'instance', type: 'nominal', title: 'instance' },
      { field: 'start_s', type: 'quantitative', title: 'from (s)' },
      { field: 'time_s', type: 'quantitative', title: 'to (s)' },
      { field: 'utilisation', type: 'quantitative', title: 'busy threads', format: '.0%' },
    ],
  });
  const byStrategy = (runs: readonly RunResult[]) => ({
    facet: { row: { field: 'strategy', type: 'nominal', sort: strategies, title: null, header: PANEL_HEADER } },
    spacing: 12,
    spec: { width: CHART_WIDTH, height: { step: ROW_STEP }, mark, encoding: encoding(Math.max(0, ...runs.map(runEnd))) },
  });
  const header = chartHeader(result.scenario, {
    what: 'instance utilisation over time (heatmap)',
    subtitle: [
      'share of each instance’s handler threads busy in each time bucket (mean over merged buckets); darker: busier, white: idle',
      ...(variants ? ['one block per variant, each with its own time axis'] : []),
    ],
  });
  if (!variants) return { ...header, data: { values }, ...byStrategy(result.runs) } as TopLevelSpec;
  return {
    ...header,
    data: { values },
    spacing: 24,
    vconcat: result.variants.map((variant) => ({
      title: { text: `variant ${variant}`, fontSize: 12, anchor: 'start', offset: 6 },
      transform: [{ filter: { field: 'variant', equal: variant } }],
      ...byStrategy(result.runs.filter((run) => run.summary.variant === variant)),
    })),
    resolve: { scale: { x: 'independent' } },
  } as TopLevelSpec;
}
