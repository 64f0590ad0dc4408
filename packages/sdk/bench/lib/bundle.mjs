import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Bundles `bench/entries/<name>.js` as an app would ship it: esbuild, minified IIFE. */
export async function bundle(name) {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`../entries/${name}.js`, import.meta.url))],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].contents;
}

/** gzip -9 size in bytes. */
export const gzipBytes = (code) => gzipSync(code, { level: 9 }).length;
