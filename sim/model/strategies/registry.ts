// Every strategy kind, by kind: adding a kind is its file in this folder and one line here. The
// mapped type makes a kind declared (in scenario-types' StrategySpecs) but not registered, or
// registered with a missing piece, a compile error.
import type { StrategyKind, StrategySpec } from '../scenario-types.js';
import { broker } from './broker.js';
import { custom } from './custom.js';
import type { StrategyDefinition } from './definition.js';
import { distributor } from './distributor.js';
import { fair } from './fair.js';
import { random } from './random.js';
import { roundRobin } from './round-robin.js';
import { sharedQueue } from './shared-queue.js';
import { twoChoices } from './two-choices.js';

export const STRATEGIES: { readonly [K in StrategyKind]: StrategyDefinition<K> } = {
  distributor,
  'round-robin': roundRobin,
  random,
  'shared-queue': sharedQueue,
  fair,
  custom,
  'two-choices': twoChoices,
  broker,
};

export const STRATEGY_KINDS = Object.keys(STRATEGIES) as readonly StrategyKind[];

/** The definition of a strategy's kind, typed for that strategy. */
export function definitionOf<S extends StrategySpec>(spec: S): StrategyDefinition<S['kind']> {
  return STRATEGIES[spec.kind] as unknown as StrategyDefinition<S['kind']>;
}
