// Findings for a sweep: why one strategy meets the SLA with less than another (the figures at the
// value where they part: the p99, its 95% upper bound against the SLA), what the distributor's
// ready-message round trip costs where it is slower than round-robin, and, with a `cost:` block, how
// the cheapest configuration compares with the cheapest of each other strategy. Sentences with their
// numbers, most telling first; printed after the plan and written to findings.txt and report.html.
import { answerIndex, contextOf, upperOf } from '../../metrics/plan.js';
import type { AggregateRow, PlanRow, SweepResult } from '../../metrics/results.js';
import { formatNumber } from '../format/number-format.js';
import { formatParameterValue, parameterUnit } from '../format/sweep-parameters.js';

/** At most this many sentences. */
const MAX = 6;

export function sweepFindings(result: SweepResult): string[] {
  return [...slaFindings(result), ...roundTripFindings(result), ...costFindings(result)].slice(0, MAX);
}

/** For each context: the strategy that needs least, and why each other one needs more there. */
function slaFindings(result: SweepResult): string[] {
  const sla = result.scenario.sla;
  if (sla === undefined || result.parameters.length === 0) return [];
  const column = `${sla.metric}_ms`;
  const k = answerIndex(result.parameters, result.aggregates);
  const path = result.parameters[k];
  const out: string[] = [];
  const contexts = [...new Set(result.plan.map((row) => row.context))];
  for (const context of contexts) {
    const rows = result.plan.filter((row) => row.context === context && !extraRow(result, row));
    const met = rows.filter((row) => Number.isFinite(row.answer));
    if (met.length === 0) continue;
    const best = met.reduce((a, b) => (b.answer < a.answer ? b : a));
    const at = find(result, best.strategy, context, k, best.answer);
    if (at === undefined) continue;
    const where = context === '' ? '' : ` (${context.replace(/=/g, ' = ')})`;
    for (const row of rows) {
      if (row === best || (Number.isFinite(row.answer) && row.answer <= best.answer)) continue;
      const other = find(result, row.strategy, context, k, best.answer);
      if (other === undefined) continue;
      const mean = other.metrics[column].mean;
      const upper = upperOf(other, column);
      const theirs = `${possessive(name(result, best.strategy))} is ${ms(at.metrics[column].mean)} (95% upper bound ${ms(upperOf(at, column))})`;
      const needs = Number.isFinite(row.answer) ? `, so it needs ${valueText(path, row.answer)}` : ', and no swept value meets the SLA';
      const why =
        mean <= sla.limitMs
          ? `${possessive(name(result, row.strategy))} ${sla.metric} at ${valueText(path, best.answer)} is ${ms(mean)} but its 95% upper bound, ${ms(upper)}, is over the ${ms(sla.limitMs)} SLA`
          : `${possessive(name(result, row.strategy))} ${sla.metric} at ${valueText(path, best.answer)} is ${ms(mean)}, over the ${ms(sla.limitMs)} SLA`;
      out.push(`${why}${where}; ${theirs}${needs}`);
    }
  }
  return out;
}

/** Where a distributor is slower than round-robin: the ready message has to reach it before the next message goes out. */
function roundTripFindings(result: SweepResult): string[] {
  const kinds = new Map(result.scenario.strategies.map((s) => [s.name, s.kind]));
  const distributor = result.scenario.strategies.find((s) => s.kind === 'distributor')?.name;
  const robin = result.scenario.strategies.find((s) => s.kind === 'round-robin')?.name;
  if (distributor === undefined || robin === undefined || kinds.size < 2) return [];
  const column = result.scenario.sla === undefined ? 'latency_p99_ms' : `${result.scenario.sla.metric}_ms`;
  const metric = column.replace(/_ms$/, '');
  let worst: { d: AggregateRow; r: AggregateRow; ratio: number } | undefined;
  for (const d of result.aggregates.filter((a) => a.strategy === distributor)) {
    const r = result.aggregates.find((a) => a.strategy === robin && a.point === d.point);
    if (r === undefined) continue;
    const ratio = d.metrics[column].mean / r.metrics[column].mean;
    if (Number.isFinite(ratio) && ratio > 1.02 && (worst === undefined || ratio > worst.ratio)) worst = { d, r, ratio };
  }
  if (worst === undefined) return [];
  const { operationMs, networkMs } = result.scenario.transport;
  const trip = 4 * operationMs + 2 * networkMs;
  const where = result.parameters.map((p, i) => valueText(p, worst.d.values[i])).join(', ');
  return [
    `${where === '' ? '' : `at ${where} `}the distributor pays the ready-message round trip: its ${metric} is ${ms(worst.d.metrics[column].mean)} against ${possessive(robin)} ${ms(worst.r.metrics[column].mean)} ` +
      `(each message waits for a free thread's ready message to reach the distributor and for its own send back, at least 4 MSMQ operations and 2 network hops, ${ms(trip)} here, beside the handler's time; mean wait ${ms(worst.d.metrics.wait_mean_ms.mean)} against ${ms(worst.r.metrics.wait_mean_ms.mean)})`,
  ];
}

