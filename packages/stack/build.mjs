// Bundles the supervisor's CLI for plain Node 20; dependencies stay external.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli.ts', 'src/index.ts', 'src/demo-shop.ts'],
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
