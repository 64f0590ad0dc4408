// `pnpm build`: dist/cli.js, the whole server in one ESM file (PGlite stays external: it is
// only loaded for the embedded warehouse). `node build.mjs --artifact` also packs it as
// dist/clicktrail-dashboard.tgz (server.mjs at the top), the artifact the AWS host installs;
// `--out DIR` writes it there instead (the CDK app's asset bundling does).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildClientScript } from './client-build.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The artifact runs on a host with a PostgreSQL server and nothing but Node: PGlite (WASM
 * files beside its code) is replaced by stand-ins that say so if the embedded warehouse is
 * ever asked for. A name missing here fails the build, not the host.
 */
const withoutPglite = {
  name: 'without-pglite',
  setup(b) {
    b.onResolve({ filter: /^@electric-sql\// }, (args) => ({
      path: args.path,
      namespace: 'no-pglite',
    }));
    b.onLoad({ filter: /.*/, namespace: 'no-pglite' }, () => ({
      contents: `const fail = () => { throw new Error('this dashboard build has no embedded warehouse: set DATABASE_URL or DWH_HOST'); };
class Missing { constructor() { fail(); } static create() { fail(); } }
export { Missing as PGlite, Missing as PGLiteSocketHandler, Missing as PGLiteSocketServer };`,
      loader: 'js',
    }));
  },
};

export async function buildServer(outfile = here('./dist/cli.js'), { embedded = true } = {}) {
  await build({
    plugins: embedded ? [] : [withoutPglite],
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
  const stage = mkdtempSync(join(tmpdir(), 'clicktrail-dashboard-artifact-'));
  try {
    await buildServer(join(stage, 'server.mjs'), { embedded: false });
    mkdirSync(outDir, { recursive: true });
    const tarball = join(outDir, 'clicktrail-dashboard.tgz');
    execFileSync('tar', ['-czf', tarball, '-C', stage, 'server.mjs']);
    return tarball;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // --artifact [--out DIR]: the tarball (default dist/); else the CLI bundle.
  const at = process.argv.indexOf('--out');
  const outDir = at > 0 ? process.argv[at + 1] : undefined;
  const out = process.argv.includes('--artifact')
    ? await buildArtifact(outDir)
    : await buildServer();
  console.info(`built ${out}`);
}
