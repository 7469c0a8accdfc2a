// Faults (`faults:`): what breaks, when and how. Each kind takes its own keys (a crash a machine,
// instance or process; a slowdown a machine and a factor; a partition or duplicate QMId machines; a
// decommission an instance), which the schema cannot say without if/then noise, so that is checked
// here, as for strategies; which keys those are, and how each setting is read, is in the kind's
// definition (sim/model/faults/). A fault's timing is fixed (`at`, optional `duration`) or random (`mttf` and
// `mttr`, crash and slowdown only). Unlike strategies, a fault carries only the fields its kind uses:
// the model tells them apart by presence.

import type { FaultSetting } from '../model/faults/definition.js';
import type { EndpointSpec, FaultKind, FaultSettings, FaultSpec } from '../model/scenario-types.js';
import { FAULTS, FAULT_KINDS } from '../model/faults/registry.js';
import { FAULT_TARGET_KEYS, FAULT_TARGET_KEY_NAMES, type FaultTargetKey } from '../model/faults/target-keys.js';
import { type Target, checkNamedTargets, instanceTarget, machinesTarget, machineTarget, processTarget } from './build-fault-targets.js';
import { type BuildContext, type Data, booleanAt, durationAt, isData, numberAt, optional, problemAt, problemAtKey, stringAt } from './build-context.js';
import type { Segment } from './problem.js';
import { closest } from './suggest.js';

/** The kinds that may have a random schedule (mttf and mttr). */
const RANDOM_KINDS: readonly FaultKind[] = FAULT_KINDS.filter((k) => FAULTS[k].random);

/** The keys every fault may have. */
const COMMON_KEYS = ['kind', 'name', 'at'];

/** The keys only some kinds take, with those kinds and the words a problem uses for them: timing, targets, then each kind's settings. */
const KIND_KEYS: Readonly<Record<string, { readonly kinds: readonly FaultKind[]; readonly words: string }>> = {
  duration: { kinds: FAULT_KINDS.filter((k) => FAULTS[k].ends), words: 'a duration' },
  mttf: { kinds: RANDOM_KINDS, words: 'an mttf (a random schedule)' },
  mttr: { kinds: RANDOM_KINDS, words: 'an mttr (a random schedule)' },
  ...Object.fromEntries(
    FAULT_TARGET_KEY_NAMES.map((key) => [key, { kinds: FAULT_KINDS.filter((k) => FAULTS[k].targets[key] !== undefined), words: FAULT_TARGET_KEYS[key].words }]),
  ),
  ...Object.fromEntries(FAULT_KINDS.flatMap((kind) => Object.entries(FAULTS[kind].settings).map(([key, s]) => [key, { kinds: [kind], words: s.words }]))),
};

/** Every key a fault may have, in the schema's order (schema.ts), as an unknown key's did-you-mean sees them. */
const ALL_KEYS = [...COMMON_KEYS, ...Object.keys(KIND_KEYS)];

type Built = Omit<FaultSpec, 'name'>;

/** One fault of a known kind, as written, with what the build steps below share. */
interface At {
  readonly ctx: BuildContext;
  readonly fault: Data;
  readonly path: readonly Segment[];
  readonly kind: FaultKind;
  /** The keys suggested by the problems at keys the kind does not take (`machine` -> "machines"). */
  readonly suggested: ReadonlySet<string>;
}

interface Draft {
  readonly index: number;
  readonly explicitName: string | undefined;
  readonly defaultName: string;
  readonly spec: Built;
}

export function buildFaults(ctx: BuildContext, data: Data, machines: readonly string[], endpoints: readonly EndpointSpec[]): FaultSpec[] {
  if (!Array.isArray(data.faults)) return [];
  const drafts: Draft[] = [];
  data.faults.forEach((fault: unknown, index) => {
    if (!isData(fault)) return;
    const path = ['faults', index];
    const kind = FAULT_KINDS.find((k) => k === fault.kind);
    if (kind === undefined) {
      // The schema reports the kind; which keys belong here depends on it, but the names given can
      // still be checked.
      checkNamedTargets(ctx, fault, path, machines, endpoints);
      return;
    }
    const before = ctx.problems.size;
    const at: At = { ctx, fault, path, kind, suggested: checkKeys(ctx, fault, path, kind) };
    const timing = buildTiming(at);
    const target = buildTarget(at, machines, endpoints, data);
    const settings = buildSettings(at);
    const together = ctx.problems.size === before ? FAULTS[kind].check?.({ kind, ...timing, ...target, ...settings }) : undefined;
    if (together !== undefined) problemAtKey(ctx, [...path, together.key], together.problem);
    drafts.push({
      index,
      explicitName: stringAt(fault.name),
      defaultName: `${kind} ${targetLabel(kind, target)}`,
      spec: { kind, ...timing, ...target, ...settings },
    });
  });
  const names = faultNames(drafts);
  checkUniqueNames(ctx, drafts);
  return drafts.map((d, i) => ({ name: names[i], ...d.spec }));
}

