// Scale-out strategies to compare. Each kind's own keys come from its definition (sim/model/strategies/):
// the schema cannot say "required for this kind, absent for the others" without if/then noise, so
// that is checked here. A key read from YAML gets its default when absent, so the model has no holes.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, resolve } from 'node:path';
import type { StrategyKind, StrategySpec } from '../model/scenario-types.js';
import type { StrategyKey, StrategyValues } from '../model/strategies/definition.js';
import { STRATEGIES, STRATEGY_KINDS } from '../model/strategies/registry.js';
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
    const values = readKeys(ctx, strategy, path, STRATEGIES[kind].keys, machines);
    const spec = { name, kind, ...STRATEGIES[kind].build(values) } as StrategySpec;
    // Sender-side routing sends to an endpoint's instances; per message type there is no one instance list.
    if (spec.kind === 'distributor' && spec.senderSide && spec.perMessageType) {
      problemAtKey(ctx, [...path, 'senderSide'], 'cannot be combined with perMessageType: senders route to the endpoint\'s instances, and per message type each instance runs one process per type; remove one of them');
    }
    strategies.push(spec);
  }
  return strategies;
}

function checkKeysOfOtherKinds(ctx: BuildContext, strategy: Data, path: readonly Segment[], kind: StrategyKind): void {
  const seen = new Set<string>();
  for (const other of STRATEGY_KINDS) {
    for (const key of Object.keys(STRATEGIES[other].keys)) {
      if (seen.has(key)) continue;
      seen.add(key);
      if (Object.hasOwn(STRATEGIES[kind].keys, key) || !Object.hasOwn(strategy, key)) continue;
      const owners = STRATEGY_KINDS.filter((k) => Object.hasOwn(STRATEGIES[k].keys, key)).map((k) => STRATEGIES[k].words);
      problemAtKey(ctx, [...path, key], `only ${owners.join(' or ')} has ${STRATEGIES[other].keys[key].words}; remove it (this strategy is ${kind})`);
    }
  }
}

/** Reads a kind's keys in their order (problems come in that order too). */
function readKeys(ctx: BuildContext, strategy: Data, path: readonly Segment[], keys: Readonly<Record<string, StrategyKey>>, machines: readonly string[]): StrategyValues {
  const numbers = new Map<string, number>();
  const flags = new Map<string, boolean>();
  const texts = new Map<string, string>();
  const paths = new Map<string, string>();
  const mappings = new Map<string, Readonly<Record<string, unknown>>>();
  for (const [key, spec] of Object.entries(keys)) {
    const at = [...path, key];
    switch (spec.type) {
      case 'machine': {
        if (spec.required !== undefined) required(ctx, strategy, path, key, spec.required);
        const machine = stringAt(strategy[key]);
        if (machine !== undefined) {
          checkReference(ctx, at, machine, 'machine', machines);
          texts.set(key, machine);
          const other = spec.differentFrom;
          if (other !== undefined && stringAt(strategy[other]) === machine) {
            problemAt(ctx, at, `must be a machine other than \`${other}\` (${JSON.stringify(machine)} is both)`);
          }
        }
        break;
      }
      case 'integer':
        numbers.set(key, optional(strategy, key, (v) => integerAt(v, spec.minimum), spec.default) ?? NaN);
        break;
      case 'duration':
        numbers.set(key, optional(strategy, key, (v) => durationAt(ctx, v, at, spec.positive), spec.defaultMs) ?? NaN);
        break;
      case 'flag':
        flags.set(key, optional(strategy, key, booleanAt, spec.default) ?? spec.default);
        break;
      case 'module': {
        required(ctx, strategy, path, key, spec.required);
        const module = stringAt(strategy[key]);
        if (module === undefined) break;
        const modulePath = isAbsolute(module) ? module : resolve(dirname(ctx.file), module);
        const problem = ctx.files.noModules ?? moduleProblem(module, modulePath);
        if (problem !== undefined) problemAt(ctx, at, problem);
        texts.set(key, module);
        paths.set(key, modulePath);
        break;
      }
      case 'mapping':
        mappings.set(key, isData(strategy[key]) ? structuredClone(strategy[key]) : {});
        break;
    }
  }
  const known = (key: string): string => {
    if (!Object.hasOwn(keys, key)) throw new Error(`internal: a strategy reads ${key}, which is not one of its keys`);
    return key;
  };
  return {
    number: (key) => numbers.get(known(key)) ?? NaN,
    flag: (key) => flags.get(known(key)) ?? false,
    text: (key) => texts.get(known(key)),
    path: (key) => paths.get(known(key)),
    mapping: (key) => mappings.get(known(key)) ?? {},
  };
}

function required(ctx: BuildContext, strategy: Data, path: readonly Segment[], key: string, what: string): void {
  if (!Object.hasOwn(strategy, key)) problemAt(ctx, path, `is missing required key ${JSON.stringify(key)} (${what})`);
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
