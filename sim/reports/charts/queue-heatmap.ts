// queue-heatmap: every queue's length over time as a heatmap, one panel per strategy (queue x time
// bucket, darker = longer). Where work piles up, and when, at a glance: a worker that round-robin keeps
// feeding after it slowed down is a dark stripe. How busy each instance was: utilisation-heatmap.ts.
import type { TopLevelSpec } from 'vega-lite';
import type { QueueLengthRow, RunResult, ScenarioResult } from '../../metrics/results.js';
import { CHART_WIDTH, PANEL_HEADER, VARIANT_TOOLTIP, chartHeader, strategyOrder } from './chart-style.js';
import { roundSignificant } from '../format/number-format.js';
import { columnBudget, heatmapColumns, mergeCells } from './heatmap-columns.js';
import { queueLabel } from '../format/queue-label.js';

export { HEATMAP_CELLS, HEATMAP_COLUMNS } from './heatmap-columns.js';
/** Height of one queue's row, in pixels. */
const ROW_STEP = 16;

interface Cell {
  strategy: string;
  variant: string;
  queue_label: string;
  start_s: number;
  time_s: number;
  length: number;
}

/** The cells of one run: per queue, consecutive buckets merged `factor` at a time, their maximum length. */
function runCells(run: RunResult, budget: number): Cell[] {
  // Merged buckets keep their maximum length.
  const columns = heatmapColumns(
    run.queueLengths.map((row) => row.time_s),
    budget,
  );
  const cells = new Map<string, Cell>();
  for (const row of run.queueLengths) {
    const c = columns.columnOf(row.time_s);
    const label = queueLabel(row.queue, row.machine);
    const key = `${label}\u0000${c}`;
    const cell = cells.get(key);
    if (cell === undefined) {
      const { start_s, time_s } = columns.span(c);
      cells.set(key, {
        strategy: row.strategy,
        variant: row.variant,
        queue_label: label,
        start_s: roundSignificant(start_s),
        time_s: roundSignificant(time_s),
        length: lengthOf(row),
      });
    } else cell.length = Math.max(cell.length, lengthOf(row));
  }
  // Queues that never held a message are left out (outgoing queues mostly), unless all of them are.
  const busy = new Set([...cells.values()].filter((cell) => cell.length > 0).map((cell) => cell.queue_label));
  const shown = [...cells.values()].filter((cell) => busy.size === 0 || busy.has(cell.queue_label));
  return mergeCells(shown, (cell) => cell.queue_label, (cell) => cell.length);
}

/** Where a run's time axis ends: its last bucket (the domain the cells covered before empty ones were left out). */
const runEnd = (run: RunResult): number => roundSignificant(Math.max(0, ...run.queueLengths.map((row) => row.time_s)));

const lengthOf = (row: QueueLengthRow): number => (Number.isFinite(row.length) ? row.length : 0);

function legendValues(longest: number): number[] {
  const values = [0];
  for (let v = 1; v < longest * 0.7; v *= 10) values.push(v);
  return [...values, longest];
}

/** The rows a run's panel lists: the queues that held a message, or all of them when none did. */
function shownQueues(run: RunResult): number {
  const all = new Set(run.queueLengths.map((row) => queueLabel(row.queue, row.machine)));
  const busy = new Set(run.queueLengths.filter((row) => lengthOf(row) > 0).map((row) => queueLabel(row.queue, row.machine)));
  return busy.size > 0 ? busy.size : all.size;
}

/** The widest merge of any run, for the subtitle. */
function mergeFactor(result: ScenarioResult, budget: number): number {
  return Math.max(1, ...result.runs.map((run) => Math.ceil(new Set(run.queueLengths.map((row) => row.time_s)).size / budget)));
}

