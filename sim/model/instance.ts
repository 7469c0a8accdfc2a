// An endpoint instance: one process on a machine running `threads` handlers in parallel, each taking
// the next message from the queue it consumes (its own input queue, or the shared queue).
import type { Machine } from './machine.js';
import type { MessageQueue } from './queue.js';
import { TimeAverage } from './time-average.js';

export class EndpointInstance {
  /** Handler threads holding a message, over time. */
  readonly busy = new TimeAverage();
  /** Messages whose handler transaction committed here. */
  processed = 0;
  serviceSumMs = 0;
  /** The queue its threads receive from: its input queue, or the endpoint's shared queue. */
  source: MessageQueue;
  /** Distributor this worker sends ready messages to, if it works for one. */
  distributor = -1;

  constructor(
    readonly index: number,
    readonly name: string,
    readonly endpoint: number,
    readonly machine: Machine,
    readonly threads: number,
    /** Its own input queue on its machine. */
    readonly input: MessageQueue,
  ) {
    this.source = input;
  }
}
