// The MSMQ distributor of one logical endpoint (or of one message type): a process with a data queue
// (where senders send work), a control queue (where workers send ready messages) and a storage queue
// holding one free-slot entry per free worker thread, all on its machine.
//
// Data processing runs `concurrency` forwarders. A forwarder receives the oldest data message
// (1 operation), spends `cpu` on its machine's cores, then pops the oldest free-slot entry (a receive
// from storage) and sends the message to that worker (2 operations), all in one transaction. With no
// entry it waits; after `noWorkerTimeout` the transaction aborts, the message goes back to the head
// of the data queue, and it is received again at once. Control processing runs `concurrency`
// processors that receive a ready message and store one entry per announced slot (1 + slots
// operations). Entries carry the worker's session, and so does the message forwarded on one; which
// entries and ready messages count is ./worker-registry.ts.
import { Ev } from '../kernel/events.js';
import { transmit } from './transport.js';
import { Consumer } from '../kernel/consumer.js';
import type { Distributor } from '../kernel/distributor-state.js';
import type { World } from '../kernel/world.js';
import { addCpuWork, CpuJob } from './cpu-work.js';
import { applyControl, controlOperations, entryDrop, traceDrop } from './worker-registry.js';

export function forwarderTake(world: World, c: number, m: number): void {
  const d = world.distributors[world.consumerRef[c]];
  d.holding[world.consumerSub[c]] = m;
  if (world.trace) world.emit('receive', m, d.name, d.data.name, {});
  world.then(d.machine.operate(world.sim.now, 1), Ev.Received, c, m);
}

/** Received: the forwarding work on the CPU, if any, then the free slot. */
export function forwarderReceived(world: World, c: number, m: number): void {
  const d = world.distributors[world.consumerRef[c]];
  if (d.cpuMs > 0) addCpuWork(world, d.machine, d.cpuMs, c, m, CpuJob.Forward);
  else waitForSlot(world, d, world.consumerSub[c]);
}

export function forwarderCpuDone(world: World, c: number, _m: number): void {
  waitForSlot(world, world.distributors[world.consumerRef[c]], world.consumerSub[c]);
}

/** Pop the oldest free-slot entry, or wait for one until the no-worker timeout. */
function waitForSlot(world: World, d: Distributor, f: number): void {
  const slot = d.slotConsumer[f];
  if (d.storage.items.length > 0) {
    world.consumerIdle(slot);
    return;
  }
  d.storage.waiting.push(slot);
  d.waitingSince[f] = world.sim.now;
  if (!d.timerPending[f]) {
    d.timerPending[f] = 1;
    world.sim.schedule(d.noWorkerTimeoutMs, Ev.NoWorkerTimeout, d.dataConsumer[f], 0);
  }
  if (world.trace) world.emit('wait', d.holding[f], d.name, d.storage.name, {});
}

/** The forwarder's timer: if its current wait is as old as the timeout, abort; the message goes back to the head of the data queue and is received again. */
export function noWorkerTimeout(world: World, c: number): void {
  if (world.consumerType[c] === Consumer.Dead) return; // a timer of a crashed process
  const d = world.distributors[world.consumerRef[c]];
  const f = world.consumerSub[c];
  d.timerPending[f] = 0;
  const since = d.waitingSince[f];
  if (Number.isNaN(since)) return; // not waiting: an entry came
  const due = since + d.noWorkerTimeoutMs;
  if (due > world.sim.now) {
    // An earlier wait ended in time; this one began later: re-arm for it.
    d.timerPending[f] = 1;
    world.sim.at(due, Ev.NoWorkerTimeout, c, 0);
    return;
  }
  d.storage.waiting.remove(d.slotConsumer[f]);
  d.waitingSince[f] = NaN;
  const m = d.holding[f];
  d.holding[f] = -1;
  d.timeouts++;
  if (world.trace) world.emit('timeout', m, d.name, d.storage.name, { afterMs: d.noWorkerTimeoutMs });
  world.rollback(c, m);
  world.consumerIdle(c);
}

/**
 * Pop the free-slot entry (a receive from storage) and send the held message: 2 operations. An entry
 * the distributor no longer accepts (./worker-registry.ts) is received (1 operation), dropped, and the
 * next one popped.
 */
export function slotTake(world: World, c: number, entry: number): void {
  const d = world.distributors[world.consumerRef[c]];
  const f = world.consumerSub[c];
  d.waitingSince[f] = NaN;
  d.slotHolding[f] = entry;
  const why = entryDrop(world, d, entry);
  if (why !== null) {
    if (world.trace) traceDrop(world, d, entry, 'entry', why);
    world.then(d.machine.operate(world.sim.now, 1), Ev.Received, c, entry);
    return;
  }
  world.then(d.machine.operate(world.sim.now, 2) + world.commitMs, Ev.Commit, c, entry);
}

/** A dropped entry was received: it is gone, and the forwarder pops the next one. */
export function slotDropped(world: World, c: number, entry: number): void {
  const d = world.distributors[world.consumerRef[c]];
  d.slotHolding[world.consumerSub[c]] = -1;
  d.droppedEntries++;
  world.pool.release(entry);
  waitForSlot(world, d, world.consumerSub[c]);
}

/** The forward committed: the held data message leaves for the entry's worker, tagged with its session. */
export function slotCommit(world: World, c: number, entry: number): void {
  const pool = world.pool;
  const d = world.distributors[world.consumerRef[c]];
  const f = world.consumerSub[c];
  const worker = world.instances[pool.instance[entry]];
  d.slotHolding[f] = -1;
  const work = d.holding[f];
  pool.session[work] = pool.session[entry];
  pool.release(entry);
  d.holding[f] = -1;
  d.forwarded++;
  pool.forwardedAt[work] = world.sim.now;
  if (world.trace) world.emit('forward', work, d.name, worker.name, { session: pool.session[work], labelled: world.sessionIds });
  transmit(world, work, d.machine.index, worker.input.index);
  world.consumerIdle(d.dataConsumer[f]);
}

/** A control processor takes a control message: receive it (1 operation), then carry it out (./worker-registry.ts). */
export function controlTake(world: World, c: number, m: number): void {
  const d = world.distributors[world.consumerRef[c]];
  d.controlHolding[world.consumerSub[c]] = m;
  world.then(d.machine.operate(world.sim.now, 1 + controlOperations(world, d, m)) + world.commitMs, Ev.Commit, c, m);
}

export function controlCommit(world: World, c: number, m: number): void {
  const d = world.distributors[world.consumerRef[c]];
  d.controlHolding[world.consumerSub[c]] = -1;
  applyControl(world, d, m);
  world.consumerIdle(c);
}
