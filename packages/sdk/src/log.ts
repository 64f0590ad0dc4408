import { FULL } from './build-flags.js';

/** Said whenever storage fails and the SDK carries on in memory. */
export const MEMORY_FALLBACK = 'storage failed';

export type Log = (message: string, detail?: unknown) => void;

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
  // The default script-tag build has no logging (its messages cost ~200 B gzip).
  if (FULL && debugging) {
    console.info(`[clicktrail] ${message}`, ...(detail === undefined ? [] : [detail]));
  }
};
