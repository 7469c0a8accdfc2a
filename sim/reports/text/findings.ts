// Findings: a few plain-language observations computed from a run's numbers, most striking first,
// printed after the comparison table and written to findings.txt (and ready for an HTML report).
// Each finding is made only when its condition holds, and carries the numbers that make it true.
import type { RunResult, ScenarioResult } from '../../metrics/results.js';
import { queueLabel } from '../format/queue-label.js';
import { count as plural, listing } from '../explain/trace-labels.js';

export type FindingKind = 'latency' | 'ideal' | 'throughput' | 'crossover' | 'operations' | 'leftovers' | 'lost' | 'saturation' | 'busy' | 'share' | 'failed' | 'waiting' | 'fault';

export interface Finding {
  kind: FindingKind;
  text: string;
  /** How striking it is: findings are ranked by it, highest first. */
  score: number;
}

/** At most this many findings of one kind, so that five findings say more than one thing. */
const PER_KIND = 2;

/** The 2-5 most striking findings (fewer when fewer conditions hold), as sentences. */
export function findings(result: ScenarioResult, max = 5): string[] {
  const taken = new Map<FindingKind, number>();
  const chosen: string[] = [];
  for (const f of rankedFindings(result)) {
    if (chosen.length >= max) break;
    const n = taken.get(f.kind) ?? 0;
    if (n >= PER_KIND) continue;
    taken.set(f.kind, n + 1);
    chosen.push(f.text);
  }
  return chosen;
}

/** Every finding whose condition holds, most striking first (ties in the order they were found). */
export function rankedFindings(result: ScenarioResult): Finding[] {
  const all = [
    ...latencyFindings(result),
    ...throughputFindings(result),
    ...variantFindings(result),
    ...operationFindings(result),
    ...result.runs.flatMap((run) => [...leftoverFindings(run), ...balanceFindings(run)]),
    ...saturationFindings(result),
    ...failureFindings(result.runs),
    ...waitingFindings(result.runs),
    ...faultFindings(result.runs),
  ];
  return all.map((f, i) => ({ f, i })).sort((a, b) => b.f.score - a.f.score || a.i - b.i).map(({ f }) => f);
}

/** p99 of each strategy against the best real one (and the best real one against the ideal shared queue). */
function latencyFindings(result: ScenarioResult): Finding[] {
  const byVariant = groupByVariant(result.runs);
  const found: Finding[] = [];
  for (const [variant, runs] of byVariant) {
    const measured = runs.filter((r) => Number.isFinite(r.summary.latency_p99_ms) && r.summary.latency_p99_ms > 0);
    const real = measured.filter((r) => r.summary.kind !== 'shared-queue');
    const best = lowest(real.length > 0 ? real : measured);
    const ideal = lowest(measured.filter((r) => r.summary.kind === 'shared-queue'));
    if (best === undefined) continue;
    const pairs: [RunResult, RunResult][] = measured.filter((r) => r !== best && r !== ideal).map((r) => [r, best]);
    if (ideal !== undefined && best !== ideal) pairs.push([best, ideal]);
    for (const [slow, fast] of pairs) {
      const ratio = slow.summary.latency_p99_ms / fast.summary.latency_p99_ms;
      if (ratio < 1.1) continue;
      const where = variant === '' ? '' : ` in variant ${variant}`;
      found.push({
        kind: fast === ideal ? 'ideal' : 'latency',
        text: `${possessive(name(slow))} p99 latency is ${times(ratio)} ${possessive(name(fast))}${where} (${ms(slow.summary.latency_p99_ms)} vs ${ms(fast.summary.latency_p99_ms)})`,
        score: (ratio - 1) * 10 - (variant === '' ? 0 : 3),
      });
    }
  }
  return found;
}

