// min-workers: for a sweep of an instance count and one other parameter (e.g. the load), the smallest
// count that meets the SLA at each value of the other, per strategy: the capacity plan as one picture.
// The rule is plan.ts's: the upper 95% bound (the mean with one replication) at or under the limit.
import type { TopLevelSpec } from 'vega-lite';
import type { SweepResult } from '../../metrics/results.js';
import { CHART_HEIGHT, CHART_WIDTH, chartHeader, strategyColor } from './chart-style.js';
import { formatNumber, roundSignificant } from '../format/number-format.js';
import {
  formatParameterValue,
  isInstanceCount,
  metricOf,
  parameterTitle,
  slaColumn,
  sweepStrategies,
  upperBound,
} from '../format/sweep-parameters.js';

/** The index of the instance count and of the other parameter, when the sweep is shaped for this chart. */
function shape(result: SweepResult): { count: number; other: number } | undefined {
  if (result.parameters.length !== 2 || result.scenario.sla === undefined) return undefined;
  // A count swept over one value (a template instance copied N times) answers nothing about workers.
  const counts = result.parameters.flatMap((p, i) => (isInstanceCount(p) && new Set(result.aggregates.map((a) => a.values[i])).size > 1 ? [i] : []));
  if (counts.length !== 1) return undefined;
  return { count: counts[0], other: 1 - counts[0] };
}

/** True for a sweep of exactly two parameters, one of them an instance count over several values, with an SLA. */
export function hasMinWorkers(result: SweepResult): boolean {
  return shape(result) !== undefined;
}

interface MinWorkersDatum {
  strategy: string;
  other: number;
  other_label: string;
  /** The smallest count meeting the SLA; null when none does. */
  workers: number | null;
  label: string;
  label_y: number;
  metric_mean_ms: number | null;
  metric_upper_ms: number | null;
}

export function minWorkersData(result: SweepResult): MinWorkersDatum[] {
  const found = shape(result);
  const sla = result.scenario.sla;
  if (found === undefined || sla === undefined) return [];
  const column = slaColumn(sla);
  const otherPath = result.parameters[found.other];
  const otherValues = [...new Set(result.aggregates.map((a) => a.values[found.other]))].sort((a, b) => a - b);
  const data: MinWorkersDatum[] = [];
  for (const strategy of sweepStrategies(result)) {
    for (const other of otherValues) {
      const candidates = result.aggregates
        .filter((a) => a.strategy === strategy && a.values[found.other] === other)
        .sort((a, b) => a.values[found.count] - b.values[found.count]);
      if (candidates.length === 0) continue;
      const met = candidates.find((a) => upperBound(metricOf(a, column)) <= sla.limitMs);
      // None meets it: show the metric where it comes closest, as plan.ts does.
      const at = met ?? candidates.reduce((best, a) => (upperBound(metricOf(a, column)) < upperBound(metricOf(best, column)) ? a : best));
      const estimate = metricOf(at, column);
      const workers = met === undefined ? null : met.values[found.count];
      data.push({
        strategy,
        other,
        other_label: formatParameterValue(otherPath, other),
        workers,
        label: workers === null ? 'none' : formatNumber(workers),
        label_y: workers ?? 0,
        metric_mean_ms: Number.isFinite(estimate.mean) ? roundSignificant(estimate.mean) : null,
        metric_upper_ms: Number.isFinite(upperBound(estimate)) ? roundSignificant(upperBound(estimate)) : null,
      });
    }
  }
  return data;
}

/** Grouped bars: one group per value of the other parameter, one bar per strategy, labelled with the count. */
export function minWorkersChart(result: SweepResult): TopLevelSpec {
  const found = shape(result);
  const sla = result.scenario.sla;
  if (found === undefined || sla === undefined) throw new Error('min-workers needs two parameters, one an instance count, and an SLA');
  const strategies = sweepStrategies(result);
  const countPath = result.parameters[found.count];
  const otherPath = result.parameters[found.other];
  const data = minWorkersData(result);
  const labels = [...new Set(data.map((d) => d.other_label))];
  const maxCount = Math.max(...result.aggregates.map((a) => a.values[found.count]));
  const limit = `${sla.metric} <= ${formatNumber(sla.limitMs)} ms`;
  const x = { field: 'other_label', type: 'nominal', sort: labels, title: parameterTitle(otherPath), axis: { labelAngle: 0 } } as const;
  const xOffset = { field: 'strategy', type: 'nominal', sort: strategies } as const;
  return {
    ...chartHeader(result.scenario, {
      what: 'workers needed to meet the SLA',
      subtitle: [
        `the smallest swept ${countPath} that keeps ${limit} (its upper 95% bound, as in plan.csv)`,
        ...(data.some((d) => d.workers === null) ? [`"none": no swept count up to ${formatNumber(maxCount)} meets it`] : []),
      ],
    }),
    data: { values: data },
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    encoding: { x, xOffset },
    layer: [
      {
        mark: { type: 'bar', tooltip: true },
        encoding: {
          y: {
            field: 'workers',
            type: 'quantitative',
            title: 'workers needed (count)',
            scale: { domain: [0, maxCount] },
            axis: { tickMinStep: 1, format: 'd' },
          },
          color: strategyColor(strategies),
          tooltip: [
            { field: 'strategy', type: 'nominal', title: 'strategy' },
            { field: 'other_label', type: 'nominal', title: parameterTitle(otherPath) },
            { field: 'label', type: 'nominal', title: 'workers needed' },
            { field: 'metric_mean_ms', type: 'quantitative', title: `${sla.metric} there, mean (ms)`, format: ',.0f' },
            { field: 'metric_upper_ms', type: 'quantitative', title: `${sla.metric} there, upper 95% bound (ms)`, format: ',.0f' },
          ],
        },
      },
      {
        transform: [{ filter: 'datum.workers !== null' }],
        mark: { type: 'text', baseline: 'bottom', dy: -3, fontSize: 11, color: '#333333' },
        encoding: { y: { field: 'label_y', type: 'quantitative' }, text: { field: 'label' } },
      },
      {
        // "none" stands upright on the axis, so that neighbouring strategies' labels do not run together.
        transform: [{ filter: 'datum.workers === null' }],
        mark: { type: 'text', angle: 270, align: 'left', baseline: 'middle', dy: 0, dx: 3, fontSize: 11, color: '#333333' },
        encoding: { y: { field: 'label_y', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  } as TopLevelSpec;
}