/** With prices: the cheapest configuration against the cheapest of every other strategy. */
function costFindings(result: SweepResult): string[] {
  const cheapest = result.plan.find((row) => row.cheapest === 'yes');
  if (result.cost === undefined || cheapest === undefined || cheapest.cost === undefined) return [];
  const others = [...new Set(result.plan.map((row) => row.strategy))].filter((s) => s !== cheapest.strategy);
  const compared = others.flatMap((strategy) => {
    const priced = result.plan.filter((row) => row.strategy === strategy && row.cost !== undefined && Number.isFinite(row.cost));
    if (priced.length === 0) return [`${strategy} meets it nowhere in the sweep`];
    const low = priced.reduce((a, b) => ((b.cost ?? Infinity) < (a.cost ?? Infinity) ? b : a));
    const ideal = result.scenario.strategies.find((x) => x.name === strategy)?.kind === 'shared-queue';
    const who = ideal ? `the ideal ${possessive(strategy)} (a reference, not a choice) would be` : `${possessive(strategy)} cheapest is`;
    return [`${who} ${formatNumber(low.cost ?? NaN)}${settingText(result, low)} (margin ${ms(low.margin_ms)})`];
  });
  const head = `the cheapest configuration meeting the SLA is ${cheapest.strategy}${settingText(result, cheapest)} at a cost of ${formatNumber(cheapest.cost)} with ${ms(cheapest.margin_ms)} to spare`;
  return [compared.length === 0 ? head : `${head}; ${compared.join('; ')}`];
}

function settingText(result: SweepResult, row: PlanRow): string {
  const k = answerIndex(result.parameters, result.aggregates);
  const at = find(result, row.strategy, row.context, k, row.answer);
  if (at === undefined) return '';
  const parts = result.parameters.map((p, i) => valueText(p, at.values[i]));
  return parts.length === 0 ? '' : ` at ${parts.join(', ')}`;
}

function extraRow(result: SweepResult, row: PlanRow): boolean {
  return row.cheapest === 'yes' && result.plan.some((other) => other !== row && other.strategy === row.strategy && other.context === row.context);
}

function find(result: SweepResult, strategy: string, context: string, k: number, value: number): AggregateRow | undefined {
  return result.aggregates.find((a) => a.strategy === strategy && a.values[k] === value && contextOf(result.parameters, k, a) === context);
}

/** "3 workers", "2 threads", "4 cores", else "path = value". */
function valueText(path: string, value: number): string {
  const unit = parameterUnit(path);
  if (unit === 'workers' || unit === 'threads' || unit === 'cores') return `${formatNumber(value)} ${value === 1 ? unit.slice(0, -1) : unit}`;
  return `${path} = ${formatParameterValue(path, value)}`;
}

function name(result: SweepResult, strategy: string): string {
  const kind = result.scenario.strategies.find((s) => s.name === strategy)?.kind;
  return strategy === 'distributor' && kind === 'distributor' ? 'the distributor' : strategy;
}

function possessive(text: string): string {
  return text.endsWith('s') ? `${text}'` : `${text}'s`;
}

/** "1,415 ms", "12.3 ms". */
function ms(x: number): string {
  if (!Number.isFinite(x)) return '- ms';
  const digits = Math.abs(x) >= 100 ? 0 : 1;
  return `${x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 })} ms`;
}
