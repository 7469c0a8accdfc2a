// Fault intervals drawn on time charts: a shaded band from each fault's start to its end (or the end
// of the run), labelled with its name, behind the chart's own lines. Charts of runs without faults
// are returned unchanged.
import type { TopLevelSpec } from 'vega-lite';
import type { ScenarioResult } from '../../metrics/results.js';

interface Band {
  variant: string;
  fault: string;
  start_s: number;
  end_s: number;
}

/** The distinct fault intervals of a result (the same fault strikes every strategy at the same time). */
export function faultBands(result: ScenarioResult): Band[] {
  const lastTime = new Map<string, number>();
  for (const run of result.runs) {
    for (const b of run.timeseries) if (b.time_s > (lastTime.get(b.variant) ?? 0)) lastTime.set(b.variant, b.time_s);
  }
  const seen = new Map<string, Band>();
  for (const row of result.runs.flatMap((run) => run.faults ?? [])) {
    const end = Number.isNaN(row.end_s) ? (lastTime.get(row.variant) ?? row.start_s) : row.end_s;
    const key = `${row.variant}|${row.fault}@${row.start_s}`;
    if (!seen.has(key)) seen.set(key, { variant: row.variant, fault: row.fault, start_s: row.start_s, end_s: Math.max(end, row.start_s) });
  }
  return [...seen.values()];
}

const X = { field: 'start_s', type: 'quantitative' } as const;
const BAND = { type: 'rect', color: '#9a9a9a', opacity: 0.15 } as const;
const LABEL = { type: 'text', align: 'left', baseline: 'top', dx: 3, dy: 3, fontSize: 10, color: '#555555' } as const;
const BAND_ENCODING = {
  x: X,
  x2: { field: 'end_s' },
  tooltip: [
    { field: 'fault', type: 'nominal', title: 'fault' },
    { field: 'start_s', type: 'quantitative', title: 'from (s)' },
    { field: 'end_s', type: 'quantitative', title: 'to (s)' },
  ],
};
const LABEL_ENCODING = { x: X, y: { value: 0 }, text: { field: 'fault' } };

/** Puts fault bands behind a time chart (x field time_s): one panel, or one panel per variant. */
export function withFaultBands(spec: TopLevelSpec, result: ScenarioResult): TopLevelSpec {
  const bands = faultBands(result);
  if (bands.length === 0) return spec;
  if (result.variants.length === 0) {
    const { $schema, title, config, width, height, ...chart } = spec as TopLevelSpec & { width?: number; height?: number };
    // The band and its label draw the same rows: one named data set, held once.
    return {
      $schema,
      title,
      config,
      datasets: { faults: bands.map(({ variant: _, ...band }) => band) },
      width,
      height,
      layer: [
        { data: { name: 'faults' }, mark: BAND, encoding: BAND_ENCODING },
        { data: { name: 'faults' }, mark: LABEL, encoding: LABEL_ENCODING },
        chart,
      ],
    } as TopLevelSpec;
  }
  // Faceted by variant: a facet has one data set, so the bands join the chart's rows, marked, and each
  // layer keeps its own.
  const faceted = spec as TopLevelSpec & { data: { values: object[] }; spec: { width?: number; height?: number } & object };
  const { width, height, ...panel } = faceted.spec;
  const isBand = { filter: 'datum.fault_band === true' };
  return {
    ...faceted,
    data: { values: [...faceted.data.values, ...bands.map((band) => ({ ...band, fault_band: true }))] },
    spec: {
      width,
      height,
      layer: [
        { transform: [isBand], mark: BAND, encoding: BAND_ENCODING },
        { transform: [isBand], mark: LABEL, encoding: LABEL_ENCODING },
        { transform: [{ filter: 'datum.fault_band !== true' }], ...panel },
      ],
    },
  } as TopLevelSpec;
}
