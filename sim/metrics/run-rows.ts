// Per-instance, per-machine and per-endpoint rows of a finished run, averaged over the measurement
// window (from the end of the warm-up to the moment sending stopped).
import { WORK } from '../model/kernel/message-pool.js';
import type { World } from '../model/kernel/world.js';
import type { LatencyHistogram } from './histogram.js';
import type { EndpointRow, InstanceRow, MachineRow } from './results.js';

/** Areas of time-weighted quantities at one instant, to average over a window later. */
export interface Snapshot {
  time: number;
  inSystem: number;
  busy: number[];
  queues: number[];
  queueManagerBusy: number[];
  cpuBusy: number[];
}

/** Per endpoint: streaming statistics of its measured messages. */
export interface EndpointStats {
  latency: LatencyHistogram;
  wait: LatencyHistogram;
  completed: number;
  failed: number;
  serviceSumMs: number;
  firstCompletion: number;
  lastCompletion: number;
}

export function takeSnapshot(world: World, inSystemArea: number): Snapshot {
  const now = world.sim.now;
  return {
    time: now,
    inSystem: inSystemArea,
    busy: world.instances.map((i) => i.busy.areaAt(now)),
    queues: world.queues.map((q) => q.length.areaAt(now)),
    queueManagerBusy: world.machines.map((m) => m.busyMs),
    cpuBusy: world.machines.map((m) => m.cpu.busy.areaAt(now)),
  };
}

export function instanceRows(world: World, variant: string, from: Snapshot, to: Snapshot): InstanceRow[] {
  const window = to.time - from.time;
  const processedBy = new Map<number, number>();
  for (const instance of world.instances) {
    processedBy.set(instance.endpoint, (processedBy.get(instance.endpoint) ?? 0) + instance.processed);
  }
  return world.instances.map((instance, i) => {
    const total = processedBy.get(instance.endpoint) ?? 0;
    const input = instance.input;
    let leftover = 0;
    for (let k = 0; k < input.items.length; k++) if (world.pool.kind[input.items.at(k)] === WORK) leftover++;
    return {
      strategy: world.strategy.name,
      variant,
      endpoint: world.endpointNames[instance.endpoint],
      instance: instance.name,
      machine: instance.machine.name,
      threads: instance.threads,
      processed: instance.processed,
      share: total > 0 ? instance.processed / total : NaN,
      utilisation: window > 0 ? (to.busy[i] - from.busy[i]) / window / instance.threads : NaN,
      service_mean_ms: instance.processed > 0 ? instance.serviceSumMs / instance.processed : NaN,
      queue_length_mean: window > 0 ? (to.queues[input.index] - from.queues[input.index]) / window : NaN,
      queue_length_max: input.length.max,
      queued_at_end: leftover,
    };
  });
}

export function machineRows(world: World, variant: string, from: Snapshot, to: Snapshot): MachineRow[] {
  const window = to.time - from.time;
  return world.machines.map((machine, i) => {
    let outgoingMax = 0;
    for (const out of world.outgoing) if (out.from === i && out.length.max > outgoingMax) outgoingMax = out.length.max;
    return {
      strategy: world.strategy.name,
      variant,
      machine: machine.name,
      cores: machine.cores,
      operations: machine.operations,
      // Operations are booked when asked for, so a saturated window can show a hair over 1: clamp.
      queue_manager_utilisation: window > 0 ? Math.min(1, (to.queueManagerBusy[i] - from.queueManagerBusy[i]) / window) : NaN,
      cpu_utilisation: window > 0 ? (to.cpuBusy[i] - from.cpuBusy[i]) / window / machine.cores : NaN,
      outgoing_max: outgoingMax,
    };
  });
}

export function endpointRows(world: World, variant: string, stats: EndpointStats[]): EndpointRow[] {
  return stats.map((s, e) => {
    const span = s.lastCompletion - s.firstCompletion;
    return {
      strategy: world.strategy.name,
      variant,
      endpoint: world.endpointNames[e],
      completed: s.completed,
      failed: s.failed,
      throughput_per_s: span > 0 ? ((s.latency.count - 1) * 1000) / span : NaN,
      latency_mean_ms: s.latency.meanMs,
      latency_p99_ms: s.latency.percentileMs(99),
      wait_mean_ms: s.wait.meanMs,
      wait_p99_ms: s.wait.percentileMs(99),
      service_mean_ms: s.latency.count > 0 ? s.serviceSumMs / s.latency.count : NaN,
    };
  });
}
