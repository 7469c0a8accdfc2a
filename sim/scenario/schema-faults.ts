// The JSON Schema of one entry of `faults:` (schema.ts). Which keys each kind takes, and whether a
// schedule is fixed or random, are checked in code (build-faults.ts): the schema only names the keys.
// The target keys and each kind's own settings come from the kinds' definitions (sim/model/faults/).

import type { FaultSetting } from '../model/faults/definition.js';
import { FAULTS, FAULT_KINDS } from '../model/faults/registry.js';
import { FAULT_TARGET_KEYS, FAULT_TARGET_KEY_NAMES } from '../model/faults/target-keys.js';
import { type Json, flag, number, record, ref, text } from './schema-parts.js';

/** The kinds that may have a random schedule, "crash and slowdown". */
const RANDOM = and(FAULT_KINDS.filter((k) => FAULTS[k].random));

/** "a", "a and b", "a, b and c". */
function and(words: readonly string[]): string {
  return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * Each target key once, described for the kinds that take it: "crash and slowdown (required for
 * slowdown): <shared words> <each kind's sentence>", or, when nothing is shared, each kind's sentence
 * after "<kind> (required for it):".
 */
function targetKeys(): Record<string, Json> {
  const keys: Record<string, Json> = {};
  for (const key of FAULT_TARGET_KEY_NAMES) {
    const shared = FAULT_TARGET_KEYS[key];
    const owners = FAULT_KINDS.filter((k) => FAULTS[k].targets[key] !== undefined);
    if (owners.length === 0) continue;
    let description: string;
    if (shared.description === '') {
      description = owners.map((k) => `${k}${FAULTS[k].targets[key]?.required ? ' (required for it)' : ''}: ${FAULTS[k].targets[key]?.description ?? ''}`).join(' ');
    } else {
      const requiring = owners.filter((k) => FAULTS[k].targets[key]?.required !== undefined);
      const who = owners.length === 1 ? `${owners[0]} only` : and(owners);
      const required = requiring.length > 0 ? ` (required for ${and(requiring)})` : '';
      const own = owners.flatMap((k) => FAULTS[k].targets[key]?.description ?? []);
      description = [`${who}${required}: ${shared.description}`, ...own].join(' ');
    }
    if (shared.schema === 'text') keys[key] = text(description);
    else if (shared.schema === 'distributor') keys[key] = { type: 'string', enum: ['distributor'], description };
    else keys[key] = { type: 'array', description, items: text('A machine, a name under `machines`.') };
  }
  return keys;
}

/** The keys only one kind takes, in registry order. */
function settingKeys(): Record<string, Json> {
  const keys: Record<string, Json> = {};
  for (const kind of FAULT_KINDS) for (const [key, setting] of Object.entries(FAULTS[kind].settings)) keys[key] = settingSchema(setting);
  return keys;
}

function settingSchema(s: FaultSetting): Json {
  switch (s.type) {
    case 'number': {
      const bounds: Json = {};
      if (s.minimum !== undefined) bounds.minimum = s.minimum;
      if (s.maximum !== undefined) bounds.maximum = s.maximum;
      if (s.exclusiveMinimum !== undefined) bounds.exclusiveMinimum = s.exclusiveMinimum;
      return number(bounds, s.description, s.default === undefined ? {} : { default: s.default });
    }
    case 'duration':
      return ref('duration', s.description, { default: s.default });
    case 'time':
      return ref('duration', s.description);
    case 'flag':
      return flag(s.description, s.default);
  }
}

export const fault = record(
  'A fault injected into every run (each strategy, each variant): what breaks (`kind` and its target), when (`at` and `duration`, or `mttf` and `mttr` for a random schedule) and how. ' +
    'Each kind takes its own keys; a key of another kind is a problem.',
  {
    kind: {
      type: 'string',
      enum: [...FAULT_KINDS],
      // Each kind's sentence comes from its definition (sim/model/faults/).
      description: FAULT_KINDS.map((k) => FAULTS[k].summary).join(' '),
    },
    name: text(
      'Optional: the fault\'s label in reports, unique among the faults. Default: the kind and the target, e.g. "crash worker1", "crash Sales/worker1", "crash distributor", "slowdown worker2", ' +
        '"partition client-server", "duplicate-qmid worker1+worker2", "decommission Sales/worker2"; a default already taken gets " #2", " #3"...',
    ),
    at: ref('duration', 'When the fault starts, >= 0 (0ms: from the start). Required, except with a random schedule (mttf and mttr), which takes no `at`.'),
    duration: ref(
      'duration',
      'Optional: how long the fault lasts, > 0; then the crashed process restarts, the machine is fast again, the partition heals. Default: until the end of the run. ' +
        `Not for ${and(FAULT_KINDS.filter((k) => !FAULTS[k].ends))}, nor with a random schedule.`,
    ),
    mttf: ref(
      'duration',
      `${RANDOM} only: mean time to failure, > 0, of a random schedule: times to failure and to repair are drawn (exponential) from the fault's own random stream, over and over. ` +
        'Needs `mttr`; takes no `at` or `duration`.',
    ),
    mttr: ref('duration', `${RANDOM} only: mean time to repair, > 0, of a random schedule. Needs \`mttf\`.`),
    ...targetKeys(),
    ...settingKeys(),
  },
  ['kind'],
);
