// Builds what publish-subscribe needs: a subscription storage for every publisher (a publishing
// sender's own; an endpoint's, shared by its publishing instances or one per instance, as its
// `subscriptions` says), and the subscription messages each subscriber instance sends at its start.
//
// Where a subscription message goes is where the publisher receives messages: a publishing sender's
// own queue; under sender-side distribution every publisher instance's input queue (each configured
// publisher instance gets one); under a distributor its data queue, and under the shared queue or a
// broker the endpoint's queue, from which one instance takes it.
import { SubscriptionStorage } from '../kernel/subscriptions.js';
import type { World } from '../kernel/world.js';

export function buildSubscriptions(world: World): void {
  const handlerCount = world.handlers.length;
  const instanceCount = world.instances.length;
  for (const stream of world.streams) {
    const sender = stream.sender;
    if (stream.publish && sender.subscriptions === null) sender.subscriptions = new SubscriptionStorage(sender.name, handlerCount, instanceCount);
  }
  const shared = new Map<number, SubscriptionStorage>();
  for (const h of world.handlers) {
    if (h.publishType < 0) continue;
    world.maxPublishTargets = Math.max(world.maxPublishTargets, h.publishTargets.length);
    for (const i of h.instances) {
      const instance = world.instances[i];
      if (instance.subscriptions !== null) continue;
      if (world.scenario.endpoints[instance.endpoint].subscriptions === 'per-instance') {
        instance.subscriptions = new SubscriptionStorage(instance.name, handlerCount, instanceCount);
        continue;
      }
      let storage = shared.get(instance.endpoint);
      if (storage === undefined) {
        storage = new SubscriptionStorage(`${world.endpointNames[instance.endpoint]} (shared)`, handlerCount, instanceCount);
        shared.set(instance.endpoint, storage);
      }
      instance.subscriptions = storage;
    }
  }

  const seen = new Set<string>();
  const add = (subscriber: number, queue: number, publisher: number): void => {
    const key = `${subscriber}/${queue}`;
    if (seen.has(key)) return;
    seen.add(key);
    const k = world.subscriptions.length;
    world.subscriptions.push({ subscriber, queue, publisher });
    for (const i of world.handlers[subscriber].instances) world.instances[i].subscribes.push(k);
  };
  for (const stream of world.streams) {
    if (!stream.publish) continue;
    for (const target of stream.targets) add(target.handler, stream.sender.replies.index, -1);
  }
  for (const h of world.handlers) {
    for (const target of h.publishTargets) {
      if (h.queue >= 0) add(target.handler, h.queue, -1);
      else for (const i of h.instances) add(target.handler, world.instances[i].input.index, i);
    }
  }
}
