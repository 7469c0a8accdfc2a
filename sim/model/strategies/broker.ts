// A message broker (RabbitMQ, Azure Service Bus, SQS): every endpoint has one queue on the broker
// (on machine `host`) and its instances compete for it. The broker pushes messages to each worker
// process ahead of time: each handler thread is a consumer that may hold up to `prefetch`
// unacknowledged messages (NServiceBus's broker transports ask for a prefetch count of concurrency x a
// multiplier per instance). The broker serves the consumers with room in turn (round robin, as
// RabbitMQ does: one that got a message goes to the back of the line). Delivered messages wait in the
// instance's prefetch buffer (its input queue here) until a thread is free; a consumer has room again
// when the broker receives the acknowledgement of a message the instance committed.
//
// Costs. The broker serves its operations one at a time, first come first served, each costing
// `operation` (its own server: it does not share the machine's MSMQ queue manager; a slowdown of the
// machine slows it too). Three operations are counted per message, because each is a separate
// request the broker must make durable or act on: publish (the message arrives and is stored),
// deliver (it is sent to a consumer, which marks it unacknowledged) and ack (it is removed). The
// client side costs what it costs under `shared-queue`: 1 operation on the sender's machine to send,
// 1 on the worker's to receive. Every hop crosses the network (`transport.network`): sender to broker,
// broker to consumer, and the acknowledgement back. So with zero operation cost, zero network and
// prefetch 1 this is `shared-queue` exactly (test/model/broker.test.ts).
//
// Assumptions (no source states them for this model): an aborted attempt (an immediate retry) stays
// in the instance's buffer and is retried there, as the broker transports retry in-process; a crashed
// worker's buffered and in-flight messages go back to the head of the broker queue at once (the broker
// sees the connection drop); a crash of the broker machine does not stop the broker.
import { Ev } from '../kernel/events.js';
import { Consumer } from '../kernel/consumer.js';
import { IntFifo } from '../kernel/fifo.js';
import { Machine } from '../kernel/machine.js';
import { IN_TRANSIT, QUEUED } from '../kernel/message-pool.js';
import { MessageQueue, QueueRole } from '../kernel/queue.js';
import type { StrategyProcess, World } from '../kernel/world.js';
import { mmcMeanWait } from '../../theory/queueing.js';
import type { StrategySpecOf } from '../scenario-types.js';
import type { StrategyDefinition } from './definition.js';

declare module '../scenario-types.js' {
  interface StrategySpecs {
    broker: {
      /** The machine the broker runs on. */
      readonly host: string;
      /** Unacknowledged messages the broker pushes per handler thread (default 1). */
      readonly prefetch: number;
      /** The broker's time per operation (publish, deliver, ack), default 0. */
      readonly operationMs: number;
    };
  }
}

export const broker: StrategyDefinition<'broker'> = {
  summary: 'broker: one queue per endpoint on a message broker (RabbitMQ, Azure Service Bus, SQS), competing consumers that prefetch.',
  words: 'a broker strategy',
  keys: {
    host: {
      type: 'machine',
      required: 'the machine the broker runs on',
      words: 'a host',
      description: 'the machine the broker runs on.',
    },
    prefetch: {
      type: 'integer',
      minimum: 1,
      default: 1,
      words: 'a prefetch',
      description: 'messages the broker pushes ahead to each handler thread of an instance before they are acknowledged. Default 1.',
    },
    operation: {
      type: 'duration',
      positive: false,
      default: '0ms',
      defaultMs: 0,
      words: 'an operation cost',
      description: 'the broker\'s time for each operation, served one at a time: publish, deliver and acknowledge, 3 per message. Default 0ms.',
    },
  },
  placement: 'own-process',
  build: (v) => ({ host: v.text('host') ?? '', prefetch: v.number('prefetch'), operationMs: v.number('operation') }),
  process: (spec, world, machine) => new Broker(spec, world, machine(spec.host)),
  // One queue served by every thread, when nothing waits in a buffer (the broker's costs are left out,
  // like the transport's: a large gap is flagged).
  theory: (fit, spec) => (spec.prefetch === 1 ? { model: `M/M/${fit.threads}`, waitMs: mmcMeanWait(fit.threads, fit.lambda, fit.mu) } : undefined),
  describe: (s, format) => {
    const parts = [`on ${s.host}`, `prefetch ${s.prefetch}`];
    if (s.operationMs > 0) parts.push(`${format.duration(s.operationMs)} per operation`);
    return parts;
  },
};

/** What an Ev.StrategyStep of the broker is: b = payload * STEPS + step. */
const Step = { Published: 0, Delivered: 1, AckArrived: 2, AckDone: 3 } as const;
const STEPS = 4;

/**
 * The broker's processes: per endpoint a publisher (consumer of its inbox, where senders' messages
 * arrive) and, per handler thread of a running instance, a consumer of its queue.
 */
class Broker implements StrategyProcess {
  /** Its own FIFO server: operations cost `operation` each. */
  private readonly server: Machine;
  /** Per endpoint: the broker queue. */
  private readonly queues: MessageQueue[] = [];
  /** Per instance: the consumer of each unacknowledged message it holds, oldest first, and its consumers of its current start. */
  private readonly inUse: IntFifo[] = [];
  private readonly consumers: number[][] = [];
  /** Per consumer number: the unacknowledged messages it holds. */
  private readonly held: number[] = [];

