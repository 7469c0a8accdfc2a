// Latency across the variants of a scenario: the chart that shows where the distributor's overhead
// stops mattering. Its cost per message is fixed (7 MSMQ operations on its machine and a ready message's
// round trip), so next to a 1 ms handler it dominates, next to a 1 s handler it disappears, while the
// imbalance of sender-side distribution grows with the handler time.
import type { TopLevelSpec } from 'vega-lite';
import type { ScenarioResult, SummaryRow } from '../../metrics/results.js';
import { CHART_WIDTH, chartHeader, chartValues, strategyColor, strategyOrder } from './chart-style.js';
import { roundSignificant } from '../format/number-format.js';

/** A latency axis is logarithmic when the latencies span more than this ratio (two decades). */
const LOG_LATENCY_RATIO = 100;
/** The ratio axis is logarithmic from 10× on: 1.1× and 1.8× must stay apart under an 11× outlier. */
const LOG_RATIO_RATIO = 10;

/** One point of the chart: a strategy in a variant, replications averaged. */
interface VariantPoint {
  variant: string;
  strategy: string;
  latency_p99_ms: number;
  latency_mean_ms: number;
  service_mean_ms: number;
  /** latency_p99_ms / the lowest latency_p99_ms of any strategy in the same variant. */
  p99_vs_best: number;
}

/**
 * Two panels sharing the variant axis (variants in scenario order, as given, not sorted):
 * - top: each strategy's p99 (solid, filled points) and mean (dashed, open points) latency, on a log
 *   axis when they span more than two decades (handler durations from 1 ms to 1 s do);
 * - bottom: each strategy's p99 divided by the best p99 in that variant, so "1×" is the best strategy
 *   and a fixed overhead shows as a ratio falling towards 1 as handlers get longer.
 * Only built when the scenario has variants.
 */
export function latencyByVariantChart(result: ScenarioResult): TopLevelSpec {
  const strategies = strategyOrder(result.runs);
  const points = variantPoints(result);
  const latencies = points.flatMap((point) => [point.latency_p99_ms, point.latency_mean_ms]);
  const ratios = points.map((point) => point.p99_vs_best);
  const latencyAxis = valueAxis(latencies, LOG_LATENCY_RATIO, ['latency (ms)', 'latency (ms, log scale)']);
  const ratioAxis = valueAxis(ratios, LOG_RATIO_RATIO, ['p99 / best p99', 'p99 / best p99 (log scale)'], '×');
  const x = {
    field: 'variant',
    type: 'ordinal',
    sort: [...result.variants],
    title: 'variant',
    axis: { labelAngle: 0 },
  } as const;
  const color = strategyColor(strategies);
  const tooltip = [
    { field: 'variant', type: 'nominal', title: 'variant' },
    { field: 'strategy', type: 'nominal', title: 'strategy' },
    { field: 'latency_p99_ms', type: 'quantitative', title: 'latency p99 (ms)', format: ',.1f' },
    { field: 'latency_mean_ms', type: 'quantitative', title: 'latency mean (ms)', format: ',.1f' },
    { field: 'p99_vs_best', type: 'quantitative', title: 'p99 / best p99 of the variant', format: '.2f' },
    { field: 'service_mean_ms', type: 'quantitative', title: 'handler mean (ms)', format: ',.1f' },
  ] as const;
  // A log axis has no place for 0, and NaN is null in the data.
  const valid = (field: string) => ({ filter: `isValid(datum.${field}) && datum.${field} > 0` });

  return {
    ...chartHeader(result.scenario, {
      what: 'latency by variant',
      subtitle: [
        'top: p99 (solid line, filled points) and mean (dashed, open points) latency of each strategy',
        'bottom: p99 divided by the best p99 of the same variant (1× = the best strategy there)',
      ],
    }),
    data: {
      values: chartValues(points, [
        'variant',
        'strategy',
        'latency_p99_ms',
        'latency_mean_ms',
        'p99_vs_best',
        'service_mean_ms',
      ]),
    },
    spacing: 24,
    vconcat: [
      {
        width: CHART_WIDTH,
        height: 300,
        transform: [
          { fold: ['latency_p99_ms', 'latency_mean_ms'], as: ['column', 'latency_ms'] },
          { calculate: "datum.column === 'latency_p99_ms' ? 'p99' : 'mean'", as: 'statistic' },
          valid('latency_ms'),
        ],
        encoding: {
          x: { ...x, axis: { labelAngle: 0, title: null } },
          y: { field: 'latency_ms', type: 'quantitative', ...latencyAxis },
          color,
          strokeDash: {
            field: 'statistic',
            type: 'nominal',
            title: 'statistic',
            scale: { domain: ['p99', 'mean'], range: [[1, 0], [5, 3]] },
            legend: { symbolType: 'stroke', symbolStrokeWidth: 2, symbolSize: 400 },
          },
          tooltip: [...tooltip],
        },
        layer: [
          { mark: { type: 'line', tooltip: true } },
          {
            mark: { type: 'point', size: 50, strokeWidth: 1.75, tooltip: true },
            encoding: {
              // Filled for p99, open for the mean: the difference survives where the lines overlap.
              // The fill scale is a scale of its own: pinned like the colour, so the two agree (and vega-lite
              // merges their legends into one).
              fill: {
                condition: {
                  test: "datum.statistic === 'p99'",
                  field: 'strategy',
                  type: 'nominal',
                  title: 'strategy',
                  scale: { domain: [...strategies], scheme: 'tableau10' },
                },
                value: 'white',
              },
            },
          },
        ],
      },
      {
        width: CHART_WIDTH,
        height: 170,
        transform: [valid('p99_vs_best')],
        layer: [
          // The best strategy of each variant is on this line.
          {
            mark: { type: 'rule', color: '#888', strokeDash: [2, 2] },
            encoding: { y: { datum: 1 } },
          },
          {
            mark: { type: 'line', point: { filled: true, size: 50 }, tooltip: true },
            encoding: {
              x,
              y: { field: 'p99_vs_best', type: 'quantitative', ...ratioAxis },
              color,
              tooltip: [...tooltip],
            },
          },
        ],
      },
    ],
    resolve: { scale: { x: 'shared' } },
  };
}

