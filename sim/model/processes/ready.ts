// A distributor's worker tells it that it is ready for more: one ready message to the distributor's
// control queue, sent inside the transaction of a message the distributor forwarded to it.
import type { EndpointInstance } from '../kernel/instance.js';
import { READY } from '../kernel/message-pool.js';
import type { World } from '../kernel/world.js';
import { transmit } from './transport.js';

/**
 * A worker sends a ready message for a message forwarded on an entry of its current session (any
 * forwarded message without session ids). A message sent to it directly (sender-side routing next
 * to a distributor) was forwarded on no entry (session 0) and takes no ready message.
 */
export function readyDue(world: World, instance: EndpointInstance, m: number): boolean {
  const session = world.pool.session[m];
  return session > 0 && (!world.sessionIds || session === instance.session);
}

/** The committed transaction's ready message leaves for the worker's distributor. */
export function sendReady(world: World, instance: EndpointInstance): void {
  const pool = world.pool;
  const ready = pool.allocate(READY);
  pool.instance[ready] = instance.index;
  pool.id[ready] = 1;
  pool.session[ready] = instance.session;
  transmit(world, ready, instance.machine.index, world.distributors[instance.distributor].control.index);
}
