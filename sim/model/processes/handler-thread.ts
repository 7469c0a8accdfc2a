// What a handler thread of an endpoint instance does with one message, in one transaction:
// receive it (1 operation), run the handler (IO-bound: its drawn duration / the instance's speed;
// CPU-bound: that much CPU time on the machine's shared cores), then either
// - succeed: send its reply, published events, ready message (distributor) and fair-distribution
//   acknowledgement (1 operation each) and commit; only then do they leave;
// - fail with immediate retries left: abort; the message goes back to the head of the queue and is
//   received again (NServiceBus immediate retries, on the same instance);
// - fail after the immediate retries: commit with one send to the delayed-retry store (the next round
//   comes back after its delay through the distributor, or to the same instance) or, after the last
//   round, to the error queue.
import { Ev } from '../kernel/events.js';
import { ACK, IN_TRANSIT, REPLY } from '../kernel/message-pool.js';
import { route } from '../strategies/routing.js';
import { createWork } from './sending.js';
import { transmit } from './transport.js';
import type { World } from '../kernel/world.js';
import { addCpuWork, CpuJob } from './cpu-work.js';
import { readyDue, sendReady } from './ready.js';
import { missEvent } from './subscriptions.js';

/** What a finished attempt leads to (per thread, decided in handlerDone, carried out at commit). */
const Outcome = { Success: 0, Delayed: 1, Error: 2 } as const;

export function threadTake(world: World, c: number, m: number): void {
  const now = world.sim.now;
  const pool = world.pool;
  const thread = world.consumerRef[c];
  const instance = world.threadInstance[thread];
  world.threadMessage[thread] = m;
  instance.busy.add(now, 1);
  pool.instance[m] = instance.index;
  pool.attempts[m]++;
  pool.roundAttempts[m]++;
  if (world.trace) world.emit('receive', m, instance.name, world.consumerQueue[c].name, { attempt: pool.attempts[m] });
  world.then(instance.machine.operate(now, 1), Ev.Received, c, m);
}

export function threadReceived(world: World, c: number, m: number): void {
  const now = world.sim.now;
  const pool = world.pool;
  const instance = world.threadInstance[world.consumerRef[c]];
  if (Number.isNaN(pool.startedAt[m])) pool.startedAt[m] = now;
  // The drawn duration (the same in every strategy) on this instance, slowed by any slowdown of its machine.
  const work = (pool.serviceMs[m] / instance.speed) * instance.machine.factor;
  world.threadWork[world.consumerRef[c]] = work;
  const handler = world.handlers[pool.handler[m]];
  if (world.trace) world.emit('handle', m, instance.name, instance.machine.name, { workMs: work, cpu: handler.cpuBound });
  if (handler.cpuBound) addCpuWork(world, instance.machine, work, c, m, CpuJob.Handler);
  else world.then(now + work, Ev.HandlerDone, c, m);
}

export function handlerDone(world: World, c: number, m: number): void {
  const pool = world.pool;
  const thread = world.consumerRef[c];
  const instance = world.threadInstance[thread];
  const handler = world.handlers[pool.handler[m]];
  const now = world.sim.now;
  // The attempt ran to its end (failed or not): its processing counts; one cut short by a crash does not.
  pool.workMs[m] += world.threadWork[thread];
  let sends = instance.distributor >= 0 && readyDue(world, instance, m) ? 1 : 0;
  if (pool.failuresLeft[m] > 0) {
    pool.failuresLeft[m]--;
    if (pool.roundAttempts[m] <= handler.retries.immediate) {
      world.retries++;
      if (world.trace) world.emit('fail', m, instance.name, instance.machine.name, { next: 'immediate' });
      abort(world, c, m);
      return;
    }
    const delayed = pool.round[m] < handler.retries.delayedMs.length;
    if (delayed) world.retries++;
    world.threadOutcome[thread] = delayed ? Outcome.Delayed : Outcome.Error;
    if (world.trace) world.emit('fail', m, instance.name, instance.machine.name, delayed ? { next: 'delayed', round: pool.round[m] + 1 } : { next: 'error' });
    sends++; // the move to the delayed-retry store or the error queue
  } else {
    world.threadOutcome[thread] = Outcome.Success;
    sends += (handler.replyType >= 0 && pool.send[m] >= 0 ? 1 : 0) + readSubscriptions(world, thread, handler.publishTargets.length) + (ackDue(world, instance.index, m) ? 1 : 0);
  }
  world.then((sends === 0 ? now : instance.machine.operate(now, sends)) + world.commitMs, Ev.Commit, c, m);
}

/** The transaction rolled back: the thread is free and the message is first in line again. */
export function abort(world: World, c: number, m: number): void {
  const thread = world.consumerRef[c];
  world.threadMessage[thread] = -1;
  world.threadInstance[thread].busy.add(world.sim.now, -1);
  world.rollback(c, m);
  world.consumerIdle(c);
}

