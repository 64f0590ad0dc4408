import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = (file: string) => fileURLToPath(new URL(`../../../dist/${file}`, import.meta.url));

/** The script-tag build the browser tests load. */
export const IIFE_PATH = dist('clicktrail.iife.js');
/** The script-tag build with everything (debug logging, the 0.1.0 upgrade). */
export const FULL_IIFE_PATH = dist('clicktrail.full.iife.js');
const REQUIRED = [
  'clicktrail.iife.js',
  'clicktrail.full.iife.js',
  'index.js',
  'index.cjs',
  'schema.js',
  'index.d.ts',
];

/** Vitest global setup: the browser and pack tests exercise the build, so it must exist. */
export default function requireDist(): void {
  const missing = REQUIRED.filter((file) => !existsSync(dist(file)));
  if (missing.length > 0) {
    throw new Error(
      `packages/sdk/dist is not built (missing ${missing.join(', ')}). ` +
        'Run `pnpm --filter @clicktrail/sdk build` (or `pnpm -r build`) before the browser tests.',
    );
  }
}
