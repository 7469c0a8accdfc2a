// A sending process receiving from its own input queue: replies to what it sent (their round trip is
// measured from the original send) and fair-distribution acknowledgements (which free up the
// instance's unacknowledged count).
import { ACK } from '../kernel/message-pool.js';
import type { World } from '../kernel/world.js';

export function senderReceived(world: World, c: number, m: number): void {
  const pool = world.pool;
  const sender = world.senders[world.consumerRef[c]];
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
