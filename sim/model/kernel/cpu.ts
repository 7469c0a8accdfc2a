// A machine's CPU cores, shared by processor sharing among the CPU-bound work running on it: with n
// jobs on c cores each progresses at min(1, c/n) of full speed. IO-bound work never comes here.
//
// Jobs are few (a machine's busy threads), so arrays scanned on each change are fine. The world
// keeps one pending completion event per machine; `token` invalidates superseded ones.
import { TimeAverage } from './time-average.js';

export class Cpu {
  /** Per job: remaining CPU work (ms), and the consumer, message and continuation it belongs to. */
  readonly remaining: number[] = [];
  readonly consumer: number[] = [];
  readonly message: number[] = [];
  readonly kind: number[] = [];
  /** Busy cores (min(jobs, cores)) over time. */
  readonly busy = new TimeAverage();
  token = 0;
  private last = 0;

  constructor(readonly cores: number) {}

  get rate(): number {
    const n = this.remaining.length;
    return n <= this.cores ? 1 : this.cores / n;
  }

  /** Brings every job's remaining work up to `now`. */
  advance(now: number): void {
    const done = (now - this.last) * this.rate;
    this.last = now;
    if (done === 0) return;
    for (let i = 0; i < this.remaining.length; i++) this.remaining[i] -= done;
  }

  add(now: number, work: number, consumer: number, message: number, kind: number): void {
    this.advance(now);
    this.remaining.push(work);
    this.consumer.push(consumer);
    this.message.push(message);
    this.kind.push(kind);
    this.busy.set(now, Math.min(this.remaining.length, this.cores));
  }

  /** When the next job finishes at the current sharing, or Infinity when idle. */
  nextCompletion(now: number): number {
    if (this.remaining.length === 0) return Infinity;
    let least = Infinity;
    for (const r of this.remaining) if (r < least) least = r;
    return now + Math.max(0, least) / this.rate;
  }

  /** Drops the jobs of a consumer whose process crashed; returns how much CPU work was wasted. */
  removeConsumer(now: number, consumer: number): void {
    this.advance(now);
    for (let i = this.remaining.length - 1; i >= 0; i--) {
      if (this.consumer[i] !== consumer) continue;
      this.remaining.splice(i, 1);
      this.consumer.splice(i, 1);
      this.message.splice(i, 1);
      this.kind.splice(i, 1);
    }
    this.busy.set(now, Math.min(this.remaining.length, this.cores));
  }

  /** Removes the first finished job (remaining within rounding of zero); returns its index or -1. */
  takeFinished(now: number): number {
    for (let i = 0; i < this.remaining.length; i++) {
      if (this.remaining[i] > 1e-9) continue;
      // Swap-remove: order among jobs does not matter for processor sharing.
      const last = this.remaining.length - 1;
      this.finishedConsumer = this.consumer[i];
      this.finishedMessage = this.message[i];
      this.finishedKind = this.kind[i];
      this.remaining[i] = this.remaining[last];
      this.consumer[i] = this.consumer[last];
      this.message[i] = this.message[last];
      this.kind[i] = this.kind[last];
      this.remaining.pop();
      this.consumer.pop();
      this.message.pop();
      this.kind.pop();
      this.busy.set(now, Math.min(this.remaining.length, this.cores));
      return i;
    }
    return -1;
  }

  /** The consumer, message and kind of the job takeFinished() just removed. */
  finishedConsumer = -1;
  finishedMessage = -1;
  finishedKind = -1;
}
