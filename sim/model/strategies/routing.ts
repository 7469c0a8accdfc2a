// Where a new message goes. Under a distributor or the shared queue every message for a handler goes
// to one queue. Under sender-side distribution the sending process picks an instance from its own
// copy of the instance mapping, the way its strategy kind chooses (world.choice, from the kind's
// definition in this folder).
import type { Handler } from '../kernel/handler.js';
import type { Sender } from '../kernel/sender.js';
import type { SenderChoice, World } from '../kernel/world.js';
import { lose } from '../processes/lose.js';

/**
 * The destination queue of work message m from `sender`, or -1 when the mapping has no instance (m is
 * lost). A published event's copy chooses among `list`, the subscribed instances in the publisher's
 * subscription storage, instead of the sender's mapping.
 */
export function route(world: World, sender: Sender, handler: Handler, m: number, list: readonly number[] = sender.view[handler.endpoint]): number {
  if (handler.queue >= 0) return handler.queue;
  const endpoint = handler.endpoint;
  if (list.length === 0) {
    lose(world, m, { cause: 'unroutable', sender: sender.name, endpoint: world.endpointNames[endpoint] });
    return -1;
  }
  const choice = world.choice as SenderChoice;
  const pick = choice.pick(world, sender, endpoint, list, m);
  const count = world.trace ? choice.count(world, sender, endpoint, list, pick) : NaN;
  const instance = world.instances[list[pick]];
  if (choice.counts) {
    sender.sentTo[instance.index]++;
    sender.unacked[instance.index]++;
  }
  if (world.trace) world.emit('route', m, sender.name, instance.name, { how: { strategy: world.strategy.kind, count } });
  return instance.input.index;
}
