import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Dates are read in the site's zone; a fixed host zone makes any leak visible.
    env: { TZ: 'America/Los_Angeles' },
    testTimeout: 20_000,
  },
});
