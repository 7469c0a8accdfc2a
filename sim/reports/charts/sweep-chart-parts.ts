// What the sweep charts share: one row of chart data per grid point and strategy with a metric's mean
// and 95% interval, the x axis (the first swept parameter), the facet by the other parameters, and
// the marks that draw an estimate (a line with a confidence band, or with no parameter a point with
// an error bar per strategy).
import type { SweepResult } from '../../metrics/results.js';
import { CHART_WIDTH, type LayerPanelSpec, strategyColor } from './chart-style.js';
import { roundSignificant } from '../format/number-format.js';
import {
  contextLabel,
  contextTitle,
  isCountParameter,
  metricOf,
  parameterTitle,
  shortParameterTitle,
  sweepContexts,
  sweepStrategies,
} from '../format/sweep-parameters.js';

export interface EstimateDatum {
  /** The grid point (AggregateRow.point). */
  point: number;
  strategy: string;
  /** The first parameter's value (null with no parameters). */
  x: number | null;
  /** The facet label of the other parameters ('' with fewer than two). */
  context: string;
  mean: number | null;
  ci95: number | null;
  /** mean - ci95 and mean + ci95: the band (null with one replication). */
  lo: number | null;
  hi: number | null;
  replications: number;
  [field: string]: string | number | boolean | null;
}

const rounded = (x: number): number | null => (Number.isFinite(x) ? roundSignificant(x) : null);

/** One datum per aggregate row for the summary column `column`. */
export function estimateData(result: SweepResult, column: string): EstimateDatum[] {
  const others = result.parameters.slice(1);
  return result.aggregates.map((a) => {
    const { mean, ci95 } = metricOf(a, column);
    const band = Number.isFinite(mean) && Number.isFinite(ci95);
    return {
      point: a.point,
      strategy: a.strategy,
      x: result.parameters.length > 0 ? a.values[0] : null,
      context: others.length > 0 ? contextLabel(others, a.values.slice(1)) : '',
      mean: rounded(mean),
      ci95: rounded(ci95),
      lo: band ? rounded(mean - ci95) : null,
      hi: band ? rounded(mean + ci95) : null,
      replications: a.replications,
    };
  });
}

/** The chart's layout: whether there is an x parameter and how many facet columns. */
export interface SweepLayout {
  hasX: boolean;
  contexts: string[];
  /** Width of one panel. */
  width: number;
  colour: ReturnType<typeof strategyColor> & { legend: object };
}

export function sweepLayout(result: SweepResult): SweepLayout {
  const contexts = result.parameters.length > 1 ? sweepContexts(result).map((c) => c.label) : [];
  const columns = Math.max(1, contexts.length);
  return {
    hasX: result.parameters.length > 0,
    contexts,
    width: columns === 1 ? CHART_WIDTH : Math.max(170, Math.round((CHART_WIDTH + 160) / columns)),
    // The legend's symbols come from the first layer, the faint band: drawn opaque, they match the lines.
    colour: { ...strategyColor(sweepStrategies(result)), legend: { symbolOpacity: 1 } },
  };
}

/**
 * The x encoding: the first parameter (integer ticks for counts), or the strategy without parameters.
 * `title` false leaves the axis untitled (a row of panels above another with the same axis); in
 * narrow facet columns the title is the short form, the full path being in the subtitle.
 */
export function xEncoding(result: SweepResult, layout: SweepLayout, title = true) {
  if (result.parameters.length === 0) {
    return { field: 'strategy', type: 'nominal', title: title ? 'strategy' : null, sort: sweepStrategies(result), axis: { labelAngle: 0 } } as const;
  }
  const path = result.parameters[0];
  const count = isCountParameter(path);
  const text = layout.contexts.length > 1 ? shortParameterTitle(path) : parameterTitle(path);
  return {
    field: 'x',
    type: 'quantitative',
    title: title ? text : null,
    // Points sit on the first and last value: pad the ends instead of starting at zero.
    scale: { zero: false, nice: false, padding: 16 },
    axis: count ? { tickMinStep: 1, format: 'd' } : { format: '~s' },
  } as const;
}

/** Tooltip lines naming the grid point of a datum. */
export function pointTooltip(result: SweepResult) {
  return [
    { field: 'strategy', type: 'nominal', title: 'strategy' },
    ...(result.parameters.length > 0 ? [{ field: 'x', type: 'quantitative', title: parameterTitle(result.parameters[0]) } as const] : []),
    ...(result.parameters.length > 1 ? [{ field: 'context', type: 'nominal', title: contextTitle(result.parameters) } as const] : []),
  ] as const;
}

export interface EstimateAxis {
  /** The y axis title, with its unit. */
  title: string;
  format: string;
  scale?: object;
  axis?: object;
  /** The x encoding of every layer (see xEncoding). */
  x: object;
  /** Extra encoding of the centre line, e.g. its line style. */
  line?: object;
}

/**
 * The layers drawing an estimate in field `mean` with its band `lo`..`hi`: with a parameter, a
 * translucent band and a line with points; without, a point and an error bar per strategy.
 */
export function estimateLayers(result: SweepResult, layout: SweepLayout, y: EstimateAxis, extraTooltip: object[] = []): LayerPanelSpec['layer'] {
  const yEncoding = { field: 'mean', type: 'quantitative', title: y.title, ...(y.scale ? { scale: y.scale } : {}), axis: { format: y.format, ...y.axis } };
  const tooltip = [
    ...pointTooltip(result),
    { field: 'mean', type: 'quantitative', title: `${y.title}, mean`, format: y.format },
    { field: 'ci95', type: 'quantitative', title: '95% CI half-width', format: y.format },
    { field: 'replications', type: 'quantitative', title: 'replications' },
    ...extraTooltip,
  ];
  const interval = { x: y.x, y: { ...yEncoding, field: 'lo' }, y2: { field: 'hi' }, color: layout.colour };
  const band = layout.hasX
    ? { mark: { type: 'errorband', opacity: 0.18 }, encoding: interval }
    : { mark: { type: 'errorbar', ticks: { size: 14 }, thickness: 1.5 }, encoding: interval };
  const encoding = { x: y.x, y: yEncoding, color: layout.colour, tooltip, ...y.line };
  const centre = layout.hasX
    ? { mark: { type: 'line', point: true, tooltip: true }, encoding }
    : { mark: { type: 'point', filled: true, size: 70, tooltip: true }, encoding };
  return [band, centre] as LayerPanelSpec['layer'];
}

/** The column facet's header: the other parameter's values as bold labels above each panel. */
const CONTEXT_HEADER = { labelFontWeight: 'bold', labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal', labelAnchor: 'start' } as const;

/**
 * Wraps a panel in one facet column per combination of the other parameters, or returns it as it is
 * when there are none. Only the `first` of several rows of panels names the other parameter.
 */
export function facetByContext(result: SweepResult, layout: SweepLayout, panel: object, height: number, first = true): object {
  if (layout.contexts.length === 0) return { width: layout.width, height, ...panel };
  return {
    facet: {
      column: {
        field: 'context',
        type: 'nominal',
        sort: layout.contexts,
        title: first ? contextTitle(result.parameters) : null,
        header: CONTEXT_HEADER,
      },
    },
    spacing: 12,
    spec: { width: layout.width, height, ...panel },
  };
}
