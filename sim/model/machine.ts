// A machine: CPU cores and an MSMQ queue manager.
//
// Every send, receive and accept costs the queue manager one operation (a disk write or read inside
// a transaction). Operations on one machine are served one at a time, first come first served: the
// queue manager is the bottleneck that bounds a machine's message throughput (the "maximum MSMQ
// throughput of a machine, measured with NOOP handlers").
//
// Because requests reach the queue manager in time order and each takes a known time, FIFO service
// needs no queue of its own: the manager is free again at `freeAt`, and a new request completes at
// max(now, freeAt) + cost. That is exact, and costs no event.
export class Machine {
  /** When the queue manager finishes the operations already asked of it. */
  private freeAt = 0;
  /** Operations performed so far. */
  operations = 0;
  /** Time the queue manager has spent on operations (ms). */
  busyMs = 0;

  constructor(
    readonly index: number,
    readonly name: string,
    readonly cores: number,
    private readonly operationMs: number,
  ) {}

  /** Asks for `n` operations back to back; returns the time they complete. */
  operate(now: number, n: number): number {
    this.operations += n;
    const work = n * this.operationMs;
    this.busyMs += work;
    const start = this.freeAt > now ? this.freeAt : now;
    this.freeAt = start + work;
    return this.freeAt;
  }
}
