import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@clicktrail/source'] },
  test: {
    environment: 'happy-dom',
    setupFiles: ['fake-indexeddb/auto', './test/setup-happy-dom.ts'],
    include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
