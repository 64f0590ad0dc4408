import { readFileSync } from 'node:fs';
import { bundle, gzipBytes } from './lib/bundle.mjs';

const IIFE = new URL('../dist/clicktrail.iife.js', import.meta.url);

/**
 * gzip -9 bytes of our script-tag build beside init + one event of each SDK bundled the same
 * way (esbuild --bundle --minify --format=iife). Ratios are against our script-tag build.
 */
export async function measureSizes() {
  const rows = [
    { name: '@clicktrail/sdk dist/clicktrail.iife.js (rollup + terser)', code: readFileSync(IIFE) },
  ];
  for (const [name, entry] of [
    ['@clicktrail/sdk ESM entry (esbuild)', 'clicktrail'],
    ['@aws/clickstream-web (esbuild)', 'clickstream-web'],
    ['@snowplow/browser-tracker (esbuild)', 'snowplow'],
  ]) {
    rows.push({ name, code: await bundle(entry) });
  }
  const ours = gzipBytes(rows[0].code);
  return rows.map(({ name, code }) => {
    const gzip = gzipBytes(code);
    return { name, minified: code.length, gzip, ratio: gzip / ours };
  });
}
