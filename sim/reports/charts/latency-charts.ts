// The latency charts: the headline statistics side by side, and the whole distribution as a CDF.
// With variants, each becomes one panel per variant (the strategy colours stay the same).
import type { TopLevelSpec } from 'vega-lite';
import type { ScenarioResult } from '../../metrics/results.js';
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  PANEL_HEIGHT,
  type Transforms,
  type UnitEncoding,
  VARIANT_TOOLTIP,
  chartHeader,
  chartValues,
  strategyColor,
  strategyOrder,
  variantRows,
} from './chart-style.js';

/** The summary columns folded into the bar chart's "statistic" field, in the order shown. */
const LATENCY_STATISTICS = ['latency_mean_ms', 'latency_p50_ms', 'latency_p95_ms', 'latency_p99_ms'] as const;

/**
 * Grouped bars: one group per statistic (mean, p50, p95, p99), one bar per strategy in each. With
 * variants, one panel per variant, each with its own latency scale: handler durations from 1 ms to 1 s
 * on one scale would flatten the short ones to nothing (latency-by-variant compares across variants).
 */
export function latencyChart(result: ScenarioResult): TopLevelSpec {
  const strategies = strategyOrder(result.runs);
  const variants = result.variants.length > 0;
  const title = {
    what: 'latency by strategy',
    subtitle: 'from send to handler completion, messages sent after the warm-up',
  };
  const data = {
    values: chartValues(
      result.runs.map((run) => run.summary),
      variants ? ['strategy', 'variant', ...LATENCY_STATISTICS] : ['strategy', ...LATENCY_STATISTICS],
    ),
  };
  const transform: Transforms = [
    { fold: [...LATENCY_STATISTICS], as: ['column', 'latency_ms'] },
    // latency_p95_ms -> p95: the column names stay the data, the short names label the axis.
    { calculate: "replace(replace(datum.column, 'latency_', ''), '_ms', '')", as: 'statistic' },
  ];
  // One strategy far slower than the rest (a crash stranding messages on one worker) would flatten the
  // others' bars to nothing on a linear scale: then the scale is logarithmic. Every bar carries its value.
  const values = result.runs.flatMap((run) => LATENCY_STATISTICS.map((c) => run.summary[c])).filter((v) => Number.isFinite(v) && v > 0);
  const log = values.length > 0 && Math.max(...values) / Math.min(...values) > LOG_SPAN;
  const yScale = log ? { scale: { type: 'log' as const } } : {};
  const mark = { type: 'bar', tooltip: true } as const;
  const encoding: UnitEncoding = {
    x: {
      field: 'statistic',
      type: 'nominal',
      sort: ['mean', 'p50', 'p95', 'p99'],
      title: 'statistic',
      axis: { labelAngle: 0 },
    },
    xOffset: { field: 'strategy', type: 'nominal', sort: strategies },
    // mean, not the default sum: several replications of one strategy must not add up.
    y: { aggregate: 'mean', field: 'latency_ms', type: 'quantitative', title: `latency (ms${log ? ', log scale' : ''})`, ...yScale },
    color: strategyColor(strategies),
    tooltip: [
      ...(variants ? [VARIANT_TOOLTIP] : []),
      { field: 'strategy', type: 'nominal', title: 'strategy' },
      { field: 'statistic', type: 'nominal', title: 'statistic' },
      { aggregate: 'mean', field: 'latency_ms', type: 'quantitative', title: 'latency (ms)', format: ',.1f' },
    ],
  };
  const label = {
    mark: { type: 'text', angle: 270, align: 'left', baseline: 'middle', dx: 3, fontSize: 9, color: '#333333' },
    encoding: { text: { aggregate: 'mean', field: 'latency_ms', type: 'quantitative', format: ',.0f' } },
  } as const;
  const layer = [{ mark }, label];
  const subtitle = [title.subtitle, ...(log ? ['log scale: the strategies differ by more than 30 times; each bar is labelled with its value (ms)'] : ['each bar is labelled with its value (ms)'])];

  if (!variants) {
    return { ...chartHeader(result.scenario, { ...title, subtitle }), width: CHART_WIDTH, height: CHART_HEIGHT, data, transform, encoding, layer } as TopLevelSpec;
  }
  return {
    ...chartHeader(result.scenario, { ...title, subtitle: [...subtitle, 'one panel per variant, each with its own latency scale'] }),
    data,
    transform,
    facet: { row: variantRows(result.variants) },
    spacing: 16,
    spec: { width: CHART_WIDTH, height: PANEL_HEIGHT, encoding, layer },
    resolve: { scale: { y: 'independent' } },
  } as TopLevelSpec;
}

/** Bars spanning more than this factor get a log scale. */
const LOG_SPAN = 30;

/**
 * The latency distribution per strategy; log x so the body and the tail are both visible. With
 * variants, one panel per variant on one shared log axis: how far the distributions move as the
 * variant changes is part of the story, and a log axis keeps each variant's spread readable.
 */
export function latencyCdfChart(result: ScenarioResult): TopLevelSpec {
  const strategies = strategyOrder(result.runs);
  const variants = result.variants.length > 0;
  const title = {
    what: 'latency distribution',
    subtitle: 'share of measured messages completed within a given latency',
  };
  const data = {
    values: chartValues(
      result.runs.flatMap((run) => run.cdf),
      variants ? ['strategy', 'variant', 'percentile', 'latency_ms'] : ['strategy', 'percentile', 'latency_ms'],
    ),
  };
  // A log scale has no place for 0 (or NaN, which becomes null in JSON).
  const transform: Transforms = [{ filter: 'isValid(datum.latency_ms) && datum.latency_ms > 0' }];
  // Straight segments between the measured percentiles (a few dozen points per strategy): steps
  // between points 5 percentiles apart read as data that is not there.
  const mark = { type: 'line', tooltip: true } as const;
  const encoding: UnitEncoding = {
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
      ...(variants ? [VARIANT_TOOLTIP] : []),
      { field: 'strategy', type: 'nominal', title: 'strategy' },
      { field: 'percentile', type: 'quantitative', title: 'percentile (%)' },
      { field: 'latency_ms', type: 'quantitative', title: 'latency (ms)', format: ',.1f' },
    ],
  };

  if (!variants) {
    return { ...chartHeader(result.scenario, title), width: CHART_WIDTH, height: CHART_HEIGHT, data, transform, mark, encoding };
  }
  return {
    ...chartHeader(result.scenario, { ...title, subtitle: [title.subtitle, 'one panel per variant, on one latency axis'] }),
    data,
    transform,
    facet: { row: variantRows(result.variants) },
    spacing: 16,
    spec: { width: CHART_WIDTH, height: PANEL_HEIGHT, mark, encoding },
  };
}
