// Subscription storage: what a publisher knows of its subscribers. Each subscriber instance sends a
// subscription message at its start; the publisher instance that receives it writes it here. With
// shared storage every instance of the publishing endpoint reads and writes one storage; with
// per-instance storage each reads only what it received itself.
//
// A subscription is (the subscriber's handler of the event, the subscriber instance). When it
// publishes, a publisher sends one copy per subscribing endpoint it knows of (a handler with at least
// one subscribed instance); under sender-side distribution it chooses among the subscribed instances.

export class SubscriptionStorage {
  /** Per subscriber handler: its instances whose subscription is stored, in mapping (instance) order. */
  readonly subscribers: number[][] = [];
  /** Per subscriber handler x instance: 1 once stored. */
  private readonly known: Uint8Array;

  constructor(
    /** For the trace and reports: "Sales (shared)", "w1". */
    readonly name: string,
    handlerCount: number,
    private readonly instanceCount: number,
  ) {
    this.known = new Uint8Array(handlerCount * instanceCount);
    for (let h = 0; h < handlerCount; h++) this.subscribers.push([]);
  }

  /** Stores a subscription; false when it was already stored (a subscriber restarting subscribes again). */
  add(handler: number, instance: number): boolean {
    const k = handler * this.instanceCount + instance;
    if (this.known[k] === 1) return false;
    this.known[k] = 1;
    const list = this.subscribers[handler];
    let at = list.length;
    while (at > 0 && list[at - 1] > instance) at--;
    list.splice(at, 0, instance);
    return true;
  }

  /** Whether some instance of the endpoint of subscriber handler h has subscribed. */
  reaches(handler: number): boolean {
    return this.subscribers[handler].length > 0;
  }
}

/**
 * Where subscriber handler `subscriber`'s instances send a subscription message at their start: one
 * publisher's queue. `publisher` is the publisher instance whose input queue it is (sent only while
 * that instance is in the mapping), or -1 for a publishing sender or an endpoint's distributor or
 * shared queue.
 */
export interface Subscription {
  readonly subscriber: number;
  readonly queue: number;
  readonly publisher: number;
}
