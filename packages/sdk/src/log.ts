/** Said whenever storage fails and the SDK carries on in memory. */
export const MEMORY_FALLBACK = 'storage failed';

export type Log = (message: string, detail?: unknown) => void;

/**
 * `false` in the default script-tag build, which leaves debug logging out (its messages cost
 * ~190 B gzip); `true` in the ESM and CJS builds and in `clicktrail.debug.iife.js`.
 */
declare const __SDK_DEBUG__: boolean;
const LOGS = typeof __SDK_DEBUG__ !== 'boolean' || __SDK_DEBUG__;

let debugging = false;

/**
 * Turns debug output on or off for the page: the `debug` option of the client created last.
 * One switch rather than a logger per client, so the default script-tag build can drop every
 * message at build time.
 */
export const setDebug = (debug = false): void => {
  debugging = debug;
};

/** Debug output (`console.info`); a no-op unless the last client was created with `debug: true`. */
export const log: Log = (message, detail) => {
  if (LOGS && debugging) {
    console.info(`[clicktrail] ${message}`, ...(detail === undefined ? [] : [detail]));
  }
};
