// The simulated world of one strategy run: machines, queues, senders, endpoint instances and
// (for the distributor strategy) distributors, driven by the engine one event at a time.
// This file is the kernel: state, event dispatch and the transport. What each kind of process does
// lives in sending.ts, handler-thread.ts and distributor.ts.
//
// Transport accounting (each operation costs `transport.operation` on the machine that performs it,
// served first come first served by that machine's queue manager, see machine.ts):
// - send: 1 operation on the sending machine. A transactional send leaves when its transaction
//   commits; to another machine it then crosses the network (`transport.network`, one way) and the
//   destination queue manager stores it: 1 "accept" operation there. A local send needs no accept.
// - receive: 1 operation on the receiving machine (a distributor's pop of a free-slot entry is a
//   receive from its storage queue).
// So a remote message costs its machine one write when it arrives and one read when it is taken;
// the distributor's "divide by 4" overhead follows from counting these operations (README).
//
// The shared queue of the `shared-queue` strategy is broker-side: no queue manager pays for storing
// it; the sender pays its send, the network delay applies, the worker pays its receive.
import { Simulator, type EventHandler } from '../engine/simulator.js';
import {
  controlCommit,
  controlTake,
  type Distributor,
  forwarderReceived,
  forwarderTake,
  slotCommit,
  slotTake,
} from './distributor.js';
import { Ev } from './events.js';
import { handlerDone, threadCommit, threadReceived, threadTake } from './handler-thread.js';
import type { EndpointInstance } from './instance.js';
import type { Machine } from './machine.js';
import { IN_TRANSIT, MessagePool, PROCESSING, QUEUED, READY, WORK } from './message-pool.js';
import type { WorldObserver } from './observer.js';
import { QueueRole, type MessageQueue } from './queue.js';
import type { Scenario, StrategySpec } from './scenario.js';
import type { SendStream, Sender } from './sender.js';
import { arrival } from './sending.js';

/** What a consumer (a process receiving from a queue) is. */
export const Consumer = {
  /** A handler thread of an endpoint instance. ref = thread number. */
  Thread: 0,
  /** A distributor forwarder taking data messages. ref = distributor, sub = forwarder. */
  Forwarder: 1,
  /** The same forwarder popping a free-slot entry from storage. */
  Slot: 2,
  /** A distributor control processor taking ready messages. ref = distributor. */
  Control: 3,
  /** A sender taking replies from its input queue. ref = sender. */
  Replies: 4,
} as const;

export class World implements EventHandler {
  readonly sim = new Simulator();
  readonly pool = new MessagePool();
  readonly machines: Machine[] = [];
  readonly queues: MessageQueue[] = [];
  readonly instances: EndpointInstance[] = [];
  readonly distributors: Distributor[] = [];
  readonly senders: Sender[] = [];
  readonly streams: SendStream[] = [];
  readonly typeNames: string[] = [];
  readonly endpointNames: string[] = [];
  /** Per endpoint: its instance numbers in mapping order. */
  readonly endpointInstances: number[][] = [];
  /** Per endpoint: the queue senders send to when it is not chosen per instance (-1 = per instance). */
  readonly endpointQueue: number[] = [];

  // Consumers, as parallel arrays indexed by consumer number.
  readonly consumerType: number[] = [];
  readonly consumerRef: number[] = [];
  readonly consumerSub: number[] = [];
  readonly consumerQueue: MessageQueue[] = [];
  /** Per handler thread: its instance and the message it holds (-1 = idle). */
  readonly threadInstance: EndpointInstance[] = [];
  readonly threadMessage: number[] = [];

  // The ledger's counters (work messages only).
  sent = 0;
  completed = 0;
  lost = 0;
  liveWork = 0;
  liveReplies = 0;
  sendingStopped = false;
  warmupEnded = false;
  stopTime = NaN;
  warmupEndTime = NaN;

