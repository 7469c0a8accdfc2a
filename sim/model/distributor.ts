// The MSMQ distributor of one logical endpoint: a process with a data queue (where senders send
// work), a control queue (where workers send ready messages) and a storage queue holding one
// free-slot entry per free worker thread.
//
// Data processing runs `concurrency` forwarders. A forwarder receives the oldest data message, then
// pops the oldest free-slot entry (waiting for one if storage is empty) and sends the message to that
// worker, all in one transaction. Control processing runs `concurrency` processors that receive a
// ready message and store one entry per announced slot.
import { Ev } from './events.js';
import type { Machine } from './machine.js';
import { ENTRY } from './message-pool.js';
import type { MessageQueue } from './queue.js';
import type { World } from './world.js';

export class Distributor {
  /** Per forwarder: the data message it holds, or -1. */
  readonly holding: Int32Array;
  /** Per forwarder: its consumer number on the data queue and on the storage queue. */
  readonly dataConsumer: Int32Array;
  readonly slotConsumer: Int32Array;
  /** Messages forwarded. */
  forwarded = 0;

  constructor(
    readonly index: number,
    readonly endpoint: number,
    readonly machine: Machine,
    readonly concurrency: number,
    readonly data: MessageQueue,
    readonly control: MessageQueue,
    readonly storage: MessageQueue,
  ) {
    this.holding = new Int32Array(concurrency).fill(-1);
    this.dataConsumer = new Int32Array(concurrency);
    this.slotConsumer = new Int32Array(concurrency);
  }
}

/** A forwarder takes the oldest data message: receive it (1 operation). */
export function forwarderTake(world: World, c: number, m: number): void {
  const d = world.distributors[world.consumerRef[c]];
  d.holding[world.consumerSub[c]] = m;
  world.then(d.machine.operate(world.sim.now, 1), Ev.Received, c, m);
}

/** Holding a data message: pop the oldest free-slot entry, or wait for one (its slot consumer idles on storage). */
export function forwarderReceived(world: World, c: number): void {
  world.consumerIdle(world.distributors[world.consumerRef[c]].slotConsumer[world.consumerSub[c]]);
}

/** Pop the free-slot entry (a receive from storage) and send the held message: 2 operations. */
export function slotTake(world: World, c: number, entry: number): void {
  const d = world.distributors[world.consumerRef[c]];
  world.then(d.machine.operate(world.sim.now, 2), Ev.Commit, c, entry);
}

/** The forward committed: the held data message leaves for the entry's worker. */
export function slotCommit(world: World, c: number, entry: number): void {
  const pool = world.pool;
  const d = world.distributors[world.consumerRef[c]];
  const f = world.consumerSub[c];
  const worker = world.instances[pool.instance[entry]];
  pool.release(entry);
  const work = d.holding[f];
  d.holding[f] = -1;
  d.forwarded++;
  pool.forwardedAt[work] = world.sim.now;
  world.transmit(work, d.machine.index, worker.input.index);
  world.consumerIdle(d.dataConsumer[f]);
}

/** A control processor takes a ready message: receive it, then store one entry per announced slot. */
export function controlTake(world: World, c: number, ready: number): void {
  const d = world.distributors[world.consumerRef[c]];
  world.then(d.machine.operate(world.sim.now, 1 + world.pool.id[ready]), Ev.Commit, c, ready);
}

export function controlCommit(world: World, c: number, ready: number): void {
  const pool = world.pool;
  const d = world.distributors[world.consumerRef[c]];
  const slots = pool.id[ready];
  const worker = pool.instance[ready];
  // The ready message becomes the first entry; the rest are new ones.
  pool.kind[ready] = ENTRY;
  pool.id[ready] = 1;
  world.enqueue(ready, d.storage.index);
  for (let i = 1; i < slots; i++) {
    const entry = pool.allocate(ENTRY);
    pool.instance[entry] = worker;
    pool.id[entry] = 1;
    world.enqueue(entry, d.storage.index);
  }
  world.consumerIdle(c);
}
