// The end-of-run ledger: where every work message sent is. Counted independently of the world's own
// counters (by scanning queues and live message slots), so a message the model dropped or counted
// twice shows up as an imbalance, which is an internal error, never a silent number.
import { PROCESSING, QUEUED, WORK } from '../model/kernel/message-pool.js';
import { Consumer } from '../model/kernel/consumer.js';
import type { World } from '../model/kernel/world.js';
import type { LeftoverRow } from './results.js';

export interface Ledger {
  sent: number;
  completed: number;
  queued: number;
  inFlight: number;
  lost: number;
  failed: number;
  /** Where work was left: queues, and outgoing queues (their messages count as in flight). */
  leftovers: LeftoverRow[];
}

export class LedgerError extends Error {}

export function takeLedger(world: World): Ledger {
  const pool = world.pool;
  const strategy = world.strategy.name;
  const leftovers: LeftoverRow[] = [];
  let queued = 0;
  for (const queue of world.queues) {
    let here = 0;
    for (let i = 0; i < queue.items.length; i++) if (pool.kind[queue.items.at(i)] === WORK) here++;
    const machine = queue.machine < 0 ? '(broker)' : world.machines[queue.machine].name;
    if (here > 0) leftovers.push({ strategy, variant: '', queue: queue.name, machine, messages: here });
    queued += here;
  }
  let liveQueued = 0;
  let inFlight = 0;
  let orphans = 0;
  const held = heldByLiveProcesses(world);
  const outgoing = new Array<number>(world.outgoing.length).fill(0);
  pool.forEachLive((m) => {
    if (pool.kind[m] !== WORK) return;
    if (pool.state[m] === QUEUED) liveQueued++;
    else inFlight++;
    // A message in a transaction must be in the hands of a live process; otherwise it was dropped.
    if (pool.state[m] === PROCESSING && !held.has(m)) orphans++;
    if (pool.via[m] >= 0) outgoing[pool.via[m]]++;
  });
  world.outgoing.forEach((out, i) => {
    if (outgoing[i] > 0) leftovers.push({ strategy, variant: '', queue: out.name, machine: world.machines[out.from].name, messages: outgoing[i] });
  });
  const ledger = { sent: world.sent, completed: world.completed, queued, inFlight, lost: world.lost, failed: world.failed, leftovers };
  const accounted = ledger.completed + queued + inFlight + ledger.lost + ledger.failed;
  if (liveQueued !== queued || accounted !== ledger.sent || world.liveWork !== queued + inFlight || orphans > 0) {
    throw new LedgerError(
      `internal: unbalanced ledger for strategy ${strategy}: sent ${ledger.sent} != completed ${ledger.completed} + ` +
        `queued ${queued} + in flight ${inFlight} + lost ${ledger.lost} + failed ${ledger.failed} ` +
        `(queued by state ${liveQueued}, live work ${world.liveWork}, ${orphans} in a transaction of no live process)`,
    );
  }
  return ledger;
}

/** The messages that live processes hold in open transactions: handler threads, distributors, leftover moves. */
function heldByLiveProcesses(world: World): Set<number> {
  const held = new Set<number>();
  for (let c = 0; c < world.consumerType.length; c++) {
    if (world.consumerType[c] !== Consumer.Thread) continue;
    const m = world.threadMessage[world.consumerRef[c]];
    if (m >= 0) held.add(m);
  }
  for (const d of world.distributors) for (let f = 0; f < d.concurrency; f++) if (d.holding[f] >= 0) held.add(d.holding[f]);
  // A leftover being moved (decommission step 6) is in the move's transaction.
  for (const instance of world.instances) if (instance.moving >= 0) held.add(instance.moving);
  return held;
}
