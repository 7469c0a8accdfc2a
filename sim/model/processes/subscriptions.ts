// Subscriptions are messages. At each start a subscriber instance sends one subscription message per
// publisher address (./../build/build-subscriptions.ts says which), each a send of its own (1
// operation, then its commit wait). The publisher receives it (1 operation) and writes it to its
// subscription storage (1 operation), in one transaction; a worker of a distributor then sends its
// ready message as for any message forwarded to it. Only once that transaction commits does the
// publisher know the subscriber: an event it publishes before then misses that subscriber, and the
// copy that is not sent is counted (world.eventsMissed), never lost silently.
import { Ev } from '../kernel/events.js';
import type { SendTarget } from '../kernel/handler.js';
import { SUBSCRIBE } from '../kernel/message-pool.js';
import type { SubscriptionStorage } from '../kernel/subscriptions.js';
import type { World } from '../kernel/world.js';
import { readyDue, sendReady } from './ready.js';

/** Instance i has just started: its subscription messages leave, one transaction each. */
export function subscribe(world: World, i: number): void {
  const instance = world.instances[i];
  const pool = world.pool;
  const now = world.sim.now;
  for (const k of instance.subscribes) {
    const s = world.subscriptions[k];
    // A publisher instance is configured (and gets a subscription) while it is in the mapping.
    if (s.publisher >= 0 && !world.instances[s.publisher].mappedAt(now)) continue;
    const m = pool.allocate(SUBSCRIBE);
    pool.instance[m] = i;
    pool.handler[m] = s.subscriber;
    pool.type[m] = world.handlers[s.subscriber].type;
    pool.at[m] = instance.machine.index;
    world.then(instance.machine.operate(now, 1) + world.commitMs, Ev.SendDone, m, s.queue);
  }
}

/** A handler thread of a publisher takes a subscription message: receive it (1 operation). */
export function subscriptionTake(world: World, c: number, m: number): void {
  const now = world.sim.now;
  const thread = world.consumerRef[c];
  const instance = world.threadInstance[thread];
  world.threadMessage[thread] = m;
  instance.busy.add(now, 1);
  if (world.trace) world.emit('receive', m, instance.name, world.consumerQueue[c].name, {});
  world.then(instance.machine.operate(now, 1), Ev.Received, c, m);
}

/** Received: the storage write (1 operation) and, for a message a distributor forwarded, the ready message; then the commit. */
export function subscriptionReceived(world: World, c: number, m: number): void {
  const instance = world.threadInstance[world.consumerRef[c]];
  const sends = 1 + (instance.distributor >= 0 && readyDue(world, instance, m) ? 1 : 0);
  world.then(instance.machine.operate(world.sim.now, sends) + world.commitMs, Ev.Commit, c, m);
}

/** The transaction committed: the subscription is in storage, the ready message leaves, the thread takes the next message. */
export function subscriptionCommit(world: World, c: number, m: number): void {
  const thread = world.consumerRef[c];
  const instance = world.threadInstance[thread];
  world.threadMessage[thread] = -1;
  instance.busy.add(world.sim.now, -1);
  const storage = instance.subscriptions;
  if (storage === null) throw new Error(`internal: ${instance.name} received a subscription but publishes nothing`);
  store(world, storage, m, instance.name);
  if (instance.distributor >= 0 && readyDue(world, instance, m)) sendReady(world, instance);
  world.pool.release(m);
  world.process?.committed(world, c);
  world.consumerIdle(c);
}

/** A publishing sender received a subscription (its receive and storage write are done, and committed). */
export function senderStored(world: World, storage: SubscriptionStorage, m: number, by: string): void {
  store(world, storage, m, by);
  world.pool.release(m);
}

function store(world: World, storage: SubscriptionStorage, m: number, by: string): void {
  const pool = world.pool;
  const handler = world.handlers[pool.handler[m]];
  const stored = storage.add(handler.index, pool.instance[m]);
  if (world.trace) {
    world.emit('subscribe', m, by, storage.name, {
      eventType: world.typeNames[handler.type],
      endpoint: world.endpointNames[handler.endpoint],
      stored,
    });
  }
}

/**
 * The publisher knows no subscriber of target's endpoint yet: no copy is sent, and the miss is
 * counted. What the copy would have drawn is drawn anyway, so later copies keep their durations and
 * failures (common random numbers).
 */
export function missEvent(world: World, target: SendTarget, by: string, storage: SubscriptionStorage): void {
  const handler = world.handlers[target.handler];
  world.eventsMissed++;
  target.durations.sample(target.durationRng);
  if (handler.failureProbability > 0) target.failureRng.next();
  if (world.trace) world.emit('missed', -1, by, storage.name, { eventType: world.typeNames[handler.type], endpoint: world.endpointNames[handler.endpoint] });
}
