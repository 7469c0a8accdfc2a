// The ideal shared queue (competing consumers): every instance takes from one queue, at no cost.
import { mmcMeanWait } from '../../theory/queueing.js';
import type { StrategyDefinition } from './definition.js';

declare module '../scenario-types.js' {
  interface StrategySpecs {
    'shared-queue': Record<never, never>;
  }
}

export const sharedQueue: StrategyDefinition<'shared-queue'> = {
  summary: 'shared-queue: an ideal shared queue (competing consumers), the baseline.',
  words: 'a shared-queue strategy',
  keys: {},
  placement: 'shared-queue',
  build: () => ({}),
  theory: (fit) => ({ model: `M/M/${fit.threads}`, waitMs: mmcMeanWait(fit.threads, fit.lambda, fit.mu) }),
  describe: () => [],
};
