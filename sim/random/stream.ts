// Seeded, named random streams. Every component that draws random numbers gets its own stream,
// derived from the scenario seed and the component's name (e.g. `arrivals/Sender/PlaceOrder`), so
// adding a worker never shifts the arrival sequence (the flaw in Ciw's single global stream).
// The generator is Baagøe's Alea, as shipped in seedrandom 3 (`seedrandom.alea`): fast, seedable
// from a string, reported to pass BigCrush, period about 2^116. Never Math.random.
import seedrandom from 'seedrandom';

/** A source of uniform numbers in [0, 1). The sequence depends only on how the stream was created. */
export interface RandomStream {
  next(): number;
}

/**
 * The stream for `name` under scenario `seed`. The same (seed, name) always gives the same
 * sequence, and streams with different names are independent.
 *
 * Resolution: each value is a multiple of 2^-32 (Alea's single-draw output), which is plenty for
 * service times and interarrival gaps and keeps one draw = one generator step.
 *
 * The seed string is `${seed}|${name}`: a JavaScript number never prints a `|`, so distinct
 * (seed, name) pairs always give distinct seed strings. Changing this format changes every stream
 * (a breaking change, caught by the pinned values in test/random/stream.test.ts).
 */
export function createStream(seed: number, name: string): RandomStream {
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new RangeError(`Expected \`seed\` to be a finite number, got \`${String(seed)}\` (${typeof seed})`);
  }
  // Alea's generator function closes over its own state and does not use `this`, so it can be the
  // stream's `next` directly: no wrapper call and no allocation per draw.
  const next: () => number = seedrandom.alea(`${seed}|${name}`);
  return { next };
}
