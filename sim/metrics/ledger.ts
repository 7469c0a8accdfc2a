// The end-of-run ledger: where every work message sent is. Counted independently of the world's own
// counters (by scanning queues and live message slots), so a message the model dropped or counted
// twice shows up as an imbalance, which is an internal error, never a silent number.
import { QUEUED, WORK } from '../model/message-pool.js';
import type { World } from '../model/world.js';
import type { LeftoverRow } from './results.js';

export interface Ledger {
  sent: number;
  completed: number;
  queued: number;
  inFlight: number;
  lost: number;
  leftovers: LeftoverRow[];
}

export class LedgerError extends Error {}

export function takeLedger(world: World): Ledger {
  const pool = world.pool;
  const leftovers: LeftoverRow[] = [];
  let queued = 0;
  for (const queue of world.queues) {
    let here = 0;
    for (let i = 0; i < queue.items.length; i++) if (pool.kind[queue.items.at(i)] === WORK) here++;
    if (here > 0) {
      leftovers.push({
        strategy: world.strategy.name,
        queue: queue.name,
        machine: queue.machine < 0 ? '(broker)' : world.machines[queue.machine].name,
        messages: here,
      });
    }
    queued += here;
  }
  let liveQueued = 0;
  let inFlight = 0;
  pool.forEachLive((m) => {
    if (pool.kind[m] !== WORK) return;
    if (pool.state[m] === QUEUED) liveQueued++;
    else inFlight++;
  });
  const ledger = { sent: world.sent, completed: world.completed, queued, inFlight, lost: world.lost, leftovers };
  const accounted = ledger.completed + queued + inFlight + ledger.lost;
  if (liveQueued !== queued || accounted !== ledger.sent || world.liveWork !== queued + inFlight) {
    throw new LedgerError(
      `internal: unbalanced ledger for strategy ${world.strategy.name}: sent ${ledger.sent} != completed ` +
        `${ledger.completed} + queued ${queued} + in flight ${inFlight} + lost ${ledger.lost} ` +
        `(queued by state ${liveQueued}, live work ${world.liveWork})`,
    );
  }
  return ledger;
}
