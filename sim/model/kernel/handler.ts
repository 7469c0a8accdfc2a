// The handler table: one entry per (endpoint, message type) that some endpoint handles, with what the
// handler does besides processing (reply, publish) and where messages for it go under the run's
// strategy. Routing is per handler so that a distributor per message type can give each type its own
// queues and worker processes.
import type { Sampler } from '../../random/distributions.js';
import type { RandomStream } from '../../random/stream.js';
import type { RetrySpec } from '../scenario-types.js';

/** One destination of a send or publish: the handler that will process it, and its random streams. */
export class SendTarget {
  constructor(
    readonly handler: number,
    /** Handler durations, drawn in send order (common random numbers). */
    readonly durations: Sampler,
    readonly durationRng: RandomStream,
    /** Decides how many attempts of each message fail (only drawn when failures are possible). */
    readonly failureRng: RandomStream,
  ) {}
}

export class Handler {
  /** Queue every message for this handler goes to (a distributor's data queue or the shared queue); -1 = an instance's input queue, chosen by the sender. */
  queue = -1;
  /** Where its delayed retries go when that is not `queue`: the distributor its instances are enlisted with under sender-side routing (-1: `queue`, else the same instance). */
  retryQueue = -1;
  /** The worker processes that handle it, in mapping order. */
  readonly instances: number[] = [];
  /** Copies of the published event, one per subscribing endpoint (filled once all handlers exist). */
  publishTargets: SendTarget[] = [];

  constructor(
    readonly index: number,
    readonly endpoint: number,
    /** Message type index. */
    readonly type: number,
    /** Reply and published event type indexes, -1 when none. */
    readonly replyType: number,
    readonly publishType: number,
    readonly cpuBound: boolean,
    readonly failureProbability: number,
    readonly retries: RetrySpec,
  ) {}
}