export function queueHeatmapChart(result: ScenarioResult): TopLevelSpec {
  const strategies = strategyOrder(result.runs);
  const variants = result.variants.length > 0;
  // Every panel's rows share the chart's cells.
  const budget = columnBudget(result.runs.reduce((n, run) => n + shownQueues(run), 0));
  const cells = result.runs.flatMap((run) => runCells(run, budget));
  const values = variants ? cells : cells.map(({ variant: _, ...cell }) => cell);
  const longestOf = (rows: readonly Cell[]): number => Math.max(1, ...rows.map((cell) => cell.length));
  const factor = mergeFactor(result, budget);
  const subtitle = [
    `messages in each queue at the end of each time bucket${factor > 1 ? ` (the largest of every ${factor} buckets)` : ''}; darker: longer, white: empty`,
    'queues that never held a message are left out;',
    'how busy each instance was over time: utilisation-heatmap',
  ];
  // No aria labels: with thousands of cells they would triple the SVG; the tooltip stays.
  const mark = { type: 'rect', tooltip: true, aria: false } as const;
  const encoding = (longest: number, end: number) => ({
    // The whole run, also where its first or last columns are empty and drawn as no cell.
    x: { field: 'start_s', type: 'quantitative', title: 'time (s)', scale: { nice: false, domain: [0, end] } },
    x2: { field: 'time_s' },
    // The queue names say what they are; a "queue" title beside every panel would only repeat it.
    y: { field: 'queue_label', type: 'nominal', title: null, axis: { labelLimit: 400 } },
    color: {
      field: 'length',
      type: 'quantitative',
      title: 'length (messages)',
      // symlog: one or two waiting messages still show when another queue holds thousands.
      // White for an empty queue, so the eye goes to where work waits.
      scale: { type: 'symlog', domain: [0, longest], range: ['#ffffff', '#fc8d59', '#b30000'], interpolate: 'lab' },
      // Ticks at 0, 1, 10, 100, ... and the longest: the symlog scale spreads them out.
      legend: { format: ',d', gradientLength: 160, values: legendValues(longest) },
    },
    tooltip: [
      ...(variants ? [VARIANT_TOOLTIP] : []),
      { field: 'strategy', type: 'nominal', title: 'strategy' },
      { field: 'queue_label', type: 'nominal', title: 'queue' },
      { field: 'start_s', type: 'quantitative', title: 'from (s)' },
      { field: 'time_s', type: 'quantitative', title: 'to (s)' },
      { field: 'length', type: 'quantitative', title: factor > 1 ? 'largest length (messages)' : 'length (messages)', format: ',d' },
    ],
  });
  const byStrategy = (longest: number, end: number) => ({
    facet: { row: { field: 'strategy', type: 'nominal', sort: strategies, title: null, header: PANEL_HEADER } },
    spacing: 12,
    spec: { width: CHART_WIDTH, height: { step: ROW_STEP }, mark, encoding: encoding(longest, end) },
    // Each strategy lists its own queues (only the distributor has a distributor queue).
    resolve: { scale: { y: 'independent' } },
  });
  const header = chartHeader(result.scenario, {
    what: 'queue lengths over time (heatmap)',
    subtitle: variants ? [...subtitle, 'one block per variant, each with its own time axis and colour scale'] : subtitle,
  });
  const endOf = (runs: readonly RunResult[]): number => Math.max(0, ...runs.map(runEnd));
  if (!variants) return { ...header, data: { values }, ...byStrategy(longestOf(cells), endOf(result.runs)) } as TopLevelSpec;
  return {
    ...header,
    data: { values },
    spacing: 24,
    vconcat: result.variants.map((variant) => ({
      title: { text: `variant ${variant}`, fontSize: 12, anchor: 'start', offset: 6 },
      transform: [{ filter: { field: 'variant', equal: variant } }],
      ...byStrategy(
        longestOf(cells.filter((cell) => cell.variant === variant)),
        endOf(result.runs.filter((run) => run.summary.variant === variant)),
      ),
    })),
    // A variant with 1 ms handlers may queue thousands where one with 1 s handlers queues a few.
    resolve: { scale: { x: 'independent', color: 'independent' } },
  } as TopLevelSpec;
}

