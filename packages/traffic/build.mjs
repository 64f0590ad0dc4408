// Bundles the two CLIs for plain Node 20; dependencies stay external.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/traffic-cli.ts', 'src/verify-cli.ts', 'src/index.ts'],
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // The schema is bundled from source; nothing else is imported.
  conditions: ['@clicktrail/source'],
  sourcemap: true,
  logLevel: 'warning',
  // Loaded at run time: pg's native add-on and the optional browser driver's playwright-core.
  external: ['pg', 'pg-native', 'playwright-core'],
});
