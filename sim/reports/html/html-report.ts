// report.html: the whole report in one file that opens offline, over file://, with nothing to fetch.
// The vega and vega-lite browser builds are inlined (read from node_modules when the report is built),
// each chart's Vega-Lite spec is embedded as JSON, and a few lines of script compile and draw each one
// as SVG with vega's View API (vega-embed is not a dependency). The scenario, the answer to the SLA, the
// findings and the summary table are plain HTML, readable before (or without) the charts.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ScenarioResult, SweepResult } from '../../metrics/results.js';
import { HTML_STYLE } from './html-style.js';
import { escapeHtml, summaryTable, sweepTable } from './html-tables.js';
import { scenarioHtml } from './html-scenario.js';
import { formatPlan } from '../text/plan-text.js';

export interface HtmlReportInput {
  result?: ScenarioResult;
  sweep?: SweepResult;
  findings?: string[];
  charts: { name: string; spec: object }[];
}

let libraries: Promise<string> | undefined;

/**
 * The vega and vega-lite builds as <script> elements. The packages export only their Node entry
 * points, which sit in the same build/ folder as the minified browser bundles.
 */
function inlineLibraries(): Promise<string> {
  libraries ??= (async () => {
    const require = createRequire(import.meta.url);
    const files = [join(dirname(require.resolve('vega')), 'vega.min.js'), join(dirname(require.resolve('vega-lite')), 'vega-lite.min.js')];
    const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
    return texts.map((text) => `<script>\n${scriptSafe(stripSourceMap(text))}\n</script>`).join('\n');
  })();
  return libraries;
}

/** A source map comment would send devtools looking for a .map file beside the report. */
function stripSourceMap(js: string): string {
  return js.replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n');
}

/** "</script" inside a script would end it early; the escaped form means the same to JavaScript. */
function scriptSafe(text: string): string {
  return text.replace(/<\/(script)/gi, '<\\/$1');
}

/** JSON for a <script type="application/json">: '<' escaped so no string can close the element. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** Draws every chart container's spec; marks each container and the page when done (tests wait on it). */
const RENDER_SCRIPT = `
(function () {
  var charts = JSON.parse(document.getElementById('chart-specs').textContent);
  var pending = charts.map(function (chart, i) {
    var container = document.getElementById('chart-' + i);
    function fail(error) {
      container.className += ' failed';
      container.textContent = 'This chart could not be drawn: ' + (error && error.message ? error.message : error);
      console.error('chart ' + chart.name + ':', error);
    }
    try {
      var compiled = vegaLite.compile(chart.spec).spec;
      var view = new vega.View(vega.parse(compiled), { renderer: 'svg', container: container, hover: true });
      return view.runAsync().then(function () { container.setAttribute('data-rendered', 'true'); }, fail);
    } catch (error) {
      fail(error);
      return Promise.resolve();
    }
  });
  Promise.all(pending).then(function () { document.body.setAttribute('data-charts', 'done'); });
})();
`;

/** What theory_flag "disagrees" means, for a report that shows it. */
const DISAGREES_NOTE =
  '<p class="muted"><code>theory_flag: disagrees</code> marks a run whose simulated mean wait is more than 25% (and more than 5 ms) away from the closed form named in <code>theory_model</code> (its prediction is <code>theory_wait_mean_ms</code>). ' +
  "It is not an error: the formula leaves out what the simulation has, such as the cost of each MSMQ operation and of the network, the distributor's ready-message round trip, faults, or handler times that are not exponential, so it says where the formula stops describing the run.</p>";

function section(id: string, title: string, body: string): string {
  return `<section id="${id}">\n<h2>${escapeHtml(title)}</h2>\n${body}\n</section>`;
}

/** The report as one self-contained HTML document. Deterministic: same input, same bytes. */
export async function buildHtmlReport(input: HtmlReportInput): Promise<string> {
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
    .map((chart, i) => `<figure class="chart">\n<figcaption>${escapeHtml(chart.name)}</figcaption>\n<div class="view" id="chart-${i}" data-chart="${escapeHtml(chart.name)}"></div>\n</figure>`)
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
    `<script type="application/json" id="chart-specs">${jsonForScript(input.charts)}</script>`,
    await inlineLibraries(),
    `<script>${RENDER_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
