import { mkdir, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Bundles the CLI as `pnpm build` does, so child-process tests run the real thing. */
export async function buildCli(): Promise<string> {
  // Inside the package's node_modules, so the bundle resolves its externals (pg, PGlite).
  const cache = join(import.meta.dirname, '..', '..', 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const outdir = await mkdtemp(join(cache, 'clicktrail-etl-cli-'));
  await build({
    entryPoints: [join(import.meta.dirname, '..', 'cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir,
    logLevel: 'warning',
    conditions: ['@clicktrail/source'],
    external: ['pg', 'pg-native', '@electric-sql/*'],
    banner: {
      js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);",
    },
  });
  return join(outdir, 'cli.js');
}
