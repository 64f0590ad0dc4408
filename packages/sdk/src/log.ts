/** Said whenever storage fails and the SDK carries on in memory. */
export const MEMORY_FALLBACK = 'storage failed: using memory';

export type Log = (message: string, detail?: unknown) => void;

/** Debug output; a no-op unless `debug: true`. */
export const createLog =
  (debug: boolean): Log =>
  (message, detail) => {
    if (debug) console.info(`[clicktrail] ${message}`, ...(detail === undefined ? [] : [detail]));
  };
