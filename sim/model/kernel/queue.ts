// An MSMQ queue on a machine (or, for the ideal shared queue, on no machine).
//
// It holds message slots first in first out, and the processes waiting to receive from it (their
// consumer numbers), also first come first served: a message that arrives while someone waits goes
// straight to the longest waiter.
import { IntFifo } from './fifo.js';
import { TimeAverage } from './time-average.js';

/** What a queue is for; decides which hop time an arriving work message stamps. */
export const QueueRole = {
  /** A distributor's data queue, where senders send work. */
  Data: 0,
  /** An endpoint instance's input queue. */
  Input: 1,
  /** The ideal shared queue all instances take from (competing consumers). */
  Shared: 2,
  /** A distributor's control queue, where workers send ready messages. */
  Control: 3,
  /** A distributor's storage queue of free-slot entries. */
  Storage: 4,
  /** A sender's own input queue, where replies arrive. */
  Replies: 5,
} as const;
export type QueueRole = (typeof QueueRole)[keyof typeof QueueRole];

export class MessageQueue {
  readonly items = new IntFifo();
  /** Consumer numbers waiting for a message. */
  readonly waiting = new IntFifo();
  /** Number of messages in it, over time. */
  readonly length = new TimeAverage();

  constructor(
    readonly index: number,
    readonly name: string,
    /** Machine index, or -1 for the broker-side shared queue (a clustered queue moves to the node that holds it). */
    public machine: number,
    readonly role: QueueRole,
  ) {}

  /** True when the queue holds work messages (not transport bookkeeping). */
  get holdsWork(): boolean {
    return this.role === QueueRole.Data || this.role === QueueRole.Input || this.role === QueueRole.Shared;
  }
}