/** Throughput of the fastest strategy against the slowest, when they differ by 10% or more (per variant). */
function throughputFindings(result: ScenarioResult): Finding[] {
  const found: Finding[] = [];
  for (const [variant, runs] of groupByVariant(result.runs)) {
    const measured = runs.filter((r) => Number.isFinite(r.summary.throughput_per_s) && r.summary.throughput_per_s > 0);
    if (measured.length < 2) continue;
    const fast = measured.reduce((a, b) => (b.summary.throughput_per_s > a.summary.throughput_per_s ? b : a));
    const slow = measured.reduce((a, b) => (b.summary.throughput_per_s < a.summary.throughput_per_s ? b : a));
    const ratio = fast.summary.throughput_per_s / slow.summary.throughput_per_s;
    if (ratio < 1.1) continue;
    const where = variant === '' ? '' : ` in variant ${variant}`;
    found.push({
      kind: 'throughput',
      text: `${possessive(name(fast))} throughput is ${times(ratio)} ${possessive(name(slow))}${where} (${rate(fast.summary.throughput_per_s)} vs ${rate(slow.summary.throughput_per_s)} messages/s)`,
      score: (ratio - 1) * 10 - (variant === '' ? 0 : 3),
    });
  }
  return found;
}

/** With variants: which strategy has the lowest p99 from which variant on (a crossover), or in every variant. */
function variantFindings(result: ScenarioResult): Finding[] {
  if (result.variants.length < 2) return [];
  const byVariant = groupByVariant(result.runs);
  const bests = result.variants.map((v) => lowest((byVariant.get(v) ?? []).filter((r) => Number.isFinite(r.summary.latency_p99_ms))));
  if (bests.some((b) => b === undefined) || new Set(result.runs.map((r) => r.summary.strategy)).size < 2) return [];
  const names = bests.map((b) => b?.summary.strategy ?? '');
  const last = names[names.length - 1];
  let from = names.length - 1;
  while (from > 0 && names[from - 1] === last) from--;
  const label = name(bests[bests.length - 1] as RunResult);
  if (from === 0) return [{ kind: 'crossover', text: `${label} has the lowest p99 latency in every variant`, score: 4 }];
  const before = [...new Set(names.slice(0, from))].map((n) => name(bests[names.indexOf(n)] as RunResult));
  return [{ kind: 'crossover', text: `${label} has the lowest p99 latency from variant ${result.variants[from]} on (before that: ${listing(before)})`, score: 9 }];
}

/** MSMQ operations per message sent, when strategies differ by half or more (no variants: one comparison). */
function operationFindings(result: ScenarioResult): Finding[] {
  if (result.variants.length > 0) return [];
  const perMessage = result.runs.filter((r) => r.summary.sent > 0).map((r) => ({ run: r, ops: r.summary.operations / r.summary.sent }));
  if (perMessage.length < 2) return [];
  const most = perMessage.reduce((a, b) => (b.ops > a.ops ? b : a));
  const least = perMessage.reduce((a, b) => (b.ops < a.ops ? b : a));
  const ratio = most.ops / least.ops;
  if (!(ratio >= 1.5)) return [];
  return [{ kind: 'operations', text: `${name(most.run)} needed ${round1(most.ops)} MSMQ operations per message, ${name(least.run)} ${round1(least.ops)}`, score: (ratio - 1) * 2 }];
}

/** Work still queued or in flight at the end, where most of it was; and lost messages. */
function leftoverFindings(run: RunResult): Finding[] {
  const s = run.summary;
  const found: Finding[] = [];
  const unfinished = s.queued_at_end + s.in_flight_at_end;
  if (unfinished > 0) {
    const outgoing = run.leftovers.filter((l) => l.queue.startsWith('outgoing ')).reduce((n, l) => n + l.messages, 0);
    const worst = run.leftovers.reduce<RunResult['leftovers'][number] | undefined>((a, b) => (a === undefined || b.messages > a.messages ? b : a), undefined);
    const where =
      outgoing * 2 >= unfinished
        ? ` (${outgoing} in outgoing queues)`
        : worst !== undefined && worst.messages > 0
          ? ` (${worst.messages} in ${queueLabel(worst.queue, worst.machine)})`
          : '';
    found.push({ kind: 'leftovers', text: `under ${runName(run)}, ${plural(unfinished, 'message')} ${unfinished === 1 ? 'was' : 'were'} still queued or in flight at the end${where}`, score: 6 + (40 * unfinished) / Math.max(1, s.sent) });
  }
  if (s.lost > 0) found.push({ kind: 'lost', text: `under ${runName(run)}, ${plural(s.lost, 'message')} ${s.lost === 1 ? 'was' : 'were'} lost`, score: 8 + (40 * s.lost) / Math.max(1, s.sent) });
  return found;
}

