// Starting a run, starting worker processes, and senders re-reading the instance mapping.
import { scheduleCpu } from './cpu-work.js';
import { Ev } from '../kernel/events.js';
import { createWork, scheduleNext } from './sending.js';
import { route } from '../strategies/routing.js';
import { READY, WORK } from '../kernel/message-pool.js';
import { ControlKind } from '../kernel/distributor-state.js';
import { Consumer } from '../kernel/consumer.js';
import type { World } from '../kernel/world.js';
import { subscribe } from './subscriptions.js';

/** Schedules the first events of a run (after the faults' first starts, see ../dispatch.ts). */
export function startRun(world: World): void {
  const sim = world.sim;
  const scenario = world.scenario;
  world.liveStreams = world.streams.length;
  for (const stream of world.streams) {
    fillBacklog(world, stream.index);
    scheduleNext(world, stream.index);
  }
  if (scenario.stop.durationMs !== undefined) sim.at(scenario.stop.durationMs, Ev.StopSending, 0, 0);
  if (world.warmupDurationMs > 0) sim.at(world.warmupDurationMs, Ev.WarmupEnd, 0, 0);
  else if (world.warmupMessages === 0) world.endWarmup();
  sim.schedule(world.sampleIntervalMs, Ev.Sample, 0, 0);
  // Distributor and sender processes wait on their queues from the start; handler threads from
  // their instance's start.
  for (let c = 0; c < world.consumerType.length; c++) {
    const type = world.consumerType[c];
    if (type !== Consumer.Slot && type !== Consumer.Thread) world.consumerIdle(c);
  }
  for (const sender of world.senders) {
    readMapping(world, sender.index);
    // Senders re-read the mapping on their own timers, each with its own phase.
    if (world.mappingChanges) sim.schedule(sender.refreshRng.next() * sender.refreshMs, Ev.Refresh, sender.index, 0);
  }
  for (const instance of world.instances) {
    if (instance.addedAtMs === 0) startInstance(world, instance.index);
    else sim.at(instance.addedAtMs, Ev.InstanceStart, instance.index, 0);
  }
}

/**
 * A worker process starts: a new session, with new handler threads that start taking messages; a
 * worker of a distributor announces its capacity with one "worker starting" message to the control
 * queue. Free-slot entries of earlier sessions stay in storage until popped (see ./worker-registry.ts).
 * Then it sends its subscription messages (./subscriptions.ts).
 */
export function startInstance(world: World, i: number): void {
  const instance = world.instances[i];
  if (instance.running) return;
  instance.running = true;
  instance.session++;
  if (world.trace) world.emit('start', -1, instance.name, instance.machine.name, { process: 'worker', session: instance.session, capacity: instance.capacity });
  for (let t = 0; t < instance.threads; t++) {
    const thread = world.threadInstance.length;
    world.threadInstance.push(instance);
    world.threadMessage.push(-1);
    world.threadOutcome.push(0);
    world.threadWork.push(0);
    world.threadReached.push(new Uint8Array(world.maxPublishTargets));
    const c = world.addConsumer(Consumer.Thread, thread, 0, instance.source);
    instance.threadConsumers.push(c);
    world.consumerIdle(c);
  }
  world.process?.started(world, i);
  if (instance.distributor >= 0) sendControl(world, i, ControlKind.Starting, instance.capacity);
  // Then it subscribes to the events it handles, at every start (a subscription already stored is stored again).
  subscribe(world, i);
}

/** A worker sends a control message of its own (not inside a handler's transaction) to its distributor's control queue: 1 operation. */
export function sendControl(world: World, i: number, kind: number, slots: number): void {
  const instance = world.instances[i];
  const pool = world.pool;
  const m = pool.allocate(READY);
  pool.instance[m] = i;
  pool.id[m] = slots;
  pool.round[m] = kind;
  pool.session[m] = instance.session;
  pool.at[m] = instance.machine.index;
  const control = world.distributors[instance.distributor].control;
  world.then(instance.machine.operate(world.sim.now, 1) + world.commitMs, Ev.SendDone, m, control.index);
}

/**
 * A queue filled beforehand: the stream's `backlog` messages are created (durations drawn in order,
 * as if sent) and stored at once in the queue the strategy routes them to, with no operation paid.
 */
function fillBacklog(world: World, s: number): void {
  const stream = world.streams[s];
  if (stream.backlog === 0 || stream.publish) return;
  const sender = stream.sender;
  readMapping(world, sender.index);
  for (let k = 0; k < stream.backlog; k++) {
    for (const target of stream.targets) {
      const m = createWork(world, target, s);
      world.senderSent++;
      const q = route(world, sender, world.handlers[target.handler], m);
      if (q >= 0) world.enqueue(m, q);
    }
    world.afterSend();
  }
}

/** A sender's timer: re-read the mapping, then schedule the next refresh. */
export function refresh(world: World, s: number): void {
  readMapping(world, s);
  const sender = world.senders[s];
  if (world.trace) {
    const mapping = sender.view.map((list, e) => ({ endpoint: world.endpointNames[e], instances: list.map((i) => world.instances[i].name) }));
    world.emit('refresh', -1, sender.name, 'instance mapping', { mapping });
  }
  if (!world.sendingStopped) world.sim.schedule(sender.refreshMs, Ev.Refresh, s, 0);
}

/** The sender's copy of the instance mapping becomes what the file says now. */
function readMapping(world: World, s: number): void {
  const sender = world.senders[s];
  const now = world.sim.now;
  world.endpointInstances.forEach((list, e) => {
    sender.view[e] = list.filter((i) => world.instances[i].mappedAt(now));
  });
}

/**
 * A worker process crashes: its threads stop where they are. A message being handled rolls back to
 * the head of its queue (receives are transactional), and anything its handler would have sent is
 * never sent. Its queue and what waits in it stay. Returns the processing time lost.
 */
export function crashInstance(world: World, i: number): number {
  const instance = world.instances[i];
  if (!instance.running) return 0;
  instance.running = false;
  const now = world.sim.now;
  let wasted = 0;
  for (const c of instance.threadConsumers) {
    const thread = world.consumerRef[c];
    world.consumerQueue[c].waiting.remove(c);
    const m = world.threadMessage[thread];
    if (m < 0) {
      world.consumerType[c] = Consumer.Dead;
      continue;
    }
    world.threadMessage[thread] = -1;
    instance.busy.add(now, -1);
    if (world.pool.kind[m] === WORK && world.handlers[world.pool.handler[m]].cpuBound) {
      instance.machine.cpu.removeConsumer(now, c);
      scheduleCpu(world, instance.machine);
    }
    if (!Number.isNaN(world.pool.startedAt[m])) wasted += now - world.pool.startedAt[m];
    world.rollback(c, m);
    world.consumerType[c] = Consumer.Dead;
  }
  instance.threadConsumers.length = 0;
  if (world.trace) world.emit('crash', -1, instance.name, instance.machine.name, { process: 'worker', lostMs: wasted });
  world.process?.crashed(world, i);
  return wasted;
}
