// Scale-out strategies to compare. Only the distributor is a process of its own, so only it has a
// machine and a concurrency; the schema cannot say "required for this kind, absent for the others"
// without if/then noise, so it is checked here.

import { STRATEGY_KINDS, type StrategyKind, type StrategySpec } from '../model/scenario.js';
import { type BuildContext, type Data, checkReference, entries, integerAt, isData, problemAt, problemAtKey, stringAt } from './build-context.js';

export const DEFAULT_CONCURRENCY = 1;

export function buildStrategies(ctx: BuildContext, data: Data, machines: readonly string[]): StrategySpec[] {
  const strategies: StrategySpec[] = [];
  for (const [name, strategy] of entries(ctx, data.strategies, ['strategies'])) {
    if (!isData(strategy)) continue;
    const path = ['strategies', name];
    const kind = STRATEGY_KINDS.find((k) => k === strategy.kind);
    if (kind === undefined) {
      // The schema reports the kind; whether a machine belongs here depends on it, but a machine that
      // is named can still be checked.
      const machine = stringAt(strategy.machine);
      if (machine !== undefined) checkReference(ctx, [...path, 'machine'], machine, 'machine', machines);
      continue;
    }
    const built = kind === 'distributor' ? distributor(ctx, strategy, path, machines) : others(ctx, strategy, path, kind);
    strategies.push({ name, ...built });
  }
  return strategies;
}

function distributor(
  ctx: BuildContext,
  strategy: Data,
  path: string[],
  machines: readonly string[],
): Omit<StrategySpec, 'name'> {
  const concurrency = Object.hasOwn(strategy, 'concurrency') ? integerAt(strategy.concurrency, 1) : DEFAULT_CONCURRENCY;
  if (!Object.hasOwn(strategy, 'machine')) {
    problemAt(ctx, path, 'is missing required key "machine" (the machine the distributor runs on)');
  }
  const machine = stringAt(strategy.machine);
  if (machine !== undefined) checkReference(ctx, [...path, 'machine'], machine, 'machine', machines);
  return { kind: 'distributor', machine: machine ?? '', concurrency: concurrency ?? NaN };
}

function others(ctx: BuildContext, strategy: Data, path: string[], kind: StrategyKind): Omit<StrategySpec, 'name'> {
  for (const key of ['machine', 'concurrency']) {
    if (Object.hasOwn(strategy, key)) problemAtKey(ctx, [...path, key], `only a distributor has a ${key}; remove it (this strategy is ${kind})`);
  }
  return { kind, concurrency: DEFAULT_CONCURRENCY };
}
