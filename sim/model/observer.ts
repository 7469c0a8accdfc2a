// How the world reports what happens, so that statistics live in the metrics layer (which imports
// the model, never the other way round). Calls pass the world and a message slot: no allocation.
import type { World } from './world.js';

export interface WorldObserver {
  /** A work message was just sent (its fields are set; now = its send time). */
  sent(world: World, m: number): void;
  /** A work message's handler transaction just committed (called before its slot is recycled). */
  completed(world: World, m: number): void;
  /** A work message was moved to the error queue after its last retry failed. */
  failed(world: World, m: number): void;
  /** A work message is gone for good (express in a crash, vanished, unroutable). */
  lost(world: World, m: number): void;
  /** A sender just received a reply (its sentAt is the original send time). */
  replied(world: World, r: number): void;
  warmupEnded(world: World): void;
  sendingStopped(world: World): void;
  /** The end of a time-series bucket. */
  sample(world: World): void;
}
