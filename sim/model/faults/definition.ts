// What a fault kind is, in one record: the schema's sentence for it, whether it may have a random
// schedule and whether it ends, what it does when it starts and ends, and how reports describe its
// settings. Each kind is one file in this folder, registered in registry.ts (a Record over every
// kind, so a kind without its definition is a compile error). When faults start and end is in
// fault-schedule.ts, the same for every kind.
import type { World } from '../kernel/world.js';
import type { FaultSpec } from '../scenario-types.js';

export interface FaultDefinition {
  /** The schema's sentence for this kind, "crash: ...". */
  readonly summary: string;
  /** It may have a random schedule (mttf and mttr). */
  readonly random: boolean;
  /** It ends (after `duration`, or `mttr`); false: it is for good. */
  readonly ends: boolean;
  /** Before the run starts. */
  prepare?(world: World, f: FaultSpec): void;
  /** The fault i starts; returns the processing time it wasted (ms). */
  start(world: World, i: number, f: FaultSpec): number;
  /** The fault i ends. */
  end?(world: World, i: number, f: FaultSpec): void;
  /** Report words for its settings beyond name and timing, e.g. ["factor 3"]. */
  describe(f: FaultSpec): string[];
}
