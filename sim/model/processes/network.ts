// What faults do to a message crossing the network: network partitions and duplicate QMIds both
// hold it in the sender's outgoing queue (it stays durable there, counted in flight).
//
// Partition: nothing crosses between the two machines; held messages cross when it heals.
//
// Duplicate QMId: machines cloned without sysprep share a queue manager id, and MSMQ routes
// acknowledgements by that id, so only one of them (the "owner", which changes at random) gets its
// acks. A message sent from or to any other member is never acknowledged: it stalls in the outgoing
// queue and is resent after 30 s (resends 1-3), 5 min (4-6), 30 min (7-9), then every 6 h. At each
// resend it goes through if both ends work by then, and otherwise vanishes with `lossProbability`.
import { Ev } from '../kernel/events.js';
import type { World } from '../kernel/world.js';
import { lose } from './lose.js';

export function pairKey(world: World, a: number, b: number): number {
  return Math.min(a, b) * world.machines.length + Math.max(a, b);
}

/** A committed message leaves `from` for queue q on machine `to`, unless a fault holds it. */
export function crossNetwork(world: World, m: number, from: number, to: number, q: number): void {
  const net = world.network;
  if (net) {
    if (net.partitions.has(pairKey(world, from, to))) {
      const out = world.outgoing[world.pool.via[m]];
      out.held.push(m);
      out.heldQueues.push(q);
      return;
    }
    if (stalls(world, from, to)) {
      stall(world, m, q, 1);
      return;
    }
  }
  world.then(world.sim.now + world.networkMs, Ev.Deliver, m, q);
}

/** True when a duplicate QMId keeps the acknowledgement for a message between `from` and `to` astray. */
function stalls(world: World, from: number, to: number): boolean {
  for (const end of [from, to]) {
    const g = world.machines[end].qmidGroup;
    if (g < 0) continue;
    const group = world.network?.groups.get(g);
    if (group?.active && group.owner !== end) return true;
  }
  return false;
}

function resendDelay(resend: number): number {
  if (resend <= 3) return 30_000;
  if (resend <= 6) return 300_000;
  if (resend <= 9) return 1_800_000;
  return 21_600_000;
}

function stall(world: World, m: number, q: number, resend: number): void {
  world.pool.resends[m] = resend;
  if (world.trace) world.emit('stall', m, world.machines[world.pool.at[m]].name, world.queues[q].name, { resend, resendInMs: resendDelay(resend) });
  world.sim.schedule(resendDelay(resend), Ev.Resend, m, q);
}

/** An unacknowledged message's resend timer fired. */
export function resend(world: World, m: number, q: number): void {
  const from = world.pool.at[m];
  const to = world.queues[q].machine;
  if (stalls(world, from, to)) {
    const group = world.network?.groups.get(world.machines[from].qmidGroup) ?? world.network?.groups.get(world.machines[to].qmidGroup);
    if (group && group.rng.next() < group.lossProbability) {
      lose(world, m, { cause: 'vanished' });
      return;
    }
    stall(world, m, q, world.pool.resends[m] + 1);
    return;
  }
  crossNetwork(world, m, from, to, q);
}

