// Decommission step 6: "check the input queue of the decommissioned instance for leftover messages
// and move them to other instances". At the time given (or once the instance has stopped, if it is
// still draining then), the messages in its input queue are counted, and each of those is moved in a
// transaction of its own on the instance's machine: received from the old queue and sent on (one
// receive and one send operation, then the commit), one at a time. They go to the endpoint's other
// instances in the mapping at that moment, in turn, or under a distributor to its data queue, where
// the distributor forwards them like any other message. Messages arriving later are not moved.
import { Ev } from '../kernel/events.js';
import { PROCESSING, QUEUED, WORK } from '../kernel/message-pool.js';
import type { World } from '../kernel/world.js';
import { transmit } from './transport.js';

/** The move waits for the machine to come back after a crash interrupted it. */
const RESUME = -2;

/** The Ev.MoveLeftovers event of instance i: b = -1 starts the move, -2 resumes it, else message b's move committed. */
export function moveLeftovers(world: World, i: number, b: number): void {
  if (b === RESUME) resume(world, i);
  else if (b < 0) startMove(world, i);
  else moved(world, i, b);
}

/** The name the move's steps go by in the trace. */
function mover(world: World, i: number): string {
  return `move leftovers of ${world.instances[i].name}`;
}

function startMove(world: World, i: number): void {
  const instance = world.instances[i];
  // Step 6 follows step 5: wait (checking every second) until the instance has stopped and its machine is up.
  if (instance.running || !instance.machine.up) {
    world.sim.schedule(1000, Ev.MoveLeftovers, i, -1);
    return;
  }
  const now = world.sim.now;
  instance.moveTargets.length = 0;
  if (instance.distributor >= 0) instance.moveTargets.push(world.distributors[instance.distributor].data.index);
  else {
    for (const j of world.endpointInstances[instance.endpoint]) {
      const other = world.instances[j];
      if (j !== i && !other.decommissioned && other.mappedAt(now)) instance.moveTargets.push(other.input.index);
    }
  }
  // With nowhere to go, they stay.
  if (instance.moveTargets.length === 0) return;
  let leftovers = 0;
  for (let k = 0; k < instance.input.items.length; k++) if (world.pool.kind[instance.input.items.at(k)] === WORK) leftovers++;
  instance.leftoversToMove = leftovers;
  moveNext(world, i);
}

function resume(world: World, i: number): void {
  if (world.instances[i].machine.up) moveNext(world, i);
  else world.sim.schedule(1000, Ev.MoveLeftovers, i, RESUME);
}

/** Receives the oldest leftover from the old queue and sends it on, in one transaction. */
function moveNext(world: World, i: number): void {
  const instance = world.instances[i];
  if (instance.leftoversToMove === 0) return;
  const queue = instance.input;
  const pool = world.pool;
  let m = -1;
  for (let k = 0; k < queue.items.length && m < 0; k++) if (pool.kind[queue.items.at(k)] === WORK) m = queue.items.at(k);
  if (m < 0) {
    instance.leftoversToMove = 0;
    return;
  }
  queue.items.remove(m);
  queue.length.set(world.sim.now, queue.items.length);
  pool.state[m] = PROCESSING;
  instance.moving = m;
  instance.leftoversToMove--;
  if (world.trace) world.emit('receive', m, mover(world, i), queue.name, {});
  world.then(instance.machine.operate(world.sim.now, 2) + world.commitMs, Ev.MoveLeftovers, i, m);
}

/**
 * Message m's move committed: it leaves for the next destination in turn, and the next leftover is
 * taken. If the machine crashed meanwhile, the transaction did not commit: m is back at the head of
 * the old queue, and the move goes on once the machine is up.
 */
function moved(world: World, i: number, m: number): void {
  const instance = world.instances[i];
  instance.moving = -1;
  if (!instance.machine.up) {
    const queue = instance.input;
    world.pool.state[m] = QUEUED;
    queue.items.unshift(m);
    queue.length.set(world.sim.now, queue.items.length);
    instance.leftoversToMove++;
    if (world.trace) world.emit('rollback', m, mover(world, i), queue.name, {});
    world.sim.schedule(1000, Ev.MoveLeftovers, i, RESUME);
    return;
  }
  const q = instance.moveTargets[instance.moveTurn % instance.moveTargets.length];
  instance.moveTurn++;
  transmit(world, m, instance.machine.index, q);
  moveNext(world, i);
}
