// Builds the world of one strategy run from the immutable scenario.
//
// Random streams are named after what they drive and derived from the scenario seed, so every
// strategy sees the same arrivals, handler durations and failures (common random numbers), and
// adding a machine, an instance or a strategy changes none of them:
//   arrivals/<sender>/<message>         gaps between a send entry's arrivals
//   durations/<sender>/<message>        handler durations of a command (one per message, in send order)
//   durations/<sender>/<event>/<endpoint>, failures/...   the same for each subscriber's copy of an event
//   durations/<endpoint>/<event>/<subscriber>             events published by handlers (publish order)
//   routing/<strategy>/<sender>         random, fair-tie and custom choices
//   refresh/<sender>                    the phase of the sender's mapping refreshes
import { createArrivalProcess } from '../../random/arrivals.js';
import { createSampler } from '../../random/distributions.js';
import { createStream } from '../../random/stream.js';
import { addQueue, buildEndpoints, typeIndex } from './build-endpoint-queues.js';
import { buildSubscriptions } from './build-subscriptions.js';
import { definitionOf } from '../strategies/registry.js';
import type { CustomSelect } from '../strategies/custom-strategy.js';
import { SendTarget } from '../kernel/handler.js';
import { Machine } from '../kernel/machine.js';
import { QueueRole } from '../kernel/queue.js';
import type { Scenario, StrategySpec } from '../scenario-types.js';
import { SendStream, Sender } from '../kernel/sender.js';
import { Consumer } from '../kernel/consumer.js';
import { SimulatedWorld } from '../dispatch.js';
import type { World, WorldObserver } from '../kernel/world.js';

export function buildWorld(scenario: Scenario, strategy: StrategySpec, observer: WorldObserver, custom?: CustomSelect): SimulatedWorld {
  const world = new SimulatedWorld(scenario, strategy, observer, sampleInterval(scenario));
  world.custom = custom ?? null;
  const definition = definitionOf(strategy);
  world.choice = definition.choice?.(strategy) ?? null;
  world.ackEvery = definition.ackEvery?.(strategy) ?? 0;
  world.sessionIds = strategy.kind !== 'distributor' || strategy.sessionIds;
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
  buildEndpoints(world, machine);
  world.process = definition.process?.(strategy, world, machine) ?? null;

  /** The send targets for `type` from `origin`: one handler for a command to `to`, every handler of the type for an event. */
  const targets = (origin: string, type: string, to: string | undefined): SendTarget[] => {
    const handlers = world.handlers.filter((h) => world.typeNames[h.type] === type && (to === undefined || world.endpointNames[h.endpoint] === to));
    if (handlers.length === 0) throw new Error(`internal: no handler for ${type}${to ? ` at ${to}` : ''}`);
    // Per message type distributors give one handler per endpoint and type as well: one copy each.
    return handlers.map((h) => {
      const suffix = to === undefined ? `/${world.endpointNames[h.endpoint]}` : '';
      const spec = scenario.endpoints[h.endpoint].handlers.find((x) => x.message === type);
      if (!spec) throw new Error(`internal: ${world.endpointNames[h.endpoint]} lost its handler for ${type}`);
      return new SendTarget(
        h.index,
        createSampler(spec.duration),
        createStream(scenario.seed, `durations/${origin}${suffix}`),
        createStream(scenario.seed, `failures/${origin}${suffix}`),
      );
    });
  };

  const newSender = (name: string, host: Machine, refreshMs: number): Sender => {
    const replies = addQueue(world, `${name}@${host.name}`, host.index, QueueRole.Replies);
    const sender = new Sender(
      world.senders.length,
      name,
      host,
      replies,
      scenario.endpoints.length,
      world.instances.length,
      createStream(scenario.seed, `routing/${strategy.name}/${name}`),
      refreshMs,
      createStream(scenario.seed, `refresh/${name}`),
    );
    world.senders.push(sender);
    sender.consumer = world.addConsumer(Consumer.Replies, sender.index, 0, replies);
    return sender;
  };

  for (const spec of scenario.senders) {
    const sender = newSender(spec.name, machine(spec.machine), spec.refreshMs);
    const seen = new Map<string, number>();
    for (const send of spec.sends) {
      // A sender with two entries for one message type gets distinct streams: Type, Type#2, ...
      const n = (seen.get(send.message) ?? 0) + 1;
      seen.set(send.message, n);
      const key = `${spec.name}/${send.message}${n > 1 ? `#${n}` : ''}`;
      world.streams.push(
        new SendStream(
          world.streams.length,
          sender,
          typeIndex(world, send.message),
          targets(key, send.message, send.publish ? undefined : send.to),
          send.publish,
          createArrivalProcess(send.arrivals),
          createStream(scenario.seed, `arrivals/${key}`),
          send.backlog ?? 0,
        ),
      );
    }
  }

  // Handlers that publish: their copies' targets, and a sending side for each instance that runs them.
  const publishing = world.handlers.filter((h) => h.publishType >= 0);
  for (const h of publishing) {
    h.publishTargets = targets(`${world.endpointNames[h.endpoint]}/${world.typeNames[h.publishType]}`, world.typeNames[h.publishType], undefined);
  }
  if (publishing.length > 0) {
    for (const i of new Set(publishing.flatMap((h) => h.instances))) {
      const instance = world.instances[i];
      instance.publisher = newSender(`${instance.name}.publisher`, instance.machine, 30_000);
    }
  }
  buildSubscriptions(world);
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
