// The charts over simulated time: throughput, queued work, and every queue's length. With variants,
// each run has its own time line (a variant with 1 s handlers may run an hour, one with 1 ms handlers
// a minute), so every variant gets its own panel with its own time and value axes.
import type { TopLevelSpec } from 'vega-lite';
import type { ScenarioResult } from '../../metrics/results.js';
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  type LayerPanelSpec,
  PANEL_HEADER,
  PANEL_HEIGHT,
  type UnitEncoding,
  VARIANT_TOOLTIP,
  chartHeader,
  chartValues,
  strategyColor,
  strategyOrder,
  variantRows,
} from './chart-style.js';
import { QUEUE_KINDS, type QueueKind, distributorDataQueues, kindLabel, queueKind } from '../format/queue-label.js';
import { SERIES_POINTS, movingAverage, seriesBudget, thinSeries } from './thin-series.js';

/** Shades of one hue per kind of queue, darkest first. */
const KIND_SHADES: Readonly<Record<QueueKind, readonly string[]>> = {
  // Neighbouring workers far apart in lightness, so that two input queues never look alike.
  input: ['#08519c', '#17becf', '#6baed6', '#08306b', '#9edae5', '#3182bd'],
  'distributor data': ['#e6550d', '#fdae6b'],
  'distributor control': ['#238b45', '#74c476'],
  'distributor storage': ['#6a51a3', '#9e9ac8'],
  outgoing: ['#525252', '#969696', '#737373', '#bdbdbd', '#636363', '#d9d9d9'],
};

/** The colour scale of the queue lines: queues sorted by kind, each kind in shades of its own hue. */
function queueColours(queues: readonly { label: string; kind: QueueKind }[]): { domain: string[]; range: string[] } {
  const domain: string[] = [];
  const range: string[] = [];
  for (const kind of QUEUE_KINDS) {
    // The shared queue (one strategy's) last, so that the workers' queues get the first shades.
    const shared = (label: string) => Number(label.includes('(shared)'));
    const labels = [...new Set(queues.filter((q) => q.kind === kind).map((q) => q.label))].sort((a, b) => shared(a) - shared(b) || (a < b ? -1 : a > b ? 1 : 0));
    labels.forEach((label, i) => {
      domain.push(label);
      range.push(KIND_SHADES[kind][i % KIND_SHADES[kind].length]);
    });
  }
  return { domain, range };
}

/** Dash patterns told apart even where lines coincide: solid, long, short, dot-dash, and so on. */
const DASHES: number[][] = [[1, 0], [8, 4], [3, 3], [8, 3, 2, 3], [12, 3], [2, 6], [6, 2, 2, 2, 2, 2]];
while (DASHES.length < 20) DASHES.push([4 + DASHES.length, 3]);

const TIME_AXIS = { field: 'time_s', type: 'quantitative', title: 'time (s)' } as const;

/** The subtitle's second line on a chart split by variant. */
const OWN_AXES = 'one panel per variant, each with its own axes';

/**
 * Throughput per bucket is noisy (a Poisson count), and four noisy lines on one chart are unreadable:
 * each bucket is drawn thin and faint, with a centred moving average drawn over it.
 */
