import { type Outcome, outcomeOf, retryAfterMs } from './retry.js';
import type { ClickstreamEvent, EventBatch } from './schema/event.js';

export interface Answer {
  outcome: Outcome;
  status: number;
  retryAfterMs?: number | undefined;
}

const REQUEST_TIMEOUT_MS = 30_000;

/** `text/plain` is a CORS "simple" type: no preflight before each batch. */
const HEADERS = { 'Content-Type': 'text/plain;charset=UTF-8' };

export const batchBody = (events: ClickstreamEvent[]): string =>
  JSON.stringify({ sent_at: Date.now(), events } satisfies EventBatch);

/** POSTs one batch; a network error counts as status 0, which is retried. */
export async function postBatch(
  endpoint: string,
  body: string,
  keepalive = false,
): Promise<Answer> {
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      body,
      headers: HEADERS,
      keepalive,
      credentials: 'omit',
      // A hung request would hold the send lock of every tab; time it out and retry.
      signal: AbortSignal.timeout?.(REQUEST_TIMEOUT_MS),
    });
    return {
      outcome: outcomeOf(response.status),
      status: response.status,
      retryAfterMs: retryAfterMs(response.headers.get('Retry-After')),
    };
  } catch {
    return { outcome: 'retry', status: 0 };
  }
}

/** Hands a batch to `sendBeacon`, halving it until the browser takes every part. */
export function beacon(endpoint: string, events: ClickstreamEvent[]): boolean {
  const blob = new Blob([batchBody(events)], { type: HEADERS['Content-Type'] });
  if (navigator.sendBeacon?.(endpoint, blob)) return true;
  if (events.length < 2) return false;
  const half = events.length >> 1;
  return beacon(endpoint, events.slice(0, half)) && beacon(endpoint, events.slice(half));
}
