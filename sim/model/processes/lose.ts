// A message gone for good (express messages in a crash, a vanished resend, no instance to route to).
import { REPLY, WORK } from '../kernel/message-pool.js';
import type { LossCause } from '../kernel/trace.js';
import type { World } from '../kernel/world.js';

/** Message m is gone for good: counted lost (work), and out of any outgoing queue. */
export function lose(world: World, m: number, loss: LossCause): void {
  const pool = world.pool;
  if (world.trace) world.emit('lost', m, pool.at[m] >= 0 ? world.machines[pool.at[m]].name : 'broker', '', { loss });
  if (pool.via[m] >= 0) {
    const out = world.outgoing[pool.via[m]];
    out.length.add(world.sim.now, -1);
    if (pool.kind[m] === WORK) out.work--;
  }
  if (pool.kind[m] === WORK) {
    world.lost++;
    world.liveWork--;
    world.observer.lost(world, m);
  } else if (pool.kind[m] === REPLY) {
    world.liveReplies--;
  }
  pool.release(m);
  world.checkDrained();
}
