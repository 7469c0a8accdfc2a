// The chart set of a sweep's report, in the order an HTML report shows them. Like buildCharts, each
// spec is self-contained (its data inlined).
import type { SweepResult } from '../../metrics/results.js';
import type { Chart } from './run-charts.js';
import { hasMinWorkers, minWorkersChart } from './min-workers-chart.js';
import { sweepLatencyChart } from './sweep-latency-chart.js';
import { hasTheoryWait, sweepUtilisationChart, sweepWaitTheoryChart } from './sweep-theory-charts.js';

/**
 * sweep-latency always; min-workers when the sweep has two parameters, one an instance count, and an
 * SLA; sweep-utilisation; sweep-wait-theory when some point's setup has a closed form (theory_model).
 */
export function buildSweepCharts(result: SweepResult): Chart[] {
  return [
    { name: 'sweep-latency', spec: sweepLatencyChart(result) },
    ...(hasMinWorkers(result) ? [{ name: 'min-workers', spec: minWorkersChart(result) }] : []),
    { name: 'sweep-utilisation', spec: sweepUtilisationChart(result) },
    ...(hasTheoryWait(result) ? [{ name: 'sweep-wait-theory', spec: sweepWaitTheoryChart(result) }] : []),
  ];
}
