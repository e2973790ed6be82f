import { defineConfig } from 'vitest/config';

// Browser journeys in Debian's Chromium against a real server on a fresh database; run after `npm run build:web`.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
