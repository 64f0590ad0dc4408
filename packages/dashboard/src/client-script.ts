import { fileURLToPath } from 'node:url';

// Set by the build (build.mjs) to the minified browser script; absent when running from source.
declare const __DASHBOARD_CLIENT_JS__: string | undefined;

let cached: Promise<string> | undefined;

/**
 * The page's only script, minified. The built server carries it inline; from source (tests,
 * development) it is bundled once on first use with the same esbuild settings as the build.
 */
export function clientScript(): Promise<string> {
  if (typeof __DASHBOARD_CLIENT_JS__ === 'string') return Promise.resolve(__DASHBOARD_CLIENT_JS__);
  cached ??= import(fileURLToPath(new URL('../client-build.mjs', import.meta.url))).then(
    (m: { buildClientScript(): Promise<string> }) => m.buildClientScript(),
  );
  return cached;
}
