// The time-weighted average of a piecewise-constant quantity (a queue's length, busy threads).
// Each change adds value x elapsed time to a running area; averages over a window are area deltas.
export class TimeAverage {
  value = 0;
  max = 0;
  private area = 0;
  private last = 0;

  set(now: number, value: number): void {
    this.area += this.value * (now - this.last);
    this.last = now;
    this.value = value;
    if (value > this.max) this.max = value;
  }

  add(now: number, delta: number): void {
    this.set(now, this.value + delta);
  }

  /** The integral of the value from time 0 to `now` (now >= the last change). */
  areaAt(now: number): number {
    return this.area + this.value * (now - this.last);
  }
}
