import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync('./package.json', 'utf8'));

export default defineConfig({
  resolve: { conditions: ['@clicktrail/source'] },
  define: { __SDK_VERSION__: JSON.stringify(version), __SDK_FULL__: 'true' },
  test: {
    environment: 'happy-dom',
    setupFiles: ['fake-indexeddb/auto', './test/setup-happy-dom.ts'],
    include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
