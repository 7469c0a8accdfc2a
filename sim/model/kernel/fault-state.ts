// What the faults keep while a run goes on (their behaviour is in ../faults/): each fault's
// occurrences and stream, the partitions in force and the duplicate-QMId groups.
import { createStream, type RandomStream } from '../../random/stream.js';
import type { FaultSpec } from '../scenario-types.js';

/** One time a fault was in force, for the fault impact report. */
export interface FaultOccurrence {
  fault: number;
  start: number;
  /** NaN while it lasts (or when it lasted to the end of the run). */
  end: number;
  /** Processing time lost by handlers it interrupted (ms). */
  wastedMs: number;
  /**
   * When what it stopped resumed before it ended (a clustered distributor failed over to the other
   * node); NaN: at its end.
   */
  resumedAt: number;
}

export class FaultState {
  readonly occurrences: FaultOccurrence[] = [];
  readonly rngs: RandomStream[];
  /** Per fault: the occurrence in force, or -1. */
  readonly current: number[];

  constructor(readonly specs: readonly FaultSpec[], seed: number) {
    this.rngs = specs.map((f) => createStream(seed, `faults/${f.name}`));
    this.current = specs.map(() => -1);
  }
}

export class QmidGroup {
  active = true;
  owner: number;

  constructor(
    readonly fault: number,
    readonly members: readonly number[],
    readonly lossProbability: number,
    readonly switchEveryMs: number,
    readonly rng: RandomStream,
  ) {
    this.owner = members[Math.floor(rng.next() * members.length)];
  }
}

export class NetworkFaults {
  /** Pairs of machines currently cut off from each other (key: lower * machines + higher). */
  readonly partitions = new Set<number>();
  /** Duplicate QMId groups by fault index. */
  readonly groups = new Map<number, QmidGroup>();
}
