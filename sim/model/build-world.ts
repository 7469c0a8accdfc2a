// Builds the world of one strategy run from the immutable scenario.
//
// Random streams are named after what they drive (arrivals/<sender>/<message>,
// durations/<sender>/<message>, routing/<strategy>/<sender>) and derived from the scenario seed, so
// every strategy sees the same arrivals and handler durations (common random numbers).
import { createInterarrivalSampler, createSampler } from '../random/distributions.js';
import { createStream } from '../random/stream.js';
import { Distributor } from './distributor.js';
import { EndpointInstance } from './instance.js';
import { Machine } from './machine.js';
import type { WorldObserver } from './observer.js';
import { MessageQueue, QueueRole } from './queue.js';
import type { Scenario, StrategySpec } from './scenario.js';
import { SendStream, Sender } from './sender.js';
import { Consumer, World } from './world.js';

export function buildWorld(scenario: Scenario, strategy: StrategySpec, observer: WorldObserver): World {
  const world = new World(scenario, strategy, observer, sampleInterval(scenario));
  const machineIndex = new Map<string, Machine>();
  for (const spec of scenario.machines) {
    const machine = new Machine(world.machines.length, spec.name, spec.cores, scenario.transport.operationMs);
    world.machines.push(machine);
    machineIndex.set(spec.name, machine);
  }
  const machine = (name: string): Machine => {
    const found = machineIndex.get(name);
    if (!found) throw new Error(`internal: unknown machine "${name}" (the loader should have caught it)`);
    return found;
  };
  const addQueue = (name: string, host: number, role: QueueRole): MessageQueue => {
    const queue = new MessageQueue(world.queues.length, name, host, role);
    world.queues.push(queue);
    return queue;
  };
  const typeIndex = (name: string): number => {
    const i = world.typeNames.indexOf(name);
    if (i >= 0) return i;
    world.typeNames.push(name);
    return world.typeNames.length - 1;
  };

  scenario.endpoints.forEach((endpoint, e) => {
    world.endpointNames.push(endpoint.name);
    const list: number[] = [];
    for (const spec of endpoint.instances) {
      const host = machine(spec.machine);
      const queueName = spec.name === spec.machine ? `${endpoint.name}@${host.name}` : `${endpoint.name}.${spec.name}@${host.name}`;
      const input = addQueue(queueName, host.index, QueueRole.Input);
      const instance = new EndpointInstance(world.instances.length, spec.name, e, host, spec.threads, input);
      world.instances.push(instance);
      list.push(instance.index);
    }
    world.endpointInstances.push(list);
    world.endpointQueue.push(-1);

    if (strategy.kind === 'shared-queue') {
      const shared = addQueue(`${endpoint.name} (shared)`, -1, QueueRole.Shared);
      world.endpointQueue[e] = shared.index;
      for (const i of list) world.instances[i].source = shared;
    } else if (strategy.kind === 'distributor') {
      const host = machine(strategy.machine ?? '');
      const d = new Distributor(
        world.distributors.length,
        e,
        host,
        strategy.concurrency,
        addQueue(`${endpoint.name}@${host.name}`, host.index, QueueRole.Data),
        addQueue(`${endpoint.name}.distributor.control@${host.name}`, host.index, QueueRole.Control),
        addQueue(`${endpoint.name}.distributor.storage@${host.name}`, host.index, QueueRole.Storage),
      );
      world.distributors.push(d);
      world.endpointQueue[e] = d.data.index;
      for (const i of list) world.instances[i].distributor = d.index;
      for (let f = 0; f < d.concurrency; f++) {
        d.dataConsumer[f] = world.addConsumer(Consumer.Forwarder, d.index, f, d.data);
        d.slotConsumer[f] = world.addConsumer(Consumer.Slot, d.index, f, d.storage);
        world.addConsumer(Consumer.Control, d.index, f, d.control);
      }
    }
  });

  // Handler threads, in instance order.
  for (const instance of world.instances) {
    for (let t = 0; t < instance.threads; t++) {
      const thread = world.threadInstance.length;
      world.threadInstance.push(instance);
      world.threadMessage.push(-1);
      world.addConsumer(Consumer.Thread, thread, 0, instance.source);
    }
  }

  for (const spec of scenario.senders) {
    const host = machine(spec.machine);
    const replies = addQueue(`${spec.name}@${host.name}`, host.index, QueueRole.Replies);
    const routing = createStream(scenario.seed, `routing/${strategy.name}/${spec.name}`);
    const sender = new Sender(world.senders.length, spec.name, host, replies, scenario.endpoints.length, routing);
    world.senders.push(sender);
    sender.consumer = world.addConsumer(Consumer.Replies, sender.index, 0, replies);
    const seen = new Map<string, number>();
    for (const send of spec.sends) {
      const e = scenario.endpoints.findIndex((x) => x.name === send.to);
      const handler = scenario.endpoints[e]?.handlers.find((h) => h.message === send.message);
      if (!handler) throw new Error(`internal: ${send.to} has no handler for ${send.message}`);
      // A sender with two entries for one message type gets distinct streams: Type, Type#2, ...
      const n = (seen.get(send.message) ?? 0) + 1;
      seen.set(send.message, n);
      const key = `${spec.name}/${send.message}${n > 1 ? `#${n}` : ''}`;
      world.streams.push(
        new SendStream(
          world.streams.length,
          sender,
          typeIndex(send.message),
          e,
          createInterarrivalSampler(send.arrivals),
          createStream(scenario.seed, `arrivals/${key}`),
          createSampler(handler.duration),
          createStream(scenario.seed, `durations/${key}`),
          handler.reply === undefined ? -1 : typeIndex(handler.reply),
        ),
      );
    }
  }
  return world;
}

/**
 * The time-series bucket width: the scenario's, or about 1/200 of the expected sending time,
 * rounded to 1, 2 or 5 times a power of ten (ms) so axis ticks stay readable.
 */
export function sampleInterval(scenario: Scenario): number {
  if (scenario.sampleIntervalMs !== undefined) return scenario.sampleIntervalMs;
  let horizon = scenario.stop.durationMs;
  if (horizon === undefined) {
    let rate = 0;
    for (const sender of scenario.senders) for (const send of sender.sends) rate += send.arrivals.ratePerSecond;
    horizon = ((scenario.stop.messages ?? 0) / rate) * 1000;
  }
  const raw = horizon / 200;
  if (!(raw > 0) || !Number.isFinite(raw)) return 1000;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].find((k) => k * power >= raw) ?? 10;
  return step * power;
}
