// A growable first-in-first-out ring buffer of integers (message slots, consumer numbers).
// Used for every queue in the model, so it avoids the O(n) Array.shift().
export class IntFifo {
  private items: Int32Array;
  private head = 0;
  private count = 0;

  constructor(initialCapacity = 16) {
    this.items = new Int32Array(Math.max(4, initialCapacity));
  }

  get length(): number {
    return this.count;
  }

  push(value: number): void {
    if (this.count === this.items.length) this.grow();
    const cap = this.items.length;
    let tail = this.head + this.count;
    if (tail >= cap) tail -= cap;
    this.items[tail] = value;
    this.count++;
  }

  /** Puts a value back at the head (a transaction that aborted returns its message first in line). */
  unshift(value: number): void {
    if (this.count === this.items.length) this.grow();
    const cap = this.items.length;
    this.head = this.head === 0 ? cap - 1 : this.head - 1;
    this.items[this.head] = value;
    this.count++;
  }

  /** Removes and returns the oldest value; -1 when empty. */
  shift(): number {
    if (this.count === 0) return -1;
    const value = this.items[this.head];
    this.head++;
    if (this.head === this.items.length) this.head = 0;
    this.count--;
    return value;
  }

  /** Removes the first occurrence of value; returns whether it was there. O(n): for rare events only. */
  remove(value: number): boolean {
    for (let i = 0; i < this.count; i++) {
      if (this.at(i) !== value) continue;
      for (let j = i; j > 0; j--) this.set(j, this.at(j - 1));
      this.shift();
      return true;
    }
    return false;
  }

  private set(i: number, value: number): void {
    let index = this.head + i;
    if (index >= this.items.length) index -= this.items.length;
    this.items[index] = value;
  }

  /** The i-th oldest value (0 = head), without removing it. */
  at(i: number): number {
    let index = this.head + i;
    if (index >= this.items.length) index -= this.items.length;
    return this.items[index];
  }

  private grow(): void {
    const old = this.items;
    const next = new Int32Array(old.length * 2);
    for (let i = 0; i < this.count; i++) {
      let index = this.head + i;
      if (index >= old.length) index -= old.length;
      next[i] = old[index];
    }
    this.items = next;
    this.head = 0;
  }
}
