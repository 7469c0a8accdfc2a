// What senders do: on each arrival, create the work message (drawing its handler duration from the
// sender's own stream), choose its destination by the run's strategy, and send it.
import { Ev } from './events.js';
import { WORK } from './message-pool.js';
import type { SendStream } from './sender.js';
import type { World } from './world.js';

/** An arrival of send stream s: one work message, then the next arrival. */
export function arrival(world: World, s: number): void {
  if (world.sendingStopped) return;
  const now = world.sim.now;
  const stream = world.streams[s];
  const pool = world.pool;
  const m = pool.allocate(WORK);
  pool.type[m] = stream.type;
  pool.send[m] = s;
  pool.id[m] = world.sent;
  pool.serviceMs[m] = stream.durations.sample(stream.durationRng);
  pool.sentAt[m] = now;
  pool.at[m] = stream.sender.machine.index;
  if (world.inWarmup(now)) pool.warmup[m] = 1;
  world.sent++;
  world.liveWork++;
  world.observer.sent(world, m);
  const queue = route(world, stream);
  world.then(stream.sender.machine.operate(now, 1), Ev.SendDone, m, queue);
  world.afterSend();
  if (!world.sendingStopped) world.sim.schedule(stream.gaps.sample(stream.gapRng), Ev.Arrival, s, 0);
}

/** The destination queue of a new message, by the run's strategy. */
function route(world: World, stream: SendStream): number {
  const endpoint = stream.endpoint;
  const fixed = world.endpointQueue[endpoint];
  if (fixed >= 0) return fixed; // the distributor's data queue, or the shared queue
  const list = world.endpointInstances[endpoint];
  const sender = stream.sender;
  let pick: number;
  if (world.strategy.kind === 'random') {
    pick = Math.floor(sender.routingRng.next() * list.length);
  } else {
    // Round-robin: the sender's own counter for this endpoint, shared by all its message types,
    // starting at the first instance.
    pick = sender.roundRobin[endpoint] % list.length;
    sender.roundRobin[endpoint]++;
  }
  return world.instances[list[pick]].input.index;
}
