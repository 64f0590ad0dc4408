// The browser script's bundle settings, shared by build.mjs and the server run from source.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export async function buildClientScript() {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./src/client/dashboard.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}
