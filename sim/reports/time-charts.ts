// The charts over simulated time: throughput, queued work, and every queue's length.
import type { TopLevelSpec } from 'vega-lite';
import type { ScenarioResult } from '../metrics/results.js';
import { CHART_HEIGHT, CHART_WIDTH, chartHeader, chartValues, strategyColor, strategyOrder } from './chart-style.js';
import { queueLabel } from './queue-label.js';

const TIME_AXIS = { field: 'time_s', type: 'quantitative', title: 'time (s)' } as const;

/**
 * Throughput per bucket is noisy (a Poisson count), and four noisy lines on one chart are unreadable:
 * each bucket is drawn thin and faint, with a centred moving average drawn over it.
 */
export function throughputChart(result: ScenarioResult): TopLevelSpec {
  const strategies = strategyOrder(result.runs);
  const buckets = Math.max(0, ...result.runs.map((run) => run.timeseries.length));
  // About a twentieth of the run: smooths bucket noise, keeps changes like a node dying visible.
  const half = Math.max(1, Math.round(buckets / 40));
  // The legend would otherwise copy the faint per-bucket line, the first layer.
  const color = { ...strategyColor(strategies), legend: { symbolOpacity: 1, symbolStrokeWidth: 2.25 } };
  return {
    ...chartHeader(result.scenario, {
      what: 'throughput over time',
      subtitle:
        'messages completed per second; faint: each time bucket, ' +
        `bold: moving average over ${2 * half + 1} buckets`,
    }),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: {
      values: chartValues(
        result.runs.flatMap((run) => run.timeseries),
        ['strategy', 'time_s', 'throughput_per_s', 'completed'],
      ),
    },
    transform: [
      {
        window: [{ op: 'mean', field: 'throughput_per_s', as: 'throughput_moving_average' }],
        frame: [-half, half],
        groupby: ['strategy'],
        sort: [{ field: 'time_s', order: 'ascending' }],
      },
    ],
    encoding: { x: TIME_AXIS, color },
    layer: [
      {
        mark: { type: 'line', strokeWidth: 1, opacity: 0.35 },
        encoding: { y: { field: 'throughput_per_s', type: 'quantitative', title: 'throughput (messages/s)' } },
      },
      {
        mark: { type: 'line', strokeWidth: 2.25, tooltip: true },
        encoding: {
          y: { field: 'throughput_moving_average', type: 'quantitative' },
          tooltip: [
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
}

export function queueLengthChart(result: ScenarioResult): TopLevelSpec {
  const strategies = strategyOrder(result.runs);
  return {
    ...chartHeader(result.scenario, {
      what: 'queued work over time',
      subtitle: 'work messages waiting in any queue at the end of each time bucket',
    }),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: {
      values: chartValues(
        result.runs.flatMap((run) => run.timeseries),
        ['strategy', 'time_s', 'queued', 'in_system'],
      ),
    },
    mark: { type: 'line', tooltip: true },
    encoding: {
      x: TIME_AXIS,
      y: { field: 'queued', type: 'quantitative', title: 'queued (messages)' },
      color: strategyColor(strategies),
      tooltip: [
        { field: 'strategy', type: 'nominal', title: 'strategy' },
        { field: 'time_s', type: 'quantitative', title: 'time (s)' },
        { field: 'queued', type: 'quantitative', title: 'queued (messages)' },
        { field: 'in_system', type: 'quantitative', title: 'in system (messages)' },
      ],
    },
  };
}

/** One panel per strategy, one line per queue: shows where the work piles up (e.g. a dead node). */
export function queueLengthsChart(result: ScenarioResult): TopLevelSpec {
  const strategies = strategyOrder(result.runs);
  const rows = result.runs.flatMap((run) => run.queueLengths);
  const values = chartValues(rows, ['strategy', 'time_s', 'queue', 'machine', 'length']).map((value, i) => ({
    ...value,
    queue_label: queueLabel(rows[i].queue, rows[i].machine),
  }));
  const queues = new Set(values.map((value) => value.queue_label));
  // tableau20 pairs a dark and a light shade of each hue, which reads as "the same queue" for few lines.
  const scheme = queues.size <= 10 ? 'tableau10' : 'tableau20';
  return {
    ...chartHeader(result.scenario, {
      what: 'queue lengths by strategy',
      subtitle: 'messages in each queue at the end of each time bucket',
    }),
    data: { values },
    facet: {
      row: {
        field: 'strategy',
        type: 'nominal',
        sort: strategies,
        title: 'strategy',
        // Strategy names as left-aligned headings above each panel, not rotated labels beside them.
        header: {
          labelAngle: 0,
          labelOrient: 'top',
          labelAnchor: 'start',
          labelFontWeight: 'bold',
          titleOrient: 'top',
          titleAnchor: 'start',
        },
      },
    },
    spacing: 16,
    spec: {
      width: CHART_WIDTH,
      height: 140,
      mark: { type: 'line', tooltip: true },
      encoding: {
        x: TIME_AXIS,
        y: { field: 'length', type: 'quantitative', title: 'length (messages)' },
        color: { field: 'queue_label', type: 'nominal', title: 'queue', scale: { scheme } },
        tooltip: [
          { field: 'strategy', type: 'nominal', title: 'strategy' },
          { field: 'queue', type: 'nominal', title: 'queue' },
          { field: 'machine', type: 'nominal', title: 'machine' },
          { field: 'time_s', type: 'quantitative', title: 'time (s)' },
          { field: 'length', type: 'quantitative', title: 'length (messages)' },
        ],
      },
    },
    resolve: { scale: { y: 'shared' } },
  };
}