  constructor(
    private readonly spec: StrategySpecOf<'broker'>,
    world: World,
    private readonly host: Machine,
  ) {
    this.server = new Machine(host.index, host.name, host.cores, spec.operationMs);
    world.endpointNames.forEach((name, e) => {
      const inbox = addQueue(world, `${name}.publish@${host.name}`, QueueRole.Shared);
      this.queues.push(addQueue(world, `${name}@${host.name}`, QueueRole.Shared));
      for (const h of world.handlers) if (h.endpoint === e) h.queue = inbox.index;
      world.addConsumer(Consumer.Strategy, e, -1, inbox);
    });
    for (let i = 0; i < world.instances.length; i++) {
      this.inUse.push(new IntFifo());
      this.consumers.push([]);
    }
  }

  /** One broker operation requested now; when it is done. */
  private operate(now: number): number {
    this.server.factor = this.host.factor;
    return this.server.operate(now, 1);
  }

  take(world: World, c: number, m: number): void {
    const now = world.sim.now;
    world.pool.state[m] = IN_TRANSIT;
    world.pool.at[m] = -1;
    if (world.consumerSub[c] < 0) {
      // The publisher: stored once the publish operation is done; it is ready for the next arrival at once.
      world.then(this.operate(now), Ev.StrategyStep, m, this.queues[world.consumerRef[c]].index * STEPS + Step.Published);
      world.consumerIdle(c);
      return;
    }
    // A consumer: the message is unacknowledged, on its way to the instance's buffer; with room for
    // more, the consumer waits again at the back of the line.
    this.inUse[world.consumerRef[c]].push(c);
    world.then(this.operate(now) + world.networkMs, Ev.StrategyStep, m, c * STEPS + Step.Delivered);
    if (++this.held[c] < this.spec.prefetch) world.consumerIdle(c);
  }

  step(world: World, a: number, b: number): void {
    const payload = Math.floor(b / STEPS);
    switch (b - payload * STEPS) {
      case Step.Published:
        world.enqueue(a, payload);
        break;
      case Step.Delivered: {
        const instance = world.instances[world.consumerRef[payload]];
        if (world.consumerType[payload] === Consumer.Dead) this.requeue(world, [a], this.queues[instance.endpoint]);
        else world.enqueue(a, instance.input.index);
        break;
      }
      case Step.AckArrived:
        if (this.current(world, payload, a)) world.then(this.operate(world.sim.now), Ev.StrategyStep, a, payload * STEPS + Step.AckDone);
        break;
      case Step.AckDone: {
        if (!this.current(world, payload, a) || this.inUse[payload].length === 0) break;
        // The consumer that took the oldest unacknowledged message has room again; it was out of the line if it was full.
        const c = this.inUse[payload].shift();
        if (this.held[c]-- === this.spec.prefetch) world.consumerIdle(c);
        break;
      }
    }
  }

  /** An acknowledgement from instance i's start `session` still counts (it has not crashed since). */
  private current(world: World, i: number, session: number): boolean {
    const instance = world.instances[i];
    return instance.running && instance.session === session;
  }

  started(world: World, i: number): void {
    const instance = world.instances[i];
    const queue = this.queues[instance.endpoint];
    const consumers: number[] = [];
    this.consumers[i] = consumers;
    for (let k = 0; k < instance.threads; k++) {
      const c = world.addConsumer(Consumer.Strategy, i, k, queue);
      consumers.push(c);
      this.held[c] = 0;
    }
    for (const c of consumers) world.consumerIdle(c);
  }

  crashed(world: World, i: number): void {
    const instance = world.instances[i];
    for (const c of this.consumers[i]) {
      world.consumerQueue[c].waiting.remove(c);
      world.consumerType[c] = Consumer.Dead;
    }
    this.consumers[i] = [];
    this.inUse[i] = new IntFifo();
    // What waits in its buffer (the messages its threads held are back at its head) returns to the broker.
    const buffer = instance.input;
    const back: number[] = [];
    while (buffer.items.length > 0) back.push(buffer.items.shift());
    buffer.length.set(world.sim.now, 0);
    this.requeue(world, back, this.queues[instance.endpoint]);
  }

  /** Messages go back to the head of the broker queue, in their order; waiting consumers take them. */
  private requeue(world: World, messages: readonly number[], queue: MessageQueue): void {
    for (let k = messages.length - 1; k >= 0; k--) {
      const m = messages[k];
      world.pool.state[m] = QUEUED;
      world.pool.at[m] = -1;
      if (world.trace) world.emit('rollback', m, this.host.name, queue.name, {});
      queue.items.unshift(m);
    }
    queue.length.set(world.sim.now, queue.items.length);
    while (queue.waiting.length > 0 && queue.items.length > 0) {
      const m = queue.items.shift();
      queue.length.set(world.sim.now, queue.items.length);
      world.take(queue.waiting.shift(), m);
    }
  }

  committed(world: World, c: number): void {
    const instance = world.threadInstance[world.consumerRef[c]];
    world.then(world.sim.now + world.networkMs, Ev.StrategyStep, instance.session, instance.index * STEPS + Step.AckArrived);
  }
}

/** A queue on the broker: on no machine of the MSMQ transport (sends to it cross the network only). */
function addQueue(world: World, name: string, role: QueueRole): MessageQueue {
  const queue = new MessageQueue(world.queues.length, name, -1, role);
  world.queues.push(queue);
  return queue;
}