  readonly networkMs: number;
  private readonly stopMessages: number;
  private readonly warmupMessages: number;
  private readonly warmupDurationMs: number;
  readonly sampleIntervalMs: number;

  constructor(
    readonly scenario: Scenario,
    readonly strategy: StrategySpec,
    readonly observer: WorldObserver,
    sampleIntervalMs: number,
  ) {
    this.networkMs = scenario.transport.networkMs;
    this.stopMessages = scenario.stop.messages ?? Infinity;
    this.warmupMessages = scenario.warmup.messages ?? 0;
    this.warmupDurationMs = scenario.warmup.durationMs ?? 0;
    this.sampleIntervalMs = sampleIntervalMs;
  }

  addConsumer(type: number, ref: number, sub: number, queue: MessageQueue): number {
    this.consumerType.push(type);
    this.consumerRef.push(ref);
    this.consumerSub.push(sub);
    this.consumerQueue.push(queue);
    return this.consumerType.length - 1;
  }

  /** Schedules the first events, runs to the end, and returns the number of events processed. */
  run(): number {
    const sim = this.sim;
    for (const stream of this.streams) sim.schedule(stream.gaps.sample(stream.gapRng), Ev.Arrival, stream.index, 0);
    if (this.scenario.stop.durationMs !== undefined) sim.at(this.scenario.stop.durationMs, Ev.StopSending, 0, 0);
    if (this.warmupDurationMs > 0) sim.at(this.warmupDurationMs, Ev.WarmupEnd, 0, 0);
    else if (this.warmupMessages === 0) this.endWarmup();
    sim.schedule(this.sampleIntervalMs, Ev.Sample, 0, 0);
    // Every consumer starts idle: it waits on its queue.
    for (let c = 0; c < this.consumerType.length; c++) {
      if (this.consumerType[c] !== Consumer.Slot) this.consumerIdle(c);
    }
    // Workers of a distributor announce their capacity: one "worker starting" ready message each.
    for (const instance of this.instances) {
      if (instance.distributor < 0) continue;
      const m = this.pool.allocate(READY);
      this.pool.instance[m] = instance.index;
      this.pool.id[m] = instance.threads;
      this.pool.at[m] = instance.machine.index;
      this.then(instance.machine.operate(0, 1), Ev.SendDone, m, this.distributors[instance.distributor].control.index);
    }
    return sim.run(this);
  }

  handle(kind: number, a: number, b: number): void {
    switch (kind) {
      case Ev.Arrival:
        arrival(this, a);
        break;
      case Ev.SendDone:
        this.transmit(a, this.pool.at[a], b);
        break;
      case Ev.Deliver:
        // The destination queue manager stores the arriving message: one accept operation.
        this.then(this.machines[this.queues[b].machine].operate(this.sim.now, 1), Ev.Enqueue, a, b);
        break;
      case Ev.Enqueue:
        this.enqueue(a, b);
        break;
      case Ev.Received:
        this.received(a, b);
        break;
      case Ev.HandlerDone:
        handlerDone(this, a, b);
        break;
      case Ev.Commit:
        this.commit(a, b);
        break;
      case Ev.Sample:
        this.observer.sample(this);
        this.sim.schedule(this.sampleIntervalMs, Ev.Sample, 0, 0);
        break;
      case Ev.StopSending:
        this.stopSending();
        break;
      case Ev.WarmupEnd:
        this.endWarmup();
        break;
      case Ev.DrainDeadline:
        this.sim.stop();
        break;
      default:
        throw new Error(`internal: unknown event kind ${kind}`);
    }
  }

  /** Runs a continuation now if it is due now (a zero-cost step), else schedules it. */
  then(time: number, kind: number, a: number, b: number): void {
    if (time === this.sim.now) this.handle(kind, a, b);
    else this.sim.at(time, kind, a, b);
  }

  inWarmup(now: number): boolean {
    return this.sent < this.warmupMessages || now < this.warmupDurationMs;
  }

