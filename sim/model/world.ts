// The simulated world of one strategy run: machines, queues, senders, endpoint instances and
// (for the distributor strategy) distributors, driven by the engine one event at a time.
// This file is the kernel: state, event dispatch, queues and consumers. The transport is in
// transport.ts; what each kind of process does is in sending.ts, handler-thread.ts, distributor.ts
// and lifecycle.ts. The accounting of operations is documented in transport.ts.
import { Simulator, type EventHandler } from '../engine/simulator.js';
import { cpuDone } from './cpu-work.js';
import type { CustomSelect } from './custom-strategy.js';
import {
  controlCommit,
  controlTake,
  type Distributor,
  forwarderReceived,
  forwarderTake,
  noWorkerTimeout,
  slotCommit,
  slotTake,
} from './distributor.js';
import { Ev } from './events.js';
import type { Handler } from './handler.js';
import { handlerDone, threadCommit, threadReceived, threadTake } from './handler-thread.js';
import type { EndpointInstance } from './instance.js';
import { crashInstance, refresh, startInstance, startRun } from './lifecycle.js';
import type { Machine } from './machine.js';
import { MessagePool, PROCESSING, QUEUED, WORK } from './message-pool.js';
import type { WorldObserver } from './observer.js';
import type { OutgoingQueue } from './outgoing-queue.js';
import { QueueRole, type MessageQueue } from './queue.js';
import { senderReceived } from './replies.js';
import type { Scenario, StrategySpec } from './scenario.js';
import type { SendStream, Sender } from './sender.js';
import { arrival } from './sending.js';
import type { TraceEvent, TraceSink } from './trace.js';
import { deliver, queueManagerIdle, transmit } from './transport.js';
import { decommissionCheck, faultEnd, FaultState, faultStart } from './faults.js';
import { consumerName, messageLabel } from './labels.js';
import { type NetworkFaults, qmidSwitch, resend } from './network-faults.js';

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
  /** A sender taking replies and acknowledgements from its input queue. ref = sender. */
  Replies: 4,
  /** A consumer of a process that crashed: events still addressed to it are ignored. */
  Dead: 5,
} as const;

export class World implements EventHandler {
  readonly sim = new Simulator();
  readonly pool = new MessagePool();
  readonly machines: Machine[] = [];
  readonly queues: MessageQueue[] = [];
  readonly outgoing: OutgoingQueue[] = [];
  /** Outgoing queue number by from * machines + to, for the pairs that have one (linear in use, not machines^2). */
  readonly outgoingIndex = new Map<number, number>();
  readonly instances: EndpointInstance[] = [];
  readonly distributors: Distributor[] = [];
  readonly senders: Sender[] = [];
  readonly streams: SendStream[] = [];
  readonly handlers: Handler[] = [];
  readonly typeNames: string[] = [];
  readonly endpointNames: string[] = [];
  /** Per endpoint: its instances in mapping order (what sender-side strategies choose from). */
  readonly endpointInstances: number[][] = [];

  // Consumers, as parallel arrays indexed by consumer number.
  readonly consumerType: number[] = [];
  readonly consumerRef: number[] = [];
  readonly consumerSub: number[] = [];
  readonly consumerQueue: MessageQueue[] = [];
  /** Per handler thread: its instance and the message it holds (-1 = idle). */
  readonly threadInstance: EndpointInstance[] = [];
  readonly threadMessage: number[] = [];
  /** Per handler thread: what its current attempt leads to, and the processing time it takes. */
  readonly threadOutcome: number[] = [];
  readonly threadWork: number[] = [];

  /** Attach to record every step (trace-level tests, the narrated trace). */
  trace: TraceSink | null = null;
  /** The custom strategy's function, when the run's strategy is `custom`. */
  custom: CustomSelect | null = null;
  /** True when instances join or leave the mapping during the run (senders then refresh). */
  mappingChanges = false;
  readonly faults: FaultState;
  /** Partitions and duplicate QMIds in force; null until the first one starts. */
  network: NetworkFaults | null = null;

