// The chart set of a report. Each spec is self-contained (data inlined as values) so a *.vl.json can
// be opened on its own in the Vega editor, mailed, or diffed between runs.
import type { ScenarioResult } from '../../metrics/results.js';
import { instancesChart } from './instance-chart.js';
import { latencyCdfChart, latencyChart } from './latency-charts.js';
import { machinesChart } from './machine-chart.js';
import { withFaultBands } from './fault-bands.js';
import { queueLengthChart, queueLengthsChart, throughputChart } from './time-charts.js';
import { latencyByVariantChart } from './variant-chart.js';

export interface Chart {
  /** File base name: the report writes <name>.vl.json and <name>.svg. */
  name: string;
  /** A Vega-Lite v6 top-level spec. */
  spec: object;
}

/**
 * Every chart of a report, in a fixed order (the order an HTML report would show them).
 * latency-by-variant exists only when the scenario has variants; with variants, the other charts show
 * one panel per variant (or group by variant) and keep one colour per strategy.
 */
export function buildCharts(result: ScenarioResult): Chart[] {
  const variants = result.variants.length > 0;
  return [
    { name: 'latency', spec: latencyChart(result) },
    ...(variants ? [{ name: 'latency-by-variant', spec: latencyByVariantChart(result) }] : []),
    { name: 'latency-cdf', spec: latencyCdfChart(result) },
    { name: 'throughput', spec: withFaultBands(throughputChart(result), result) },
    { name: 'queue-length', spec: withFaultBands(queueLengthChart(result), result) },
    { name: 'queue-lengths', spec: queueLengthsChart(result) },
    { name: 'instances', spec: instancesChart(result) },
    { name: 'machines', spec: machinesChart(result) },
  ];
}