/**
 * A queue manager (or the cores) of a machine busy 90% of the time or more; one finding per machine
 * and level shared by several runs.
 */
function saturationFindings(result: ScenarioResult): Finding[] {
  const groups = new Map<string, { text: (who: string) => string; score: number; runs: RunResult[] }>();
  const note = (key: string, run: RunResult, text: (who: string) => string, score: number): void => {
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { text, score, runs: [run] });
    else group.runs.push(run);
  };
  for (const run of result.runs) {
    const spec = result.scenario.strategies.find((s) => s.name === run.summary.strategy);
    for (const m of run.machines) {
      const host = spec?.kind === 'distributor' && spec.machine === m.machine ? `${m.machine} (the distributor's machine)` : m.machine;
      const qm = percent(m.queue_manager_utilisation);
      if (m.queue_manager_utilisation >= 0.9) {
        note(`qm ${host} ${qm}`, run, (who) => `under ${who}, the queue manager on ${host} was saturated (${qm} busy)`, 5 + (m.queue_manager_utilisation - 0.9) * 50);
      }
      const cpu = percent(m.cpu_utilisation);
      if (m.cpu_utilisation >= 0.9) note(`cpu ${host} ${cpu}`, run, (who) => `under ${who}, the cores of ${host} were ${cpu} busy`, 4 + (m.cpu_utilisation - 0.9) * 40);
    }
  }
  return [...groups.values()].map((g) => ({ kind: 'saturation', text: g.text(listing(g.runs.map(runName))), score: g.score }));
}

/** Instances of one endpoint: unequal busy time, and unequal shares of the messages. */
function balanceFindings(run: RunResult): Finding[] {
  const found: Finding[] = [];
  const endpoints = new Map<string, RunResult['instances']>();
  for (const i of run.instances) endpoints.set(i.endpoint, [...(endpoints.get(i.endpoint) ?? []), i]);
  for (const instances of endpoints.values()) {
    if (instances.length < 2) continue;
    const busiest = instances.reduce((a, b) => (b.utilisation > a.utilisation ? b : a));
    const idlest = instances.reduce((a, b) => (b.utilisation < a.utilisation ? b : a));
    const gap = busiest.utilisation - idlest.utilisation;
    if (gap >= 0.2 && busiest.utilisation >= 0.5) {
      found.push({ kind: 'busy', text: `under ${runName(run)}, ${busiest.instance} was busy ${percent(busiest.utilisation)} of the time while ${idlest.instance} was busy only ${percent(idlest.utilisation)}`, score: gap * 10 });
    }
    const most = instances.reduce((a, b) => (b.processed > a.processed ? b : a));
    const fewest = instances.reduce((a, b) => (b.processed < a.processed ? b : a));
    if (fewest.processed > 0 && most.processed / fewest.processed >= 1.25) {
      const ratio = most.processed / fewest.processed;
      found.push({ kind: 'share', text: `under ${runName(run)}, ${most.instance} processed ${times(ratio)} as many messages as ${fewest.instance} (${most.processed} vs ${fewest.processed})`, score: (ratio - 1) * 4 });
    }
  }
  return found;
}

/** Messages moved to the error queue; one finding per count shared by several runs (failures are the same workload). */
function failureFindings(runs: readonly RunResult[]): Finding[] {
  const byCount = new Map<number, RunResult[]>();
  for (const run of runs) if (run.summary.failed > 0) byCount.set(run.summary.failed, [...(byCount.get(run.summary.failed) ?? []), run]);
  return [...byCount].map(([failed, which]) => {
    const who = which.length === runs.length && runs.length > 1 ? 'in every run' : `under ${listing(which.map(runName))}`;
    return { kind: 'failed' as const, text: `${who}, ${plural(failed, 'message')} failed into the error queue after retries`, score: 5 + (50 * failed) / Math.max(1, which[0].summary.sent) };
  });
}