/** The handler's transaction committed: what it sent leaves, and the thread takes the next message. */
export function threadCommit(world: World, c: number, m: number): void {
  const now = world.sim.now;
  const pool = world.pool;
  const thread = world.consumerRef[c];
  const instance = world.threadInstance[thread];
  const handler = world.handlers[pool.handler[m]];
  const from = instance.machine.index;
  world.threadMessage[thread] = -1;
  instance.busy.add(now, -1);
  const ready = instance.distributor >= 0 && readyDue(world, instance, m);
  const outcome = world.threadOutcome[thread];
  if (outcome === Outcome.Success) {
    instance.processed++;
    instance.serviceSumMs += world.threadWork[thread];
    world.completed++;
    world.liveWork--;
    world.observer.completed(world, m);
    if (world.trace) world.emit('complete', m, instance.name, instance.machine.name, {});
    sendReply(world, m, from);
    if (ackDue(world, instance.index, m)) sendAck(world, instance.index, m, from);
    else countForAck(world, instance.index, m);
    const publisher = instance.publisher;
    const storage = instance.subscriptions;
    if (publisher && storage) {
      const reached = world.threadReached[thread];
      for (let k = 0; k < handler.publishTargets.length; k++) {
        const target = handler.publishTargets[k];
        if (reached[k] === 0) {
          missEvent(world, target, publisher.name, storage);
          continue;
        }
        const copy = createWork(world, target, -1, publisher);
        const q = route(world, publisher, world.handlers[target.handler], copy, storage.subscribers[target.handler]);
        if (q >= 0) transmit(world, copy, from, q);
      }
    }
    pool.release(m);
  } else if (outcome === Outcome.Delayed) {
    const delay = handler.retries.delayedMs[pool.round[m]];
    pool.round[m]++;
    pool.roundAttempts[m] = 0;
    pool.at[m] = from;
    pool.state[m] = IN_TRANSIT; // in the delayed-retry store until it is due
    // Back through the distributor (any worker) or the shared queue; sender-side: the same instance,
    // unless the instances are also enlisted with a distributor, which then gets it.
    const q = handler.retryQueue >= 0 ? handler.retryQueue : handler.queue >= 0 ? handler.queue : instance.input.index;
    if (world.trace) world.emit('delay', m, instance.name, world.queues[q].name, { dueMs: delay });
    world.sim.schedule(delay, Ev.RetryDue, m, q);
  } else {
    world.failed++;
    world.liveWork--;
    world.observer.failed(world, m);
    if (world.trace) world.emit('error', m, instance.name, 'error queue', { attempts: pool.attempts[m] });
    pool.release(m);
  }
  if (ready) sendReady(world, instance);
  world.process?.committed(world, c);
  world.consumerIdle(c);
  world.checkDrained();
}

/**
 * The handler publishes: it reads its subscription storage now, and one copy per subscribing endpoint
 * it knows of goes at the commit (marked in the thread's threadReached). Returns the copies (sends).
 */
function readSubscriptions(world: World, thread: number, targets: number): number {
  if (targets === 0) return 0;
  const instance = world.threadInstance[thread];
  const storage = instance.subscriptions;
  const handler = world.handlers[world.pool.handler[world.threadMessage[thread]]];
  const reached = world.threadReached[thread];
  let copies = 0;
  for (let k = 0; k < targets; k++) {
    reached[k] = storage !== null && storage.reaches(handler.publishTargets[k].handler) ? 1 : 0;
    copies += reached[k];
  }
  return copies;
}

/** Acknowledging strategies (fair): the receiver acknowledges every `ackEvery` messages it processed for a sender. */
function ackDue(world: World, instance: number, m: number): boolean {
  const s = world.pool.send[m];
  if (world.ackEvery === 0 || s < 0) return false;
  const sender = world.streams[s].sender.index;
  return (world.instances[instance].unackedBySender[sender] ?? 0) + 1 >= world.ackEvery;
}

function sendAck(world: World, i: number, m: number, from: number): void {
  const pool = world.pool;
  const instance = world.instances[i];
  const sender = world.streams[pool.send[m]].sender;
  instance.unackedBySender[sender.index] = 0;
  const ack = pool.allocate(ACK);
  pool.instance[ack] = i;
  pool.id[ack] = world.ackEvery;
  transmit(world, ack, from, sender.replies.index);
}

/** Counts a processed message towards the next acknowledgement, after ackDue() said none is due yet. */
function countForAck(world: World, i: number, m: number): void {
  const s = world.pool.send[m];
  if (world.ackEvery === 0 || s < 0) return;
  const sender = world.streams[s].sender.index;
  world.instances[i].unackedBySender[sender] = (world.instances[i].unackedBySender[sender] ?? 0) + 1;
}

function sendReply(world: World, m: number, from: number): void {
  const pool = world.pool;
  const handler = world.handlers[pool.handler[m]];
  if (handler.replyType < 0 || pool.send[m] < 0) return;
  const r = pool.allocate(REPLY);
  pool.type[r] = handler.replyType;
  pool.send[r] = pool.send[m];
  pool.id[r] = pool.id[m];
  pool.sentAt[r] = pool.sentAt[m];
  pool.warmup[r] = pool.warmup[m];
  pool.instance[r] = pool.instance[m];
  world.liveReplies++;
  transmit(world, r, from, world.streams[pool.send[m]].sender.replies.index);
}