  // The ledger's counters (work messages only).
  sent = 0;
  /** Work messages created by senders: what the stop and warm-up rules count. */
  senderSent = 0;
  completed = 0;
  lost = 0;
  failed = 0;
  retries = 0;
  liveWork = 0;
  liveReplies = 0;
  sendingStopped = false;
  warmupEnded = false;
  stopTime = NaN;
  warmupEndTime = NaN;
  /** Send streams that may still send (a future arrival, a machine that is up or comes back). */
  liveStreams = 0;
  /** Why sending stopped before its stop rule was met (nothing left that could send), else ''. */
  stopReason = '';

  readonly networkMs: number;
  /** The current time-series bucket width (grows during a long drain). */
  sampleEveryMs: number;
  readonly stopMessages: number;
  readonly warmupMessages: number;
  readonly warmupDurationMs: number;

  constructor(
    readonly scenario: Scenario,
    readonly strategy: StrategySpec,
    readonly observer: WorldObserver,
    readonly sampleIntervalMs: number,
  ) {
    this.networkMs = scenario.transport.networkMs;
    this.stopMessages = scenario.stop.messages ?? Infinity;
    this.warmupMessages = scenario.warmup.messages ?? 0;
    this.warmupDurationMs = scenario.warmup.durationMs ?? 0;
    this.faults = new FaultState(scenario.faults, scenario.seed);
    this.sampleEveryMs = sampleIntervalMs;
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
    startRun(this);
    return this.sim.run(this);
  }

  handle(kind: number, a: number, b: number): void {
    switch (kind) {
      case Ev.Arrival: arrival(this, a); break;
      case Ev.SendDone: transmit(this, a, this.pool.at[a], b); break;
      case Ev.Deliver: deliver(this, a, b); break;
      case Ev.Enqueue: this.enqueue(a, b); break;
      case Ev.Received: this.received(a, b); break;
      case Ev.HandlerDone: if (this.consumerType[a] !== Consumer.Dead) handlerDone(this, a, b); break;
      case Ev.Commit: this.commit(a, b); break;
      case Ev.QueueManagerIdle: queueManagerIdle(this, a); break;
      case Ev.CpuDone: cpuDone(this, a, b); break;
      case Ev.NoWorkerTimeout: noWorkerTimeout(this, a); break;
      case Ev.RetryDue: transmit(this, a, this.pool.at[a], b); break;
      case Ev.InstanceStart: startInstance(this, a); break;
      case Ev.InstanceCrash: crashInstance(this, a); break;
      case Ev.FaultStart: faultStart(this, a); break;
      case Ev.FaultEnd: faultEnd(this, a); break;
      case Ev.DecommissionCheck: decommissionCheck(this, a); break;
      case Ev.Resend: resend(this, a, b); break;
      case Ev.QmidSwitch: qmidSwitch(this, a); break;
      case Ev.Refresh: refresh(this, a); break;
      case Ev.Sample:
        this.observer.sample(this);
        // A drain can last far longer than the sending (work stuck behind a fault): every 200 buckets
        // after the stop, buckets double in width, so the time series stays a few thousand rows.
        if (this.sendingStopped && this.sim.now - this.stopTime > 200 * this.sampleEveryMs) this.sampleEveryMs *= 2;
        this.sim.schedule(this.sampleEveryMs, Ev.Sample, 0, 0);
        break;
      case Ev.StopSending: this.stopSending(); break;
      case Ev.WarmupEnd: this.endWarmup(); break;
      case Ev.DrainDeadline: this.sim.stop(); break;
      default: throw new Error(`internal: unknown event kind ${kind}`);
    }
  }

  /** Runs a continuation now if it is due now (a zero-cost step), else schedules it. */
  then(time: number, kind: number, a: number, b: number): void {
    if (time === this.sim.now) this.handle(kind, a, b);
    else this.sim.at(time, kind, a, b);
  }

  inWarmup(now: number): boolean {
    return this.senderSent < this.warmupMessages || now < this.warmupDurationMs;
  }

