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
    // A browser waits on the server and the page's own fetches: on a loaded CI machine a change can take more
    // than expect.poll's default second to show.
    expect: { poll: { timeout: 10_000 } },
  },
});
