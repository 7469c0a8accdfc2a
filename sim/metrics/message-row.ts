// One flat record per completed work message (messages.csv), in the spirit of Ciw's data records.
// Built only when the user asks for --messages-csv: it allocates, the statistics path does not.
import type { World } from '../model/world.js';
import type { MessageRow } from './results.js';

export function messageRow(world: World, m: number, now: number): MessageRow {
  const pool = world.pool;
  const stream = world.streams[pool.send[m]];
  const sent = pool.sentAt[m];
  const service = pool.serviceMs[m];
  return {
    strategy: world.strategy.name,
    id: pool.id[m],
    sender: stream.sender.name,
    message: world.typeNames[pool.type[m]],
    endpoint: world.endpointNames[stream.endpoint],
    instance: pool.instance[m] >= 0 ? world.instances[pool.instance[m]].name : '',
    warmup: pool.warmup[m] === 1,
    sent_ms: sent,
    queued_ms: pool.queuedAt[m],
    forwarded_ms: pool.forwardedAt[m],
    delivered_ms: pool.deliveredAt[m],
    started_ms: pool.startedAt[m],
    completed_ms: now,
    latency_ms: now - sent,
    wait_ms: now - sent - service,
    service_ms: service,
  };
}
