// What the distributor knows of its workers (NServiceBus.Distributor.Msmq's availability manager):
// per worker its current session, kept in the distributor process's memory.
// - "worker starting" records the new session and stores `capacity` entries; a worker without
//   session ids first has every entry of its in storage removed (a receive each).
// - A ready message counts only from a registered worker's current session: one from an older
//   session, an unknown worker, or a disconnected worker is dropped.
// - A popped entry of a disconnected worker, or of a session that is not the worker's current one,
//   is dropped and the next one popped; an entry of a worker the distributor does not know (it
//   restarted since) registers that entry's session again. An entry without a session id (old-style
//   worker) is used with no check at all, as the source does.
// - A clean stop ("disconnect") unregisters the worker.
import { ControlKind, DISCONNECTED, type Distributor } from '../kernel/distributor-state.js';
import { ENTRY } from '../kernel/message-pool.js';
import type { DropCause } from '../kernel/trace.js';
import type { World } from '../kernel/world.js';

/** The operations a control message costs once received: entries stored, entries removed. */
export function controlOperations(world: World, d: Distributor, m: number): number {
  const pool = world.pool;
  switch (pool.round[m]) {
    case ControlKind.Starting: return pool.id[m] + (world.sessionIds ? 0 : entriesOf(d, world, pool.instance[m]));
    case ControlKind.Disconnect: return 0;
    default: return readyDrop(world, d, m) === null ? pool.id[m] : 0;
  }
}

/** Why a ready message is not counted, or null when it is. */
function readyDrop(world: World, d: Distributor, m: number): DropCause | null {
  const reg = d.registered.get(world.pool.instance[m]);
  if (reg === undefined) return 'unknown-worker';
  if (reg === DISCONNECTED) return 'disconnected';
  if (world.sessionIds && reg !== world.pool.session[m]) return 'old-session';
  return null;
}

/** Why a popped entry is not used, or null when it is (registering an unknown worker from it). */
export function entryDrop(world: World, d: Distributor, entry: number): DropCause | null {
  // An entry without a session id (an old-style worker) is used as it is: no check at all.
  if (!world.sessionIds) return null;
  const pool = world.pool;
  const worker = pool.instance[entry];
  const reg = d.registered.get(worker);
  if (reg === undefined) {
    d.registered.set(worker, pool.session[entry]);
    if (world.trace) world.emit('registration', entry, d.name, d.storage.name, { worker: world.instances[worker].name, session: pool.session[entry], change: 'from-entry', removed: 0 });
    return null;
  }
  if (reg === DISCONNECTED) return 'disconnected';
  if (reg !== pool.session[entry]) return 'old-session';
  return null;
}

export function traceDrop(world: World, d: Distributor, m: number, what: 'entry' | 'ready', why: DropCause): void {
  const pool = world.pool;
  world.emit('drop', m, d.name, what === 'entry' ? d.storage.name : d.control.name, { what, worker: world.instances[pool.instance[m]].name, session: pool.session[m], why });
}

/** A control processor's transaction committed: carry out the control message m (which it consumes). */
export function applyControl(world: World, d: Distributor, m: number): void {
  const pool = world.pool;
  const worker = pool.instance[m];
  const session = pool.session[m];
  const name = world.instances[worker].name;
  const kind = pool.round[m];
  if (kind === ControlKind.Disconnect) {
    d.registered.set(worker, DISCONNECTED);
    if (world.trace) world.emit('registration', m, d.name, d.control.name, { worker: name, session, change: 'disconnected', removed: 0 });
    pool.release(m);
    return;
  }
  if (kind === ControlKind.Starting) {
    d.registered.set(worker, session);
    const removed = world.sessionIds ? 0 : removeEntries(world, d, worker);
    if (world.trace) world.emit('registration', m, d.name, d.control.name, { worker: name, session, change: 'starting', removed });
  } else {
    const why = readyDrop(world, d, m);
    if (why !== null) {
      d.droppedReady++;
      if (world.trace) traceDrop(world, d, m, 'ready', why);
      pool.release(m);
      return;
    }
  }
  const slots = pool.id[m];
  if (world.trace) world.emit('register', m, d.name, d.storage.name, { slots, worker: name, session });
  // The control message becomes the first entry; the rest are new ones.
  pool.kind[m] = ENTRY;
  pool.id[m] = 1;
  pool.round[m] = 0;
  world.enqueue(m, d.storage.index);
  for (let i = 1; i < slots; i++) {
    const entry = pool.allocate(ENTRY);
    pool.instance[entry] = worker;
    pool.session[entry] = session;
    pool.id[entry] = 1;
    world.enqueue(entry, d.storage.index);
  }
}

function entriesOf(d: Distributor, world: World, worker: number): number {
  let n = 0;
  for (let k = 0; k < d.storage.items.length; k++) if (world.pool.instance[d.storage.items.at(k)] === worker) n++;
  return n;
}

/** Removes every entry of `worker` from storage (entries held by an open forward stay with it); returns how many. */
function removeEntries(world: World, d: Distributor, worker: number): number {
  const items = d.storage.items;
  const n = items.length;
  let removed = 0;
  for (let k = 0; k < n; k++) {
    const e = items.shift();
    if (world.pool.instance[e] === worker) {
      world.pool.release(e);
      removed++;
    } else items.push(e);
  }
  if (removed > 0) d.storage.length.set(world.sim.now, items.length);
  d.droppedEntries += removed;
  return removed;
}
