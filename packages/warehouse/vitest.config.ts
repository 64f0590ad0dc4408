import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@clicktrail/source'] },
  ssr: { resolve: { conditions: ['@clicktrail/source'] } },
  test: {
    include: ['src/**/*.test.ts'],
    // Creating a PGlite takes seconds, over a minute on a loaded 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Each file makes its own database; two at a time suits a 2-core machine.
    maxWorkers: 2,
  },
});
