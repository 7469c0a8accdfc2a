// The reports layer: run results -> CSV, Vega-Lite specs, SVG and the printed comparison table.
// It returns text and writes only through an Output; it never prints and never exits.
// Its folders, one concern each: csv/, charts/ (run and sweep charts, their style), render/ (SVG, PNG),
// html/ (report.html), text/ (table, findings, plan), explain/ (narrated trace, Mermaid) and format/
// (numbers and names). Other layers and the tests import this file only.

// The report folder.
export { isSweepResult, reportFiles, writeReport, type ReportFile, type ReportOptions } from './write-report.js';
export { abortOpenOutputs, beginOutput, existingAncestor, makeFolders, MARKER, OutputError, type Output } from './output-dir.js';

// CSV files.
export {
  ENDPOINT_COLUMNS,
  INSTANCE_COLUMNS,
  LEFTOVER_COLUMNS,
  FAULT_COLUMNS,
  MACHINE_COLUMNS,
  MESSAGE_COLUMNS,
  QUEUE_LENGTH_COLUMNS,
  SUMMARY_COLUMNS,
  TIMESERIES_COLUMNS,
} from './csv/columns.js';
export {
  endpointsCsv,
  instancesCsv,
  leftoversCsv,
  faultsCsv,
  machinesCsv,
  queueLengthsCsv,
  summaryCsv,
  timeseriesCsv,
  toCsv,
  utilisationCsv,
} from './csv/run-csv.js';
export { createMessagesCsvWriter, type MessagesCsvWriter } from './csv/messages-csv.js';
export { PLAN_COLUMNS, PLAN_COST_COLUMNS, SUMMARY_METRIC_COLUMNS, sweepColumns, sweepSummaryColumns } from './csv/sweep-columns.js';
export { planCsv, sweepCsv, sweepSummaryCsv, tableCsv } from './csv/sweep-csv.js';

// Charts (Vega-Lite specs).
export { buildCharts, type Chart } from './charts/run-charts.js';
export { buildSweepCharts } from './charts/sweep-charts.js';
export { minWorkersData } from './charts/min-workers-chart.js';
export { queueHeatmapChart } from './charts/queue-heatmap.js';
export { utilisationHeatmapChart } from './charts/utilisation-heatmap.js';

// Rendering.
export { renderSvg, type RenderOptions } from './render/svg.js';
export { PNG_SCALE, renderPng } from './render/png.js';

// report.html.
export { buildHtmlReport, type HtmlReportInput } from './html/html-report.js';

// Text for the terminal and findings.txt.
export { formatComparisonTable } from './text/comparison-table.js';
export { findings, rankedFindings, type Finding, type FindingKind } from './text/findings.js';
export { formatPlan, ms as formatMilliseconds } from './text/plan-text.js';
export { sweepFindings } from './text/sweep-findings.js';

// The narrated trace and its sequence diagram.
export { narrateSteps, narrateTrace } from './explain/narration.js';
export { mermaidDiagram } from './explain/mermaid.js';
export { formatClock } from './explain/trace-labels.js';
export type { Step, StepKind } from './explain/trace-steps.js';
export { TraceStory, type StoryOptions } from './explain/trace-story.js';
export { followStory } from './explain/follow-story.js';

// Number formatting.
export { formatFixed, formatNumber, roundSignificant } from './format/number-format.js';
