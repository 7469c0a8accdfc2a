// What a fault kind is, in one record: the schema's sentence for it, whether it may have a random
// schedule and whether it ends, what it hits (its target keys) and the settings only it takes (their
// schema and how the loader reads them, in sim/scenario/build-faults.ts), what it does when it
// starts and ends, and how reports describe its settings. Each kind is one file in this folder, registered in registry.ts (a Record over every
// kind, so a kind without its definition is a compile error). When faults start and end is in
// fault-schedule.ts, the same for every kind.
import type { World } from '../kernel/world.js';
import type { FaultSettings, FaultSpec } from '../scenario-types.js';
import type { FaultTargetKey } from './target-keys.js';

/** How a kind takes one of the target keys (target-keys.ts), which several kinds share. */
export interface FaultTarget {
  /** Why it is required, for the problem when it is missing ("the machine that slows down"); absent: optional. */
  readonly required?: string;
  /** This kind's sentence in the key's schema description, after the words every kind shares. */
  readonly description?: string;
  /** A list of machines: how many (min to max), the problem's words when the count is off, and how the default name joins them. */
  readonly count?: { readonly min: number; readonly max: number; readonly problem: string; readonly join: string };
}

/** A key only this kind takes: the FaultSpec field it fills, its schema and how it is read. */
export type FaultSetting = {
  readonly field: keyof FaultSettings;
  /** How a problem names it: "a factor". */
  readonly words: string;
  /** Its schema description, as a whole. */
  readonly description: string;
} & (
  | { readonly type: 'number'; readonly minimum?: number; readonly maximum?: number; readonly exclusiveMinimum?: number; readonly default?: number; /** Required: why. */ readonly required?: string }
  | { readonly type: 'duration'; readonly positive: boolean; /** As written in YAML. */ readonly default: string; readonly defaultMs: number }
  /** A time with no default: absent, the FaultSpec field is absent too. */
  | { readonly type: 'time' }
  | { readonly type: 'flag'; readonly default: boolean }
);

export interface FaultDefinition {
  /** The schema's sentence for this kind, "crash: ...". */
  readonly summary: string;
  /** It may have a random schedule (mttf and mttr). */
  readonly random: boolean;
  /** It ends (after `duration`, or `mttr`); false: it is for good. */
  readonly ends: boolean;
  /** What it hits: the target keys it takes. */
  readonly targets: Partial<Record<FaultTargetKey, FaultTarget>>;
  /** With several target keys: exactly one of them is given, and what they are ("what crashes"). */
  readonly oneTarget?: string;
  /** The keys only this kind takes, in schema order. */
  readonly settings: Readonly<Record<string, FaultSetting>>;
  /** A problem with the fault's values together (its key and what is wrong), once each is valid on its own. */
  check?(f: Omit<FaultSpec, 'name'>): { readonly key: string; readonly problem: string } | undefined;
  /** Before the run starts. */
  prepare?(world: World, f: FaultSpec): void;
  /** The fault i starts; returns the processing time it wasted (ms). */
  start(world: World, i: number, f: FaultSpec): number;
  /** The fault i ends. */
  end?(world: World, i: number, f: FaultSpec): void;
  /** Report words for its settings beyond name and timing, e.g. ["factor 3"]. */
  describe(f: FaultSpec): string[];
}
