// The discrete-event core: a clock and a queue of pending events, one event at a time.
//
// It knows nothing of machines, messages, randomness or files. An event is (time, kind, a, b):
// `kind` says what happens and `a`, `b` are integer arguments (a message slot, a thread number...),
// interpreted by the one EventHandler the simulator drives. No closure or promise per event.
//
// Rules (pinned by test/engine/simulator.test.ts):
// - events due at the same time run in the order they were scheduled;
// - run(until) runs every event with time <= until, and leaves later ones pending;
// - the clock never moves backwards; a negative or non-finite delay is an error.
import { EventQueue } from './event-queue.js';

export interface EventHandler {
  handle(kind: number, a: number, b: number): void;
}

export class Simulator {
  /** Current simulated time (ms). */
  now = 0;
  /** Events processed so far. */
  processed = 0;
  private readonly queue = new EventQueue();
  private stopRequested = false;

  /** Schedules an event `delay` ms from now. */
  schedule(delay: number, kind: number, a: number, b: number): void {
    if (!(delay >= 0) || delay === Infinity) throw new RangeError(`Negative or non-finite delay ${delay}`);
    this.queue.push(this.now + delay, kind, a, b);
  }

  /** Schedules an event at absolute time `time` (>= now). */
  at(time: number, kind: number, a: number, b: number): void {
    if (!(time >= this.now) || time === Infinity) {
      throw new RangeError(`Event time ${time} is before the clock ${this.now} or not finite`);
    }
    this.queue.push(time, kind, a, b);
  }

  get pending(): number {
    return this.queue.size;
  }

  peekTime(): number {
    return this.queue.peekTime();
  }

  /** Makes run() return after the current event. */
  stop(): void {
    this.stopRequested = true;
  }

  /**
   * Runs events in order until none is due at or before `until`, or stop() is called.
   * Returns the number of events processed by this call.
   */
  run(handler: EventHandler, until = Infinity): number {
    const queue = this.queue;
    this.stopRequested = false;
    let n = 0;
    while (!this.stopRequested && queue.size > 0 && queue.peekTime() <= until) {
      queue.pop();
      this.now = queue.time;
      n++;
      handler.handle(queue.kind, queue.a, queue.b);
    }
    this.processed += n;
    return n;
  }
}
