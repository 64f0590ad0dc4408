import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@clicktrail/source'] },
  ssr: { resolve: { conditions: ['@clicktrail/source'] } },
  test: { include: ['src/**/*.test.ts'], testTimeout: 20_000 },
});
