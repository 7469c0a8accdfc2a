// Everything a run writes into its report folder, through an Output so the folder only ever holds a
// complete report.
import type { ScenarioResult } from '../metrics/results.js';
import { buildCharts } from './charts.js';
import {
  endpointsCsv,
  faultsCsv,
  instancesCsv,
  leftoversCsv,
  machinesCsv,
  queueLengthsCsv,
  summaryCsv,
  timeseriesCsv,
} from './csv.js';
import type { Output } from './output-dir.js';
import { renderSvg } from './render.js';

export interface ReportOptions {
  /** Render every chart to <name>.svg as well (loads vega, ~0.4 s plus ~0.1 s per chart). */
  svg: boolean;
}

/**
 * Writes the CSV files, the Vega-Lite specs and, when asked, the SVGs into `output` (not committed:
 * the caller commits once everything, e.g. a streamed messages.csv, is in). Returns the file names
 * written, sorted.
 */
export async function writeReport(result: ScenarioResult, output: Output, opts: ReportOptions): Promise<string[]> {
  const files: [name: string, content: string][] = [
    ['summary.csv', summaryCsv(result.runs)],
    ['endpoints.csv', endpointsCsv(result.runs)],
    ['instances.csv', instancesCsv(result.runs)],
    ['machines.csv', machinesCsv(result.runs)],
    ['timeseries.csv', timeseriesCsv(result.runs)],
    ['queue-lengths.csv', queueLengthsCsv(result.runs)],
    ['leftovers.csv', leftoversCsv(result.runs)],
  ];
  // A scenario with faults also gets their impact, one row per occurrence and strategy.
  if (result.runs.some((run) => run.faults.length > 0)) files.push(['faults.csv', faultsCsv(result.runs)]);
  const charts = buildCharts(result);
  for (const chart of charts) files.push([`${chart.name}.vl.json`, JSON.stringify(chart.spec, null, 2) + '\n']);
  if (opts.svg) {
    for (const chart of charts) files.push([`${chart.name}.svg`, await renderSvg(chart.spec)]);
  }
  for (const [name, content] of files) output.write(name, content);
  return files.map(([name]) => name).sort();
}
