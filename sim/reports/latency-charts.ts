// The latency charts: the headline statistics side by side, and the whole distribution as a CDF.
import type { TopLevelSpec } from 'vega-lite';
import type { ScenarioResult } from '../metrics/results.js';
import { CHART_HEIGHT, CHART_WIDTH, chartHeader, chartValues, strategyColor, strategyOrder } from './chart-style.js';

/** The summary columns folded into the bar chart's "statistic" field, in the order shown. */
const LATENCY_STATISTICS = ['latency_mean_ms', 'latency_p50_ms', 'latency_p95_ms', 'latency_p99_ms'] as const;

/** Grouped bars: one group per statistic (mean, p50, p95, p99), one bar per strategy in each. */
export function latencyChart(result: ScenarioResult): TopLevelSpec {
  const strategies = strategyOrder(result.runs);
  return {
    ...chartHeader(result.scenario, {
      what: 'latency by strategy',
      subtitle: 'from send to handler completion, messages sent after the warm-up',
    }),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: {
      values: chartValues(
        result.runs.map((run) => run.summary),
        ['strategy', ...LATENCY_STATISTICS],
      ),
    },
    transform: [
      { fold: [...LATENCY_STATISTICS], as: ['column', 'latency_ms'] },
      // latency_p95_ms -> p95: the column names stay the data, the short names label the axis.
      { calculate: "replace(replace(datum.column, 'latency_', ''), '_ms', '')", as: 'statistic' },
    ],
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: {
        field: 'statistic',
        type: 'nominal',
        sort: ['mean', 'p50', 'p95', 'p99'],
        title: 'statistic',
        axis: { labelAngle: 0 },
      },
      xOffset: { field: 'strategy', type: 'nominal', sort: strategies },
      // mean, not the default sum: several replications of one strategy must not add up.
      y: { aggregate: 'mean', field: 'latency_ms', type: 'quantitative', title: 'latency (ms)' },
      color: strategyColor(strategies),
      tooltip: [
        { field: 'strategy', type: 'nominal', title: 'strategy' },
        { field: 'statistic', type: 'nominal', title: 'statistic' },
        { aggregate: 'mean', field: 'latency_ms', type: 'quantitative', title: 'latency (ms)', format: ',.1f' },
      ],
    },
  };
}

/** The latency distribution per strategy; log x so the body and the tail are both visible. */
export function latencyCdfChart(result: ScenarioResult): TopLevelSpec {
  const strategies = strategyOrder(result.runs);
  return {
    ...chartHeader(result.scenario, {
      what: 'latency distribution',
      subtitle: 'share of measured messages completed within a given latency',
    }),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: {
      values: chartValues(
        result.runs.flatMap((run) => run.cdf),
        ['strategy', 'percentile', 'latency_ms'],
      ),
    },
    // A log scale has no place for 0 (or NaN, which becomes null in JSON).
    transform: [{ filter: 'isValid(datum.latency_ms) && datum.latency_ms > 0' }],
    // Straight segments between the measured percentiles (a few dozen points per strategy): steps
    // between points 5 percentiles apart read as data that is not there.
    mark: { type: 'line', tooltip: true },
    encoding: {
      x: {
        field: 'latency_ms',
        type: 'quantitative',
        scale: { type: 'log', nice: false },
        title: 'latency (ms, log scale)',
        axis: { format: '~s', grid: true },
      },
      y: {
        field: 'percentile',
        type: 'quantitative',
        scale: { domain: [0, 100] },
        title: 'percentile (%)',
      },
      order: { field: 'percentile', type: 'quantitative' },
      color: strategyColor(strategies),
      tooltip: [
        { field: 'strategy', type: 'nominal', title: 'strategy' },
        { field: 'percentile', type: 'quantitative', title: 'percentile (%)' },
        { field: 'latency_ms', type: 'quantitative', title: 'latency (ms)', format: ',.1f' },
      ],
    },
  };
}
