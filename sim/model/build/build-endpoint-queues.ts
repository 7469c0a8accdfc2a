// Builds the endpoints of a strategy run: the handler table, the worker processes with their input
// queues and threads, and the strategy's own plumbing (a shared queue, or distributors).
import { Distributor } from '../kernel/distributor-state.js';
import { Handler } from '../kernel/handler.js';
import { EndpointInstance } from '../kernel/instance.js';
import type { Machine } from '../kernel/machine.js';
import { MessageQueue, QueueRole } from '../kernel/queue.js';
import type { InstanceSpec, StrategySpecOf } from '../scenario-types.js';
import { STRATEGIES } from '../strategies/registry.js';
import { Consumer } from '../kernel/consumer.js';
import type { World } from '../kernel/world.js';

export function addQueue(world: World, name: string, host: number, role: QueueRole): MessageQueue {
  const queue = new MessageQueue(world.queues.length, name, host, role);
  world.queues.push(queue);
  return queue;
}

export function typeIndex(world: World, name: string): number {
  const i = world.typeNames.indexOf(name);
  if (i >= 0) return i;
  world.typeNames.push(name);
  return world.typeNames.length - 1;
}

export function buildEndpoints(world: World, machine: (name: string) => Machine): void {
  const strategy = world.strategy;
  const perType = strategy.kind === 'distributor' && strategy.perMessageType;
  const placement = STRATEGIES[strategy.kind].placement;
  // An unnamed worker on the distributor's own machine cannot take the endpoint's queue name there:
  // the distributor's data queue has it. Its input queue is <endpoint>.worker@<machine>.
  const distributorMachine = placement === 'distributor' ? distributorSpec(world).machine : undefined;
  const labelOf = (spec: InstanceSpec, label: string): string => (spec.machine === distributorMachine && spec.name === spec.machine ? `${label}.worker` : label);
  world.scenario.endpoints.forEach((endpoint, e) => {
    world.endpointNames.push(endpoint.name);
    const handlers = endpoint.handlers.map((spec) => {
      const h = new Handler(
        world.handlers.length,
        e,
        typeIndex(world, spec.message),
        spec.reply === undefined ? -1 : typeIndex(world, spec.reply),
        spec.publish === undefined ? -1 : typeIndex(world, spec.publish),
        spec.cpuBound,
        spec.failureProbability,
        endpoint.retries,
      );
      world.handlers.push(h);
      return h;
    });
    if (perType) {
      // One distributor, and one worker process per physical instance, per message type.
      for (const h of handlers) {
        const type = world.typeNames[h.type];
        const label = `${type}.${endpoint.name}`;
        for (const spec of endpoint.instances) h.instances.push(addInstance(world, e, spec, machine, `${spec.name}/${type}`, labelOf(spec, label)));
        addDistributor(world, label, h.instances, [h], machine);
      }
      world.endpointInstances.push([]);
      return;
    }
    const list = endpoint.instances.map((spec) => addInstance(world, e, spec, machine, spec.name, labelOf(spec, endpoint.name)));
    world.endpointInstances.push(list);
    for (const h of handlers) h.instances.push(...list);
    if (placement === 'shared-queue') {
      const shared = addQueue(world, `${endpoint.name} (shared)`, -1, QueueRole.Shared);
      for (const h of handlers) h.queue = shared.index;
      for (const i of list) world.instances[i].source = shared;
    } else if (placement === 'distributor') {
      addDistributor(world, endpoint.name, list, handlers, machine);
    }
  });
  // Handler threads are created when each instance starts (../processes/lifecycle.ts).
}

function addInstance(
  world: World,
  e: number,
  spec: InstanceSpec,
  machine: (name: string) => Machine,
  name: string,
  queueLabel: string,
): number {
  const host = machine(spec.machine);
  const queueName = spec.name === spec.machine ? `${queueLabel}@${host.name}` : `${queueLabel}.${spec.name}@${host.name}`;
  const input = addQueue(world, queueName, host.index, QueueRole.Input);
  const instance = new EndpointInstance(
    world.instances.length,
    name,
    e,
    host,
    spec.threads,
    input,
    spec.capacity,
    spec.speed,
    spec.addedAtMs,
    spec.removedAtMs ?? Infinity,
  );
  world.instances.push(instance);
  if (spec.addedAtMs > 0 || spec.removedAtMs !== undefined) world.mappingChanges = true;
  return instance.index;
}

function addDistributor(world: World, label: string, workers: number[], handlers: Handler[], machine: (name: string) => Machine): void {
  const strategy = distributorSpec(world);
  const host = machine(strategy.machine);
  const d = new Distributor(
    world.distributors.length,
    label,
    host,
    strategy.concurrency,
    strategy.cpuMs,
    strategy.noWorkerTimeoutMs,
    addQueue(world, `${label}@${host.name}`, host.index, QueueRole.Data),
    addQueue(world, `${label}.distributor.control@${host.name}`, host.index, QueueRole.Control),
    addQueue(world, `${label}.distributor.storage@${host.name}`, host.index, QueueRole.Storage),
  );
  if (strategy.standby !== undefined) {
    d.nodes = [host, machine(strategy.standby)];
    d.failoverMs = strategy.failoverMs;
  }
  world.distributors.push(d);
  // Sender-side routing next to the distributor: senders choose the instance; only delayed retries come here.
  for (const h of handlers) {
    if (strategy.senderSide) h.retryQueue = d.data.index;
    else h.queue = d.data.index;
  }
  for (const i of workers) world.instances[i].distributor = d.index;
  for (let f = 0; f < d.concurrency; f++) {
    d.dataConsumer[f] = world.addConsumer(Consumer.Forwarder, d.index, f, d.data);
    d.slotConsumer[f] = world.addConsumer(Consumer.Slot, d.index, f, d.storage);
    d.controlConsumer[f] = world.addConsumer(Consumer.Control, d.index, f, d.control);
  }
}

/** The distributor's settings: the placement `distributor` belongs to the distributor kind. */
function distributorSpec(world: World): StrategySpecOf<'distributor'> {
  const strategy = world.strategy;
  if (strategy.kind !== 'distributor') throw new Error(`internal: strategy kind ${strategy.kind} places work on a distributor but has no distributor settings`);
  return strategy;
}
