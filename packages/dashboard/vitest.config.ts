import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@clicktrail/source'] },
  ssr: { resolve: { conditions: ['@clicktrail/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    // A fixture on PGlite (create, migrate, ETL run) can take a minute on a loaded 2-core machine.
    hookTimeout: 180_000,
    // Each file makes its own database; two at a time suits a 2-core machine.
    maxWorkers: 2,
  },
});
