// Readable names for messages and consumers, for trace records. They read the world's tables
// through the narrow view below, so the kernel's world can use them without an import circle.
import { Consumer } from './consumer.js';
import type { Distributor } from './distributor-state.js';
import type { EndpointInstance } from './instance.js';
import { KIND_NAMES, REPLY, SUBSCRIBE, WORK, type MessagePool } from './message-pool.js';
import type { Sender } from './sender.js';

/** The parts of the world the names come from. */
export interface NamedParts {
  readonly pool: MessagePool;
  readonly typeNames: readonly string[];
  readonly endpointNames: readonly string[];
  readonly instances: readonly EndpointInstance[];
  readonly senders: readonly Sender[];
  readonly distributors: readonly Distributor[];
  readonly consumerType: readonly number[];
  readonly consumerRef: readonly number[];
  readonly threadInstance: readonly EndpointInstance[];
}

/** PlaceOrder#3, OrderPlaced#3, ready(worker1), entry(worker1), ack(worker1), subscribe(Billing/worker1)... */
export function messageLabel(world: NamedParts, m: number): string {
  const pool = world.pool;
  const kind = pool.kind[m];
  if (kind === WORK || kind === REPLY) return `${world.typeNames[pool.type[m]]}#${pool.id[m]}`;
  const i = pool.instance[m];
  // A subscription names its subscriber as Endpoint/instance: two endpoints may have instances of one name.
  if (kind === SUBSCRIBE) return `subscribe(${i >= 0 ? `${world.endpointNames[world.instances[i].endpoint]}/${world.instances[i].name}` : '?'})`;
  const instance = i >= 0 ? world.instances[i].name : '?';
  return `${KIND_NAMES[kind]}(${instance})`;
}

export function consumerName(world: NamedParts, c: number): string {
  const ref = world.consumerRef[c];
  switch (world.consumerType[c]) {
    case Consumer.Thread: return world.threadInstance[ref].name;
    case Consumer.Replies: return world.senders[ref].name;
    case Consumer.Dead: return 'a crashed process';
    default: return world.distributors[ref].name;
  }
}
