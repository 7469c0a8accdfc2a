// What a handler thread of an endpoint instance does with one message, in one transaction:
// receive it (1 operation), run the handler for the message's drawn duration, send its reply and,
// when working for a distributor, its ready message (1 operation each), then commit: only then do
// the outgoing messages leave, and the thread takes the next message.
import { Ev } from './events.js';
import { READY, REPLY } from './message-pool.js';
import type { World } from './world.js';

export function threadTake(world: World, c: number, m: number): void {
  const now = world.sim.now;
  const thread = world.consumerRef[c];
  const instance = world.threadInstance[thread];
  world.threadMessage[thread] = m;
  instance.busy.add(now, 1);
  world.pool.instance[m] = instance.index;
  world.then(instance.machine.operate(now, 1), Ev.Received, c, m);
}

export function threadReceived(world: World, c: number, m: number): void {
  const now = world.sim.now;
  world.pool.startedAt[m] = now;
  world.then(now + world.pool.serviceMs[m], Ev.HandlerDone, c, m);
}

export function handlerDone(world: World, c: number, m: number): void {
  const instance = world.threadInstance[world.consumerRef[c]];
  const sends = (world.streams[world.pool.send[m]].replyType >= 0 ? 1 : 0) + (instance.distributor >= 0 ? 1 : 0);
  const now = world.sim.now;
  world.then(sends === 0 ? now : instance.machine.operate(now, sends), Ev.Commit, c, m);
}

/** The handler's transaction committed: the work is done; its reply and ready message leave. */
export function threadCommit(world: World, c: number, m: number): void {
  const now = world.sim.now;
  const pool = world.pool;
  const thread = world.consumerRef[c];
  const instance = world.threadInstance[thread];
  world.threadMessage[thread] = -1;
  instance.busy.add(now, -1);
  instance.processed++;
  instance.serviceSumMs += pool.serviceMs[m];
  world.completed++;
  world.liveWork--;
  world.observer.completed(world, m);
  const stream = world.streams[pool.send[m]];
  if (stream.replyType >= 0) {
    const r = pool.allocate(REPLY);
    pool.type[r] = stream.replyType;
    pool.send[r] = pool.send[m];
    pool.id[r] = pool.id[m];
    pool.sentAt[r] = pool.sentAt[m];
    pool.warmup[r] = pool.warmup[m];
    pool.instance[r] = instance.index;
    world.liveReplies++;
    world.transmit(r, instance.machine.index, stream.sender.replies.index);
  }
  if (instance.distributor >= 0) {
    const ready = pool.allocate(READY);
    pool.instance[ready] = instance.index;
    pool.id[ready] = 1;
    world.transmit(ready, instance.machine.index, world.distributors[instance.distributor].control.index);
  }
  pool.release(m);
  world.consumerIdle(c);
  world.checkDrained();
}