export function throughputChart(result: ScenarioResult): TopLevelSpec {
  const strategies = strategyOrder(result.runs);
  const variants = result.variants.length > 0;
  const buckets = Math.max(0, ...result.runs.map((run) => run.timeseries.length));
  // About a twentieth of the run: smooths bucket noise, keeps changes like a node dying visible.
  const half = Math.max(1, Math.round(buckets / 40));
  // The legend would otherwise copy the faint per-bucket line, the first layer.
  const color = { ...strategyColor(strategies), legend: { symbolOpacity: 1, symbolStrokeWidth: 2.25 } };
  const title = {
    what: 'throughput over time',
    subtitle: [
      `messages completed per second; faint: each time bucket, bold: moving average over ${2 * half + 1} buckets`,
      'one dash pattern per strategy, so that lines on top of each other stay apart',
    ],
  };
  // The moving average is taken over every bucket of a run (a run is one line) before the rows are thinned.
  // A run's rows feed two lines (the buckets and their average), which share SERIES_POINTS as before, and
  // every run's lines share the chart's points.
  const points = Math.min(SERIES_POINTS, 2 * seriesBudget(2 * result.runs.length));
  const rows = result.runs.flatMap((run) => {
    const average = movingAverage(run.timeseries.map((row) => row.throughput_per_s), half);
    return thinSeries(
      run.timeseries.map((row, i) => ({ ...row, throughput_moving_average: average[i] })),
      () => '',
      [(row) => row.throughput_per_s, (row) => row.throughput_moving_average],
      points,
    );
  });
  const data = {
    values: chartValues(
      rows,
      variants
        ? ['strategy', 'variant', 'time_s', 'throughput_per_s', 'throughput_moving_average', 'completed']
        : ['strategy', 'time_s', 'throughput_per_s', 'throughput_moving_average', 'completed'],
    ),
  };
  const view: Pick<LayerPanelSpec, 'encoding' | 'layer'> = {
    encoding: { x: TIME_AXIS, color },
    layer: [
      {
        mark: { type: 'line', strokeWidth: 1, opacity: 0.35 },
        encoding: {
          y: {
            field: 'throughput_per_s',
            type: 'quantitative',
            // In a 150 px panel, vega (which guesses text widths without a canvas) takes the longer title
            // for taller than the panel and pushes the panels apart.
            title: variants ? 'messages/s' : 'throughput (messages/s)',
          },
        },
      },
      {
        mark: { type: 'line', strokeWidth: 2.25, tooltip: true },
        encoding: {
          y: { field: 'throughput_moving_average', type: 'quantitative' },
          // Strategies that keep up draw the same line: a dash pattern each keeps one from hiding another.
          strokeDash: { field: 'strategy', type: 'nominal', title: 'strategy', scale: { domain: [...strategies], range: DASHES.slice(0, Math.max(1, strategies.length)) } },
          tooltip: [
            ...(variants ? [VARIANT_TOOLTIP] : []),
            { field: 'strategy', type: 'nominal', title: 'strategy' },
            { field: 'time_s', type: 'quantitative', title: 'time (s)' },
            { field: 'throughput_per_s', type: 'quantitative', title: 'throughput (messages/s)', format: ',.2f' },
            {
              field: 'throughput_moving_average',
              type: 'quantitative',
              title: 'moving average (messages/s)',
              format: ',.2f',
            },
            { field: 'completed', type: 'quantitative', title: 'completed (messages)' },
          ],
        },
      },
    ],
  };

  if (!variants) {
    return { ...chartHeader(result.scenario, title), width: CHART_WIDTH, height: CHART_HEIGHT, data, ...view };
  }
  return {
    ...chartHeader(result.scenario, { ...title, subtitle: [...title.subtitle, OWN_AXES] }),
    data,
    facet: { row: variantRows(result.variants) },
    spacing: 16,
    spec: { width: CHART_WIDTH, height: PANEL_HEIGHT, ...view },
    resolve: { scale: { x: 'independent', y: 'independent' } },
  };
}

export function queueLengthChart(result: ScenarioResult): TopLevelSpec {
  const strategies = strategyOrder(result.runs);
  const variants = result.variants.length > 0;
  const title = {
    what: 'queued work over time',
    subtitle: 'work messages waiting in any queue or outgoing queue at the end of each time bucket',
  };
  const data = {
    values: chartValues(
      result.runs.flatMap((run) => thinSeries(run.timeseries, () => '', [(row) => row.queued], seriesBudget(result.runs.length))),
      variants ? ['strategy', 'variant', 'time_s', 'queued', 'in_system'] : ['strategy', 'time_s', 'queued', 'in_system'],
    ),
  };
  const mark = { type: 'line', tooltip: true } as const;
  const encoding: UnitEncoding = {
    x: TIME_AXIS,
    y: { field: 'queued', type: 'quantitative', title: 'queued (messages)' },
    color: strategyColor(strategies),
    tooltip: [
      ...(variants ? [VARIANT_TOOLTIP] : []),
      { field: 'strategy', type: 'nominal', title: 'strategy' },
      { field: 'time_s', type: 'quantitative', title: 'time (s)' },
      { field: 'queued', type: 'quantitative', title: 'queued (messages)' },
      { field: 'in_system', type: 'quantitative', title: 'in system (messages)' },
    ],
  };

  if (!variants) {
    return { ...chartHeader(result.scenario, title), width: CHART_WIDTH, height: CHART_HEIGHT, data, mark, encoding };
  }
  return {
    ...chartHeader(result.scenario, { ...title, subtitle: [title.subtitle, OWN_AXES] }),
    data,
    facet: { row: variantRows(result.variants) },
    spacing: 16,
    spec: { width: CHART_WIDTH, height: PANEL_HEIGHT, mark, encoding },
    resolve: { scale: { x: 'independent', y: 'independent' } },
  };
}

