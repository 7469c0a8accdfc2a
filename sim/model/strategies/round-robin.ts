// Sender-side round-robin: each sender cycles through its copy of the instance mapping.
import { ekm1MeanWait } from '../../theory/queueing.js';
import type { StrategyDefinition } from './definition.js';

declare module '../scenario-types.js' {
  interface StrategySpecs {
    'round-robin': Record<never, never>;
  }
}

export const roundRobin: StrategyDefinition<'round-robin'> = {
  summary: 'round-robin: each sender cycles through the instances.',
  words: 'a round-robin strategy',
  keys: {},
  placement: 'sender-side',
  build: () => ({}),
  choice: () => ({
    // The sender's own counter for this endpoint, shared by all its message types, starting at the
    // first instance and not reset when the mapping changes.
    pick: (_world, sender, endpoint, list) => sender.roundRobin[endpoint]++ % list.length,
    count: (_world, sender, endpoint) => sender.roundRobin[endpoint] - 1,
    counts: false,
  }),
  route: { words: 'round-robin counter', count: 'inline' },
  // One sender deals every k-th arrival to each instance: Erlang-k interarrivals at each.
  theory: (fit) =>
    fit.singleThreads && fit.senders === 1 ? { model: `E${fit.instances}/M/1`, waitMs: ekm1MeanWait(fit.instances, fit.lambda, fit.mu) } : undefined,
  describe: () => [],
};
