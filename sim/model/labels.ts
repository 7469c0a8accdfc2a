// Readable names for messages and consumers, for trace records.
import { KIND_NAMES, REPLY, WORK } from './message-pool.js';
import { Consumer, type World } from './world.js';

/** PlaceOrder#3, OrderPlaced#3, ready(worker1), entry(worker1), ack(worker1)... */
export function messageLabel(world: World, m: number): string {
  const pool = world.pool;
  const kind = pool.kind[m];
  if (kind === WORK || kind === REPLY) return `${world.typeNames[pool.type[m]]}#${pool.id[m]}`;
  const instance = pool.instance[m] >= 0 ? world.instances[pool.instance[m]].name : '?';
  return `${KIND_NAMES[kind]}(${instance})`;
}

export function consumerName(world: World, c: number): string {
  const ref = world.consumerRef[c];
  switch (world.consumerType[c]) {
    case Consumer.Thread: return world.threadInstance[ref].name;
    case Consumer.Replies: return world.senders[ref].name;
    case Consumer.Dead: return 'a crashed process';
    default: return world.distributors[ref].name;
  }
}
