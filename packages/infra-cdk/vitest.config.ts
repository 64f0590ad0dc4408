import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Synthesis with cdk-nag and bundling takes seconds on 2 cores.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Test files only build their own Apps: sharing a worker's module cache
    // loads aws-cdk-lib once per worker instead of once per file.
    isolate: false,
  },
});
