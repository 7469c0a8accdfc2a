// What the narrated trace keeps count of while it reads every record of a run, including those of
// messages it does not tell about: which message ids it has seen, how many messages wait in each
// queue, and which free-slot entries each distributor holds. All of it is counted from records.

/** Work message ids seen so far: one bit each (ids are dense, from 0), so long runs stay small. */
export class IdSet {
  private bits = new Uint8Array(1024);

  /** Marks `id` seen; true if it was not seen before. */
  add(id: number): boolean {
    const byte = id >>> 3;
    if (byte >= this.bits.length) {
      const grown = new Uint8Array(Math.max(byte + 1, this.bits.length * 2));
      grown.set(this.bits);
      this.bits = grown;
    }
    const mask = 1 << (id & 7);
    if (this.bits[byte] & mask) return false;
    this.bits[byte] |= mask;
    return true;
  }

  has(id: number): boolean {
    const byte = id >>> 3;
    return byte < this.bits.length && (this.bits[byte] & (1 << (id & 7))) !== 0;
  }
}

/** Work messages and replies waiting in each queue: stored (enqueue, rollback) minus taken (receive, lost). */
export class QueueCounts {
  private readonly where = new Map<string, string>();
  private readonly counts = new Map<string, number>();

  /** `label` is stored in `queue`; returns how many were waiting there before it. */
  store(label: string, queue: string): number {
    this.take(label);
    const ahead = this.counts.get(queue) ?? 0;
    this.counts.set(queue, ahead + 1);
    this.where.set(label, queue);
    return ahead;
  }

  /** `label` left its queue (received or lost). */
  take(label: string): void {
    const queue = this.where.get(label);
    if (queue === undefined) return;
    this.where.delete(label);
    this.counts.set(queue, (this.counts.get(queue) ?? 1) - 1);
  }
}

interface Slot {
  worker: string;
  session: string;
}

/** Each distributor's free-slot entries, oldest first: registered, popped by forwards, put back by rollbacks. */
export class SlotStorage {
  private readonly slots = new Map<string, Slot[]>();

  private of(distributor: string): Slot[] {
    let list = this.slots.get(distributor);
    if (list === undefined) {
      list = [];
      this.slots.set(distributor, list);
    }
    return list;
  }

  register(distributor: string, worker: string, session: string, n: number): void {
    const list = this.of(distributor);
    for (let i = 0; i < n; i++) list.push({ worker, session });
  }

  /** A forward used the oldest entry of `worker`. */
  pop(distributor: string, worker: string, session: string): void {
    const list = this.of(distributor);
    let k = list.findIndex((s) => s.worker === worker && s.session === session);
    if (k < 0) k = list.findIndex((s) => s.worker === worker);
    if (k >= 0) list.splice(k, 1);
  }

  /** Every entry of `worker` left storage (a "worker starting" without session ids removes them). */
  removeAll(distributor: string, worker: string): void {
    const list = this.of(distributor);
    for (let k = list.length - 1; k >= 0; k--) if (list[k].worker === worker) list.splice(k, 1);
  }

  /** A popped entry went back to the head of storage (its forwarder's transaction rolled back). */
  putBack(distributor: string, worker: string): void {
    this.of(distributor).unshift({ worker, session: '' });
  }

  /** Worker names of the free slots, oldest first. */
  free(distributor: string): string[] {
    return this.of(distributor).map((s) => s.worker);
  }
}

/** What each instance's handler threads hold, and which instance takes from each queue (none when shared). */
export class Handling {
  private readonly holding = new Map<string, string[]>();
  private readonly takers = new Map<string, string | null>();

  /** A handler thread of `instance` received `label` from `queue`. */
  start(instance: string, queue: string, label: string): void {
    const known = this.takers.get(queue);
    this.takers.set(queue, known === undefined || known === instance ? instance : null);
    const list = this.holding.get(instance);
    if (list === undefined) this.holding.set(instance, [label]);
    else list.push(label);
  }

  /** The thread holding `label` on `instance` committed or rolled back. */
  end(instance: string, label: string): void {
    const list = this.holding.get(instance);
    const k = list === undefined ? -1 : list.indexOf(label);
    if (k >= 0) list?.splice(k, 1);
  }

  clear(instance: string): void {
    this.holding.delete(instance);
  }

  /** The one instance that takes from `queue`, and what it holds now. */
  busy(queue: string): { instance: string; with: string[] } | undefined {
    const instance = this.takers.get(queue);
    if (instance === undefined || instance === null) return undefined;
    const list = this.holding.get(instance) ?? [];
    return list.length === 0 ? undefined : { instance, with: [...list] };
  }

  /** True when no handler thread of `instance` holds a message. */
  idle(instance: string): boolean {
    return (this.holding.get(instance)?.length ?? 0) === 0;
  }
}
