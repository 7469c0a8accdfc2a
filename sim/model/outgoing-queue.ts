// A machine's outgoing queue towards one other machine (MSMQ store-and-forward). A message sent to
// another machine waits here, durable on the sender's disk, from its commit until the destination's
// queue manager accepts it.
import { TimeAverage } from './time-average.js';

export class OutgoingQueue {
  /** Messages in it, over time. */
  readonly length = new TimeAverage();

  constructor(
    readonly index: number,
    readonly from: number,
    readonly to: number,
    readonly name: string,
  ) {}
}
