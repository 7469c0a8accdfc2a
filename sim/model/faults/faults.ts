// Faults from the scenario's `faults:` list: when each one starts and ends, and what it does to the
// machines, processes and network. Fixed faults start at `at` and end after `duration`; random ones
// repeat with exponential times to failure and repair from the fault's own stream (faults/<name>).
import type { RandomStream } from '../../random/stream.js';
import { crashDistributor, restartDistributor } from '../processes/distributor-lifecycle.js';
import { Ev } from '../kernel/events.js';
import { crashInstance, startInstance } from '../processes/lifecycle.js';
import type { Machine } from '../kernel/machine.js';
import { WORK } from '../kernel/message-pool.js';
import { endPartition, startDuplicateQmid, startPartition, stopDuplicateQmid } from './network-faults.js';
import type { FaultSpec } from '../scenario-types.js';
import { lose } from '../processes/lose.js';
import { accept } from '../processes/transport.js';
import type { World } from '../kernel/world.js';

/** Schedules every fault's first start (and fixed ends). */
export function scheduleFaults(world: World): void {
  world.faults.specs.forEach((f, i) => {
    if (f.kind === 'decommission' && f.careful !== false) world.mappingChanges = true;
    if (f.mttfMs !== undefined) world.sim.schedule(exponential(world.faults.rngs[i], f.mttfMs), Ev.FaultStart, i, 0);
    else world.sim.at(f.atMs, Ev.FaultStart, i, 0);
  });
}

export function faultStart(world: World, i: number): void {
  const f = world.faults.specs[i];
  const now = world.sim.now;
  const occurrence = world.faults.occurrences.push({ fault: i, start: now, end: NaN, wastedMs: 0 }) - 1;
  world.faults.current[i] = occurrence;
  if (world.trace) world.emit('fault', -1, f.name, f.kind, 'starts');
  const record = world.faults.occurrences[occurrence];
  switch (f.kind) {
    case 'crash':
      if (f.machine !== undefined) record.wastedMs += crashMachine(world, machineNamed(world, f.machine));
      else if (f.distributor) for (const d of world.distributors) crashDistributor(world, d);
      else for (const instance of instancesOf(world, f)) record.wastedMs += crashInstance(world, instance);
      break;
    case 'slowdown':
      machineNamed(world, f.machine ?? '').factor = f.factor ?? 1;
      break;
    case 'partition':
      startPartition(world, i);
      break;
    case 'duplicate-qmid':
      startDuplicateQmid(world, i);
      break;
    case 'decommission':
      decommission(world, f);
      break;
  }
  const duration = f.mttrMs !== undefined ? exponential(world.faults.rngs[i], f.mttrMs) : f.durationMs;
  if (duration !== undefined && f.kind !== 'decommission') world.sim.schedule(duration, Ev.FaultEnd, i, 0);
}

export function faultEnd(world: World, i: number): void {
  const f = world.faults.specs[i];
  const occurrence = world.faults.current[i];
  if (occurrence < 0) return;
  world.faults.occurrences[occurrence].end = world.sim.now;
  world.faults.current[i] = -1;
  if (world.trace) world.emit('fault', -1, f.name, f.kind, 'ends');
  switch (f.kind) {
    case 'crash':
      if (f.machine !== undefined) restartMachine(world, machineNamed(world, f.machine));
      else if (f.distributor) for (const d of world.distributors) restartDistributor(world, d);
      else for (const instance of instancesOf(world, f)) if (!world.instances[instance].decommissioned) startInstance(world, instance);
      break;
    case 'slowdown':
      machineNamed(world, f.machine ?? '').factor = 1;
      break;
    case 'partition':
      endPartition(world, i);
      break;
    case 'duplicate-qmid':
      stopDuplicateQmid(world, i);
      break;
  }
  // A random fault strikes again after the next time to failure.
  if (f.mttfMs !== undefined && !world.sendingStopped) {
    world.sim.schedule(exponential(world.faults.rngs[i], f.mttfMs), Ev.FaultStart, i, 0);
  }
}

/**
 * A machine crash: every process on it stops (handlers roll back, their work is wasted), its queue
 * manager accepts nothing (deliveries wait in the senders' outgoing queues), its senders pause.
 * Durable messages in its queues wait; with express (non-durable) messages, those are lost.
 */
function crashMachine(world: World, machine: Machine): number {
  if (!machine.up) return 0;
  machine.up = false;
  let wasted = 0;
  for (const instance of world.instances) {
    if (instance.machine === machine && instance.running) wasted += crashInstance(world, instance.index);
  }
  for (const d of world.distributors) if (d.machine === machine) crashDistributor(world, d);
  if (world.scenario.transport.express) loseExpress(world, machine);
  return wasted;
}

function restartMachine(world: World, machine: Machine): void {
  if (machine.up) return;
  machine.up = true;
  for (const d of world.distributors) if (d.machine === machine) restartDistributor(world, d);
  for (const instance of world.instances) {
    if (instance.machine === machine && !instance.decommissioned && world.sim.now >= instance.addedAtMs) startInstance(world, instance.index);
  }
  accept(world, machine);
}

/** Express messages are in memory only: a crash loses what the machine's queues hold. */
function loseExpress(world: World, machine: Machine): void {
  for (const queue of world.queues) {
    if (queue.machine !== machine.index) continue;
    while (queue.items.length > 0) lose(world, queue.items.shift(), 'lost in the crash (express)');
    queue.length.set(world.sim.now, 0);
  }
}

/**
 * Decommissioning an instance. The documented way: remove it from the mapping, wait until every
 * sender has re-read it, let it drain, then stop it. At once: stop it now, mapping unchanged.
 * What is left in its queue is counted (instances.csv queued_at_end, leftovers.csv).
 */
function decommission(world: World, f: FaultSpec): void {
  for (const i of instancesOf(world, f)) {
    const instance = world.instances[i];
    instance.decommissioned = true;
    if (f.careful === false) {
      crashInstance(world, i);
      continue;
    }
    instance.removedAtMs = world.sim.now;
    const waitForRefresh = Math.max(...world.senders.map((s) => s.refreshMs));
    world.sim.schedule(waitForRefresh, Ev.DecommissionCheck, i, 0);
  }
}

/** After the refreshes: stop the instance once its queue is empty and its threads idle. */
export function decommissionCheck(world: World, i: number): void {
  const instance = world.instances[i];
  if (!instance.running) return;
  let waiting = 0;
  for (let k = 0; k < instance.input.items.length; k++) if (world.pool.kind[instance.input.items.at(k)] === WORK) waiting++;
  if (waiting === 0 && instance.busy.value === 0) crashInstance(world, i);
  else world.sim.schedule(1000, Ev.DecommissionCheck, i, 0);
}

function instancesOf(world: World, f: FaultSpec): number[] {
  const target = f.instance;
  if (!target) return [];
  const e = world.endpointNames.indexOf(target.endpoint);
  // Under a distributor per message type, one physical instance runs several worker processes.
  return world.instances
    .filter((x) => x.endpoint === e && (x.name === target.instance || x.name.startsWith(`${target.instance}/`)))
    .map((x) => x.index);
}

function machineNamed(world: World, name: string): Machine {
  const machine = world.machines.find((m) => m.name === name);
  if (!machine) throw new Error(`internal: fault names unknown machine ${name}`);
  return machine;
}

function exponential(rng: RandomStream, mean: number): number {
  return -mean * Math.log(1 - rng.next());
}
