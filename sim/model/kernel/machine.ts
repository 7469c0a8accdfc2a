// A machine: CPU cores and an MSMQ queue manager.
//
// Every send, receive and accept costs the queue manager one operation (a disk write or read inside
// a transaction). The local processes' operations are served one at a time, first come first served:
// the queue manager is the bottleneck that bounds a machine's message throughput (the "maximum MSMQ
// throughput of a machine, measured with NOOP handlers").
//
// Because local requests reach the queue manager in time order and each takes a known time, FIFO
// service needs no queue of its own: the manager is free again at `freeAt`, and a new request
// completes at max(now, freeAt) + cost. That is exact, and costs no event.
//
// Store-and-forward: a message arriving over the network is stored with one accept operation. Under
// `transport.accept: session` (../processes/session-accept.ts) the accept is asked for like any local
// operation and served in turn; under `local-first` (../processes/transport.ts) it waits, still in
// the sender's outgoing queue, until this queue manager has no local operation in hand (the pending
// deliveries below), so a saturated machine pushes back on its senders, whose outgoing queues grow.
import { Cpu } from './cpu.js';
import { IntFifo } from './fifo.js';

export class Machine {
  private freeAt = 0;
  /** Operations performed so far. */
  operations = 0;
  /** Time the queue manager has been asked to spend on operations (ms). */
  busyMs = 0;
  /** local-first: deliveries waiting for the queue manager, message slots and their destination queues. */
  readonly pendingMessages = new IntFifo();
  readonly pendingQueues = new IntFifo();
  /** local-first: true while an idle check (Ev.QueueManagerIdle) is scheduled. */
  idleCheck = false;
  readonly cpu: Cpu;
  /** False while the machine is crashed: its queue manager accepts nothing, its processes are stopped. */
  up = true;
  /** Slowdown: operations and handler work take this many times longer (1 = normal). */
  factor = 1;
  /** Duplicate QMId group it belongs to (-1 = none). */
  qmidGroup = -1;

  constructor(
    readonly index: number,
    readonly name: string,
    readonly cores: number,
    private readonly operationMs: number,
  ) {
    this.cpu = new Cpu(cores);
  }

  /** Asks for `n` operations back to back; returns the time they complete. */
  operate(now: number, n: number): number {
    this.operations += n;
    const work = n * this.operationMs * this.factor;
    this.busyMs += work;
    const start = this.freeAt > now ? this.freeAt : now;
    this.freeAt = start + work;
    return this.freeAt;
  }

  /** When the operations already asked for are done (<= now when idle). */
  get freeTime(): number {
    return this.freeAt;
  }
}
