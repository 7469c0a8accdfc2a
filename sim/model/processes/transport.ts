// MSMQ as the model sees it. Each operation costs `transport.operation` on the machine that performs
// it (see machine.ts for how a queue manager serves them):
// - send: 1 operation on the sending machine, inside the sender's transaction. The message leaves
//   when the transaction commits: locally it is stored in the destination queue at once; to another
//   machine it goes into the outgoing queue towards that machine, crosses the network
//   (`transport.network`, one way), and is stored there with 1 accept operation. Until then it is in
//   the outgoing queue. When the accept is done depends on `transport.accept`: `session` (the
//   default) queues it at the destination queue manager like any local operation, at most
//   `transport.window` per outgoing queue at a time (./session-accept.ts); `local-first` waits until
//   the destination queue manager has no local operation in hand (accept() below).
// - receive: 1 operation on the receiving machine (a distributor's pop of a free-slot entry is a
//   receive from its storage queue).
// So a message costs each machine it touches one write when it arrives and one read when it is taken.
// - commit: a transaction (a handler's, a forward, a control message's, a send's, a reply's receive)
//   then waits `transport.commit` for its commit to be durable; the queue manager serves other work
//   meanwhile, so only the committing process waits (once per transaction; an abort pays none).
//
// The shared queue of the `shared-queue` strategy is broker-side: no queue manager pays for storing
// it; the sender pays its send, the network delay applies, the worker pays its receive.
import { Ev } from '../kernel/events.js';
import { IN_TRANSIT, WORK } from '../kernel/message-pool.js';
import type { Machine } from '../kernel/machine.js';
import { OutgoingQueue } from '../kernel/outgoing-queue.js';
import { crossNetwork } from './network.js';
import { resumeSessions, sessionDeliver } from './session-accept.js';
import type { World } from '../kernel/world.js';

/** A committed send leaves machine `from` for queue q: locally at once, else via the outgoing queue. */
export function transmit(world: World, m: number, from: number, q: number): void {
  const queue = world.queues[q];
  const pool = world.pool;
  pool.state[m] = IN_TRANSIT;
  if (world.trace) world.emit('send', m, world.machines[from].name, queue.name, { via: queue.machine === from ? 'local' : queue.machine < 0 ? 'broker' : 'outgoing' });
  if (queue.machine === from) {
    world.enqueue(m, q);
    return;
  }
  if (queue.machine >= 0) {
    const out = outgoingQueue(world, from, queue.machine);
    pool.via[m] = out.index;
    pool.at[m] = from;
    out.length.add(world.sim.now, 1);
    if (pool.kind[m] === WORK) out.work++;
  }
  if (queue.machine < 0) world.then(world.sim.now + world.networkMs, Ev.Enqueue, m, q);
  else crossNetwork(world, m, from, queue.machine, q);
}

/**
 * A message reached its destination machine. Under `session` its outgoing queue's session takes it;
 * under `local-first` it is accepted now if the queue manager is idle, else it waits.
 */
export function deliver(world: World, m: number, q: number): void {
  if (world.sessionAccept) {
    sessionDeliver(world, m, q);
    return;
  }
  const machine = world.machines[world.queues[q].machine];
  machine.pendingMessages.push(m);
  machine.pendingQueues.push(q);
  if (machine.pendingMessages.length === 1) accept(world, machine);
}

/** Machine `machine` restarted: deliveries waiting for it (and, under `session`, its own sessions) go on. */
export function resumeAccepts(world: World, machine: Machine): void {
  if (world.sessionAccept) resumeSessions(world, machine.index);
  else accept(world, machine);
}

/** The idle check scheduled by accept(): try again. */
export function queueManagerIdle(world: World, machineIndex: number): void {
  const machine = world.machines[machineIndex];
  machine.idleCheck = false;
  accept(world, machine);
}

/**
 * `local-first`: accepts the oldest waiting delivery if the queue manager has nothing local in hand; otherwise
 * checks again when it will be free. One delivery per idle moment: after it, local work that
 * arrived meanwhile goes first.
 */
export function accept(world: World, machine: Machine): void {
  // A crashed machine accepts nothing: deliveries wait, in the senders' outgoing queues, for its restart.
  if (machine.pendingMessages.length === 0 || !machine.up) return;
  const now = world.sim.now;
  if (machine.freeTime > now) {
    if (!machine.idleCheck) {
      machine.idleCheck = true;
      world.sim.at(machine.freeTime, Ev.QueueManagerIdle, machine.index, 0);
    }
    return;
  }
  const m = machine.pendingMessages.shift();
  const q = machine.pendingQueues.shift();
  const pool = world.pool;
  const out = world.outgoing[pool.via[m]];
  out.length.add(now, -1);
  if (pool.kind[m] === WORK) out.work--;
  pool.via[m] = -1;
  const done = machine.operate(now, 1);
  if (world.trace) world.emit('accept', m, machine.name, world.queues[q].name, {});
  // The enqueue goes first: local work it triggers at that instant keeps its priority over the next delivery.
  world.then(done, Ev.Enqueue, m, q);
  if (machine.pendingMessages.length > 0 && !machine.idleCheck) {
    machine.idleCheck = true;
    world.sim.at(machine.freeTime, Ev.QueueManagerIdle, machine.index, 0);
  }
}

/** The outgoing queue from one machine to another, created on first use. */
function outgoingQueue(world: World, from: number, to: number): OutgoingQueue {
  const key = from * world.machines.length + to;
  const known = world.outgoingIndex.get(key);
  if (known !== undefined) return world.outgoing[known];
  const name = `outgoing ${world.machines[from].name} -> ${world.machines[to].name}`;
  const out = new OutgoingQueue(world.outgoing.length, from, to, name);
  world.outgoing.push(out);
  world.outgoingIndex.set(key, out.index);
  return out;
}
