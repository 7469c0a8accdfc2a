import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Temporary files of every test under one folder, removed at the end (test/global-tmp.ts).
    globalSetup: ['test/global-tmp.ts'],
    // The theory and end-to-end tests run whole simulations and the built CLI: seconds, not millis.
    // Sized for a machine four times slower than an idle 2-core one (other processes competing for
    // the cores); the gallery test sets its own, longer budget.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // One test file per core, and one more. Vitest's default leaves one core free, which on a 2-core
    // machine runs the files one at a time; most of them spend much of their time waiting on child
    // processes (the built CLI), so one file more than the cores keeps the cores busy (idle 2-core
    // machine: 2m44s with 3 files at once against 3m02s with 2).
    maxWorkers: availableParallelism() + 1,
  },
});
