// A machine's outgoing queue towards one other machine (MSMQ store-and-forward). A message sent to
// another machine waits here, durable on the sender's disk, from its commit until the destination's
// queue manager accepts it.
import { IntFifo } from './fifo.js';
import { TimeAverage } from './time-average.js';

export class OutgoingQueue {
  /** Messages in it, over time. */
  readonly length = new TimeAverage();
  /** Work messages in it now (the rest are replies, ready messages, acknowledgements). */
  work = 0;
  /** Messages held here by a network partition, with their destination queues. */
  readonly held = new IntFifo();
  readonly heldQueues = new IntFifo();

  constructor(
    readonly index: number,
    readonly from: number,
    readonly to: number,
    readonly name: string,
  ) {}
}
