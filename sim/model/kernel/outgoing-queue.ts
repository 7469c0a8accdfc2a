// A machine's outgoing queue towards one other machine (MSMQ store-and-forward). A message sent to
// another machine waits here, durable on the sender's disk, from its commit until the destination's
// queue manager accepts it. Under `transport.accept: session` it is also the network session between
// the two machines (../processes/session-accept.ts): the messages that crossed the network wait in
// `arrived` until the session may hand them over, and `inHands` counts those whose accept the
// destination's queue manager has queued and not finished.
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
  /** Session: messages across the network, not yet handed to the destination, with their queues. */
  readonly arrived = new IntFifo();
  readonly arrivedQueues = new IntFifo();
  /** Session: messages handed over whose accept is not done yet (at most `transport.window`). */
  inHands = 0;

  constructor(
    readonly index: number,
    readonly from: number,
    readonly to: number,
    readonly name: string,
  ) {}
}
