import { defineConfig } from 'vitest/config';

// Real Chromium (playwright-core, Debian's /usr/bin/chromium) against a local test server,
// and the packed tarball installed in a scratch app. Both need `dist/` built first.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/browser/**/*.test.ts', 'test/pack/**/*.test.ts'],
    globalSetup: ['./test/browser/support/dist.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    maxWorkers: 2,
  },
});