/** The run whose messages spent the largest share of their latency waiting, when it is at least a third. */
function waitingFindings(runs: readonly RunResult[]): Finding[] {
  const shares = runs.filter((r) => r.summary.latency_mean_ms > 0 && Number.isFinite(r.summary.wait_mean_ms)).map((r) => ({ r, share: r.summary.wait_mean_ms / r.summary.latency_mean_ms }));
  if (shares.length === 0) return [];
  const top = shares.reduce((a, b) => (b.share > a.share ? b : a));
  if (top.share < 1 / 3) return [];
  const s = top.r.summary;
  return [{ kind: 'waiting', text: `under ${runName(top.r)}, messages spent ${percent(top.share)} of their latency waiting (${ms(s.wait_mean_ms)} of ${ms(s.latency_mean_ms)} on average)`, score: top.share * 3 }];
}

/** Per fault (its first occurrence): what it stranded and how long each strategy took to recover after it. */
function faultFindings(runs: readonly RunResult[]): Finding[] {
  const names = [...new Set(runs.flatMap((r) => r.faults.map((f) => f.fault)))];
  return names.map((fault) => {
    const rows = runs.flatMap((r) => {
      const f = r.faults.find((x) => x.fault === fault);
      return f === undefined ? [] : [{ r, f }];
    });
    const { f } = rows[0];
    const span = Number.isNaN(f.end_s) ? `from ${round1(f.start_s)} s to the end` : `from ${round1(f.start_s)} s to ${round1(f.end_s)} s`;
    const stranded = rows.map(({ r, f: x }, i) => `${i === 0 ? plural(Math.round(x.stranded), 'message') : Math.round(x.stranded)} under ${runName(r)}`);
    const recover = rows.map(({ r, f: x }) => `${runName(r)} ${Number.isFinite(x.time_to_recover_s) ? `${round1(x.time_to_recover_s)} s` : 'not by the end'}`);
    const most = Math.max(...rows.map(({ f: x }) => x.stranded));
    const text = `${fault} (${f.kind}, ${span}) held up to ${listing(stranded)} where it struck; time to recover after it: ${listing(recover)}`;
    return { kind: 'fault' as const, text, score: 8 + Math.min(10, most / 10) };
  });
}

function groupByVariant(runs: readonly RunResult[]): Map<string, RunResult[]> {
  const groups = new Map<string, RunResult[]>();
  for (const run of runs) groups.set(run.summary.variant, [...(groups.get(run.summary.variant) ?? []), run]);
  return groups;
}

function lowest(runs: readonly RunResult[]): RunResult | undefined {
  return runs.reduce<RunResult | undefined>((a, b) => (a === undefined || b.summary.latency_p99_ms < a.summary.latency_p99_ms ? b : a), undefined);
}

/** "the distributor" for the strategy named after its kind, "the ideal shared-queue" for the shared queue; else the name. */
function name(run: RunResult): string {
  const { strategy, kind } = run.summary;
  if (kind === 'shared-queue') return `the ideal ${strategy}`;
  return strategy === 'distributor' && kind === 'distributor' ? 'the distributor' : strategy;
}

function runName(run: RunResult): string {
  return `${name(run)}${run.summary.variant === '' ? '' : ` in variant ${run.summary.variant}`}`;
}

function possessive(text: string): string {
  return text.endsWith('s') ? `${text}'` : `${text}'s`;
}

function times(ratio: number): string {
  return `${ratio >= 10 ? Math.round(ratio) : ratio.toFixed(1)} times`;
}

function ms(x: number): string {
  if (x >= 100_000) return `${Math.round(x / 1000)} s`;
  if (x >= 10_000) return `${(x / 1000).toFixed(1)} s`;
  if (x >= 100) return `${Math.round(x)} ms`;
  return `${x >= 10 ? x.toFixed(1) : x.toFixed(2)} ms`;
}

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function rate(x: number): string {
  return x >= 100 ? String(Math.round(x)) : x.toFixed(x >= 10 ? 1 : 2);
}

function round1(x: number): string {
  return String(Math.round(x * 10) / 10);
}
