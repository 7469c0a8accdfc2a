// A binary min-heap of pending events ordered by (time, sequence).
//
// The sequence number only ever grows, so two events due at the same time come out in the order
// they were pushed (SimPy's rule): ties never depend on object identity or randomness.
//
// Inlined for speed: events are not objects. Each pending event lives in a numbered slot of
// parallel typed arrays (time, seq, kind, a, b); the heap orders slot numbers. Popping copies the
// winner into the public `time/kind/a/b` fields and recycles its slot, so the steady state allocates
// nothing. Arrays double when full.

export class EventQueue {
  /** The event taken by the last pop(). */
  time = 0;
  kind = 0;
  a = 0;
  b = 0;

  private slotTime: Float64Array;
  // Float64 rather than Uint32: a long run schedules more than 2^32 events; integers stay exact to 2^53.
  private slotSeq: Float64Array;
  private slotKind: Int32Array;
  private slotA: Int32Array;
  private slotB: Int32Array;
  private heap: Int32Array;
  private freeSlots: Int32Array;
  private freeCount: number;
  private count = 0;
  private nextSeq = 0;

  constructor(initialCapacity = 1024) {
    const n = Math.max(16, initialCapacity);
    this.slotTime = new Float64Array(n);
    this.slotSeq = new Float64Array(n);
    this.slotKind = new Int32Array(n);
    this.slotA = new Int32Array(n);
    this.slotB = new Int32Array(n);
    this.heap = new Int32Array(n);
    this.freeSlots = new Int32Array(n);
    for (let i = 0; i < n; i++) this.freeSlots[i] = n - 1 - i;
    this.freeCount = n;
  }

  get size(): number {
    return this.count;
  }

  /** Time of the earliest pending event; Infinity when empty. */
  peekTime(): number {
    return this.count === 0 ? Infinity : this.slotTime[this.heap[0]];
  }

  push(time: number, kind: number, a: number, b: number): void {
    if (this.freeCount === 0) this.grow();
    const slot = this.freeSlots[--this.freeCount];
    this.slotTime[slot] = time;
    this.slotSeq[slot] = this.nextSeq++;
    this.slotKind[slot] = kind;
    this.slotA[slot] = a;
    this.slotB[slot] = b;
    // Sift up.
    const heap = this.heap;
    const st = this.slotTime;
    const ss = this.slotSeq;
    const seq = ss[slot];
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent];
      if (st[p] < time || (st[p] === time && ss[p] < seq)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = slot;
  }

  /** Removes the earliest event into time/kind/a/b. Returns false when empty. */
  pop(): boolean {
    if (this.count === 0) return false;
    const heap = this.heap;
    const top = heap[0];
    this.time = this.slotTime[top];
    this.kind = this.slotKind[top];
    this.a = this.slotA[top];
    this.b = this.slotB[top];
    this.freeSlots[this.freeCount++] = top;
    const n = --this.count;
    if (n > 0) this.siftDown(heap[n], n);
    return true;
  }

  /** Places `slot` starting from the root of a heap of `n` entries. */
  private siftDown(slot: number, n: number): void {
    const heap = this.heap;
    const st = this.slotTime;
    const ss = this.slotSeq;
    const time = st[slot];
    const seq = ss[slot];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let c = heap[child];
      const right = child + 1;
      if (right < n) {
        const r = heap[right];
        if (st[r] < st[c] || (st[r] === st[c] && ss[r] < ss[c])) {
          child = right;
          c = r;
        }
      }
      if (time < st[c] || (time === st[c] && seq < ss[c])) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = slot;
  }

  private grow(): void {
    const old = this.slotTime.length;
    const n = old * 2;
    this.slotTime = growFloat(this.slotTime, n);
    this.slotSeq = growFloat(this.slotSeq, n);
    this.slotKind = growInt(this.slotKind, n);
    this.slotA = growInt(this.slotA, n);
    this.slotB = growInt(this.slotB, n);
    this.heap = growInt(this.heap, n);
    const free = new Int32Array(n);
    // All old slots are in use when we grow; the new ones are free.
    for (let i = 0; i < n - old; i++) free[i] = n - 1 - i;
    this.freeSlots = free;
    this.freeCount = n - old;
  }
}

function growFloat(a: Float64Array, n: number): Float64Array {
  const b = new Float64Array(n);
  b.set(a);
  return b;
}

function growInt(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}
