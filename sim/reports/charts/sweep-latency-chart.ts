// sweep-latency: the latency statistics against the first swept parameter, one line per strategy with
// its 95% confidence band, and the SLA limit as a rule. One row of panels per statistic (p99 first: the
// tail is what capacity is planned for), each with its own latency scale; with two parameters, one
// column per value of the second.
import type { TopLevelSpec } from 'vega-lite';
import type { SweepResult } from '../../metrics/results.js';
import type { SlaSpec } from '../../model/scenario-types.js';
import { chartHeader } from './chart-style.js';
import { formatNumber } from '../format/number-format.js';
import { type EstimateDatum, estimateData, estimateLayers, facetByContext, sweepLayout, xEncoding } from './sweep-chart-parts.js';
import { replicationsText, slaColumn, sweepStrategies } from '../format/sweep-parameters.js';

interface Statistic {
  column: string;
  /** The panel's name, e.g. "latency p99". */
  label: string;
}

const LATENCY_STATISTICS: readonly Statistic[] = [
  { column: 'latency_p99_ms', label: 'latency p99' },
  { column: 'latency_p50_ms', label: 'latency p50' },
  { column: 'latency_mean_ms', label: 'latency mean' },
];

/** Means spanning more than this factor get a log scale, so the low points are not flattened. */
const LOG_SCALE_SPAN = 30;

const SLA_COLOUR = '#c0392b';

/** The statistics shown: the SLA's metric first when it is not one of the three. */
export function latencyStatistics(sla: SlaSpec | undefined): Statistic[] {
  if (sla === undefined || LATENCY_STATISTICS.some((s) => s.column === slaColumn(sla))) return [...LATENCY_STATISTICS];
  return [{ column: slaColumn(sla), label: sla.metric.replace('_', ' ') }, ...LATENCY_STATISTICS];
}

export function sweepLatencyChart(result: SweepResult): TopLevelSpec {
  const sla = result.scenario.sla;
  const layout = sweepLayout(result);
  const statistics = latencyStatistics(sla);

  let capped = false;
  const panels = statistics.map((statistic, row) => {
    let data: object[] = estimateData(result, statistic.column);
    const limited = sla !== undefined && slaColumn(sla) === statistic.column;
    // The SLA's panel is drawn on a linear scale around the limit, where the answer is; points far
    // above it (an overloaded count) are pinned to the top and labelled with their value.
    const cap = limited ? scaleCap(data as EstimateDatum[], sla.limitMs) : undefined;
    const log = cap === undefined ? logTicks(data as EstimateDatum[], limited ? sla.limitMs : undefined) : undefined;
    if (cap !== undefined) {
      capped = true;
      data = pinAbove(data as EstimateDatum[], cap, sweepStrategies(result));
    }
    const x = xEncoding(result, layout, row === statistics.length - 1);
    const layers: object[] = estimateLayers(result, layout, {
      title: `${statistic.label} (ms${log ? ', log scale' : ''})`,
      format: log ? '~s' : ',.0f',
      x,
      ...(log ? { scale: { type: 'log' }, axis: { values: log } } : {}),
      ...(cap !== undefined ? { scale: { domain: [0, cap], clamp: true, nice: false } } : {}),
    });
    if (cap !== undefined) {
      layers.push({
        mark: { type: 'text', align: 'left', dx: 5, baseline: 'middle', fontSize: 10, fontWeight: 'bold' },
        encoding: { x, y: { field: 'off_y', type: 'quantitative' }, text: { field: 'off_label' }, color: layout.colour },
      });
    }
    if (limited) {
      // Every row carries the limit; the aggregate draws one rule (and one label) per panel, and
      // needs no filter (filters in faceted layers make vega-lite give up optimising the dataflow).
      for (const d of data) (d as { sla_ms?: number }).sla_ms = sla.limitMs;
      const y = { aggregate: 'max', field: 'sla_ms', type: 'quantitative' } as const;
      layers.push(
        { mark: { type: 'rule', color: SLA_COLOUR, strokeDash: [6, 4], strokeWidth: 1.5 }, encoding: { y } },
        {
          mark: { type: 'text', color: SLA_COLOUR, align: 'right', baseline: 'bottom', dy: -3, fontSize: 11 },
          encoding: { x: { value: layout.width - 4 }, y, text: { value: `SLA ${formatNumber(sla.limitMs)} ms` } },
        },
      );
    }
    const height = limited || row === 0 ? 200 : 130;
    return { data: { values: log ? data.map((d) => logBand(d as EstimateDatum)) : data }, ...facetByContext(result, layout, { layer: layers }, height, row === 0) };
  });

  const subtitle = [
    `mean of ${replicationsText(result)}; ${layout.hasX ? 'band' : 'bar'}: 95% confidence interval of the mean` +
      (sla !== undefined ? `; dashed red: the SLA, ${sla.metric} <= ${formatNumber(sla.limitMs)} ms` : ''),
    ...(capped ? [`the ${sla?.metric.replace('_', ' ')} panel is scaled around the SLA: a point above ${formatNumber(2 * (sla?.limitMs ?? 0))} ms sits on the top edge, labelled with its value`] : []),
    'one row per statistic, each with its own latency scale' +
      (layout.contexts.length > 0 ? `; one column per value of ${result.parameters.slice(1).join(', ')}` : ''),
  ];
  if (layout.contexts.length > 0) subtitle.push(`x: ${result.parameters[0]}`);
  return {
    ...chartHeader(result.scenario, { what: 'latency across the sweep', subtitle }),
    vconcat: panels,
    spacing: 16,
    resolve: { scale: { y: 'independent' } },
  } as TopLevelSpec;
}

/** Twice the limit, when some point's mean is above that (else undefined: the data fits as it is). */
function scaleCap(data: readonly EstimateDatum[], limit: number): number | undefined {
  const cap = 2 * limit;
  return data.some((d) => d.mean !== null && d.mean > cap) ? cap : undefined;
}

/** Each point above `cap` gets its value as a label near the top edge, strategies one under another. */
function pinAbove(data: readonly EstimateDatum[], cap: number, strategies: readonly string[]): EstimateDatum[] {
  return data.map((d) => {
    const above = d.mean !== null && d.mean > cap;
    const i = Math.max(0, strategies.indexOf(d.strategy));
    return { ...d, off_label: above ? `${offText(d.mean as number)} ↑` : '', off_y: cap * (0.95 - 0.09 * i) };
  });
}

function offText(msValue: number): string {
  return msValue >= 10_000 ? `${formatNumber(Math.round(msValue / 1000))} s` : `${formatNumber(Math.round(msValue))} ms`;
}

/**
 * Powers of ten to tick a log scale at, when the means span more than LOG_SCALE_SPAN (and are all
 * positive); undefined for a linear scale.
 */
function logTicks(data: readonly EstimateDatum[], limit: number | undefined): number[] | undefined {
  const means = data.map((d) => d.mean).filter((m): m is number => m !== null);
  if (means.length === 0 || means.some((m) => m <= 0)) return undefined;
  const low = Math.min(...means);
  const high = Math.max(...means, limit ?? 0);
  if (high / low <= LOG_SCALE_SPAN) return undefined;
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(low)); e <= Math.ceil(Math.log10(high)); e++) ticks.push(10 ** e);
  return ticks;
}

/** On a log scale a band reaching zero or below has no place: it is cut at a tenth of the mean. */
function logBand(d: EstimateDatum): EstimateDatum {
  if (typeof d.lo !== 'number' || typeof d.mean !== 'number' || d.lo > 0) return d;
  return { ...d, lo: d.mean / 10 };
}
