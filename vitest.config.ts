import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The theory and end-to-end tests run whole simulations and the built CLI: seconds, not millis.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
