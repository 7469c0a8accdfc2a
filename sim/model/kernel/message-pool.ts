// Every message in flight, as parallel typed arrays indexed by a slot number.
//
// Inlined for speed: a message is not an object. Slots are recycled when a message is done, so a
// ten-million-message run needs only as many slots as messages alive at once.
//
// Work messages are what senders send and handlers process; the other kinds are the transport's own
// traffic (replies to senders, ready messages to a distributor, free-slot entries in its storage).

export const WORK = 0;
export const REPLY = 1;
export const READY = 2;
export const ENTRY = 3;
/** A fair-distribution acknowledgement from a receiver to a sender. */
export const ACK = 4;
/** A subscription message from a subscriber instance (`instance`) for an event type (`type`) to a publisher. */
export const SUBSCRIBE = 5;

export const KIND_NAMES = ['work', 'reply', 'ready', 'entry', 'ack', 'subscribe'] as const;

/** Where a live message is, for the end-of-run ledger. */
export const IN_TRANSIT = 0; // being sent, in an outgoing queue, or on the network
export const QUEUED = 1; // stored in a queue, waiting to be received
export const PROCESSING = 2; // received by a process whose transaction has not committed yet

export class MessagePool {
  capacity: number;
  live = 0;
  kind: Uint8Array;
  state: Uint8Array;
  warmup: Uint8Array;
  /** Message type (index into the world's type names). */
  type: Int32Array;
  /** The sender's send entry that produced it (work and replies). */
  send: Int32Array;
  /** Global send order of work messages; for ready/entry messages, the worker's instance number. */
  id: Float64Array;
  /** Endpoint instance that handles (handled) it; -1 before delivery. A subscription: its subscriber instance. */
  instance: Int32Array;
  /** Machine where it is now (its queue's, or the one sending it); -1 = the broker. */
  at: Int32Array;
  /** Work: index into the world's handler table. A subscription: the subscriber's handler of the event. */
  handler: Int32Array;
  /** Ready/entry: the worker session it belongs to; work: the session of the entry it was forwarded on. */
  session: Int32Array;
  /** Outgoing queue it waits in while crossing to another machine; -1 otherwise. */
  via: Int32Array;
  /** Work: handler attempts so far, and attempts within the current retry round. */
  attempts: Int32Array;
  roundAttempts: Int32Array;
  /** Work: delayed-retry rounds used. */
  round: Int32Array;
  /** Resends so far of a message whose acknowledgement went astray (duplicate QMId). */
  resends: Int32Array;
  /** Work: how many more attempts will fail (drawn at send time; Infinity = every one). */
  failuresLeft: Float64Array;
  /** Work: processing time of the handler attempts that ran to their end (drawn duration / instance speed each). */
  workMs: Float64Array;
  /** Drawn handler processing time. */
  serviceMs: Float64Array;
  sentAt: Float64Array;
  queuedAt: Float64Array;
  forwardedAt: Float64Array;
  deliveredAt: Float64Array;
  startedAt: Float64Array;

  private free: Int32Array;
  private freeCount = 0;

  constructor(initialCapacity = 1024) {
    const n = initialCapacity;
    this.capacity = n;
    this.kind = new Uint8Array(n);
    this.state = new Uint8Array(n);
    this.warmup = new Uint8Array(n);
    this.type = new Int32Array(n);
    this.send = new Int32Array(n);
    this.id = new Float64Array(n);
    this.instance = new Int32Array(n);
    this.at = new Int32Array(n);
    this.handler = new Int32Array(n);
    this.session = new Int32Array(n);
    this.via = new Int32Array(n);
    this.attempts = new Int32Array(n);
    this.roundAttempts = new Int32Array(n);
    this.round = new Int32Array(n);
    this.failuresLeft = new Float64Array(n);
    this.resends = new Int32Array(n);
    this.workMs = new Float64Array(n);
    this.serviceMs = new Float64Array(n);
    this.sentAt = new Float64Array(n);
    this.queuedAt = new Float64Array(n);
    this.forwardedAt = new Float64Array(n);
    this.deliveredAt = new Float64Array(n);
    this.startedAt = new Float64Array(n);
    this.free = new Int32Array(n);
    for (let i = 0; i < n; i++) this.free[i] = n - 1 - i;
    this.freeCount = n;
  }

  /** A fresh slot with every hop time unset (NaN). */
  allocate(kind: number): number {
    if (this.freeCount === 0) this.grow();
    const m = this.free[--this.freeCount];
    this.live++;
    this.kind[m] = kind;
    this.state[m] = IN_TRANSIT;
    this.warmup[m] = 0;
    this.type[m] = -1;
    this.send[m] = -1;
    this.id[m] = -1;
    this.instance[m] = -1;
    this.at[m] = -1;
    this.handler[m] = -1;
    this.session[m] = 0;
    this.via[m] = -1;
    this.attempts[m] = 0;
    this.roundAttempts[m] = 0;
    this.round[m] = 0;
    this.failuresLeft[m] = 0;
    this.resends[m] = 0;
    this.workMs[m] = 0;
    this.serviceMs[m] = 0;
    this.sentAt[m] = NaN;
    this.queuedAt[m] = NaN;
    this.forwardedAt[m] = NaN;
    this.deliveredAt[m] = NaN;
    this.startedAt[m] = NaN;
    return m;
  }

  release(m: number): void {
    this.free[this.freeCount++] = m;
    this.live--;
  }

  /** Calls fn(slot) for every live slot (end-of-run ledger only; not for the hot path). */
  forEachLive(fn: (m: number) => void): void {
    const isFree = new Uint8Array(this.capacity);
    for (let i = 0; i < this.freeCount; i++) isFree[this.free[i]] = 1;
    for (let m = 0; m < this.capacity; m++) if (!isFree[m]) fn(m);
  }

  private grow(): void {
    const old = this.capacity;
    const n = old * 2;
    this.kind = grow(this.kind, new Uint8Array(n));
    this.state = grow(this.state, new Uint8Array(n));
    this.warmup = grow(this.warmup, new Uint8Array(n));
    this.type = grow(this.type, new Int32Array(n));
    this.send = grow(this.send, new Int32Array(n));
    this.id = grow(this.id, new Float64Array(n));
    this.instance = grow(this.instance, new Int32Array(n));
    this.at = grow(this.at, new Int32Array(n));
    this.handler = grow(this.handler, new Int32Array(n));
    this.session = grow(this.session, new Int32Array(n));
    this.via = grow(this.via, new Int32Array(n));
    this.attempts = grow(this.attempts, new Int32Array(n));
    this.roundAttempts = grow(this.roundAttempts, new Int32Array(n));
    this.round = grow(this.round, new Int32Array(n));
    this.failuresLeft = grow(this.failuresLeft, new Float64Array(n));
    this.resends = grow(this.resends, new Int32Array(n));
    this.workMs = grow(this.workMs, new Float64Array(n));
    this.serviceMs = grow(this.serviceMs, new Float64Array(n));
    this.sentAt = grow(this.sentAt, new Float64Array(n));
    this.queuedAt = grow(this.queuedAt, new Float64Array(n));
    this.forwardedAt = grow(this.forwardedAt, new Float64Array(n));
    this.deliveredAt = grow(this.deliveredAt, new Float64Array(n));
    this.startedAt = grow(this.startedAt, new Float64Array(n));
    this.free = new Int32Array(n);
    for (let i = 0; i < n - old; i++) this.free[i] = n - 1 - i;
    this.freeCount = n - old;
    this.capacity = n;
  }
}

function grow<T extends Uint8Array | Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
