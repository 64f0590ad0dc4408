import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@clicktrail/source'] },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 240_000,
    // The browser test builds and starts the app: one file at a time keeps 2 cores usable.
    fileParallelism: false,
  },
});
