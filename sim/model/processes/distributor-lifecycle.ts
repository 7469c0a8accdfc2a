// The distributor process crashing and starting again. Its queues are durable and stay; what its
// open transactions held rolls back: a data message to the head of the data queue, a popped entry
// to the head of storage, a ready message to the head of the control queue. The restarted process
// has new forwarders and control processors (events still addressed to the old ones are ignored),
// and no registrations: the first entry it pops for a worker registers that entry's session again.
import { scheduleCpu } from './cpu-work.js';
import type { Distributor } from '../kernel/distributor-state.js';
import { Consumer } from '../kernel/consumer.js';
import type { World } from '../kernel/world.js';

export function crashDistributor(world: World, d: Distributor): void {
  if (!d.running) return;
  d.running = false;
  const consumers = [...d.dataConsumer, ...d.slotConsumer, ...d.controlConsumer];
  // First nobody waits any more, so rolled-back messages stay in their queues.
  for (const c of consumers) world.consumerQueue[c].waiting.remove(c);
  for (let f = 0; f < d.concurrency; f++) {
    d.machine.cpu.removeConsumer(world.sim.now, d.dataConsumer[f]);
    if (d.slotHolding[f] >= 0) world.rollback(d.slotConsumer[f], d.slotHolding[f]);
    if (d.holding[f] >= 0) world.rollback(d.dataConsumer[f], d.holding[f]);
    if (d.controlHolding[f] >= 0) world.rollback(d.controlConsumer[f], d.controlHolding[f]);
    d.slotHolding[f] = -1;
    d.holding[f] = -1;
    d.controlHolding[f] = -1;
    d.waitingSince[f] = NaN;
    d.timerPending[f] = 0;
  }
  scheduleCpu(world, d.machine);
  for (const c of consumers) world.consumerType[c] = Consumer.Dead;
  if (world.trace) world.emit('crash', -1, d.name, d.machine.name, { process: 'distributor' });
}

/** The distributor process starts again; after a failover, on the other node (`previous`: the node it ran on). */
export function restartDistributor(world: World, d: Distributor, previous = d.machine.name): void {
  if (d.running) return;
  d.running = true;
  // Its registrations were in memory: every worker is unknown until one of its entries is popped.
  d.registered.clear();
  if (world.trace) {
    const fields = previous === d.machine.name ? {} : { takenOverFrom: previous };
    world.emit('start', -1, d.name, d.machine.name, { process: 'distributor', concurrency: d.concurrency, ...fields });
  }
  for (let f = 0; f < d.concurrency; f++) {
    d.dataConsumer[f] = world.addConsumer(Consumer.Forwarder, d.index, f, d.data);
    d.slotConsumer[f] = world.addConsumer(Consumer.Slot, d.index, f, d.storage);
    d.controlConsumer[f] = world.addConsumer(Consumer.Control, d.index, f, d.control);
    world.consumerIdle(d.dataConsumer[f]);
    world.consumerIdle(d.controlConsumer[f]);
  }
}
