// One flat record per completed work message (messages.csv), in the spirit of Ciw's data records.
// Built only when the user asks for --messages-csv: it allocates, the statistics path does not.
import type { World } from '../model/kernel/world.js';
import type { MessageRow } from './results.js';

export function messageRow(world: World, m: number, now: number, variant: string): MessageRow {
  const pool = world.pool;
  const handler = world.handlers[pool.handler[m]];
  const send = pool.send[m];
  const sent = pool.sentAt[m];
  const service = pool.workMs[m];
  const instance = pool.instance[m] >= 0 ? world.instances[pool.instance[m]] : undefined;
  return {
    strategy: world.strategy.name,
    variant,
    id: pool.id[m],
    sender: send >= 0 ? world.streams[send].sender.name : `${instance?.name ?? ''} (published)`,
    message: world.typeNames[pool.type[m]],
    endpoint: world.endpointNames[handler.endpoint],
    instance: instance?.name ?? '',
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
    attempts: pool.attempts[m],
  };
}