  /** Bookkeeping after each work message is sent: the warm-up and stop rules by message count. */
  afterSend(): void {
    if (this.sent === this.warmupMessages && !this.warmupEnded) this.endWarmup();
    if (this.sent >= this.stopMessages) this.stopSending();
  }

  /** A committed send leaves machine `from` for queue q: locally at once, else over the network. */
  transmit(m: number, from: number, q: number): void {
    const queue = this.queues[q];
    this.pool.state[m] = IN_TRANSIT;
    if (queue.machine === from) this.enqueue(m, q);
    else this.then(this.sim.now + this.networkMs, queue.machine < 0 ? Ev.Enqueue : Ev.Deliver, m, q);
  }

  /** Message m is stored in queue q: the longest-waiting consumer takes it, or it waits in line. */
  enqueue(m: number, q: number): void {
    const now = this.sim.now;
    const pool = this.pool;
    const queue = this.queues[q];
    pool.state[m] = QUEUED;
    pool.at[m] = queue.machine;
    if (pool.kind[m] === WORK) {
      if (queue.role === QueueRole.Data) pool.queuedAt[m] = now;
      else {
        pool.deliveredAt[m] = now;
        if (Number.isNaN(pool.queuedAt[m])) pool.queuedAt[m] = now;
      }
    }
    if (queue.waiting.length > 0) {
      this.take(queue.waiting.shift(), m);
    } else {
      queue.items.push(m);
      queue.length.set(now, queue.items.length);
    }
  }

  /** Consumer c is free: it takes the oldest message of its queue, or waits for one. */
  consumerIdle(c: number): void {
    const queue = this.consumerQueue[c];
    if (queue.items.length > 0) {
      const m = queue.items.shift();
      queue.length.set(this.sim.now, queue.items.length);
      this.take(c, m);
    } else {
      queue.waiting.push(c);
    }
  }

  /** Consumer c takes message m out of its queue, inside a new transaction. */
  take(c: number, m: number): void {
    this.pool.state[m] = PROCESSING;
    switch (this.consumerType[c]) {
      case Consumer.Thread:
        threadTake(this, c, m);
        break;
      case Consumer.Forwarder:
        forwarderTake(this, c, m);
        break;
      case Consumer.Slot:
        slotTake(this, c, m);
        break;
      case Consumer.Control:
        controlTake(this, c, m);
        break;
      case Consumer.Replies:
        this.then(this.senders[this.consumerRef[c]].machine.operate(this.sim.now, 1), Ev.Received, c, m);
        break;
    }
  }

  private received(c: number, m: number): void {
    switch (this.consumerType[c]) {
      case Consumer.Thread:
        threadReceived(this, c, m);
        break;
      case Consumer.Forwarder:
        forwarderReceived(this, c);
        break;
      case Consumer.Replies:
        this.observer.replied(this, m);
        this.pool.release(m);
        this.liveReplies--;
        this.consumerIdle(c);
        this.checkDrained();
        break;
    }
  }

  private commit(c: number, m: number): void {
    switch (this.consumerType[c]) {
      case Consumer.Thread:
        threadCommit(this, c, m);
        break;
      case Consumer.Slot:
        slotCommit(this, c, m);
        break;
      case Consumer.Control:
        controlCommit(this, c, m);
        break;
    }
  }

  private endWarmup(): void {
    this.warmupEnded = true;
    this.warmupEndTime = this.sim.now;
    this.observer.warmupEnded(this);
  }

  private stopSending(): void {
    if (this.sendingStopped) return;
    this.sendingStopped = true;
    this.stopTime = this.sim.now;
    if (!this.warmupEnded) this.endWarmup();
    this.observer.sendingStopped(this);
    this.sim.at(this.sim.now + this.scenario.drainMs, Ev.DrainDeadline, 0, 0);
    this.checkDrained();
  }

  checkDrained(): void {
    if (this.sendingStopped && this.liveWork === 0 && this.liveReplies === 0) this.sim.stop();
  }
}
