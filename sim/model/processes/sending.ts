// What senders do: on each arrival, create the work message(s) (drawing handler durations and
// failures from the sender's own streams), choose each one's destination by the run's strategy,
// and send them. A command has one copy; a published event one per subscribing endpoint.
import { Ev } from '../kernel/events.js';
import type { SendTarget } from '../kernel/handler.js';
import { WORK } from '../kernel/message-pool.js';
import { route } from '../strategies/routing.js';
import type { Sender } from '../kernel/sender.js';
import type { World } from '../kernel/world.js';
import type { Machine } from '../kernel/machine.js';
import { missEvent } from './subscriptions.js';

/** An arrival of send stream s: its message(s), then the next arrival. */
export function arrival(world: World, s: number): void {
  if (world.sendingStopped) return;
  const now = world.sim.now;
  const stream = world.streams[s];
  const sender = stream.sender;
  if (!sender.machine.up) {
    // The sender's machine is down: nothing is sent until it is back (the arrivals go on); a machine
    // that never comes back ends the stream.
    if (machineComesBack(world, sender.machine)) scheduleNext(world, s);
    else world.streamEnded(s, `its machine ${sender.machine.name} crashed for good`);
    return;
  }
  const storage = sender.subscriptions;
  for (const target of stream.targets) {
    if (stream.publish && storage !== null && !storage.reaches(target.handler)) {
      // Counted towards the stop rule as if sent, so every storage setting publishes as many events.
      world.senderSent++;
      missEvent(world, target, sender.name, storage);
      continue;
    }
    const m = createWork(world, target, s);
    world.senderSent++;
    const handler = world.handlers[target.handler];
    const q = stream.publish && storage !== null ? route(world, sender, handler, m, storage.subscribers[target.handler]) : route(world, sender, handler, m);
    if (q < 0) continue; // no instance in the sender's mapping: lost, counted by route()
    world.then(sender.machine.operate(now, 1) + world.commitMs, Ev.SendDone, m, q);
  }
  world.afterSend();
  if (!world.sendingStopped) scheduleNext(world, s);
}

/** Schedules send stream s's next arrival, if it has one. */
export function scheduleNext(world: World, s: number): void {
  const stream = world.streams[s];
  const t = stream.arrivals.next(world.sim.now, stream.gapRng);
  if (t !== Infinity) world.sim.at(t, Ev.Arrival, s, 0);
  else world.streamEnded(s, 'its arrivals ended');
}

/**
 * A new work message for `target`, sent now from the machine of `origin` (sender stream index, or -1
 * for an event published by a handler). Its handler duration and how many of its attempts fail are
 * drawn here, in send order, so every strategy sees the same ones.
 */
export function createWork(world: World, target: SendTarget, sendIndex: number, publisher?: Sender): number {
  const now = world.sim.now;
  const pool = world.pool;
  const handler = world.handlers[target.handler];
  const m = pool.allocate(WORK);
  pool.type[m] = handler.type;
  pool.handler[m] = handler.index;
  pool.send[m] = sendIndex;
  pool.id[m] = world.sent;
  pool.serviceMs[m] = target.durations.sample(target.durationRng);
  if (handler.failureProbability > 0) pool.failuresLeft[m] = failingAttempts(handler.failureProbability, target.failureRng.next());
  pool.sentAt[m] = now;
  pool.at[m] = (publisher ?? world.streams[sendIndex].sender).machine.index;
  if (world.inWarmup(now)) pool.warmup[m] = 1;
  world.sent++;
  world.liveWork++;
  world.observer.sent(world, m);
  return m;
}

/**
 * How many attempts fail before one succeeds when each fails with probability p: P(k >= j) = p^j,
 * so k = floor(ln u / ln p) for u uniform in (0, 1]. One uniform per message, whatever the outcome.
 */
export function failingAttempts(p: number, uniform: number): number {
  if (p >= 1) return Infinity;
  return Math.floor(Math.log(1 - uniform) / Math.log(p));
}

/** A crashed machine restarts later: a crash of it in force has a fixed or random duration. */
function machineComesBack(world: World, machine: Machine): boolean {
  return world.faults.specs.some(
    (f, i) => world.faults.current[i] >= 0 && f.kind === 'crash' && f.machine === machine.name && (f.durationMs !== undefined || f.mttrMs !== undefined),
  );
}
