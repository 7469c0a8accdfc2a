// A sending process on a machine, and its send streams (one per `sends:` entry).
//
// Common random numbers: each stream draws its arrival gaps and its messages' handler durations from
// streams named after the sender and the message type, in send order. Every strategy therefore sees
// exactly the same workload, and adding a machine, a worker or a strategy changes none of it.
import type { RandomStream } from '../random/stream.js';
import type { Sampler } from '../random/distributions.js';
import type { Machine } from './machine.js';
import type { MessageQueue } from './queue.js';

export class Sender {
  /** Sender-side round-robin: one counter per destination endpoint, shared by all message types. */
  readonly roundRobin: Int32Array;
  /** Its consumer number on its own input queue (replies). */
  consumer = -1;

  constructor(
    readonly index: number,
    readonly name: string,
    readonly machine: Machine,
    /** Its input queue, where replies arrive. */
    readonly replies: MessageQueue,
    endpointCount: number,
    /** Used only by the random strategy. */
    readonly routingRng: RandomStream,
  ) {
    this.roundRobin = new Int32Array(endpointCount);
  }
}

export class SendStream {
  constructor(
    readonly index: number,
    readonly sender: Sender,
    /** Message type index. */
    readonly type: number,
    readonly endpoint: number,
    readonly gaps: Sampler,
    readonly gapRng: RandomStream,
    readonly durations: Sampler,
    readonly durationRng: RandomStream,
    /** Reply message type index, or -1. */
    readonly replyType: number,
  ) {}
}
