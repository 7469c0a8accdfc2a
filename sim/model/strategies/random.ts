// Sender-side random choice: each message goes to an instance drawn from the sender's routing stream.
import { randomSplitMeanWait } from '../../theory/queueing.js';
import type { StrategyDefinition } from './definition.js';

declare module '../scenario-types.js' {
  interface StrategySpecs {
    random: Record<never, never>;
  }
}

export const random: StrategyDefinition<'random'> = {
  summary: 'random: each sender picks an instance at random.',
  words: 'a random strategy',
  keys: {},
  placement: 'sender-side',
  build: () => ({}),
  choice: () => ({
    pick: (_world, sender, _endpoint, list) => Math.floor(sender.routingRng.next() * list.length),
    count: () => NaN,
    counts: false,
  }),
  route: { words: 'at random', count: 'none' },
  // A random split of a Poisson stream is a Poisson stream at each instance: k independent M/M/1.
  theory: (fit) =>
    fit.singleThreads ? { model: `M/M/1 x ${fit.instances}`, waitMs: randomSplitMeanWait(fit.instances, fit.lambda, fit.mu) } : undefined,
  describe: () => [],
};
