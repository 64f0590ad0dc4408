/** A raw-store write that took longer than the handler may wait. */
export class StoreTimeoutError extends Error {
  override name = 'StoreTimeoutError';
}

/** How long a store write may take before the request is answered 503 (a few seconds). */
export const DEFAULT_STORE_TIMEOUT_MS = 3_000;

/**
 * Settles with `write`, or fails with `StoreTimeoutError` after `ms`: a stalled store must
 * not hold every request open (the client retries on 503). A write that still completes
 * later leaves an object the retry repeats, and the ETL keeps one row per `event_id`.
 */
export async function withinTimeout<T>(write: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new StoreTimeoutError(`${what} took longer than ${ms} ms`)),
      ms,
    );
  });
  try {
    return await Promise.race([write, expired]);
  } finally {
    clearTimeout(timer);
  }
}
