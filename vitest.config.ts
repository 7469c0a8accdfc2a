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
    // One test file per core. Vitest's default leaves one core free, which on a 2-core machine runs
    // the files one at a time; most of them wait on child processes (the built CLI) anyway.
    maxWorkers: availableParallelism(),
  },
});
