// Scale-out strategies to compare. Some keys belong to one kind only (the distributor's machine, the
// fair strategy's ackEvery, the custom strategy's module); the schema cannot say "required for this
// kind, absent for the others" without if/then noise, so that is checked here. Every strategy gets the
// defaults of the keys it does not use, so the model has no holes to check for.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, resolve } from 'node:path';
import { STRATEGY_KINDS, type StrategyKind, type StrategySpec } from '../model/scenario-types.js';
import {
  type BuildContext,
  type Data,
  booleanAt,
  checkReference,
  durationAt,
  entries,
  integerAt,
  isData,
  optional,
  problemAt,
  problemAtKey,
  stringAt,
} from './build-context.js';
import type { Segment } from './problem.js';
import { closest } from './suggest.js';

type Built = Omit<StrategySpec, 'name'>;

/** The fields every strategy has, at their defaults (NServiceBus's, for the distributor). */
export const STRATEGY_DEFAULTS = {
  concurrency: 1,
  noWorkerTimeoutMs: 10_000,
  sessionIds: true,
  cpuMs: 0,
  perMessageType: false,
  ackEvery: 1,
} as const satisfies Partial<Built>;

/** The keys only one kind takes, with the words a problem uses for them. */
const KIND_KEYS: Readonly<Record<string, { readonly kind: StrategyKind; readonly words: string }>> = {
  machine: { kind: 'distributor', words: 'a machine' },
  concurrency: { kind: 'distributor', words: 'a concurrency' },
  noWorkerTimeout: { kind: 'distributor', words: 'a noWorkerTimeout' },
  sessionIds: { kind: 'distributor', words: 'a sessionIds setting' },
  cpu: { kind: 'distributor', words: 'a cpu cost' },
  perMessageType: { kind: 'distributor', words: 'a perMessageType setting' },
  ackEvery: { kind: 'fair', words: 'an ackEvery' },
  module: { kind: 'custom', words: 'a module' },
  options: { kind: 'custom', words: 'options' },
};

const KIND_WORDS: Readonly<Record<StrategyKind, string>> = {
  distributor: 'a distributor',
  'round-robin': 'a round-robin strategy',
  random: 'a random strategy',
  'shared-queue': 'a shared-queue strategy',
  fair: 'a fair strategy',
  custom: 'a custom strategy',
};

const MODULE_EXTENSIONS = ['.js', '.mjs'];

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
    checkKeysOfOtherKinds(ctx, strategy, path, kind);
    strategies.push({ name, ...buildKind(ctx, strategy, path, kind, machines) });
  }
  return strategies;
}

function buildKind(ctx: BuildContext, strategy: Data, path: readonly Segment[], kind: StrategyKind, machines: readonly string[]): Built {
  switch (kind) {
    case 'distributor':
      return distributor(ctx, strategy, path, machines);
    case 'fair': {
      const ackEvery = optional(strategy, 'ackEvery', (v) => integerAt(v, 1), STRATEGY_DEFAULTS.ackEvery);
      return { kind, ...STRATEGY_DEFAULTS, ackEvery: ackEvery ?? NaN };
    }
    case 'custom':
      return { kind, ...STRATEGY_DEFAULTS, ...custom(ctx, strategy, path) };
    default:
      return { kind, ...STRATEGY_DEFAULTS };
  }
}

function checkKeysOfOtherKinds(ctx: BuildContext, strategy: Data, path: readonly Segment[], kind: StrategyKind): void {
  for (const [key, owner] of Object.entries(KIND_KEYS)) {
    if (owner.kind === kind || !Object.hasOwn(strategy, key)) continue;
    problemAtKey(ctx, [...path, key], `only ${KIND_WORDS[owner.kind]} has ${owner.words}; remove it (this strategy is ${kind})`);
  }
}

function required(ctx: BuildContext, strategy: Data, path: readonly Segment[], key: string, what: string): void {
  if (!Object.hasOwn(strategy, key)) problemAt(ctx, path, `is missing required key ${JSON.stringify(key)} (${what})`);
}

function distributor(ctx: BuildContext, strategy: Data, path: readonly Segment[], machines: readonly string[]): Built {
  required(ctx, strategy, path, 'machine', 'the machine the distributor runs on');
  const machine = stringAt(strategy.machine);
  if (machine !== undefined) checkReference(ctx, [...path, 'machine'], machine, 'machine', machines);
  const d = STRATEGY_DEFAULTS;
  const concurrency = optional(strategy, 'concurrency', (v) => integerAt(v, 1), d.concurrency);
  const noWorkerTimeoutMs = optional(strategy, 'noWorkerTimeout', (v) => durationAt(ctx, v, [...path, 'noWorkerTimeout'], true), d.noWorkerTimeoutMs);
  const sessionIds = optional(strategy, 'sessionIds', booleanAt, d.sessionIds);
  const cpuMs = optional(strategy, 'cpu', (v) => durationAt(ctx, v, [...path, 'cpu'], false), d.cpuMs);
  const perMessageType = optional(strategy, 'perMessageType', booleanAt, d.perMessageType);
  return {
    kind: 'distributor',
    machine: machine ?? '',
    concurrency: concurrency ?? NaN,
    noWorkerTimeoutMs: noWorkerTimeoutMs ?? NaN,
    sessionIds: sessionIds ?? d.sessionIds,
    cpuMs: cpuMs ?? NaN,
    perMessageType: perMessageType ?? d.perMessageType,
    ackEvery: d.ackEvery,
  };
}

/**
 * The module's path as written and resolved against the scenario's folder. The module is only found
 * here, never imported: loading a scenario runs none of its code.
 */
function custom(ctx: BuildContext, strategy: Data, path: readonly Segment[]): Pick<StrategySpec, 'module' | 'modulePath' | 'options'> {
  required(ctx, strategy, path, 'module', 'the .js or .mjs file that picks the instance');
  const options = isData(strategy.options) ? structuredClone(strategy.options) : {};
  const module = stringAt(strategy.module);
  if (module === undefined) return { options };
  const modulePath = isAbsolute(module) ? module : resolve(dirname(ctx.file), module);
  const problem = moduleProblem(module, modulePath);
  if (problem !== undefined) problemAt(ctx, [...path, 'module'], problem);
  return { module, modulePath, options };
}

function moduleProblem(module: string, modulePath: string): string | undefined {
  const shown = JSON.stringify(module);
  if (!MODULE_EXTENSIONS.includes(extname(module))) return `must be a .js or .mjs file, got ${shown}`;
  if (!existsSync(modulePath)) return `cannot find module file ${shown} (looked in ${modulePath})${similarModule(module, modulePath)}`;
  if (!statSync(modulePath).isFile()) return `module file ${shown} is not a file (looked in ${modulePath})`;
  return undefined;
}

/** `; did you mean "strategies/pick-first.js"?` when a module file with a close name sits in the same folder. */
function similarModule(module: string, modulePath: string): string {
  let files: string[];
  try {
    files = readdirSync(dirname(modulePath)).filter((f) => MODULE_EXTENSIONS.includes(extname(f)));
  } catch {
    return '';
  }
  const match = closest(basename(modulePath), files);
  if (match === undefined) return '';
  // Suggest it as the user would write it: their folder part, then the file found.
  return `; did you mean ${JSON.stringify(module.slice(0, module.length - basename(module).length) + match)}?`;
}
