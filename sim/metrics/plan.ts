// The answer to an SLA: per strategy, the smallest value of the first swept parameter whose metric
// meets the limit with confidence (its upper 95% bound, or its value with a single replication), for
// each combination of the other parameters.
import type { SlaSpec } from '../model/scenario-types.js';
import type { AggregateRow, PlanRow } from './results.js';

export function planRows(parameters: readonly string[], aggregates: readonly AggregateRow[], sla: SlaSpec): PlanRow[] {
  const column = `${sla.metric}_ms`;
  const rows: PlanRow[] = [];
  const strategies = [...new Set(aggregates.map((a) => a.strategy))];
  for (const strategy of strategies) {
    const mine = aggregates.filter((a) => a.strategy === strategy);
    // Group by the values of the other parameters.
    const contexts = new Map<string, AggregateRow[]>();
    for (const a of mine) {
      const key = a.values.slice(1).join('|');
      contexts.set(key, [...(contexts.get(key) ?? []), a]);
    }
    for (const group of contexts.values()) {
      const sorted = [...group].sort((x, y) => x.values[0] - y.values[0]);
      const upper = (a: AggregateRow): number => {
        const e = a.metrics[column];
        return Number.isNaN(e.ci95) ? e.mean : e.mean + e.ci95;
      };
      const met = sorted.find((a) => upper(a) <= sla.limitMs);
      const shown = met ?? sorted.reduce((best, a) => (upper(a) < upper(best) ? a : best), sorted[0]);
      rows.push({
        strategy,
        sla: `${sla.metric} <= ${sla.limitMs} ms`,
        parameter: parameters[0] ?? '',
        context: parameters.slice(1).map((p, i) => `${p}=${shown.values[i + 1]}`).join(', '),
        answer: met?.values[0] ?? NaN,
        metric_mean_ms: shown.metrics[column].mean,
        metric_upper_ms: upper(shown),
        margin_ms: sla.limitMs - upper(shown),
      });
    }
  }
  return rows;
}
