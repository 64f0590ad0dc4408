// Bundles the CLI and the Lambda entry for plain Node 20. Workspace packages are
// TypeScript source (the `@clicktrail/source` condition), so they are bundled in;
// the AWS SDK stays external (a dependency here, and part of the Lambda runtime).
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli.ts', 'src/lambda.ts', 'src/index.ts'],
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  conditions: ['@clicktrail/source'],
  external: ['@aws-sdk/*'],
  sourcemap: true,
  logLevel: 'warning',
});
