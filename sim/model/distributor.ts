// The MSMQ distributor of one logical endpoint: a process with a data queue (where senders send
// work), a control queue (where workers send ready messages) and a storage queue holding one
// free-slot entry per free worker thread.
//
// Data processing runs `concurrency` forwarders. A forwarder receives the oldest data message, then
// pops the oldest free-slot entry (waiting for one if storage is empty) and sends the message to that
// worker, all in one transaction. Control processing runs `concurrency` processors that receive a
// ready message and store one entry per announced slot.
import type { Machine } from './machine.js';
import type { MessageQueue } from './queue.js';

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
