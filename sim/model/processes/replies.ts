// A sending process receiving from its own input queue: replies to what it sent (their round trip is
// measured from the original send), fair-distribution acknowledgements (which free up the
// instance's unacknowledged count) and, for a sender that publishes, subscriptions.
import { ACK, SUBSCRIBE } from '../kernel/message-pool.js';
import type { World } from '../kernel/world.js';
import { senderStored } from './subscriptions.js';

export function senderReceived(world: World, c: number, m: number): void {
  const pool = world.pool;
  const sender = world.senders[world.consumerRef[c]];
  if (pool.kind[m] === SUBSCRIBE) {
    if (sender.subscriptions === null) throw new Error(`internal: ${sender.name} received a subscription but publishes nothing`);
    senderStored(world, sender.subscriptions, m, sender.name);
    world.consumerIdle(c);
    return;
  }
  if (pool.kind[m] === ACK) {
    sender.unacked[pool.instance[m]] -= pool.id[m];
  } else {
    world.observer.replied(world, m);
    world.liveReplies--;
  }
  pool.release(m);
  world.consumerIdle(c);
  world.checkDrained();
}