/**
 * Reports the keys of other kinds, and returns the keys that the problems at wrong keys suggest: for a
 * key of another kind, the closest key this kind takes and lacks; for an unknown key, the closest key
 * of any fault, as the schema's problem suggests (structure.ts).
 */
function checkKeys(ctx: BuildContext, fault: Data, path: readonly Segment[], kind: FaultKind): Set<string> {
  const own = keysOf(kind);
  const suggested = new Set<string>();
  for (const key of Object.keys(fault)) {
    if (own.includes(key)) continue;
    const owner = Object.hasOwn(KIND_KEYS, key) ? KIND_KEYS[key] : undefined;
    if (owner === undefined) {
      const close = closest(key, ALL_KEYS);
      if (close !== undefined) suggested.add(close);
      continue;
    }
    const only = `only ${kindsWords(owner.kinds)} ${owner.words}`;
    const close = closest(key, own.filter((k) => !Object.hasOwn(fault, k)));
    if (close === undefined) {
      problemAtKey(ctx, [...path, key], `${only}; remove it (this fault is ${kind})`);
    } else {
      problemAtKey(ctx, [...path, key], `${only} (this fault is ${kind}); did you mean "${close}"?`);
      suggested.add(close);
    }
  }
  return suggested;
}

/** The keys a fault of `kind` takes. */
function keysOf(kind: FaultKind): string[] {
  return [...COMMON_KEYS, ...Object.keys(KIND_KEYS).filter((k) => KIND_KEYS[k].kinds.includes(kind))];
}

/** `a slowdown fault has`, `crash and slowdown faults have`, `crash, slowdown and partition faults have`. */
function kindsWords(kinds: readonly FaultKind[]): string {
  if (kinds.length === 1) return `a ${kinds[0]} fault has`;
  return `${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1]} faults have`;
}

/** A key this kind requires, unless a problem at a wrong key already suggests it: one mistake, one message. */
function required(at: At, key: string, what: string): void {
  if (Object.hasOwn(at.fault, key) || at.suggested.has(key)) return;
  problemAt(at.ctx, at.path, `is missing required key ${JSON.stringify(key)} (${what})`);
}

/** Fixed (`at`, optional `duration`) or random (`mttf` and `mttr`, then atMs 0). */
function buildTiming(at: At): Pick<FaultSpec, 'atMs' | 'durationMs' | 'mttfMs' | 'mttrMs'> {
  const { ctx, fault, path, kind } = at;
  const has = (key: string) => Object.hasOwn(fault, key);
  const canBeRandom = RANDOM_KINDS.includes(kind);
  if (canBeRandom && (has('mttf') || has('mttr'))) {
    required(at, 'mttf', 'the mean time to failure: a random schedule needs both mttf and mttr');
    required(at, 'mttr', 'the mean time to repair: a random schedule needs both mttf and mttr');
    for (const key of ['at', 'duration']) {
      if (has(key)) {
        problemAtKey(ctx, [...path, key], `a random schedule (mttf, mttr) has no ${key}; remove it, or remove mttf and mttr for a fixed schedule`);
      }
    }
    const mttfMs = has('mttf') ? durationAt(ctx, fault.mttf, [...path, 'mttf'], true) : undefined;
    const mttrMs = has('mttr') ? durationAt(ctx, fault.mttr, [...path, 'mttr'], true) : undefined;
    // NaN only stands in where a problem was reported; such a scenario is never returned.
    return { atMs: 0, mttfMs: mttfMs ?? NaN, mttrMs: mttrMs ?? NaN };
  }
  required(at, 'at', canBeRandom ? 'when the fault starts; or mttf and mttr for a random schedule' : 'when the fault starts');
  const atMs = has('at') ? durationAt(ctx, fault.at, [...path, 'at'], false) : undefined;
  // A duration on a kind that takes none is reported as such, and not judged as well.
  if (!has('duration') || !KIND_KEYS.duration.kinds.includes(kind)) return { atMs: atMs ?? NaN };
  const durationMs = durationAt(ctx, fault.duration, [...path, 'duration'], true);
  return { atMs: atMs ?? NaN, durationMs: durationMs ?? NaN };
}

