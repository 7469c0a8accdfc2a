// An endpoint instance: one worker process on a machine running `threads` handlers in parallel, each
// taking the next message from the queue it consumes (its own input queue, or the shared queue).
// Under a distributor per message type, one physical instance runs one such process per type.
import type { Machine } from './machine.js';
import type { MessageQueue } from './queue.js';
import type { Sender } from './sender.js';
import type { SubscriptionStorage } from './subscriptions.js';
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
  /** Its consumer numbers (one per thread). */
  readonly threadConsumers: number[] = [];
  /** The current process start; a restart begins a new session. */
  session = 0;
  /** False before it starts (addedAt) and while crashed. */
  running = false;
  /** Decommissioned: stopped for good, never restarted. */
  decommissioned = false;
  /** The process's own sending side, for events its handlers publish (null when none do). */
  publisher: Sender | null = null;
  /** Where it stores the subscriptions it receives and reads them when it publishes (null when it publishes nothing). */
  subscriptions: SubscriptionStorage | null = null;
  /** The subscription messages it sends at each start (indexes into world.subscriptions). */
  readonly subscribes: number[] = [];
  /**
   * Decommission step 6 (../processes/move-leftovers.ts): the leftovers still to move, the message in
   * the move's open transaction (-1: none), the queues they go to, and the next of those in turn.
   */
  leftoversToMove = 0;
  moving = -1;
  readonly moveTargets: number[] = [];
  moveTurn = 0;
  /** Fair distribution: messages processed per sender since its last acknowledgement to it. */
  readonly unackedBySender: number[] = [];

  constructor(
    readonly index: number,
    readonly name: string,
    readonly endpoint: number,
    readonly machine: Machine,
    readonly threads: number,
    /** Its own input queue on its machine. */
    readonly input: MessageQueue,
    /** Free slots announced to a distributor when it starts. */
    readonly capacity: number,
    /** Relative speed: processing time = drawn duration / speed. */
    readonly speed: number,
    readonly addedAtMs: number,
    /** When it leaves the instance mapping (a careful decommission sets it). */
    public removedAtMs: number,
  ) {
    this.source = input;
  }

  /** Whether the instance is in the instance mapping at time `now`. */
  mappedAt(now: number): boolean {
    return this.addedAtMs <= now && now < this.removedAtMs;
  }
}
