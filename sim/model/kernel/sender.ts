// A sending process on a machine, and its send streams (one per `sends:` entry).
//
// Common random numbers: each stream draws its arrival gaps, and each target its messages' handler
// durations, from streams named after the sender and the message type, in send order. Every strategy
// therefore sees exactly the same workload, and adding a machine, a worker or a strategy changes
// none of it.
import type { RandomStream } from '../../random/stream.js';
import type { ArrivalProcess } from '../../random/arrivals.js';
import type { SendTarget } from './handler.js';
import type { Machine } from './machine.js';
import type { MessageQueue } from './queue.js';
import type { SubscriptionStorage } from './subscriptions.js';

export class Sender {
  /** Sender-side round-robin: one counter per destination endpoint, shared by all message types. */
  readonly roundRobin: Int32Array;
  /** Per destination endpoint: the instances in this sender's copy of the instance mapping. */
  readonly view: number[][] = [];
  /** Fair distribution, per instance: messages sent to it, and those not yet acknowledged. */
  readonly sentTo: Int32Array;
  readonly unacked: Int32Array;
  /** Custom strategies: one state object per destination endpoint, kept between calls. */
  readonly customState: Record<string, unknown>[] = [];
  /** Its consumer number on its own input queue (replies, acknowledgements, subscriptions). */
  consumer = -1;
  /** A sender that publishes events: the subscriptions it received (its own storage; null when it publishes nothing). */
  subscriptions: SubscriptionStorage | null = null;

  constructor(
    readonly index: number,
    readonly name: string,
    readonly machine: Machine,
    /** Its input queue, where replies and acknowledgements arrive. */
    readonly replies: MessageQueue,
    endpointCount: number,
    instanceCount: number,
    /** Used by the random, fair (ties) and custom strategies. */
    readonly routingRng: RandomStream,
    readonly refreshMs: number,
    /** Draws the phase of its mapping refreshes, so senders are not in lockstep. */
    readonly refreshRng: RandomStream,
  ) {
    this.roundRobin = new Int32Array(endpointCount);
    this.sentTo = new Int32Array(instanceCount);
    this.unacked = new Int32Array(instanceCount);
    for (let e = 0; e < endpointCount; e++) {
      this.view.push([]);
      this.customState.push({});
    }
  }
}

export class SendStream {
  constructor(
    readonly index: number,
    readonly sender: Sender,
    /** Message (or event) type index. */
    readonly type: number,
    /** A command has one target; a published event one per subscribing endpoint. */
    readonly targets: readonly SendTarget[],
    readonly publish: boolean,
    /** When its messages are sent, and the stream that draws it. */
    readonly arrivals: ArrivalProcess,
    readonly gapRng: RandomStream,
    /** Messages already in the destination queue when the run starts. */
    readonly backlog = 0,
  ) {}
}