/**
 * One panel per strategy, one line per queue: shows where the work piles up (e.g. a dead node). With
 * variants, one row of panels per variant (a panel per strategy side by side), sharing the length scale
 * within the row, so strategies compare within a variant while each variant keeps its own scale.
 */
export function queueLengthsChart(result: ScenarioResult): TopLevelSpec {
  const strategies = strategyOrder(result.runs);
  const variants = result.variants.length > 0;
  // One line per queue of each run; all of them share the chart's points.
  const line = (row: { queue: string; machine: string }) => `${row.queue}\u0000${row.machine}`;
  const lines = result.runs.reduce((n, run) => n + new Set(run.queueLengths.map(line)).size, 0);
  const rows = result.runs.flatMap((run) => thinSeries(run.queueLengths, line, [(row) => row.length], seriesBudget(lines)));
  // A distributor's data queues, by name, under that strategy only.
  const none = new Set<string>();
  const distributorOf = new Map(result.scenario.strategies.map((s) => [s.name, s.kind === 'distributor' && s.machine !== undefined ? distributorDataQueues(s.machine, result.scenario.endpoints) : none]));
  // A row names its line by the label alone: the label says the queue's kind, its name and its machine,
  // and the colours are worked out here, so the queue, machine and kind fields would only repeat it.
  const kinds = rows.map((row) => queueKind(row.queue, distributorOf.get(row.strategy) ?? none));
  const labels = rows.map((row, i) => kindLabel(kinds[i], row.queue, row.machine));
  const values = chartValues(rows, variants ? ['strategy', 'variant', 'time_s'] : ['strategy', 'time_s']).map((value, i) => ({
    ...value,
    queue_label: labels[i],
    length: Number.isFinite(rows[i].length) ? rows[i].length : null,
  }));
  const colour = queueColours(labels.map((label, i) => ({ label, kind: kinds[i] })));
  const title = {
    what: 'queue lengths by strategy',
    subtitle: [
      'messages in each queue at the end of each time bucket',
      "one hue per kind: blues the endpoints' input queues (one shade per worker), orange the distributor's data queue,",
      'green its control queue, purple its storage (free slots), greys the outgoing queues',
    ],
  };
  const mark = { type: 'line', tooltip: true } as const;
  const encoding: UnitEncoding = {
    x: TIME_AXIS,
    y: { field: 'length', type: 'quantitative', title: 'length (messages)' },
    color: { field: 'queue_label', type: 'nominal', title: 'queue (kind: name)', scale: colour, legend: { labelLimit: 320 } },
    tooltip: [
      ...(variants ? [VARIANT_TOOLTIP] : []),
      { field: 'strategy', type: 'nominal', title: 'strategy' },
      { field: 'queue_label', type: 'nominal', title: 'queue (kind: name)' },
      { field: 'time_s', type: 'quantitative', title: 'time (s)' },
      { field: 'length', type: 'quantitative', title: 'length (messages)' },
    ],
  };

  if (!variants) {
    return {
      ...chartHeader(result.scenario, title),
      data: { values },
      facet: {
        row: {
          field: 'strategy',
          type: 'nominal',
          sort: strategies,
          title: 'strategy',
          // Strategy names as left-aligned headings above each panel, not rotated labels beside them.
          header: PANEL_HEADER,
        },
      },
      spacing: 16,
      spec: { width: CHART_WIDTH, height: 140, mark, encoding },
      resolve: { scale: { y: 'shared' } },
    };
  }
  // Side by side, the strategies' panels together are about as wide as the other charts.
  const panelWidth = Math.max(160, Math.round((CHART_WIDTH + 160) / Math.max(1, strategies.length)));
  return {
    ...chartHeader(result.scenario, {
      ...title,
      subtitle: [...title.subtitle, 'one row of panels per variant, each row with its own axes'],
    }),
    data: { values },
    spacing: 24,
    vconcat: result.variants.map((variant) => ({
      title: { text: `variant ${variant}`, fontSize: 12, anchor: 'start', offset: 6 },
      transform: [{ filter: { field: 'variant', equal: variant } }],
      facet: {
        column: {
          field: 'strategy',
          type: 'nominal',
          sort: strategies,
          title: null,
          header: { labelAnchor: 'start', labelFontWeight: 'bold' },
        },
      },
      spacing: 12,
      spec: { width: panelWidth, height: 110, mark, encoding },
      resolve: { scale: { x: 'shared', y: 'shared' } },
    })),
    // Queue colours are shared (a queue has one colour in every panel); axes belong to each variant.
    resolve: { scale: { x: 'independent', y: 'independent' } },
  };
}
