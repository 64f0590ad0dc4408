/**
 * Replaced at build time: `false` in the default script-tag build `clicktrail.iife.js`, which
 * leaves out what its size budget cannot hold (debug logging, taking over what 0.1.0 stored);
 * `true` in the ESM and CJS builds and in `clicktrail.full.iife.js`.
 */
declare const __SDK_FULL__: boolean;

/** True where the build has everything (and when running from source). */
export const FULL: boolean = typeof __SDK_FULL__ !== 'boolean' || __SDK_FULL__;
