// Everything a run writes into its report folder, through an Output so the folder only ever holds a
// complete report.
import type { ScenarioResult, SweepResult } from '../metrics/results.js';
import { type Chart, buildCharts } from './charts/run-charts.js';
import {
  endpointsCsv,
  faultsCsv,
  instancesCsv,
  leftoversCsv,
  machinesCsv,
  queueLengthsCsv,
  utilisationCsv,
  summaryCsv,
  timeseriesCsv,
} from './csv/run-csv.js';
import { findings } from './text/findings.js';
import { sweepFindings } from './text/sweep-findings.js';
import { buildHtmlReport } from './html/html-report.js';
import type { Output } from './output-dir.js';
import { renderPngAsync } from './render/png.js';
import { queueHeatmapChart } from './charts/queue-heatmap.js';
import { utilisationHeatmapChart } from './charts/utilisation-heatmap.js';
import { renderSvg } from './render/svg.js';
import { buildSweepCharts } from './charts/sweep-charts.js';
import { planCsv, sweepCsv, sweepSummaryCsv } from './csv/sweep-csv.js';
import { specJson } from './charts/spec-json.js';

export interface ReportOptions {
  /** Render every chart to <name>.svg as well (loads vega, ~0.4 s plus ~0.1 s per chart). */
  svg: boolean;
  /** Also write <name>.png beside every chart, rendered from its SVG (default false). */
  png?: boolean;
  /** Also write report.html: everything in one page, showing the <name>.svg files beside it (inlined when `svg` is false, so the page stands alone; default false). */
  html?: boolean;
  /** The findings report.html lists; for an ordinary run they are computed from the result when not given. */
  findings?: string[];
  /** Draws the charts (default: one after the other in this thread; render/render-pool.ts draws several at once). */
  renderer?: ChartRenderer;
}

/** A chart's SVG and, when `png` is true, its PNG. */
export type ChartRenderer = (spec: object, png: boolean) => Promise<{ svg: string; png?: Buffer }>;

// Each PNG is drawn on one of Node's thread-pool threads while the next chart's SVG is laid out.
const renderHere: ChartRenderer = async (spec, png) => {
  const svg = await renderSvg(spec);
  return { svg, png: png ? await renderPngAsync(svg) : undefined };
};

/** A sweep's result, rather than an ordinary run's. */
export function isSweepResult(result: ScenarioResult | SweepResult): result is SweepResult {
  return 'aggregates' in result;
}

/** One file of a report: its name in the folder and its content. */
export type ReportFile = [name: string, content: string | Buffer];

/**
 * Writes the CSV files, the Vega-Lite specs and, when asked, the SVGs, PNGs and report.html into
 * `output` (not committed: the caller commits once everything, e.g. a streamed messages.csv, is in).
 * An ordinary run writes summary.csv and the rest; a sweep writes sweep.csv, sweep-summary.csv,
 * plan.csv (when the scenario has an SLA) and the sweep charts. Returns the file names written, sorted.
 */
export async function writeReport(result: ScenarioResult | SweepResult, output: Output, opts: ReportOptions): Promise<string[]> {
  const files = await reportFiles(result, opts);
  for (const [name, content] of files) output.write(name, content);
  return files.map(([name]) => name).sort();
}

/** The files writeReport writes, in memory (a page offers them as downloads), in writing order. */
export async function reportFiles(result: ScenarioResult | SweepResult, opts: ReportOptions): Promise<ReportFile[]> {
  const sweep = isSweepResult(result) ? result : undefined;
  const run = isSweepResult(result) ? undefined : result;
  const files: ReportFile[] = sweep !== undefined ? sweepFiles(sweep) : runFiles(result as ScenarioResult);
  const charts: Chart[] = sweep !== undefined ? buildSweepCharts(sweep) : [
          ...buildCharts(result as ScenarioResult),
          { name: 'queue-heatmap', spec: queueHeatmapChart(result as ScenarioResult) },
          { name: 'utilisation-heatmap', spec: utilisationHeatmapChart(result as ScenarioResult) },
        ];
  for (const chart of charts) files.push([`${chart.name}.vl.json`, specJson(chart.spec)]);
  // report.html shows the SVGs too.
  let svgs: string[] = [];
  if (opts.svg || opts.png || opts.html) {
    const render = opts.renderer ?? renderHere;
    const drawn = await Promise.all(charts.map((chart) => render(chart.spec, opts.png === true)));
    svgs = drawn.map((d) => d.svg);
    charts.forEach((chart, i) => {
      if (opts.svg) files.push([`${chart.name}.svg`, drawn[i].svg]);
      if (opts.png) files.push([`${chart.name}.png`, drawn[i].png as Buffer]);
    });
  }
  if (opts.html) {
    const notes = opts.findings ?? (run !== undefined ? findings(run) : sweepFindings(sweep as SweepResult));
    files.push(['report.html', buildHtmlReport({ result: run, sweep, findings: notes, charts: charts.map((chart, i) => ({ name: chart.name, svg: svgs[i] })), svgFiles: opts.svg })]);
  }
  return files;
}

function runFiles(result: ScenarioResult): ReportFile[] {
  const files: ReportFile[] = [
    ['summary.csv', summaryCsv(result.runs)],
    ['endpoints.csv', endpointsCsv(result.runs)],
    ['instances.csv', instancesCsv(result.runs)],
    ['machines.csv', machinesCsv(result.runs)],
    ['timeseries.csv', timeseriesCsv(result.runs)],
    ['queue-lengths.csv', queueLengthsCsv(result.runs)],
    ['utilisation.csv', utilisationCsv(result.runs)],
    ['leftovers.csv', leftoversCsv(result.runs)],
  ];
  // A scenario with faults also gets their impact, one row per occurrence and strategy.
  if (result.runs.some((run) => run.faults.length > 0)) files.push(['faults.csv', faultsCsv(result.runs)]);
  return files;
}

function sweepFiles(sweep: SweepResult): ReportFile[] {
  const files: ReportFile[] = [
    ['sweep.csv', sweepCsv(sweep)],
    ['sweep-summary.csv', sweepSummaryCsv(sweep)],
  ];
  if (sweep.scenario.sla !== undefined || sweep.plan.length > 0) files.push(['plan.csv', planCsv(sweep)]);
  return files;
}
