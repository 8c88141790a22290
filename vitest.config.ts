import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Workers and the dev page scripts run the compiled lib/: compiled first when stale.
    globalSetup: ['tests/support/global-setup.ts'],
    // Dates are read in the site's zone; a fixed host zone makes any leak visible.
    env: { TZ: 'America/Los_Angeles' },
    testTimeout: 20_000,
  },
});
