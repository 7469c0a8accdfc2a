// The simulated world of one strategy run: machines, queues, senders, endpoint instances and
// (for the distributor strategy) distributors. This file is the kernel: the state, the ledger's
// counters, the consumer table, the queues' take-or-wait rules and the trace sink. It knows no
// process: what happens at each event, and what each kind of consumer does when it takes a message,
// is in ../dispatch.ts (which implements `handle` and `take`), calling the processes in ../processes/.
// The accounting of operations is documented in ../processes/transport.ts.
import { Simulator, type EventHandler } from '../../engine/simulator.js';
import type { Scenario, StrategySpec } from '../scenario-types.js';
import { Consumer } from './consumer.js';
import type { Distributor } from './distributor-state.js';
import { FaultState, type NetworkFaults } from './fault-state.js';
import type { Handler } from './handler.js';
import type { EndpointInstance } from './instance.js';
import { consumerName, messageLabel } from './labels.js';
import type { Machine } from './machine.js';
import { MessagePool, QUEUED, WORK } from './message-pool.js';
import type { OutgoingQueue } from './outgoing-queue.js';
import { QueueRole, type MessageQueue } from './queue.js';
import type { SendStream, Sender } from './sender.js';
import type { Subscription } from './subscriptions.js';
import type { TraceEvent, TraceFields, TraceRecord, TraceSink } from './trace.js';
import { Ev } from './events.js';

/** How the world reports what happens, so that statistics live in the metrics layer (which imports
 * the model, never the other way round). Calls pass the world and a message slot: no allocation. */
export interface WorldObserver {
  /** A work message was just sent (its fields are set; now = its send time). */
  sent(world: World, m: number): void;
  /** A work message's handler transaction just committed (called before its slot is recycled). */
  completed(world: World, m: number): void;
  /** A work message was moved to the error queue after its last retry failed. */
  failed(world: World, m: number): void;
  /** A work message is gone for good (express in a crash, vanished, unroutable). */
  lost(world: World, m: number): void;
  /** A sender just received a reply (its sentAt is the original send time). */
  replied(world: World, r: number): void;
  warmupEnded(world: World): void;
  sendingStopped(world: World): void;
  /** The end of a time-series bucket. */
  sample(world: World): void;
}

/**
 * A sender-side strategy's choice of instance (its definition is in ../strategies/), installed by the
 * builder: one object per run, called once per message sent.
 */
export interface SenderChoice {
  /** The position in `list` (the sender's current instances of `endpoint`) that message m goes to. */
  pick(world: World, sender: Sender, endpoint: number, list: readonly number[], m: number): number;
  /** For the trace, the number it chose by (a counter, unacknowledged messages) or NaN; called only when tracing, right after pick. */
  count(world: World, sender: Sender, endpoint: number, list: readonly number[], pick: number): number;
  /** True when the sender counts, per instance, what it sent and what is not acknowledged yet. */
  readonly counts: boolean;
}

/**
 * The processes a strategy kind brings of its own (the broker's: ../strategies/broker.ts), installed
 * by the builder: its consumers are of kind Consumer.Strategy and its continuations Ev.StrategyStep.
 */
export interface StrategyProcess {
  /** Its consumer c took message m out of its queue. */
  take(world: World, c: number, m: number): void;
  /** An Ev.StrategyStep it scheduled is due. */
  step(world: World, a: number, b: number): void;
  /** Worker process i started (its handler threads are waiting), or crashed (its threads stopped). */
  started(world: World, i: number): void;
  crashed(world: World, i: number): void;
  /** Handler thread consumer c committed a message's transaction, just before it takes its next one. */
  committed(world: World, c: number): void;
}

export abstract class World implements EventHandler {
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
  /** Per handler thread: which of its handler's publish targets the storage reached when the handler published (1 = a copy goes). */
  readonly threadReached: Uint8Array[] = [];
  /** The most publish targets of any handler (the size of each threadReached entry). */
  maxPublishTargets = 0;
  /** The subscription messages subscriber instances send at their start (see ./subscriptions.ts). */
  readonly subscriptions: Subscription[] = [];

  /** Attach to record every step (trace-level tests, the narrated trace). */
  trace: TraceSink | null = null;
  /** Sender-side strategies: how a sender picks an instance (null: one queue per handler). */
  choice: SenderChoice | null = null;
  /** A strategy kind's own processes (null: it has none). */
  process: StrategyProcess | null = null;
  /** Receivers acknowledge every `ackEvery` processed messages to their sender; 0 = no acknowledgements. */
  ackEvery = 0;
  /** Distributor workers tag ready messages with their session (false: every ready counts). */
  sessionIds = true;
  /** The custom strategy's function, when the run's strategy is `custom` (typed in ../strategies/custom-strategy.ts). */
  custom: unknown = null;
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
  /** Event copies not sent: the publisher knew no subscription of that subscribing endpoint yet. */
  eventsMissed = 0;
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
  /** True under `transport.accept: session` (network deliveries accepted through sessions). */
  readonly sessionAccept: boolean;
  /** Deliveries one session may have in the destination's hands (transport.window). */
  readonly window: number;
  /** The commit wait every transaction pays after its last operation (transport.commit). */
  readonly commitMs: number;
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
    this.commitMs = scenario.transport.commitMs;
    this.sessionAccept = scenario.transport.accept === 'session';
    this.window = scenario.transport.window;
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

  /** What happens at an event (the event-kind switch, in ../dispatch.ts). */
  abstract handle(kind: number, a: number, b: number): void;

  /** Consumer c takes message m out of its queue, inside a new transaction (per consumer kind, in ../dispatch.ts). */
  abstract take(c: number, m: number): void;

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
    if (this.trace) this.emit('enqueue', m, queue.machine < 0 ? 'broker' : this.machines[queue.machine].name, queue.name, {});
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
    if (this.trace) this.emit('rollback', m, consumerName(this, c), queue.name, {});
    if (queue.waiting.length > 0) {
      this.take(queue.waiting.shift(), m);
    } else {
      queue.items.unshift(m);
      queue.length.set(this.sim.now, queue.items.length);
    }
  }

  /** Records a step (call only when `trace` is set): its kind, message (-1: none), actor, place and typed fields. */
  emit<E extends TraceEvent>(event: E, m: number, by: string, where: string, fields: TraceFields[E]): void {
    this.trace?.({ time_ms: this.sim.now, event, message: m < 0 ? '' : messageLabel(this, m), by, where, ...fields } as TraceRecord);
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