/** One point per (variant, strategy) in run order, the mean of its replications (runs with other seeds). */
function variantPoints(result: ScenarioResult): VariantPoint[] {
  const groups = new Map<string, SummaryRow[]>();
  for (const { summary } of result.runs) {
    const key = JSON.stringify([summary.variant, summary.strategy]);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [summary]);
    else group.push(summary);
  }
  const points = [...groups.values()].map((group) => ({
    variant: group[0].variant,
    strategy: group[0].strategy,
    latency_p99_ms: mean(group.map((row) => row.latency_p99_ms)),
    latency_mean_ms: mean(group.map((row) => row.latency_mean_ms)),
    service_mean_ms: mean(group.map((row) => row.service_mean_ms)),
  }));
  const best = new Map<string, number>();
  for (const point of points) {
    if (!(point.latency_p99_ms > 0)) continue; // NaN (nothing measured) or 0 cannot be a reference
    best.set(point.variant, Math.min(best.get(point.variant) ?? Infinity, point.latency_p99_ms));
  }
  return points.map((point) => ({ ...point, p99_vs_best: point.latency_p99_ms / (best.get(point.variant) ?? NaN) }));
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, x) => sum + x, 0) / values.length;
}

/**
 * Scale, title and axis of a value axis: linear, or log when the positive values span more than
 * `logFrom` (max / min). A log axis gets a domain just around the data (not widened to whole decades, which can leave
 * most of a decade empty) and ticks at 1, 2 and 5 of each decade (only the decades when there are more
 * than four), each with its grid line: vega's default log ticks label 1, 2, ... 9 and crowd the axis.
 */
function valueAxis(values: readonly number[], logFrom: number, [linearTitle, logTitle]: [string, string], unit = '') {
  const positive = values.filter((x) => Number.isFinite(x) && x > 0);
  const low = Math.min(...positive);
  const high = Math.max(...positive);
  const axis = unit === '' ? {} : { labelExpr: `datum.label + '${unit}'` };
  if (positive.length === 0 || high / low <= logFrom) {
    // A latency axis starts at 0; a ratio axis starts near 1 (the best), padded so that line is not the edge.
    const scale = unit === '' ? { zero: true } : { zero: false, padding: 8 };
    return { scale, title: linearTitle, axis: { format: ',~r', ...axis } };
  }
  const domain = [roundSignificant(low / 1.25), roundSignificant(high * 1.25)];
  const first = Math.floor(Math.log10(domain[0]));
  const last = Math.ceil(Math.log10(domain[1]));
  const steps = last - first > 4 ? [1] : [1, 2, 5];
  const ticks: number[] = [];
  for (let e = first; e <= last; e++) {
    for (const step of steps) {
      const tick = roundSignificant(step * 10 ** e);
      if (tick >= domain[0] && tick <= domain[1]) ticks.push(tick);
    }
  }
  return {
    scale: { type: 'log', domain, nice: false },
    title: logTitle,
    axis: { values: ticks, format: ',~r', ...axis },
  } as const;
}
