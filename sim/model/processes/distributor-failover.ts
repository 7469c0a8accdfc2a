// High availability: a distributor on a two-node failover cluster (strategy key `standby`). Its
// queues are clustered resources on the cluster's shared disk, reached under one address whichever
// node holds them. When the node running it crashes, the process stops as in any crash (its open
// transactions roll back, ./distributor-lifecycle.ts); `failover` later the cluster brings the queues
// and a new distributor process online on the other node, with everything the queues held. Deliveries
// that waited for the crashed node's queue manager (still in the senders' outgoing queues) are then
// accepted by the new node's. The process starts with no registrations, as after any restart.
// There is no failback: when the crashed node returns, the distributor stays where it is.
import { Ev } from '../kernel/events.js';
import type { Distributor } from '../kernel/distributor-state.js';
import type { Machine } from '../kernel/machine.js';
import type { World } from '../kernel/world.js';
import { restartDistributor } from './distributor-lifecycle.js';
import { resumeMovedQueues } from './session-accept.js';
import { resumeAccepts } from './transport.js';

/** The node running clustered distributor d crashed (its process already stopped): the failover starts. */
export function startFailover(world: World, d: Distributor): void {
  d.awaitingNode = false;
  world.sim.schedule(d.failoverMs, Ev.Failover, d.index, ++d.failovers);
}

/** The failover of distributor d is due (`token`: the crash it answers; an older one is ignored). */
export function failover(world: World, di: number, token: number): void {
  const d = world.distributors[di];
  if (d.running || token !== d.failovers) return;
  const other = d.nodes[0] === d.machine ? d.nodes[1] : d.nodes[0];
  // The other node takes over; if it is down too, the node that crashed, if it is back by now.
  const node = other.up ? other : d.machine.up ? d.machine : null;
  if (node === null) d.awaitingNode = true;
  else bringOnline(world, d, node);
}

/** A machine restarted: a distributor whose failover found both nodes down comes online on it. */
export function clusterNodeUp(world: World, machine: Machine): void {
  for (const d of world.distributors) {
    if (d.awaitingNode && d.nodes.includes(machine)) {
      d.awaitingNode = false;
      bringOnline(world, d, machine);
    }
  }
}

/** The distributor's queues, with what they hold, and a new process come online on `node`. */
function bringOnline(world: World, d: Distributor, node: Machine): void {
  const from = d.machine;
  if (node !== from) {
    const pool = world.pool;
    for (const queue of [d.data, d.control, d.storage]) {
      queue.machine = node.index;
      for (let k = 0; k < queue.items.length; k++) pool.at[queue.items.at(k)] = node.index;
    }
    // What waited for the crashed node's queue manager is now for the new node's, in arrival order.
    const waiting = from.pendingMessages.length;
    for (let k = 0; k < waiting; k++) {
      const m = from.pendingMessages.shift();
      const q = from.pendingQueues.shift();
      const target = world.queues[q].machine === node.index ? node : from;
      target.pendingMessages.push(m);
      target.pendingQueues.push(q);
    }
    d.machine = node;
  }
  restartDistributor(world, d, from.name);
  resumeAccepts(world, node);
  // Under sessions, what waits in the senders' sessions towards the node it left goes to this one.
  if (world.sessionAccept && node !== from) resumeMovedQueues(world, from.index);
  // The crash of the node it left is over, for the distributor's work, now.
  world.faults.specs.forEach((f, i) => {
    const o = world.faults.current[i];
    if (o >= 0 && f.kind === 'crash' && f.machine === from.name && Number.isNaN(world.faults.occurrences[o].resumedAt)) world.faults.occurrences[o].resumedAt = world.sim.now;
  });
}
