import { retryAfterMs } from './retry.js';
import type { ClickstreamEvent, EventBatch } from './schema/event.js';

/** What the server answered: `status` 0 for a network error; `retryAfterMs` 0 when none. */
export interface Answer {
  status: number;
  retryAfterMs: number;
}

const REQUEST_TIMEOUT_MS = 30_000;

export const batchBody = (events: ClickstreamEvent[]): string =>
  JSON.stringify({ sent_at: Date.now(), events } satisfies EventBatch);

/**
 * POSTs one batch; a network error counts as status 0, which `outcomeOf` retries. A string
 * body goes as `text/plain;charset=UTF-8` (fetch's and sendBeacon's default), a CORS "simple"
 * type: no preflight before each batch.
 */
export async function postBatch(
  endpoint: string,
  body: string,
  keepalive = false,
): Promise<Answer> {
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      body,
      keepalive,
      credentials: 'omit',
      // A hung request would hold the send lock of every tab; time it out and retry.
      signal: AbortSignal.timeout?.(REQUEST_TIMEOUT_MS),
    });
    return {
      status: response.status,
      retryAfterMs: retryAfterMs(response.headers.get('Retry-After')),
    };
  } catch {
    return { status: 0, retryAfterMs: 0 };
  }
}

/** Hands a batch to `sendBeacon`, halving it until the browser takes every part. */
export function beacon(endpoint: string, events: ClickstreamEvent[]): boolean {
  if (navigator.sendBeacon?.(endpoint, batchBody(events))) return true;
  if (events.length < 2) return false;
  const half = events.length >> 1;
  return beacon(endpoint, events.slice(0, half)) && beacon(endpoint, events.slice(half));
}
