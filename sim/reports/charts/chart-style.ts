// What every chart shares: schema, size, font, title layout and one colour per strategy. The look is
// part of each spec (not added at render time) so a *.vl.json opened in the Vega editor looks the same
// as the SVG we render.
import type { Config, TopLevelSpec } from 'vega-lite';
import type { Scenario } from '../../model/scenario-types.js';
import type { RunResult } from '../../metrics/results.js';
import { roundSignificant } from '../format/number-format.js';

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 320;
/** DejaVu Sans is what Linux boxes and our PNG converter have; the rest are fallbacks elsewhere. */
export const CHART_FONT = 'DejaVu Sans, Verdana, Helvetica, Arial, sans-serif';

export const CHART_CONFIG: Config = {
  font: CHART_FONT,
  background: 'white',
  padding: 12,
  title: { fontSize: 16, fontWeight: 'bold', anchor: 'start', subtitleFontSize: 12, subtitleColor: '#555', offset: 12 },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', titlePadding: 8 },
  // Without a canvas vega guesses text at 0.8 em per character, well over the real width, and would cut
  // queue names like "Sales.distributor.control@server" short at the default 160 px.
  legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'bold', labelLimit: 400 },
  header: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'bold' },
  view: { stroke: '#ddd' },
  line: { strokeWidth: 1.75 },
};

export interface ChartTitle {
  /** What the chart shows; the scenario name is put in front. */
  what: string;
  /** One line saying how to read it (or a few: vega does not wrap, and sizes the chart to the longest). */
  subtitle: string | string[];
}

/** The fields every chart spec starts with. */
export function chartHeader(scenario: Scenario, title: ChartTitle): Pick<TopLevelSpec, '$schema' | 'title' | 'config'> {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: `${scenario.name}: ${title.what}`, subtitle: title.subtitle },
    config: CHART_CONFIG,
  };
}

/** Strategy names in run order, once each: the colour domain of every chart. */
export function strategyOrder(runs: readonly RunResult[]): string[] {
  return [...new Set(runs.map((run) => run.summary.strategy))];
}

/**
 * The colour encoding of a strategy. The domain is pinned to the run order so a strategy has the same
 * colour in every chart, even in one where another strategy has no data.
 */
export function strategyColor(strategies: readonly string[]) {
  return {
    field: 'strategy',
    type: 'nominal',
    title: 'strategy',
    scale: { domain: [...strategies], scheme: 'tableau10' },
  } as const;
}

/**
 * Picks `fields` of each row for inlining as chart data, numbers rounded like the CSV files so the
 * specs stay small and tooltips show 204.6, not 204.60000000001. NaN becomes null in JSON, which
 * Vega-Lite leaves out of continuous scales.
 */
export function chartValues<T extends object, K extends keyof T & string>(
  rows: readonly T[],
  fields: readonly K[],
): Record<K, unknown>[] {
  return rows.map((row) => {
    const out = {} as Record<K, unknown>;
    for (const field of fields) {
      const value = row[field];
      out[field] = typeof value === 'number' ? (Number.isFinite(value) ? roundSignificant(value) : null) : value;
    }
    return out;
  });
}

/** Height of one panel when a chart is split into one panel per variant. */
export const PANEL_HEIGHT = 150;

/** Facet headers as left-aligned bold headings above each panel, not rotated labels beside them. */
export const PANEL_HEADER = {
  labelAngle: 0,
  labelOrient: 'top',
  labelAnchor: 'start',
  labelFontWeight: 'bold',
  titleOrient: 'top',
  titleAnchor: 'start',
} as const;

/**
 * The facet of a chart split by variant: one row per variant, in scenario order (not alphabetical:
 * "1ms, 10ms, 100ms, 1s" would otherwise come out as "100ms, 10ms, 1ms, 1s").
 */
export function variantRows(variants: readonly string[]) {
  return { field: 'variant', type: 'nominal' as const, sort: [...variants], title: 'variant', header: PANEL_HEADER };
}

/** The variant as a tooltip line, for charts that show several variants. */
export const VARIANT_TOOLTIP = { field: 'variant', type: 'nominal', title: 'variant' } as const;

// Vega-Lite's piece types, taken from TopLevelSpec (the package exports only the top level). Pieces
// shared between a chart's single view and its per-variant panels are declared with these types, so
// literals keep their literal types ('nominal', not string) and arrays stay mutable.
type TopLevelFacetSpec = Extract<TopLevelSpec, { facet: unknown }>;
/** What goes inside a facet: a unit (one mark) or a layer. */
export type PanelSpec = TopLevelFacetSpec['spec'];
export type UnitPanelSpec = Extract<PanelSpec, { mark: unknown }>;
export type LayerPanelSpec = Extract<PanelSpec, { layer: unknown }>;
export type Transforms = NonNullable<TopLevelFacetSpec['transform']>;
export type UnitEncoding = NonNullable<UnitPanelSpec['encoding']>;