  /** Bookkeeping after each work message a sender sends: the count-based warm-up and stop rules. */
  afterSend(): void {
    if (this.senderSent >= this.warmupMessages && !this.warmupEnded) this.endWarmup();
    if (this.senderSent >= this.stopMessages) this.stopSending();
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
    if (this.trace) this.emit('enqueue', m, queue.machine < 0 ? 'broker' : this.machines[queue.machine].name, queue.name, '');
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

  /** Consumer c's transaction aborted: m goes back to the head of its queue (or to a waiting consumer). */
  rollback(c: number, m: number): void {
    const queue = this.consumerQueue[c];
    this.pool.state[m] = QUEUED;
    if (this.trace) this.emit('rollback', m, consumerName(this, c), queue.name, 'back to the head of the queue');
    if (queue.waiting.length > 0) {
      this.take(queue.waiting.shift(), m);
    } else {
      queue.items.unshift(m);
      queue.length.set(this.sim.now, queue.items.length);
    }
  }

  /** Consumer c takes message m out of its queue, inside a new transaction. */
  take(c: number, m: number): void {
    this.pool.state[m] = PROCESSING;
    switch (this.consumerType[c]) {
      case Consumer.Thread: threadTake(this, c, m); break;
      case Consumer.Forwarder: forwarderTake(this, c, m); break;
      case Consumer.Slot: slotTake(this, c, m); break;
      case Consumer.Control: controlTake(this, c, m); break;
      case Consumer.Replies: {
        const sender = this.senders[this.consumerRef[c]];
        if (this.trace) this.emit('receive', m, sender.name, sender.replies.name, '');
        this.then(sender.machine.operate(this.sim.now, 1), Ev.Received, c, m);
        break;
      }
    }
  }

  private received(c: number, m: number): void {
    // A Dead consumer matches no case: what a crashed process was doing is simply dropped.
    switch (this.consumerType[c]) {
      case Consumer.Thread: threadReceived(this, c, m); break;
      case Consumer.Forwarder: forwarderReceived(this, c, m); break;
      case Consumer.Replies: senderReceived(this, c, m); break;
    }
  }

  private commit(c: number, m: number): void {
    switch (this.consumerType[c]) {
      case Consumer.Thread: threadCommit(this, c, m); break;
      case Consumer.Slot: slotCommit(this, c, m); break;
      case Consumer.Control: controlCommit(this, c, m); break;
    }
  }

  emit(event: TraceEvent, m: number, by: string, where: string, detail: string): void {
    this.trace?.({ time_ms: this.sim.now, event, message: m < 0 ? '' : messageLabel(this, m), by, where, detail });
  }

  endWarmup(): void {
    this.warmupEnded = true;
    this.warmupEndTime = this.sim.now;
    this.observer.warmupEnded(this);
  }

  stopSending(): void {
    if (this.sendingStopped) return;
    this.sendingStopped = true;
    this.stopTime = this.sim.now;
    if (!this.warmupEnded) this.endWarmup();
    this.observer.sendingStopped(this);
    this.sim.at(this.sim.now + this.scenario.drainMs, Ev.DrainDeadline, 0, 0);
    this.checkDrained();
  }

  /**
   * Send stream s can never send again (its arrivals ended, or its machine is down for good). When no
   * stream can, a stop at a message count is out of reach: sending stops now, and the run says why.
   */
  streamEnded(s: number, why: string): void {
    this.liveStreams--;
    if (this.liveStreams > 0 || this.sendingStopped || this.stopMessages === Infinity) return;
    this.stopReason = `sending stopped at ${(this.sim.now / 1000).toFixed(3)} s after ${this.senderSent} of ${this.stopMessages} messages: no sender can send any more (the last: ${this.streams[s].sender.name}, ${why})`;
    this.stopSending();
  }

  checkDrained(): void {
    if (this.sendingStopped && this.liveWork === 0 && this.liveReplies === 0) this.sim.stop();
  }
}
