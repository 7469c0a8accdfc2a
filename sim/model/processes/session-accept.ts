// Accepting network deliveries through sessions (`transport.accept: session`, the default).
//
// Each outgoing queue (sender machine -> destination machine) is one network session. A message that
// crossed the network waits in the session, still in the sender's outgoing queue, until the session
// may hand it over: at most `transport.window` messages per session are in the destination's hands
// at a time. Handing one over queues its accept at the destination queue manager like any other
// operation, first come first served with the machine's local work (machine.ts). When the accept
// completes the message is stored in its queue, leaves the sender's outgoing queue, and the session
// hands over the next one.
//
// So a saturated receiver still accepts, at its share of its queue manager, and its backlog sits in
// its own queues (a distributor's data queue), while each sender's outgoing queue holds only what the
// receiver has not yet had time to take in.
//
// A session stops while either end is down or a partition cuts the two machines apart, and resumes
// when they are back (resumeSessions). An accept in progress when the destination crashes is undone:
// the message goes back to the head of its session, to be handed over again after the restart. A
// session hands each message to the machine its queue is on now: when a cluster failover brings a
// distributor's queues online on the other node (one address, whichever node holds them), what waits
// in the sessions towards the crashed node goes to the new one (resumeMovedQueues).
import { Ev } from '../kernel/events.js';
import { WORK } from '../kernel/message-pool.js';
import type { OutgoingQueue } from '../kernel/outgoing-queue.js';
import type { World } from '../kernel/world.js';
import { pairKey } from './network.js';

/** Message m crossed the network to queue q: it joins its session, which hands it over when it may. */
export function sessionDeliver(world: World, m: number, q: number): void {
  const out = world.outgoing[world.pool.via[m]];
  out.arrived.push(m);
  out.arrivedQueues.push(q);
  handOver(world, out);
}

/** A session's accept completed: the message is stored, leaves the outgoing queue, and the next is handed over. */
export function sessionAccepted(world: World, m: number, q: number): void {
  const out = world.outgoing[world.pool.via[m]];
  if (!world.machines[world.queues[q].machine].up) {
    // The destination crashed while storing it: the sender still has it, first in line.
    out.inHands--;
    out.arrived.unshift(m);
    out.arrivedQueues.unshift(q);
    return;
  }
  store(world, out, m);
  world.enqueue(m, q);
  handOver(world, out);
}

/** The accept of m is done: it leaves the sender's outgoing queue and the session's window. */
function store(world: World, out: OutgoingQueue, m: number): void {
  const pool = world.pool;
  out.inHands--;
  out.length.add(world.sim.now, -1);
  if (pool.kind[m] === WORK) out.work--;
  pool.via[m] = -1;
}

/** Machine `machine` is back: the sessions from and to it hand over what waits in them. */
export function resumeSessions(world: World, machine: number): void {
  for (const out of world.outgoing) if (out.from === machine || out.to === machine) handOver(world, out);
}

/** Queues on machine `from` came online on another machine (a cluster failover): the sessions towards `from` hand over to it. */
export function resumeMovedQueues(world: World, from: number): void {
  for (const out of world.outgoing) if (out.to === from) handOver(world, out);
}

/** A partition between machines a and b healed: their sessions resume. */
export function resumePair(world: World, a: number, b: number): void {
  for (const out of world.outgoing) if ((out.from === a && out.to === b) || (out.from === b && out.to === a)) handOver(world, out);
}

/**
 * Hands the session's waiting messages, in order, to the queue manager of the machine each one's
 * queue is on, while the window has room and that machine can take it.
 */
function handOver(world: World, out: OutgoingQueue): void {
  if (!world.machines[out.from].up) return;
  const now = world.sim.now;
  while (out.inHands < world.window && out.arrived.length > 0) {
    const q = out.arrivedQueues.at(0);
    const machine = world.machines[world.queues[q].machine];
    if (!machine.up || world.network?.partitions.has(pairKey(world, out.from, machine.index))) return;
    const m = out.arrived.shift();
    out.arrivedQueues.shift();
    out.inHands++;
    const done = machine.operate(now, 1);
    if (world.trace) world.emit('accept', m, machine.name, world.queues[q].name, {});
    if (done > now) {
      world.sim.at(done, Ev.Accepted, m, q);
      continue;
    }
    // A zero-cost accept is done at once (as every zero-cost step is); the loop then goes on.
    store(world, out, m);
    world.enqueue(m, q);
  }
}
