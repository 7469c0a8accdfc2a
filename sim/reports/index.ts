// The reports layer: run results -> CSV, Vega-Lite specs, SVG and the printed comparison table.
// It returns text and writes only through an Output; it never prints and never exits.
export { buildCharts, type Chart } from './charts.js';
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
} from './columns.js';
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
} from './csv.js';
export { createMessagesCsvWriter, type MessagesCsvWriter } from './messages-csv.js';
export { formatFixed, formatNumber, roundSignificant } from './number-format.js';
export { beginOutput, type Output } from './output-dir.js';
export { renderSvg, type RenderOptions } from './render.js';
export { formatComparisonTable } from './table.js';
export { writeReport, type ReportOptions } from './write-report.js';
export { findings, rankedFindings, type Finding, type FindingKind } from './findings.js';
export { mermaidDiagram } from './mermaid.js';
export { narrateSteps, narrateTrace } from './narration.js';
export { formatClock } from './trace-labels.js';
export type { Step, StepKind } from './trace-steps.js';
export { TraceStory, type StoryOptions } from './trace-story.js';
export { PLAN_COLUMNS, SUMMARY_METRIC_COLUMNS, sweepColumns, sweepSummaryColumns } from './sweep-columns.js';
export { planCsv, sweepCsv, sweepSummaryCsv, tableCsv } from './sweep-csv.js';
export { formatPlan } from './plan-text.js';
export { buildSweepCharts } from './sweep-charts.js';
export { queueHeatmapChart } from './queue-heatmap.js';
export { PNG_WIDTH, renderPng } from './png.js';
export { buildHtmlReport, type HtmlReportInput } from './html-report.js';
export { isSweepResult } from './write-report.js';
export { utilisationHeatmapChart } from './utilisation-heatmap.js';
export { utilisationCsv } from './csv.js';
export { sweepFindings } from './sweep-findings.js';
