// What a strategy kind is, in one record: the keys it takes (for the schema and the loader), how it
// is built from them, where its messages go (and for sender-side kinds, how a sender chooses), its
// closed-form theory if it has one, and how reports describe it. Each kind is one file in this folder
// registered in registry.ts, whose Record over every kind makes a forgotten piece a compile error.
import type { Machine } from '../kernel/machine.js';
import type { SenderChoice, StrategyProcess, World } from '../kernel/world.js';
import type { StrategyKind, StrategySpecOf, StrategySpecs } from '../scenario-types.js';

/** Where the work for a handler goes. */
export type Placement =
  /** A distributor process forwards it to a worker that said it is ready. */
  | 'distributor'
  /** One queue, shared by every instance (competing consumers). */
  | 'shared-queue'
  /** Each sender picks an instance itself (its `choice`). */
  | 'sender-side'
  /** The kind's own processes (its `process`) take the work and hand it to the instances. */
  | 'own-process';

/** A key only this kind takes: its schema, and how the loader reads it. */
export type StrategyKey = {
  /** What it means, after "<kinds> only:", which the schema adds from the kinds that take the key. */
  readonly description: string;
  /** How a problem names it: "a machine", "an ackEvery". */
  readonly words: string;
} & (
  | {
      readonly type: 'machine';
      /** Why it is required; absent: optional. */
      readonly required?: string;
      /** Another machine key of the kind that this one must not name the same machine as. */
      readonly differentFrom?: string;
    }
  | { readonly type: 'integer'; readonly minimum: number; readonly default: number }
  | { readonly type: 'duration'; readonly positive: boolean; /** As written in YAML. */ readonly default: string; readonly defaultMs: number }
  | { readonly type: 'flag'; readonly default: boolean }
  | { readonly type: 'module'; readonly required: string }
  | { readonly type: 'mapping' }
);

/** The values the loader read for a kind's keys (a bad value reads as NaN, a missing one as its default). */
export interface StrategyValues {
  number(key: string): number;
  flag(key: string): boolean;
  /** A text value as written (a machine, a module), if there is a usable one. */
  text(key: string): string | undefined;
  /** A module key: its file resolved against the scenario's folder. */
  path(key: string): string | undefined;
  mapping(key: string): Readonly<Record<string, unknown>>;
}

/** What the closed forms need to know about a run's setup (it fits theory: see metrics/theory-overlay.ts). */
export interface TheoryFit {
  /** Handler threads over all instances, and the number of instances. */
  readonly threads: number;
  readonly instances: number;
  readonly singleThreads: boolean;
  readonly senders: number;
  /** Arrival rate and service rate, per ms. */
  readonly lambda: number;
  readonly mu: number;
}

export interface TheoryPrediction {
  /** Its name in reports, e.g. M/M/10. */
  readonly model: string;
  /** Mean wait in queue before service (ms). */
  readonly waitMs: number;
}

export interface StrategyDefinition<K extends StrategyKind> {
  /** The schema's sentence for this kind, "fair: each sender ...". */
  readonly summary: string;
  /** How a problem names a strategy of this kind: "a fair strategy". */
  readonly words: string;
  /** The keys only this kind takes, in schema order. */
  readonly keys: Readonly<Record<string, StrategyKey>>;
  readonly placement: Placement;
  /** The kind's own fields, from the values read for its keys. */
  build(values: StrategyValues): StrategySpecs[K];
  /** Sender-side kinds: how a sender chooses (`spec` and the custom module give a per-run choice). */
  choice?(spec: StrategySpecOf<K>): SenderChoice;
  /**
   * Sender-side kinds: words for a choice, and where the number it chose by (SenderChoice.count) goes:
   * inline ("round-robin counter 4"), after ("fewest unacknowledged (2)") or none ("at random").
   */
  readonly route?: { readonly words: string; readonly count: 'inline' | 'after' | 'none' };
  /** Receivers acknowledge every N processed messages (0 or absent: no acknowledgements). */
  ackEvery?(spec: StrategySpecOf<K>): number;
  /**
   * Placement `own-process`: builds the kind's processes on the built endpoints (their handlers'
   * `queue`, their instances' `source`) and returns them; `machine` finds a machine by name.
   */
  process?(spec: StrategySpecOf<K>, world: World, machine: (name: string) => Machine): StrategyProcess;
  /** The closed form this kind's setup is, when one fits. */
  theory?(fit: TheoryFit, spec: StrategySpecOf<K>): TheoryPrediction | undefined;
  /** Report words for its settings, e.g. ["on server", "concurrency 1"] (none: empty). */
  describe(spec: StrategySpecOf<K>, format: { duration(ms: number): string }): string[];
}
