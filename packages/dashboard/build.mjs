// `pnpm build`: dist/cli.js, the whole server in one ESM file (PGlite stays external: it is
// only loaded for the embedded warehouse). `node build.mjs --artifact` also packs it as
// dist/clicktrail-dashboard.tgz (server.mjs at the top), the artifact the AWS host installs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildClientScript } from './client-build.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export async function buildServer(outfile = here('./dist/cli.js')) {
  await build({
    entryPoints: [here('./src/cli.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minifySyntax: true,
    logLevel: 'warning',
    conditions: ['@clicktrail/source'],
    external: ['pg-native', '@electric-sql/*'],
    define: { __DASHBOARD_CLIENT_JS__: JSON.stringify(await buildClientScript()) },
    banner: {
      js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);",
    },
  });
  return outfile;
}

/** The artifact: a .tgz holding server.mjs, which needs nothing but Node 20+. */
export async function buildArtifact(outDir = here('./dist')) {
  const stage = join(outDir, 'artifact');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  await buildServer(join(stage, 'server.mjs'));
  const tarball = join(outDir, 'clicktrail-dashboard.tgz');
  execFileSync('tar', ['-czf', tarball, '-C', stage, 'server.mjs']);
  return tarball;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv.includes('--artifact') ? await buildArtifact() : await buildServer();
  console.info(`built ${out}`);
}
