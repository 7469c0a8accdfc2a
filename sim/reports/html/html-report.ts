// report.html: the whole report in one page that opens offline, over file://, with nothing to fetch
// from the network and no script. Each chart is the SVG the report renders anyway (the same drawing as
// <name>.svg and <name>.png): where the report writes <name>.svg beside the page, the page shows that
// file (an <img> with its size, so the page does not reflow as the pictures load) and holds none of
// its bytes; where it does not (--no-svg), the drawing is inlined and the page stands alone. Either
// way it shows at once, without JavaScript, and prints. The interactive view stays one step away: each
// <name>.vl.json opens in the Vega editor. The scenario, the answer to the SLA, the findings and the
// summary table are plain HTML.
import type { ScenarioResult, SweepResult } from '../../metrics/results.js';
import { HTML_STYLE } from './html-style.js';
import { escapeHtml, summaryTable, sweepTable } from './html-tables.js';
import { scenarioHtml } from './html-scenario.js';
import { formatPlan } from '../text/plan-text.js';

export interface HtmlReportInput {
  result?: ScenarioResult;
  sweep?: SweepResult;
  findings?: string[];
  /** Each chart's name and its SVG (as renderSvg draws it). */
  charts: { name: string; svg: string }[];
  /**
   * The SVGs are written beside the page as <name>.svg: show those files instead of inlining the
   * drawings (default false: inlined, the page stands alone).
   */
  svgFiles?: boolean;
}

/** The width and height an SVG declares, in CSS pixels (0 when it declares none). */
export function svgSize(svg: string): { width: number; height: number } {
  const tag = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const attribute = (name: string) => Number(new RegExp(`\\s${name}="([0-9.]+)"`).exec(tag)?.[1] ?? 0);
  return { width: attribute('width'), height: attribute('height') };
}

/** What stands in a chart's container: the SVG file beside the page, or the drawing itself. */
function chartView(chart: { name: string; svg: string }, i: number, svgFiles: boolean): string {
  if (!svgFiles) return inlineSvg(chart.svg, `chart-${i}`);
  const { width, height } = svgSize(chart.svg);
  // The name is a report file name; escaping keeps the attribute well formed whatever it holds.
  return `<img src="${escapeHtml(encodeURIComponent(`${chart.name}.svg`))}" width="${width}" height="${height}" alt="chart ${escapeHtml(chart.name)}">`;
}

/**
 * An SVG made ready to sit beside others in one page: every id it defines (vega numbers its gradients
 * and clip paths from 1 in each drawing) and every reference to one gets the chart's own prefix, so one
 * chart's url(#gradient_1) never picks up another's; the XML prolog, if any, goes.
 */
export function inlineSvg(svg: string, prefix: string): string {
  return svg
    .replace(/^<\?xml[^>]*>\s*/, '')
    .replace(/\bid="([^"]+)"/g, `id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/\bhref="#([^"]+)"/g, `href="#${prefix}-$1"`);
}

/** What theory_flag "disagrees" means, for a report that shows it. */
const DISAGREES_NOTE =
  '<p class="muted"><code>theory_flag: disagrees</code> marks a run whose simulated mean wait is more than 25% (and more than 5 ms) away from the closed form named in <code>theory_model</code> (its prediction is <code>theory_wait_mean_ms</code>). ' +
  "It is not an error: the formula leaves out what the simulation has, such as the cost of each MSMQ operation and of the network, the distributor's ready-message round trip, faults, or handler times that are not exponential, so it says where the formula stops describing the run.</p>";

function section(id: string, title: string, body: string): string {
  return `<section id="${id}">\n<h2>${escapeHtml(title)}</h2>\n${body}\n</section>`;
}

/** The report as one HTML document (self-contained unless svgFiles). Deterministic: same input, same bytes. */
export function buildHtmlReport(input: HtmlReportInput): string {
  const scenario = input.sweep?.scenario ?? input.result?.scenario;
  if (scenario === undefined) throw new Error('buildHtmlReport needs a result or a sweep');
  const parts: string[] = [];
  parts.push(section('scenario', 'Scenario', scenarioHtml(scenario, input.sweep)));
  const plan = input.sweep !== undefined ? formatPlan(input.sweep) : '';
  if (plan !== '') {
    const lines = plan.trimEnd().split('\n');
    parts.push(
      section(
        'answer',
        'The answer',
        `<ul class="answer">${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>\n<p class="muted">Each value is the smallest swept one whose upper 95% confidence bound meets the SLA (plan.csv).</p>`,
      ),
    );
  }
  if (input.findings !== undefined && input.findings.length > 0) {
    parts.push(section('findings', 'Findings', `<ul class="findings">${input.findings.map((f) => `<li>${escapeHtml(f)}</li>`).join('')}</ul>`));
  }
  if (input.sweep !== undefined) {
    const flagged = input.sweep.runs.some((r) => r.run.summary.theory_flag === 'disagrees') ? `\n${DISAGREES_NOTE}` : '';
    parts.push(section('summary', 'Summary', `<p class="muted">Mean ± 95% confidence half-width over the replications; every metric is in sweep-summary.csv.</p>\n${sweepTable(input.sweep)}${flagged}`));
  } else if (input.result !== undefined) {
    const flagged = input.result.runs.some((r) => r.summary.theory_flag === 'disagrees') ? `\n${DISAGREES_NOTE}` : '';
    parts.push(section('summary', 'Summary', `<p class="muted">summary.csv, one column per run.</p>\n${summaryTable(input.result.runs)}${flagged}`));
  }
  const figures = input.charts
    .map((chart, i) => `<figure class="chart">\n<figcaption>${escapeHtml(chart.name)}</figcaption>\n<div class="view" id="chart-${i}" data-chart="${escapeHtml(chart.name)}">${chartView(chart, i, input.svgFiles === true)}</div>\n</figure>`)
    .join('\n');
  if (input.charts.length > 0) parts.push(section('charts', 'Charts', figures));
  const nav = [
    ['scenario', 'Scenario'],
    ...(plan !== '' ? [['answer', 'Answer']] : []),
    ...(input.findings !== undefined && input.findings.length > 0 ? [['findings', 'Findings']] : []),
    ['summary', 'Summary'],
    ...(input.charts.length > 0 ? [['charts', 'Charts']] : []),
  ]
    .map(([id, text]) => `<a href="#${id}">${text}</a>`)
    .join('');
  const kind = input.sweep !== undefined ? 'sweep' : 'run';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(scenario.name)}: sim report</title>`,
    // An empty icon: without it the browser asks the file system for favicon.ico.
    '<link rel="icon" href="data:,">',
    `<style>\n${HTML_STYLE}\n</style>`,
    '</head>',
    '<body>',
    `<header><h1>${escapeHtml(scenario.name)}</h1><p class="muted">sim ${kind} report</p><nav>${nav}</nav></header>`,
    '<main>',
    ...parts,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