function buildTarget(at: At, machines: readonly string[], endpoints: readonly EndpointSpec[], data: Data): Target {
  const { ctx, fault, path } = at;
  const definition = FAULTS[at.kind];
  const keys = FAULT_TARGET_KEY_NAMES.filter((k) => definition.targets[k] !== undefined);
  if (definition.oneTarget !== undefined) {
    const given = keys.filter((k) => Object.hasOwn(fault, k));
    const exactly = `must have exactly one of ${orList(keys)} (${definition.oneTarget})`;
    // With an unknown key present (a misspelt `machin`), the problem at that key already says what is wrong.
    const unknownKeys = Object.keys(fault).some((k) => !ALL_KEYS.includes(k));
    const hinted = keys.some((k) => at.suggested.has(k));
    if (given.length === 0 && !unknownKeys && !hinted) problemAt(ctx, path, `${exactly}, got none`);
    if (given.length > 1) problemAt(ctx, path, `${exactly}, got ${given.join(' and ')}`);
  }
  let target: Target = {};
  for (const key of keys) {
    const how = definition.targets[key];
    if (how?.required !== undefined) required(at, key, how.required);
    target = { ...target, ...readTarget(key, at, machines, endpoints, data) };
  }
  return target;
}

function readTarget(key: FaultTargetKey, at: At, machines: readonly string[], endpoints: readonly EndpointSpec[], data: Data): Target {
  const { ctx, fault, path } = at;
  switch (key) {
    case 'machine': return machineTarget(ctx, fault, path, machines);
    case 'instance': return instanceTarget(ctx, fault, path, endpoints);
    case 'process': return processTarget(ctx, fault, path, data);
    case 'machines': return machinesTarget(ctx, fault, path, FAULTS[at.kind].targets.machines?.count, machines);
  }
}

/** "a or b", "a, b or c". */
function orList(words: readonly string[]): string {
  return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** The settings only one kind has, each read as its definition says, with its default for that kind only. */
function buildSettings(at: At): FaultSettings {
  const settings: Record<string, number | boolean> = {};
  for (const [key, setting] of Object.entries(FAULTS[at.kind].settings)) {
    const value = readSetting(at, key, setting);
    if (value !== undefined) settings[setting.field] = value;
  }
  return settings;
}

/** NaN only stands in where a problem was reported; such a scenario is never returned. */
function readSetting(at: At, key: string, s: FaultSetting): number | boolean | undefined {
  const { ctx, fault, path } = at;
  switch (s.type) {
    case 'number': {
      const inBounds = (n: number) =>
        (s.minimum === undefined || n >= s.minimum) && (s.maximum === undefined || n <= s.maximum) && (s.exclusiveMinimum === undefined || n > s.exclusiveMinimum);
      if (s.required !== undefined) {
        required(at, key, s.required);
        return (Object.hasOwn(fault, key) ? numberAt(fault[key], inBounds) : undefined) ?? NaN;
      }
      return optional(fault, key, (v) => numberAt(v, inBounds), s.default ?? NaN) ?? NaN;
    }
    case 'duration':
      return optional(fault, key, (v) => durationAt(ctx, v, [...path, key], s.positive), s.defaultMs) ?? NaN;
    case 'time':
      return Object.hasOwn(fault, key) ? (durationAt(ctx, fault[key], [...path, key], false) ?? NaN) : undefined;
    case 'flag':
      return optional(fault, key, booleanAt, s.default) ?? s.default;
  }
}

/** `worker1`, `Sales/worker1`, `distributor`, `client-server` (partition), `worker1+worker2` (duplicate QMId). */
function targetLabel(kind: FaultKind, target: Target): string {
  if (target.machine !== undefined) return target.machine;
  if (target.instance !== undefined) return `${target.instance.endpoint}/${target.instance.instance}`;
  if (target.distributor === true) return 'distributor';
  if (target.machines !== undefined) return target.machines.join(FAULTS[kind].targets.machines?.count?.join ?? '+');
  return '';
}

/**
 * Names label faults in reports and name their random streams, so they are unique. A fault without a
 * name gets `<kind> <target>`; when that is taken (by a name given, or by an earlier fault's default),
 * the first free of `<kind> <target> #2`, `#3`...
 */
function faultNames(drafts: readonly Draft[]): string[] {
  const taken = new Set(drafts.flatMap((d) => (d.explicitName === undefined ? [] : [d.explicitName])));
  const next = new Map<string, number>();
  return drafts.map((d) => {
    if (d.explicitName !== undefined) return d.explicitName;
    const base = d.defaultName;
    let n = next.get(base) ?? 1;
    let name = n === 1 ? base : `${base} #${n}`;
    while (taken.has(name)) {
      n += 1;
      name = `${base} #${n}`;
    }
    next.set(base, n + 1);
    taken.add(name);
    return name;
  });
}

/** Two names given alike are a mistake; defaults make way for names given (faultNames). */
function checkUniqueNames(ctx: BuildContext, drafts: readonly Draft[]): void {
  const firstUse = new Map<string, number>();
  for (const d of drafts) {
    if (d.explicitName === undefined) continue;
    const earlier = firstUse.get(d.explicitName);
    if (earlier === undefined) {
      firstUse.set(d.explicitName, d.index);
      continue;
    }
    problemAt(ctx, ['faults', d.index, 'name'], `must be unique among the faults, but faults[${earlier}] is also named ${JSON.stringify(d.explicitName)}`);
  }
}
