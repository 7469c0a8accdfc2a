// The impact of each fault occurrence, read off the run's time series: the backlog before, at its
// peak and back to normal; the messages it delayed and by how much; what it stranded; the work lost.
import type { FaultSpec } from '../model/scenario-types.js';
import type { World } from '../model/kernel/world.js';
import type { FaultRow, QueueLengthRow, TimeseriesRow } from './results.js';

const BEFORE_BUCKETS = 10;

export function faultRows(world: World, variant: string, series: TimeseriesRow[], queues: QueueLengthRow[]): FaultRow[] {
  const specs = world.faults.specs;
  return world.faults.occurrences.map((o) => {
    const spec = specs[o.fault];
    const start = o.start / 1000;
    const end = o.end / 1000;
    const before = series.filter((b) => b.time_s <= start).slice(-BEFORE_BUCKETS);
    const pre = before.length > 0 ? before.reduce((a, b) => a + b.in_system, 0) / before.length : 0;
    // Recovery counts from when the work resumed: the fault's end, or a clustered distributor's failover before it.
    const resumed = Number.isNaN(o.resumedAt) ? end : o.resumedAt / 1000;
    const settled = Number.isNaN(resumed) ? undefined : series.find((b) => b.time_s >= resumed && b.in_system <= pre * 1.1 + 1);
    const recovered = settled?.time_s ?? Infinity;
    const during = series.filter((b) => b.time_s > start && b.time_s <= recovered);
    const delayed = during.reduce((a, b) => a + b.completed, 0);
    const latencySum = during.reduce((a, b) => a + (b.completed > 0 ? b.latency_mean_ms * b.completed : 0), 0);
    const baseline = before.filter((b) => b.completed > 0);
    const baselineCount = baseline.reduce((a, b) => a + b.completed, 0);
    const baselineMean = baselineCount > 0 ? baseline.reduce((a, b) => a + b.latency_mean_ms * b.completed, 0) / baselineCount : NaN;
    const struck = struckQueues(world, spec);
    const stop = Number.isNaN(end) ? Infinity : end;
    const held = new Map<number, number>();
    for (const row of queues) {
      if (row.time_s <= start || row.time_s > stop + 1e-9 || !struck(row.queue, row.machine)) continue;
      held.set(row.time_s, (held.get(row.time_s) ?? 0) + row.length);
    }
    return {
      strategy: world.strategy.name,
      variant,
      fault: spec.name,
      kind: spec.kind,
      start_s: start,
      end_s: end,
      pre_fault_backlog: pre,
      peak_backlog: series.reduce((peak, b) => (b.time_s > start && b.time_s <= recovered && b.in_system > peak ? b.in_system : peak), 0),
      time_to_recover_s: settled ? Math.max(0, settled.time_s - resumed) : NaN,
      delayed,
      extra_latency_mean_ms: delayed > 0 ? latencySum / delayed - baselineMean : NaN,
      stranded: [...held.values()].reduce((a, b) => Math.max(a, b), 0),
      wasted_work_ms: o.wastedMs,
    };
  });
}

/** Which queues a fault strikes, by queue name and machine (queue-lengths.csv rows). */
function struckQueues(world: World, spec: FaultSpec): (queue: string, machine: string) => boolean {
  const towards = (names: readonly string[]) => (queue: string) => queue.startsWith('outgoing ') && names.some((n) => queue.endsWith(` -> ${n}`));
  const between = (names: readonly string[]) => (queue: string) =>
    queue.startsWith('outgoing ') && names.some((a) => names.some((b) => a !== b && queue === `outgoing ${a} -> ${b}`));
  const touching = (names: readonly string[]) => (queue: string) =>
    queue.startsWith('outgoing ') && names.some((n) => queue.startsWith(`outgoing ${n} -> `) || queue.endsWith(` -> ${n}`));
  if (spec.machine !== undefined) {
    const name = spec.machine;
    const to = towards([name]);
    return (queue, machine) => to(queue) || (machine === name && !queue.startsWith('outgoing '));
  }
  if (spec.instance !== undefined) {
    const target = spec.instance;
    const e = world.endpointNames.indexOf(target.endpoint);
    const inputs = new Set(world.instances.filter((i) => i.endpoint === e && (i.name === target.instance || i.name.startsWith(`${target.instance}/`))).map((i) => i.input.name));
    return (queue) => inputs.has(queue);
  }
  if (spec.distributor) {
    const data = new Set(world.distributors.map((d) => d.data.name));
    const machines = world.distributors.map((d) => d.machine.name);
    const to = towards(machines);
    return (queue) => data.has(queue) || to(queue);
  }
  const members = spec.machines ?? [];
  return spec.kind === 'partition' ? between(members) : touching(members);
}
