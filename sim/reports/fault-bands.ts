// Fault intervals drawn on time charts: a shaded band from each fault's start to its end (or the end
// of the run), labelled with its name, behind the chart's own lines. Charts of runs without faults
// are returned unchanged.
import type { TopLevelSpec } from 'vega-lite';
import type { ScenarioResult } from '../metrics/results.js';

interface Band {
  fault: string;
  start_s: number;
  end_s: number;
}

/** The distinct fault intervals of a result (the same fault strikes every strategy at the same time). */
export function faultBands(result: ScenarioResult): Band[] {
  let lastTime = 0;
  for (const run of result.runs) for (const b of run.timeseries) if (b.time_s > lastTime) lastTime = b.time_s;
  const seen = new Map<string, Band>();
  for (const row of result.runs.flatMap((run) => run.faults ?? [])) {
    const end = Number.isNaN(row.end_s) ? lastTime : row.end_s;
    const key = `${row.fault}@${row.start_s}`;
    if (!seen.has(key)) seen.set(key, { fault: row.fault, start_s: row.start_s, end_s: Math.max(end, row.start_s) });
  }
  return [...seen.values()];
}

/** Puts fault bands behind a single-panel time chart (x field time_s). Faceted charts are left as they are. */
export function withFaultBands(spec: TopLevelSpec, result: ScenarioResult): TopLevelSpec {
  const bands = faultBands(result);
  if (bands.length === 0 || result.variants.length > 0) return spec;
  const { $schema, title, config, width, height, ...chart } = spec as TopLevelSpec & { width?: number; height?: number };
  const x = { field: 'start_s', type: 'quantitative' } as const;
  return {
    $schema,
    title,
    config,
    width,
    height,
    layer: [
      {
        data: { values: bands },
        mark: { type: 'rect', color: '#9a9a9a', opacity: 0.15 },
        encoding: {
          x,
          x2: { field: 'end_s' },
          tooltip: [
            { field: 'fault', type: 'nominal', title: 'fault' },
            { field: 'start_s', type: 'quantitative', title: 'from (s)' },
            { field: 'end_s', type: 'quantitative', title: 'to (s)' },
          ],
        },
      },
      {
        data: { values: bands },
        mark: { type: 'text', align: 'left', baseline: 'top', dx: 3, dy: 3, fontSize: 10, color: '#555555' },
        encoding: { x, y: { value: 0 }, text: { field: 'fault' } },
      },
      chart,
    ],
  } as TopLevelSpec;
}
