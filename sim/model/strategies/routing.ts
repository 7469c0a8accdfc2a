// Where a new message goes. Under a distributor or the shared queue every message for a handler goes
// to one queue. Under sender-side distribution the sending process picks an instance from its own
// copy of the instance mapping, with no feedback (round-robin, random), with acknowledgement-based
// flow control (fair), or with the user's module (custom).
import type { Handler } from '../kernel/handler.js';
import type { Sender } from '../kernel/sender.js';
import { lose } from '../processes/lose.js';
import type { World } from '../kernel/world.js';
import { callCustom } from './custom-strategy.js';

/** The destination queue of work message m from `sender`, or -1 when the mapping has no instance (m is lost). */
export function route(world: World, sender: Sender, handler: Handler, m: number): number {
  if (handler.queue >= 0) return handler.queue;
  const endpoint = handler.endpoint;
  const list = sender.view[endpoint];
  if (list.length === 0) {
    lose(world, m, `${sender.name} has no instance of ${world.endpointNames[endpoint]} in its mapping`);
    return -1;
  }
  let pick: number;
  let how: string;
  switch (world.strategy.kind) {
    case 'random':
      pick = Math.floor(sender.routingRng.next() * list.length);
      how = 'at random';
      break;
    case 'fair':
      pick = fairPick(sender, list);
      how = `fewest unacknowledged (${sender.unacked[list[pick]]})`;
      break;
    case 'custom':
      pick = callCustom(world, sender, endpoint, list, m);
      how = 'by the custom strategy';
      break;
    default: {
      // Round-robin: the sender's own counter for this endpoint, shared by all its message types,
      // starting at the first instance and not reset when the mapping changes.
      const counter = sender.roundRobin[endpoint]++;
      pick = counter % list.length;
      how = `round-robin counter ${counter}`;
    }
  }
  const instance = world.instances[list[pick]];
  if (world.strategy.kind === 'fair') {
    sender.sentTo[instance.index]++;
    sender.unacked[instance.index]++;
  }
  if (world.trace) world.emit('route', m, sender.name, instance.name, how);
  return instance.input.index;
}

/** Fair distribution: instances never sent to first, then the fewest unacknowledged; ties at random. */
function fairPick(sender: Sender, list: readonly number[]): number {
  let best = Infinity;
  let ties = 0;
  let pick = 0;
  for (let k = 0; k < list.length; k++) {
    const i = list[k];
    const score = sender.sentTo[i] === 0 ? -1 : sender.unacked[i];
    if (score < best) {
      best = score;
      ties = 1;
      pick = k;
    } else if (score === best) {
      // Reservoir choice among equals: each tie is equally likely, one uniform per tie.
      ties++;
      if (sender.routingRng.next() * ties < 1) pick = k;
    }
  }
  return pick;
}
